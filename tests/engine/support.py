"""Helpers for the explanation tests: a case decided, with its graph and its rules."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
from experta import Rule

from engine.engine import Result
from engine.provenance import build_graph
from jurisdictions import rule_sets_for
from kb.casefile import load_case
from kb.crossref import Case
from kb.outcomes import Decision
from kb.rules import rules_of
from tests.helpers import EXAMPLES, load, run_case

PALOMINOS = EXAMPLES / "palominos-cervantes-v-gm.yaml"
MILLARE = EXAMPLES / "millare-v-stratton.yaml"


@dataclass
class Explained:
    case: Case
    decision: Decision
    result: Result
    graph: nx.MultiDiGraph
    rules: list[Rule]


def explained(source: Path | dict[str, Any]) -> Explained:
    """Decide an example file or a case document and build its explanation graph."""
    case = load_case(source) if isinstance(source, Path) else load(source)
    decision, result = run_case(case)
    rules = rules_of(*rule_sets_for(case.model.case.court))
    return Explained(case, decision, result, build_graph(result), rules)
