"""Order rules into strata from what they consume, derive and override.

A rule that consumes a fact class must fire after every rule that can derive that class, so
that, for example, a request's disposition is drawn only once all grounds bearing on it are in.
An exception must be settled no later than the rule it overrides, so that the rule's conclusion
can be withdrawn before anything downstream has used it. Both constraints come from the rule
contract (kb.rules), never from hand-set salience.
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

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


def _edges(metas: Sequence[RuleMeta]) -> dict[tuple[str, str], int]:
    """``(B, A) -> weight``: B must be settled before A; 1 when A consumes what B derives, 0
    when B overrides A (a data edge wins over an override between the same two rules)."""
    edges: dict[tuple[str, str], int] = {}
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
                            edges[(producer, meta.id)] = 1
    ids = {m.id for m in metas}
    for meta in metas:
        for target in meta.overrides:
            if target in ids and (meta.id, target) not in edges:
                edges[(meta.id, target)] = 0
    return edges


def dependency_graph(metas: Sequence[RuleMeta]) -> Any:
    """The ordering constraints as a networkx DiGraph (for inspection): edges ``B -> A`` mean B
    must be settled before A, ``weight`` 1 when A consumes what B derives, 0 when B overrides
    A."""
    import networkx as nx

    graph = nx.DiGraph()
    graph.add_nodes_from(m.id for m in metas)
    for (u, v), weight in _edges(metas).items():
        graph.add_edge(u, v, weight=weight, why="data" if weight else "overrides")
    return graph


def _components(nodes: list[str], successors: dict[str, list[str]]) -> dict[str, int]:
    """Strongly connected components (Tarjan's algorithm, iteratively): node -> component."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    component: dict[str, int] = {}
    counter = 0
    for root in nodes:
        if root in index:
            continue
        work = [(root, iter(successors[root]))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(successors[child])))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    number = len(set(component.values()))
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component[member] = number
                        if member == node:
                            break
    return component


def _lexicographic_order(nodes: list[str], edges: list[tuple[str, str]]) -> list[str] | None:
    """A topological order that always takes the smallest id available (networkx's
    ``lexicographical_topological_sort``); None if the edges have a cycle."""
    successors: dict[str, list[str]] = {n: [] for n in nodes}
    indegree = dict.fromkeys(nodes, 0)
    for u, v in edges:
        if v not in successors[u]:
            successors[u].append(v)
            indegree[v] += 1
    ready = [n for n in nodes if indegree[n] == 0]
    heapq.heapify(ready)
    order = []
    while ready:
        node = heapq.heappop(ready)
        order.append(node)
        for child in successors[node]:
            indegree[child] -= 1
            if indegree[child] == 0:
                heapq.heappush(ready, child)
    return order if len(order) == len(nodes) else None


def _a_cycle(edges: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Some cycle among ``edges``, as a list of edges (for the error message)."""
    successors: dict[str, list[str]] = {}
    for u, v in edges:
        successors.setdefault(u, []).append(v)
    for start in sorted(successors):
        path, seen = [start], {start: 0}
        while path:
            node = path[-1]
            nexts = [c for c in successors.get(node, []) if c not in seen or c in path]
            hit = next((c for c in nexts if c in path), None)
            if hit is not None:
                cycle = [*path[path.index(hit) :], hit]
                return list(itertools.pairwise(cycle))
            fresh = [c for c in nexts if c not in seen]
            if not fresh:
                path.pop()
                continue
            seen[fresh[0]] = len(path)
            path.append(fresh[0])
    return []


def plan(metas: Sequence[RuleMeta]) -> Plan:
    """Compute strata: the longest weighted path to each rule over the condensed graph."""
    nodes = [m.id for m in metas]
    edges = _edges(metas)
    successors: dict[str, list[str]] = {n: [] for n in nodes}
    for u, v in edges:
        successors[u].append(v)
    component = _components(nodes, successors)
    members: dict[int, set[str]] = {}
    for node, number in component.items():
        members.setdefault(number, set()).add(node)
    for number in sorted(members):
        group = members[number]
        for meta in metas:
            clash = sorted(t for t in meta.overrides if t in group and meta.id in group)
            if clash and len(group) > 1:
                raise PlanError(
                    f"rule {meta.id} overrides {clash[0]} but the two depend on each other's "
                    "conclusions (a cycle): the exception could not be settled first"
                )
    # Between two components, the heaviest edge counts; levels follow a topological order.
    weight: dict[tuple[int, int], int] = {}
    for (u, v), w in edges.items():
        cu, cv = component[u], component[v]
        if cu != cv:
            weight[(cu, cv)] = max(w, weight.get((cu, cv), 0))
    order = _lexicographic_order(
        [str(c) for c in sorted(members)], [(str(a), str(b)) for a, b in weight]
    )
    assert order is not None  # the condensation is acyclic
    incoming: dict[int, list[tuple[int, int]]] = {}
    for (cu, cv), w in weight.items():
        incoming.setdefault(cv, []).append((cu, w))
    level: dict[int, int] = {}
    for name in order:
        number = int(name)
        level[number] = max((level[p] + w for p, w in incoming.get(number, [])), default=0)
    stratum = {rule_id: level[component[rule_id]] for rule_id in nodes}
    rank = {rule_id: index for index, rule_id in enumerate(sorted(nodes))}
    overridden: dict[str, list[str]] = {}
    for meta in sorted(metas, key=lambda m: m.id):
        for target in meta.overrides:
            overridden.setdefault(target, []).append(meta.id)
    ids = set(nodes)
    override_edges = [(m.id, t) for m in metas for t in m.overrides if t in ids]
    sequence = _lexicographic_order(nodes, override_edges)
    if sequence is None:
        raise PlanError("the overrides relation has a cycle: " + str(_a_cycle(override_edges)))
    return Plan(
        stratum=stratum,
        rank=rank,
        overridden_by={k: tuple(v) for k, v in overridden.items()},
        depth=max(stratum.values(), default=0) + 1,
        override_order={rule_id: i for i, rule_id in enumerate(sequence)},
    )
