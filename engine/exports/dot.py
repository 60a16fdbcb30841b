"""Graphviz DOT of an explanation graph, byte-for-byte deterministic.

Nodes are written sorted by id, edges by (source, target, key). Labels are the node's short
label (a rule firing shows its rule id); the full text is the ``tooltip``. Strings are written
as DOT quoted strings with ``"`` and ``\\`` escaped and newlines as ``\\n`` line breaks, so any
case text is safe. Render with ``dot -Tsvg explanation.dot > explanation.svg``.
"""

from __future__ import annotations

import networkx as nx

from engine.exports.style import short_label, style

SHAPES = {
    "fact": "box",
    "absence": "box",
    "rule": "hexagon",
    "conclusion": "box",
    "authority": "note",
}
EDGE_STYLES = {
    "premise": 'color="#3b6ea8"',
    "derives": 'color="#2e7d32", penwidth=1.5',
    "cites": 'color="#6a4c93", style=dashed',
    "overrides": 'color="#b3261e", style=bold',
    "part_of": 'color="#888888", style=dotted',
}


def quote(text: str) -> str:
    """A DOT quoted string: backslashes and quotes escaped, newlines as ``\\n``."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    escaped = escaped.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    return f'"{escaped}"'


def _node_line(node: str, attrs: dict[str, object]) -> str:
    kind = str(attrs.get("kind", ""))
    fill, border, caption = style(kind)
    label = "\n".join([caption, *short_label(attrs)])
    full = str(attrs.get("statement") or attrs.get("label") or node)
    extra = ', style="filled,rounded,dashed"' if kind == "absence" else ""
    if kind == "conclusion" and attrs.get("defeated"):
        extra = ', style="filled,rounded,dotted"'
    return (
        f"  {quote(node)} [label={quote(label)}, tooltip={quote(full)}, "
        f'shape={SHAPES.get(kind, "box")}, fillcolor="{fill}", color="{border}"{extra}];'
    )


def to_dot(graph: nx.MultiDiGraph) -> str:
    """The DOT text (a ``digraph``), with a trailing newline."""
    lines = [
        "digraph explanation {",
        '  graph [rankdir=LR, fontname="Helvetica", nodesep=0.25, ranksep=0.6];',
        '  node [fontname="Helvetica", fontsize=10, style="filled,rounded", margin="0.1,0.05"];',
        '  edge [fontname="Helvetica", fontsize=8, arrowsize=0.6];',
    ]
    for node in sorted(graph.nodes):
        lines.append(_node_line(node, dict(graph.nodes[node])))
    for source, target, key, data in sorted(
        graph.edges(keys=True, data=True), key=lambda e: (e[0], e[1], str(e[2]))
    ):
        kind = str(data.get("kind", key))
        style_attrs = EDGE_STYLES.get(kind, "")
        sep = ", " if style_attrs else ""
        lines.append(
            f"  {quote(source)} -> {quote(target)} [label={quote(kind)}{sep}{style_attrs}];"
        )
    lines.append("}")
    return "\n".join(lines) + "\n"
