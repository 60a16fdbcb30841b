"""Order rules into strata from what they consume, derive and override.

A rule that consumes a fact class must fire after every rule that can derive that class, so
that, for example, a request's disposition is drawn only once all grounds bearing on it are in.
An exception must be settled no later than the rule it overrides, so that the rule's conclusion
can be withdrawn before anything downstream has used it. Both constraints come from the rule
contract (kb.rules), never from hand-set salience.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import networkx as nx

from kb.rules import RuleMeta


class PlanError(ValueError):
    """The rule base cannot be ordered (e.g. an exception that depends on what it overrides)."""


@dataclass(frozen=True)
class Plan:
    """Strata per rule id, rank per rule id (a deterministic tie-break), and overriders."""

    stratum: dict[str, int]
    rank: dict[str, int]
    overridden_by: dict[str, tuple[str, ...]]
    depth: int
    override_order: dict[str, int]


def dependency_graph(metas: Sequence[RuleMeta]) -> nx.DiGraph:
    """Edges ``B -> A`` mean B must be settled before A: weight 1 when A consumes what B
    derives, weight 0 when B overrides A."""
    graph = nx.DiGraph()
    graph.add_nodes_from(m.id for m in metas)
    producers: dict[type, list[str]] = {}
    for meta in metas:
        for klass in meta.derives:
            producers.setdefault(klass, []).append(meta.id)
    for meta in metas:
        for klass in meta.consumes:
            for producer_class, producer_ids in producers.items():
                if issubclass(producer_class, klass):
                    for producer in producer_ids:
                        if producer != meta.id:
                            graph.add_edge(producer, meta.id, weight=1, why="data")
    ids = {m.id for m in metas}
    for meta in metas:
        for target in meta.overrides:
            if target in ids:
                if graph.has_edge(meta.id, target):
                    continue
                graph.add_edge(meta.id, target, weight=0, why="overrides")
    return graph


def plan(metas: Sequence[RuleMeta]) -> Plan:
    """Compute strata: the longest weighted path to each rule over the condensed graph."""
    graph = dependency_graph(metas)
    condensed = nx.condensation(graph)
    members = condensed.graph["mapping"]
    for component in condensed.nodes:
        nodes = condensed.nodes[component]["members"]
        for meta in metas:
            clash = sorted(t for t in meta.overrides if t in nodes and meta.id in nodes)
            if clash and len(nodes) > 1:
                raise PlanError(
                    f"rule {meta.id} overrides {clash[0]} but the two depend on each other's "
                    "conclusions (a cycle): the exception could not be settled first"
                )
    level: dict[int, int] = {}
    for component in nx.topological_sort(condensed):
        best = 0
        for pred in condensed.predecessors(component):
            weight = max(
                graph.edges[u, v]["weight"]
                for u in condensed.nodes[pred]["members"]
                for v in condensed.nodes[component]["members"]
                if graph.has_edge(u, v)
            )
            best = max(best, level[pred] + weight)
        level[component] = best
    stratum = {rule_id: level[members[rule_id]] for rule_id in graph.nodes}
    rank = {rule_id: index for index, rule_id in enumerate(sorted(graph.nodes))}
    overridden: dict[str, list[str]] = {}
    for meta in sorted(metas, key=lambda m: m.id):
        for target in meta.overrides:
            overridden.setdefault(target, []).append(meta.id)
    overrides = nx.DiGraph()
    overrides.add_nodes_from(graph.nodes)
    overrides.add_edges_from(
        (m.id, target) for m in metas for target in m.overrides if target in overrides
    )
    if not nx.is_directed_acyclic_graph(overrides):
        raise PlanError("the overrides relation has a cycle: " + str(nx.find_cycle(overrides)))
    order = {rule_id: i for i, rule_id in enumerate(nx.lexicographical_topological_sort(overrides))}
    return Plan(
        stratum=stratum,
        rank=rank,
        overridden_by={k: tuple(v) for k, v in overridden.items()},
        depth=max(stratum.values(), default=0) + 1,
        override_order=order,
    )
