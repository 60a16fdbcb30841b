"""How each kind of explanation-graph node is drawn, shared by the DOT, Mermaid and HTML
renderings so that a fact looks like a fact in all of them."""

from __future__ import annotations

import textwrap

KIND_STYLE: dict[str, tuple[str, str, str]] = {
    # kind: (fill colour, border colour, caption)
    "fact": ("#e8f1fb", "#3b6ea8", "fact"),
    "absence": ("#fdecea", "#b3261e", "absence"),
    "rule": ("#fff4d6", "#a36b00", "rule"),
    "conclusion": ("#e7f5ea", "#2e7d32", "conclusion"),
    "authority": ("#f1ecf8", "#6a4c93", "authority"),
}
DEFAULT_STYLE = ("#eeeeee", "#666666", "node")


def style(kind: str) -> tuple[str, str, str]:
    """Fill, border and caption for a node kind."""
    return KIND_STYLE.get(kind, DEFAULT_STYLE)


def short_label(attrs: dict[str, object], width: int = 36, lines: int = 3) -> list[str]:
    """A node's label wrapped to ``lines`` lines of ``width`` characters (ellipsis if cut).

    Rule firings show their rule id (the statement is in the node's details).
    """
    if attrs.get("kind") == "rule":
        text = str(attrs.get("rule", ""))
    else:
        text = str(attrs.get("label", ""))
    wrapped = textwrap.wrap(text, width=width, break_long_words=True) or [""]
    if len(wrapped) > lines:
        wrapped = wrapped[:lines]
        wrapped[-1] = wrapped[-1][: width - 1].rstrip() + "…"
    return wrapped
