"""A Mermaid flowchart of an explanation graph (renders in GitHub/GitLab Markdown viewers).

Mermaid node ids cannot hold ``:`` or ``#``, so nodes are numbered ``n0, n1, ...`` in sorted
id order (deterministic) and each label starts with its kind. Labels are quoted, with Mermaid's
entity codes for the characters that would end or confuse them (``"`` -> ``#quot;``, ``<`` ->
``#lt;``, ``>`` -> ``#gt;``, ``#`` -> ``#35;``), so case text cannot break the chart or inject
markup. ``markdown=True`` wraps it in a fenced ```` ```mermaid ```` block.
"""

from __future__ import annotations

import networkx as nx

from engine.exports.style import KIND_STYLE, short_label, style

SHAPES = {
    "fact": ('["', '"]'),
    "absence": ('[/"', '"/]'),
    "rule": ('{{"', '"}}'),
    "conclusion": ('("', '")'),
    "authority": ('[["', '"]]'),
}
ARROWS = {
    "premise": "-->",
    "derives": "==>",
    "cites": "-.->",
    "overrides": "--x",
    "part_of": "-.->",
}


def escape(text: str) -> str:
    """Text safe inside a quoted Mermaid label."""
    text = text.replace("#", "#35;")
    for char, code in (('"', "#quot;"), ("<", "#lt;"), (">", "#gt;"), ("`", "#96;")):
        text = text.replace(char, code)
    return " ".join(text.split())


def to_mermaid(graph: nx.MultiDiGraph, markdown: bool = False) -> str:
    """The flowchart text, with a trailing newline."""
    ids = {node: f"n{i}" for i, node in enumerate(sorted(graph.nodes))}
    lines = ["flowchart LR"]
    classes: dict[str, list[str]] = {}
    for node in sorted(graph.nodes):
        attrs = dict(graph.nodes[node])
        kind = str(attrs.get("kind", ""))
        caption = style(kind)[2]
        text = "<br/>".join(escape(line) for line in [caption, *short_label(attrs)])
        opening, closing = SHAPES.get(kind, ('["', '"]'))
        lines.append(f"  {ids[node]}{opening}{text}{closing}")
        classes.setdefault(kind if kind in KIND_STYLE else "other", []).append(ids[node])
    for source, target, key, data in sorted(
        graph.edges(keys=True, data=True), key=lambda e: (e[0], e[1], str(e[2]))
    ):
        kind = str(data.get("kind", key))
        lines.append(f"  {ids[source]} {ARROWS.get(kind, '-->')}|{kind}| {ids[target]}")
    for kind, (fill, border, _) in KIND_STYLE.items():
        lines.append(f"  classDef {kind} fill:{fill},stroke:{border},color:#111111")
    for kind, members in sorted(classes.items()):
        if kind in KIND_STYLE:
            lines.append(f"  class {','.join(members)} {kind}")
    body = "\n".join(lines) + "\n"
    return f"```mermaid\n{body}```\n" if markdown else body
