"""pytest plugin for tools/mutate_rules.py: run the collected tests once per rule mutant.

Activated with ``-p tools.mutation_plugin`` and two environment variables:
``KB_MUTANTS`` (a JSON file listing ``[rule_id, operator]`` pairs) and ``KB_MUTATION_REPORT``
(where to write the results). The tests are collected once; then, for each mutant, they run
with the rule mutated (engine.mutation.mutant) until the first one fails: that test killed the
mutant. A mutant no test kills survived. Tests most likely to fail run first: the mutated
rule's own rows in the rule-case tables, then the tests that killed earlier mutants.

Before any mutant, every test must pass on the rule base as it is; otherwise the run stops,
since a failing test would "kill" every mutant and prove nothing.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from _pytest.runner import runtestprotocol

from engine.mutation import Operator, mutant


def _passes(item: pytest.Item) -> bool:
    reports = runtestprotocol(item, nextitem=None, log=False)
    return all(report.passed or report.skipped for report in reports)


FIRST = ("tests/cases/", "tests/golden/", "tests/properties/")
"""After a rule's own rows: the tests that look at decisions (a negated rule still fires, so
only they can notice it), cheapest first; the other rows of the rule-case tables come last."""


def _ordered(items: list[pytest.Item], rule_id: str, killers: Counter[str]) -> list[pytest.Item]:
    def rank(pair: tuple[int, pytest.Item]) -> tuple[int, int, int, int]:
        index, item = pair
        own = f"[{rule_id}]" in item.nodeid or f"[{rule_id}-" in item.nodeid
        group = next((i for i, p in enumerate(FIRST) if item.nodeid.startswith(p)), len(FIRST))
        return (0 if own else 1, -killers[item.nodeid], group, index)

    return [item for _, item in sorted(enumerate(items), key=rank)]


@pytest.hookimpl(tryfirst=True)
def pytest_runtestloop(session: pytest.Session) -> bool:
    mutants_path = os.environ.get("KB_MUTANTS")
    report_path = os.environ.get("KB_MUTATION_REPORT")
    if not mutants_path or not report_path:
        raise pytest.UsageError("tools.mutation_plugin needs KB_MUTANTS and KB_MUTATION_REPORT")
    mutants: list[tuple[str, Operator]] = [
        (rule_id, operator) for rule_id, operator in json.loads(Path(mutants_path).read_text())
    ]
    items = list(session.items)
    report: dict[str, Any] = {"tests": len(items), "results": []}
    broken = [item.nodeid for item in items if not _passes(item)]
    if broken:
        report["error"] = f"tests fail on the unmutated rule base: {broken}"
        Path(report_path).write_text(json.dumps(report, indent=2))
        return True
    killers: Counter[str] = Counter()
    for rule_id, operator in mutants:
        started = time.perf_counter()
        killer, ran = None, 0
        with mutant(rule_id, operator):
            for item in _ordered(items, rule_id, killers):
                ran += 1
                if not _passes(item):
                    killer = item.nodeid
                    break
        if killer:
            killers[killer] += 1
        seconds = round(time.perf_counter() - started, 2)
        report["results"].append(
            {
                "rule": rule_id,
                "operator": operator,
                "killed_by": killer,
                "tests_run": ran,
                "seconds": seconds,
            }
        )
        verdict = f"killed by {killer}" if killer else "SURVIVED"
        print(f"  {operator:6} {rule_id}: {verdict} ({ran} tests, {seconds}s)", file=sys.stderr)
    Path(report_path).write_text(json.dumps(report, indent=2))
    return True
