"""The explanation graph is sound: every conclusion reaches case-file facts, every firing of a
rule of law cites authorities that resolve, nothing dangles, and the decision says what the
graph says."""

from __future__ import annotations

import json

import networkx as nx
from hypothesis import given

from engine.exports.node_link import to_json
from kb.authorities import resolve
from kb.testing import case_files
from tests.properties.support import Doc, explained

EDGE_ENDS = {
    "premise": ({"fact", "absence", "conclusion"}, {"rule"}),
    "derives": ({"rule"}, {"conclusion", "absence"}),
    "cites": ({"rule"}, {"authority"}),
    "overrides": ({"rule"}, {"rule"}),
    "part_of": ({"fact"}, {"fact"}),
}


@given(case_files())
def test_every_conclusion_reaches_case_file_facts(doc: Doc) -> None:
    _, result, graph = explained(doc)
    facts = {n for n, kind in graph.nodes(data="kind") if kind == "fact"}
    for node, attrs in graph.nodes(data=True):
        if attrs["kind"] not in ("conclusion", "absence"):
            continue
        assert any(kind == "derives" for _, _, kind in graph.in_edges(node, data="kind")), node
        if attrs.get("defeated"):
            continue
        assert nx.ancestors(graph, node) & facts, f"{node} rests on no case-file fact"
    # Every fact the rules saw is in the graph, with its case-file path.
    for entry in result.record.entries:
        assert graph.nodes[entry.fact.node_id()]["path"] == entry.path


@given(case_files())
def test_firings_cite_authorities_that_resolve_and_nothing_dangles(doc: Doc) -> None:
    _, _, graph = explained(doc)
    for node, attrs in graph.nodes(data=True):
        assert "kind" in attrs, f"dangling node {node} (an edge to something never added)"
        if attrs["kind"] == "rule":
            cites = [v for _, v, k in graph.out_edges(node, data="kind") if k == "cites"]
            premises = [u for u, _, k in graph.in_edges(node, data="kind") if k == "premise"]
            assert premises, f"{node} fired on nothing"
            if attrs["rule_kind"] == "law":
                assert cites, f"{node} states law but cites no authority"
        if attrs["kind"] == "authority":
            authority = resolve(attrs["authority"])
            assert authority.citation and attrs["label"] == authority.citation
    for source, target, kind in graph.edges(data="kind"):
        sources, targets = EDGE_ENDS[kind]
        assert graph.nodes[source]["kind"] in sources, (kind, source)
        assert graph.nodes[target]["kind"] in targets, (kind, target)
    assert nx.is_directed_acyclic_graph(graph)
    # The node-link export reads back to the same graph.
    data = json.loads(to_json(graph))
    again = nx.node_link_graph(data, edges="links", multigraph=True, directed=True)
    assert set(again.nodes) == set(graph.nodes)
    assert sorted(again.edges(keys=True)) == sorted(graph.edges(keys=True))


@given(case_files())
def test_the_decision_says_what_the_graph_says(doc: Doc) -> None:
    decision, result, graph = explained(doc)
    standing = {n for n, d in graph.nodes(data="defeated") if d is False}
    assert f"concl:motion:{decision.disposition}" in standing
    for request, outcome in decision.requests.items():
        assert f"concl:request:{request}:{outcome.disposition}" in standing
        assert len([n for n in standing if n.startswith(f"concl:request:{request}:")]) == 1
    fired = {a["rule"] for _, a in graph.nodes(data=True) if a.get("status") == "fired"}
    for ground in decision.grounds:
        assert ground.rule in fired, ground.rule
        assert set(ground.requests) <= set(decision.requests)
        for authority in ground.authorities:
            resolve(authority)
    for request, outcome in decision.requests.items():
        assert set(outcome.grounds) <= fired
        assert outcome.disposition != "undetermined" or any(
            q.finding == "disposition" and request in q.requests for q in decision.open_questions
        )
    for firing in result.firings:
        assert firing.meta.effective.covers(result.as_of), f"{firing.id} is not in force"
