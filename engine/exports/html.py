"""One self-contained, offline HTML page: the decision, the explanation graph, the narrative.

The page has no external resources: its stylesheet and script are inline (html_assets), its
graphs are SVG drawn here (layout), and a Content-Security-Policy admits nothing else (no
network, no other script). At the top the decision (ruling, request table, grounds, orders,
sanctions); then the explanation graph, one collapsible section per request (the chain behind
its disposition) plus an overview of the motion, where a click on a node shows its facts, its
rule's text and its authorities with links; then the narrative. Every piece of case text is
HTML-escaped, and the node data the script reads is JSON with ``<``, ``>`` and ``&`` escaped.
Deterministic: the same case gives the same bytes.
"""

from __future__ import annotations

import base64
import hashlib
import json
from html import escape
from typing import Any

import networkx as nx

from engine.engine import Result
from engine.exports.decision_text import MOTION_WORDS, court_words
from engine.exports.html_assets import CSS, JS
from engine.exports.layout import svg
from engine.exports.narrative import paragraphs
from engine.exports.style import KIND_STYLE
from engine.provenance import ancestors_subgraph
from kb.authorities import resolve
from kb.outcomes import DISPOSITION_WORDS, Decision

OVERVIEW_TYPES = ("MotionDisposition", "Order", "Sanction", "SanctionRefused", "ExcuseRuling")


