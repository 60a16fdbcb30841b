"""Every California case in tests/cases explains: its explanation graph has no cycle.

Regression: a rule that derived an absence and cited it as the reason for its own ground in the
same firing put a cycle (absence -> firing -> absence) in the graph, and ``kb explain`` failed
while ``kb decide`` did not.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from engine.provenance import build_graph
from kb.casefile import load_case
from tests.helpers import ROOT, run_case

CASES = sorted(
    p for p in (ROOT / "tests" / "cases").glob("ca-*.yaml") if not p.name.endswith(".expected.yaml")
)


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_explanation_graph_is_acyclic(path: Path) -> None:
    _, result = run_case(load_case(path))
    graph = build_graph(result)
    assert nx.is_directed_acyclic_graph(graph), nx.find_cycle(graph)


def test_there_are_california_cases() -> None:
    assert len(CASES) >= 35
