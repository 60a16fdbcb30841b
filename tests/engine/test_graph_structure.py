"""The explanation graph is a well-formed networkx MultiDiGraph, whichever way it is filled.

engine.provenance fills networkx's dictionaries directly (for speed on large motions); these
tests rebuild the same graph through networkx's public add_node/add_edge, in the same order,
and require the two to be the same graph with the same node and edge order, and to behave as
a graph afterwards (views, algorithms, further edits). Byte-for-byte exports are held by the
golden snapshots and tests/engine/test_determinism.py.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from benchmarks.generate import california_further
from engine.api import decide
from engine.provenance import build_graph
from jurisdictions import RULES_VERSION, rule_sets_for
from kb.crossref import resolve
from tests.engine.support import MILLARE, PALOMINOS, explained


def _rebuilt(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The graph as networkx's public API builds it from the same nodes and edges."""
    ref = nx.MultiDiGraph()
    for node, attrs in graph.nodes(data=True):
        ref.add_node(node, **attrs)
    for u, v, key, attrs in graph.edges(keys=True, data=True):
        ref.add_edge(u, v, key=key, **attrs)
    return ref


def _shape(graph: nx.MultiDiGraph) -> tuple[object, ...]:
    return (
        list(graph.nodes(data=True)),
        list(graph.edges(keys=True, data=True)),
        [sorted(graph.pred[n]) for n in graph],
        [list(graph.succ[n]) for n in graph],
    )


def _large() -> nx.MultiDiGraph:
    case = resolve("large.yaml", california_further(300, 30))
    _, result = decide(case, rule_sets_for(case.model.case.court), RULES_VERSION)
    return build_graph(result)


@pytest.mark.parametrize("source", [PALOMINOS, MILLARE, None])
def test_graph_equals_the_one_networkx_builds(source: Path | None) -> None:
    graph = _large() if source is None else explained(source).graph
    ref = _rebuilt(graph)
    assert nx.utils.graphs_equal(graph, ref)
    assert _shape(graph) == _shape(ref)
    # successor and predecessor views share each edge's key dictionary, as networkx's do
    for u, v, key in graph.edges(keys=True):
        assert graph.pred[v][u][key] is graph.succ[u][v][key]


def test_graph_behaves_as_a_graph_after_building() -> None:
    graph = explained(PALOMINOS).graph
    target = next(n for n, k in graph.nodes(data="kind") if k == "conclusion")
    assert nx.ancestors(graph, target)
    before = graph.number_of_edges()
    graph.add_edge("extra:a", target, key="premise", kind="premise")
    assert graph.number_of_edges() == before + 1
    assert "extra:a" in graph.pred[target]
    assert graph.in_degree(target) == len(list(graph.in_edges(target)))
