"""A deterministic layered layout of an explanation (sub)graph, drawn as static SVG.

Explanation graphs are DAGs that read from the case file down to the conclusion, so a layered
(Sugiyama-style) drawing suits them: each node's layer is its longest path from a source,
nodes within a layer are ordered by a few sweeps of the barycentre heuristic (ties by node id),
and edges are curves from a node's bottom to the next node's top. Everything is computed here,
in Python, so the page draws its graph without any script and the same graph always gives the
same SVG text.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

import networkx as nx

from engine.exports.style import short_label, style

NODE_W = 250
NODE_H = 62
H_GAP = 26
V_GAP = 56
MARGIN = 12
LINE = 13


@dataclass(frozen=True)
class Placed:
    node: str
    x: int
    y: int


def _layers(graph: nx.DiGraph) -> list[list[str]]:
    layer: dict[str, int] = {}
    for node in nx.lexicographical_topological_sort(graph):
        preds = list(graph.predecessors(node))
        layer[node] = 1 + max(layer[p] for p in preds) if preds else 0
    rows: list[list[str]] = [[] for _ in range(max(layer.values(), default=-1) + 1)]
    for node in sorted(layer):
        rows[layer[node]].append(node)
    return rows


def _order(graph: nx.DiGraph, rows: list[list[str]], sweeps: int = 4) -> list[list[str]]:
    position = {n: i for row in rows for i, n in enumerate(row)}
    for sweep in range(sweeps):
        downward = sweep % 2 == 0
        indices = range(1, len(rows)) if downward else range(len(rows) - 2, -1, -1)
        for r in indices:
            neighbours = graph.predecessors if downward else graph.successors

            def centre(node: str, near: object = neighbours) -> tuple[float, str]:
                linked = [position[m] for m in near(node)]  # type: ignore[operator]
                mean = sum(linked) / len(linked) if linked else float(position[node])
                return (mean, node)

            rows[r] = sorted(rows[r], key=centre)
            for i, node in enumerate(rows[r]):
                position[node] = i
    return rows


def layout(graph: nx.MultiDiGraph) -> tuple[list[Placed], int, int]:
    """Node positions (top-left corners) and the drawing's width and height."""
    simple = nx.DiGraph()
    simple.add_nodes_from(sorted(graph.nodes))
    simple.add_edges_from(sorted((u, v) for u, v in graph.edges()))
    rows = _order(simple, _layers(simple))
    widest = max((len(row) for row in rows), default=0)
    width = widest * (NODE_W + H_GAP) - H_GAP + 2 * MARGIN
    placed = []
    for r, row in enumerate(rows):
        offset = (widest - len(row)) * (NODE_W + H_GAP) // 2
        for i, node in enumerate(row):
            placed.append(
                Placed(node, MARGIN + offset + i * (NODE_W + H_GAP), MARGIN + r * (NODE_H + V_GAP))
            )
    height = len(rows) * (NODE_H + V_GAP) - V_GAP + 2 * MARGIN
    return placed, max(width, 0), max(height, 0)


def svg(graph: nx.MultiDiGraph, title: str) -> str:
    """The graph as an SVG element: one ``<g class="node">`` per node (``data-node`` holds the
    node id, for the page's script) and one ``<path class="edge">`` per edge."""
    placed, width, height = layout(graph)
    at = {p.node: p for p in placed}
    parts = [
        f'<svg class="graph" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'role="img" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
    ]
    for source, target, key in sorted(graph.edges(keys=True), key=lambda e: (e[0], e[1], e[2])):
        kind = str(graph.edges[source, target, key].get("kind", key))
        a, b = at[source], at[target]
        x1, y1 = a.x + NODE_W // 2, a.y + NODE_H
        x2, y2 = b.x + NODE_W // 2, b.y
        bend = max((y2 - y1) // 2, 20)
        parts.append(
            f'<path class="edge edge-{escape(kind)}" d="M{x1},{y1} C{x1},{y1 + bend} '
            f'{x2},{y2 - bend} {x2},{y2}" marker-end="url(#arrow)">'
            f"<title>{escape(kind)}</title></path>"
        )
    for p in placed:
        attrs = dict(graph.nodes[p.node])
        kind = str(attrs.get("kind", ""))
        fill, border, caption = style(kind)
        dash = ' stroke-dasharray="5 3"' if kind == "absence" or attrs.get("defeated") else ""
        parts.append(
            f'<g class="node kind-{escape(kind)}" data-node="{escape(p.node)}" tabindex="0" '
            f'role="button" aria-label="{escape(caption)}: {escape(str(attrs.get("label", "")))}">'
            f'<rect x="{p.x}" y="{p.y}" width="{NODE_W}" height="{NODE_H}" rx="8" '
            f'fill="{fill}" stroke="{border}" stroke-width="1.4"{dash}/>'
            f'<text x="{p.x + 8}" y="{p.y + LINE}" class="caption" fill="{border}">'
            f"{escape(caption)}</text>"
        )
        for i, line in enumerate(short_label(attrs, width=38, lines=3)):
            y = p.y + LINE * (i + 2)
            parts.append(f'<text x="{p.x + 8}" y="{y}" class="label">{escape(line)}</text>')
        parts.append("</g>")
    parts.append("</svg>")
    return "".join(parts)
