"""Explanations: the chain from case-file facts through rule firings to a conclusion.

``why(graph, target)`` returns a :class:`Chain`: the facts (with their case-file paths and record
cites), the absences (with where in the case file the missing thing would have been), the rule
firings in the order they depend on each other (with rule ids, statements and authorities), and
the conclusion. ``render_chain`` prints it as text.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

import networkx as nx

from engine.provenance import ancestors_subgraph


class UnknownConclusion(KeyError):
    """A conclusion id that is not in the graph; carries the nearest matches."""

    def __init__(self, wanted: str, near: list[str]) -> None:
        super().__init__(wanted)
        self.wanted = wanted
        self.near = near

    def __str__(self) -> str:
        hint = f"; did you mean {', '.join(self.near)}?" if self.near else ""
        return f"no conclusion {self.wanted!r} in this case{hint}"


@dataclass(frozen=True)
class FactStep:
    id: str
    kind: str
    label: str
    path: str = ""
    record: str = ""


@dataclass(frozen=True)
class AuthorityRef:
    id: str
    citation: str
    url: str


@dataclass(frozen=True)
class FiringStep:
    id: str
    rule: str
    statement: str
    rule_kind: str
    status: str
    authorities: tuple[AuthorityRef, ...]
    premises: tuple[str, ...]
    derives: tuple[str, ...]
    overridden_by: tuple[str, ...] = ()


@dataclass(frozen=True)
class Chain:
    """Everything that explains one conclusion."""

    target: str
    label: str
    facts: tuple[FactStep, ...]
    absences: tuple[FactStep, ...]
    firings: tuple[FiringStep, ...]
    conclusions: tuple[FactStep, ...] = field(default=())


def resolve_target(graph: nx.MultiDiGraph, wanted: str, single_set: str | None) -> str:
    """Accept ``concl:request:rfp1:34:denied`` or, in a one-set case,
    ``concl:request:34:denied``."""
    if wanted in graph:
        return wanted
    if single_set and wanted.startswith("concl:request:"):
        rest = wanted.removeprefix("concl:request:")
        candidate = f"concl:request:{single_set}:{rest}"
        if candidate in graph:
            return candidate
    conclusions = sorted(n for n, k in graph.nodes(data="kind") if k in ("conclusion", "absence"))
    raise UnknownConclusion(wanted, difflib.get_close_matches(wanted, conclusions, n=5, cutoff=0.5))


def _step(graph: nx.MultiDiGraph, node: str) -> FactStep:
    attrs = graph.nodes[node]
    return FactStep(
        id=node,
        kind=str(attrs.get("kind", "")),
        label=str(attrs.get("label", "")),
        path=str(attrs.get("path") or attrs.get("where") or ""),
        record=str(attrs.get("record", "")),
    )


def why(graph: nx.MultiDiGraph, target: str) -> Chain:
    """The chain that explains ``target`` (a node id in ``graph``)."""
    if target not in graph:
        raise UnknownConclusion(target, [])
    sub = ancestors_subgraph(graph, [target])
    order = list(nx.lexicographical_topological_sort(sub))
    facts, absences, firings, conclusions = [], [], [], []
    for node in order:
        kind = sub.nodes[node].get("kind")
        if kind == "fact":
            facts.append(_step(sub, node))
        elif kind == "absence":
            absences.append(_step(sub, node))
        elif kind == "conclusion":
            conclusions.append(_step(sub, node))
        elif kind == "rule":
            firings.append(_firing(sub, node))
    return Chain(
        target=target,
        label=str(graph.nodes[target].get("label", "")),
        facts=tuple(facts),
        absences=tuple(absences),
        firings=tuple(firings),
        conclusions=tuple(conclusions),
    )


def _firing(sub: nx.MultiDiGraph, node: str) -> FiringStep:
    attrs = sub.nodes[node]
    edges = list(sub.in_edges(node, data="kind")) + list(sub.out_edges(node, data="kind"))
    premises = sorted({u for u, v, k in edges if v == node and k == "premise"})
    derives = sorted({v for u, v, k in edges if u == node and k == "derives"})
    cites = sorted({v for u, v, k in edges if u == node and k == "cites"})
    overridden = sorted({u for u, v, k in edges if v == node and k == "overrides"})
    authorities = tuple(
        AuthorityRef(
            id=str(sub.nodes[a].get("authority", a)),
            citation=str(sub.nodes[a].get("label", "")),
            url=str(sub.nodes[a].get("url", "")),
        )
        for a in cites
    )
    return FiringStep(
        id=node,
        rule=str(attrs.get("rule", "")),
        statement=str(attrs.get("statement", "")),
        rule_kind=str(attrs.get("rule_kind", "")),
        status=str(attrs.get("status", "")),
        authorities=authorities,
        premises=tuple(premises),
        derives=tuple(derives),
        overridden_by=tuple(overridden),
    )


def render_chain(chain: Chain) -> str:
    """The chain as plain text: facts, absences, firings in dependency order, conclusion."""
    lines = [f"Why: {chain.label}", f"Conclusion: {chain.target}", ""]
    lines.append("Facts from the case file")
    for step in chain.facts:
        cite = f" ({step.record})" if step.record else ""
        lines.append(f"  {step.id}  [{step.path}]{cite}")
        lines.append(f"      {step.label}")
    if chain.absences:
        lines += ["", "Absences (shown not to exist)"]
        for step in chain.absences:
            lines.append(f"  {step.id}  [would be at {step.path}]")
            lines.append(f"      {step.label}")
    lines += ["", "Rule firings, in order"]
    for index, firing in enumerate(chain.firings, 1):
        status = "" if firing.status == "fired" else f" ({firing.status})"
        lines.append(f"  {index}. {firing.rule}{status}  [{firing.id}]")
        lines.append(f"      {firing.statement}")
        if firing.authorities:
            lines.append(
                "      authorities: "
                + "; ".join(f"{a.id} = {a.citation}" for a in firing.authorities)
            )
        lines.append("      premises: " + (", ".join(firing.premises) or "none"))
        lines.append("      derives: " + ", ".join(firing.derives))
    lines += ["", "Conclusion", f"  {chain.target}: {chain.label}"]
    return "\n".join(lines) + "\n"
