"""Helpers for the explanation tests: a case decided, with its graph and its rules."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
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


XSS_TITLE = (
    '<script>alert(1)</script><script>console.error("xss-ran")</script> "Doe" \\ v. #Acme & {Co}'
)
XSS_NAME = 'Jane "JD" <img src=x onerror="console.error(\'xss-ran\')"> Doe'
XSS_CITE = "Doe Decl. ¶ 3 </script><script>console.error('xss-ran')</script>\nEx. `A`"


def hostile_case() -> dict[str, Any]:
    """A case whose title, party name and record cite are markup, quotes, backslashes and
    newlines: every rendering must carry them as text."""
    from tests.helpers import ca_further, edit

    return edit(
        ca_further(),
        case__title=XSS_TITLE,
        parties__doe__name=XSS_NAME,
        conferrals__0__record=XSS_CITE,
    )


def require(binary: str) -> str:
    """The path of a program a test needs. CI must have it (.ci/run installs it with apt-get);
    elsewhere the test is skipped when it is absent."""
    found = shutil.which(binary)
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(f"{binary} is not installed; .ci/run installs it with apt-get")
        pytest.skip(f"{binary} is not installed (apt-get install {binary} to run this test)")
    return found
