"""The graph renderings (node-link JSON, GraphML, DOT, Mermaid, text): correct and deterministic."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

from engine.explain import render_chain, why
from engine.exports.dot import to_dot
from engine.exports.graphml import to_graphml
from engine.exports.mermaid import escape, to_mermaid
from engine.exports.node_link import to_json
from engine.provenance import ancestors_subgraph
from tests.engine.support import MILLARE, PALOMINOS, explained, hostile_case, require
from tests.helpers import ROOT


def test_node_link_json_reads_back() -> None:
    graph = explained(PALOMINOS).graph
    data = json.loads(to_json(graph))
    back = nx.node_link_graph(data, edges="links", multigraph=True, directed=True)
    assert sorted(back.nodes(data=True)) == sorted(graph.nodes(data=True))


@pytest.mark.parametrize("source", [PALOMINOS, MILLARE])
def test_graphml_reads_back_to_the_same_graph(source: Path, tmp_path: Path) -> None:
    graph = explained(source).graph
    path = tmp_path / "graph.graphml"
    path.write_text(to_graphml(graph), encoding="utf-8")
    back = nx.read_graphml(path, force_multigraph=True)
    assert isinstance(back, nx.MultiDiGraph)
    assert nx.is_isomorphic(
        back, graph, node_match=lambda a, b: a == b, edge_match=lambda a, b: a == b
    )
    assert dict(back.nodes(data=True)) == dict(graph.nodes(data=True))
    assert sorted(back.edges(keys=True, data="kind")) == sorted(graph.edges(keys=True, data="kind"))


def test_graphml_carries_hostile_text(tmp_path: Path) -> None:
    graph = explained(hostile_case()).graph
    path = tmp_path / "graph.graphml"
    path.write_text(to_graphml(graph), encoding="utf-8")
    back = nx.read_graphml(path, force_multigraph=True)
    cites = {a.get("record") for _, a in back.nodes(data=True)}
    assert "Doe Decl. ¶ 3 </script><script>console.error('xss-ran')</script>\nEx. `A`" in cites


@pytest.mark.parametrize("hostile", [False, True])
def test_dot_renders_with_graphviz(hostile: bool, tmp_path: Path) -> None:
    dot = require("dot")
    graph = explained(hostile_case() if hostile else PALOMINOS).graph
    text = to_dot(graph)
    assert text.startswith("digraph explanation {") and text.endswith("}\n")
    rendered = subprocess.run(
        [dot, "-Tsvg"], input=text.encode(), capture_output=True, timeout=120, check=False
    )
    assert rendered.returncode == 0, rendered.stderr.decode()
    assert rendered.stderr == b""
    svg = rendered.stdout.decode()
    assert "<svg" in svg and svg.count('class="node"') == graph.number_of_nodes()
    assert svg.count('class="edge"') == graph.number_of_edges()


MERMAID_NODE = re.compile(r'^  (n\d+)(\["|\[/"|\{\{"|\("|\[\[")([^"]*)("\]|"/\]|"\}\}|"\)|"\]\])$')
MERMAID_EDGE = re.compile(r"^  (n\d+) (-->|==>|-\.->|--x)\|([a-z_]+)\| (n\d+)$")


@pytest.mark.parametrize("hostile", [False, True])
def test_mermaid_is_a_well_formed_flowchart(hostile: bool) -> None:
    graph = explained(hostile_case() if hostile else PALOMINOS).graph
    lines = to_mermaid(graph).splitlines()
    assert lines[0] == "flowchart LR"
    declared: set[str] = set()
    edges = 0
    for line in lines[1:]:
        node, edge = MERMAID_NODE.match(line), MERMAID_EDGE.match(line)
        if node:
            declared.add(node.group(1))
            assert "<" not in node.group(3).replace("<br/>", "")
        elif edge:
            assert edge.group(1) in declared and edge.group(4) in declared
            edges += 1
        else:
            assert line.startswith(("  classDef ", "  class ")), line
    assert len(declared) == graph.number_of_nodes()
    assert edges == graph.number_of_edges()


def test_mermaid_escapes_what_would_break_a_label() -> None:
    assert escape('a "b" <c> #d `e`') == "a #quot;b#quot; #lt;c#gt; #35;d #96;e#96;"
    assert "```mermaid\nflowchart LR\n" in to_mermaid(explained(PALOMINOS).graph, markdown=True)


def test_text_is_the_chain() -> None:
    graph = explained(PALOMINOS).graph
    sub = ancestors_subgraph(graph, ["concl:request:rfp1:34:denied"])
    text = render_chain(why(sub, "concl:request:rfp1:34:denied"))
    assert text.startswith("Why: No. 34: denied\n")
    assert "ca.meet_confer.request_never_raised" in text


SCRIPT = """
import hashlib, sys
from pathlib import Path
from kb.casefile import load_case
from engine.api import decide
from jurisdictions import RULES_VERSION, rule_sets_for
from engine.provenance import build_graph
from engine.explain import render_chain, why
from engine.exports.dot import to_dot
from engine.exports.graphml import to_graphml
from engine.exports.html import render_html
from engine.exports.mermaid import to_mermaid
from engine.exports.narrative import render_narrative
from engine.exports.node_link import to_json
for name in sys.argv[1:]:
    case = load_case(name)
    decision, result = decide(case, rule_sets_for(case.model.case.court), RULES_VERSION)
    graph = build_graph(result)
    motion = next(n for n in sorted(graph) if n.startswith("concl:motion:"))
    for text in (to_json(graph), to_graphml(graph), to_dot(graph), to_mermaid(graph),
                 render_chain(why(graph, motion)), render_narrative(result, graph),
                 render_html(result, graph, decision)):
        print(hashlib.sha256(text.encode()).hexdigest())
"""


def test_every_rendering_is_identical_across_processes_and_hash_seeds() -> None:
    def digests(seed: str) -> str:
        env = {**os.environ, "PYTHONHASHSEED": seed}
        return subprocess.run(
            [sys.executable, "-c", SCRIPT, str(PALOMINOS), str(MILLARE)],
            capture_output=True,
            text=True,
            check=True,
            env=env,
            cwd=ROOT,
            timeout=300,
        ).stdout

    first = digests("1")
    assert len(first.split()) == 14
    assert first == digests("4242")


def test_hostile_text_never_reaches_dot_or_mermaid_unescaped() -> None:
    graph = explained(hostile_case()).graph
    dot = to_dot(graph)
    for line in dot.splitlines()[4:-1]:
        # every quoted string ends where DOT thinks it does: no bare quote inside
        stripped = re.sub(r'"(?:[^"\\]|\\.)*"', "", line)
        assert '"' not in stripped, line
    mermaid = to_mermaid(graph)
    assert "<img" not in mermaid and '"JD"' not in mermaid
    assert "#lt;img src=x" in mermaid and "onerror=#quot;" in mermaid