def _script_json(value: Any) -> str:
    """JSON that cannot end the ``<script>`` element it sits in."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, code)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _hash(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


def node_data(result: Result, graph: nx.MultiDiGraph) -> dict[str, dict[str, Any]]:
    """What the details panel shows for each node."""
    docs = {meta.id: meta.doc for meta in result.rules}
    out: dict[str, dict[str, Any]] = {}
    for node in sorted(graph.nodes):
        attrs = {k: v for k, v in graph.nodes[node].items() if v not in ("", None)}
        entry: dict[str, Any] = dict(attrs)
        if attrs.get("kind") == "rule":
            edges = list(graph.in_edges(node, data="kind")) + list(
                graph.out_edges(node, data="kind")
            )
            doc = docs.get(str(attrs.get("rule")), "")
            # docstrings are wrapped for the source; the panel wraps them itself
            entry["doc"] = "\n\n".join(" ".join(p.split()) for p in doc.split("\n\n"))
            entry["premises"] = sorted({u for u, v, k in edges if v == node and k == "premise"})
            entry["derives"] = sorted({v for u, v, k in edges if u == node and k == "derives"})
            entry["defeated_by"] = sorted(
                {u for u, v, k in edges if v == node and k == "overrides"}
            )
            entry["cites"] = [
                {"citation": str(graph.nodes[v].get("label", "")), "url": graph.nodes[v].get("url")}
                for v in sorted({v for u, v, k in edges if u == node and k == "cites"})
            ]
        out[node] = entry
    return out


def _overview(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    keep: set[str] = set()
    for node, attrs in graph.nodes(data=True):
        if attrs.get("fact_type") in OVERVIEW_TYPES and not attrs.get("defeated"):
            keep.add(node)
            for firing, _, kind in graph.in_edges(node, data="kind"):
                if kind == "derives" and graph.nodes[firing].get("status") == "fired":
                    keep.add(firing)
                    keep.update(
                        u
                        for u, _, k in graph.in_edges(firing, data="kind")
                        if k == "premise" and graph.nodes[u].get("kind") == "conclusion"
                    )
    return graph.subgraph(keep).copy()


def _decision_html(decision: Decision, movant: str) -> str:
    words = DISPOSITION_WORDS[decision.disposition]
    motion = MOTION_WORDS.get(decision.motion, decision.motion)
    parts = [
        f"<h1>{escape(decision.title)}</h1>",
        f'<div class="court">No. {escape(decision.case)} · {escape(court_words(decision))} · '
        f"decided as of {escape(decision.as_of)} · rules {escape(decision.rules_version)}</div>",
        f'<p class="ruling">{escape(movant)}\'s {escape(motion)}: <strong>{escape(words)}'
        "</strong></p>",
        "<table><thead><tr><th>Request</th><th>Disposition</th><th>Grounds</th></tr></thead>"
        "<tbody>",
    ]
    for request, outcome in decision.requests.items():
        parts.append(
            f"<tr><td>{escape(request)}</td><td>{escape(outcome.disposition)}</td>"
            f"<td>{escape(', '.join(outcome.grounds) or '-')}</td></tr>"
        )
    parts.append("</tbody></table>")
    if decision.grounds:
        parts.append("<h2>Grounds</h2><ol>")
        for ground in decision.grounds:
            cites = "; ".join(resolve(a).citation for a in ground.authorities)
            also = "" if ground.decisive else " <em>(also found; not decisive)</em>"
            record = f" Record: {escape('; '.join(ground.record))}." if ground.record else ""
            parts.append(
                f"<li>{escape(ground.statement)}{also} <span class='muted'>"
                f"{escape(ground.rule)}: {escape(cites)}.{record}</span></li>"
            )
        parts.append("</ol>")
    if decision.orders:
        parts.append("<h2>Orders</h2><ul>")
        parts += [f"<li>{escape(order.statement)}</li>" for order in decision.orders]
        parts.append("</ul>")
    if decision.sanctions is not None:
        parts.append("<h2>Sanctions</h2><ul>")
        parts += [f"<li>{escape(award.statement)}</li>" for award in decision.sanctions.awards]
        parts.append("</ul>")
    return "".join(parts)


def _sections(graph: nx.MultiDiGraph, decision: Decision, focus: str) -> list[str]:
    overview = _overview(graph)
    focused = next(
        (r for r, o in decision.requests.items() if focus == f"concl:request:{r}:{o.disposition}"),
        next(iter(decision.requests), None),
    )
    out = []
    if overview.number_of_nodes():
        out.append(
            '<details class="request" id="section-motion" open><summary>The motion: '
            f"{escape(DISPOSITION_WORDS[decision.disposition])} (overview)</summary>"
            f'<div class="graph-wrap">{svg(overview, "Overview of the motion")}</div></details>'
        )
    for request, outcome in decision.requests.items():
        target = f"concl:request:{request}:{outcome.disposition}"
        if target not in graph:
            continue
        sub = ancestors_subgraph(graph, [target])
        grounds = ", ".join(outcome.grounds) or "no ground"
        opened = " open" if request == focused else ""
        out.append(
            f'<details class="request" id="section-{escape(request)}"{opened}><summary>'
            f"{escape(request)}: {escape(outcome.disposition.replace('_', ' '))} "
            f"<span class='muted'>({escape(grounds)})</span></summary>"
            f'<div class="graph-wrap">{svg(sub, f"Why {request} was {outcome.disposition}")}'
            "</div></details>"
        )
    return out


def render_html(
    result: Result, graph: nx.MultiDiGraph, decision: Decision, focus: str | None = None
) -> str:
    """The whole page, with a trailing newline. ``focus`` (a node id) is shown in the details
    panel when the page opens, and its request's section is open; by default the motion's
    disposition and the first request."""
    movant = result.record.party_name(result.record.model.motion.movant)
    motion_node = next((n for n in sorted(graph.nodes) if n.startswith("concl:motion:")), "")
    focus = focus if focus is not None and focus in graph else motion_node
    data = {"initial": focus, "nodes": node_data(result, graph)}
    legend = "".join(
        f'<span class="kind-{kind}">{caption}</span>'
        for kind, (_, _, caption) in KIND_STYLE.items()
    )
    narrative = "".join(
        f"<p>{escape(p.text)}</p>" for p in paragraphs(result, graph) if p.text.strip()
    )
    css = CSS + "".join(
        f".legend .kind-{kind} {{ background: {fill}; border-color: {border}; }}\n"
        for kind, (fill, border, _) in KIND_STYLE.items()
    )
    csp = (
        f"default-src 'none'; script-src '{_hash(JS)}'; style-src '{_hash(css)}'; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    page = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{escape(csp)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(decision.title)}: explanation</title>",
        f"<style>{css}</style></head><body>",
        f"<header>{_decision_html(decision, movant)}</header>",
        "<main>",
        '<section><h2>Explanation graph</h2><div class="toolbar">'
        '<button type="button" id="expand-all">Expand all</button>'
        '<button type="button" id="collapse-all">Collapse all</button>'
        f' <span class="legend">{legend}</span></div>'
        '<p class="muted">One section per request: the chain from the case file to its '
        "disposition. Click a node to see its facts, its rule's text and its authorities.</p>"
        "</section>",
        '<div class="layout"><div class="graphs">',
        '<svg width="0" height="0" aria-hidden="true"><defs><marker id="arrow" '
        'viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#8a94a6"/></marker>'
        "</defs></svg>",
        *_sections(graph, decision, focus),
        '</div><aside id="details" aria-live="polite"><h2>Details</h2><div id="details-body">'
        '<p class="muted">Click a node.</p></div></aside></div>',
        f'<section class="narrative"><h2>Narrative</h2>{narrative}</section>',
        "</main>",
        f'<script type="application/json" id="kb-data">{_script_json(data)}</script>',
        f"<script>{JS}</script>",
        "</body></html>",
    ]
    return "\n".join(page) + "\n"
