"""``why``: the chain from case-file facts through rule firings to one conclusion.

The chain is the conclusion's ancestors in the explanation graph (everything it rests on and
nothing else), plus the authorities its firings cite, in a deterministic dependency order
(lexicographic topological sort).
"""

from __future__ import annotations

import networkx as nx

from engine.explain_types import AuthorityRef, Chain, FactStep, FiringStep
from engine.provenance import ancestors_subgraph


def fact_step(graph: nx.MultiDiGraph, node: str) -> FactStep:
    """A fact, absence or conclusion node as a :class:`FactStep`."""
    attrs = graph.nodes[node]
    return FactStep(
        id=node,
        kind=str(attrs.get("kind", "")),
        label=str(attrs.get("label", "")),
        path=str(attrs.get("path") or attrs.get("where") or ""),
        record=str(attrs.get("record", "")),
    )


def authority_refs(graph: nx.MultiDiGraph, firing: str) -> tuple[AuthorityRef, ...]:
    """The authorities a firing node cites, sorted by node id."""
    cites = sorted({v for _, v, k in graph.out_edges(firing, data="kind") if k == "cites"})
    return tuple(
        AuthorityRef(
            id=str(graph.nodes[a].get("authority", a)),
            citation=str(graph.nodes[a].get("label", "")),
            url=str(graph.nodes[a].get("url", "")),
        )
        for a in cites
    )


def firing_step(graph: nx.MultiDiGraph, node: str) -> FiringStep:
    """A rule-firing node as a :class:`FiringStep`."""
    attrs = graph.nodes[node]
    ins = list(graph.in_edges(node, data="kind"))
    outs = list(graph.out_edges(node, data="kind"))
    return FiringStep(
        id=node,
        rule=str(attrs.get("rule", "")),
        statement=str(attrs.get("statement", "")),
        rule_kind=str(attrs.get("rule_kind", "")),
        status=str(attrs.get("status", "")),
        authorities=authority_refs(graph, node),
        premises=tuple(sorted({u for u, _, k in ins if k == "premise"})),
        derives=tuple(sorted({v for _, v, k in outs if k == "derives"})),
        overridden_by=tuple(sorted({u for u, _, k in ins if k == "overrides"})),
    )


def why(graph: nx.MultiDiGraph, target: str) -> Chain:
    """The chain that explains ``target``, a node id in ``graph``."""
    from engine.conclusion_ids import UnknownConclusion

    if target not in graph:
        raise UnknownConclusion(target, [])
    sub = ancestors_subgraph(graph, [target])
    facts, absences, firings, conclusions = [], [], [], []
    for node in nx.lexicographical_topological_sort(sub):
        kind = sub.nodes[node].get("kind")
        if kind == "fact":
            facts.append(fact_step(sub, node))
        elif kind == "absence":
            absences.append(fact_step(sub, node))
        elif kind == "conclusion":
            conclusions.append(fact_step(sub, node))
        elif kind == "rule":
            firings.append(firing_step(sub, node))
    return Chain(
        target=target,
        label=str(graph.nodes[target].get("label", "")),
        facts=tuple(facts),
        absences=tuple(absences),
        firings=tuple(firings),
        conclusions=tuple(conclusions),
    )


def basis(graph: nx.MultiDiGraph, conclusion: str) -> tuple[FactStep, ...]:
    """What a conclusion rests on, briefly: every absence among its ancestors, then the facts
    its deriving firings used directly (case facts with their paths and record cites)."""
    ancestors = nx.ancestors(graph, conclusion)
    absent = sorted(n for n in ancestors if graph.nodes[n].get("kind") == "absence")
    direct: set[str] = set()
    for firing, _, kind in graph.in_edges(conclusion, data="kind"):
        if kind != "derives":
            continue
        for premise, _, edge in graph.in_edges(firing, data="kind"):
            if edge == "premise" and graph.nodes[premise].get("kind") == "fact":
                direct.add(premise)
    return tuple(fact_step(graph, n) for n in [*absent, *sorted(direct)])
