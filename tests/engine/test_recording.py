"""Switching provenance recording off changes what is recorded, never what is concluded."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.generate import california_further, typical
from engine.engine import Result, engine_for
from jurisdictions import rule_sets_for
from kb.casefile import load_case
from kb.crossref import Case, resolve
from kb.record import build_record
from tests.helpers import EXAMPLES


def run(case: Case, record: bool) -> Result:
    klass = engine_for(rule_sets_for(case.model.case.court))
    return klass(case.model.case.decided, record=record).decide(build_record(case))


def conclusions(result: Result) -> str:
    def fields(facts: dict[str, object]) -> list[object]:
        return [[node, fact.fields()] for node, fact in facts.items()]  # type: ignore[attr-defined]

    return json.dumps([fields(result.facts), fields(result.defeated)], default=str)


CASES: list[tuple[str, object]] = [(p.stem, p) for p in sorted(EXAMPLES.glob("*.yaml"))]
CASES += [(f"typical-{i}", typical(i)) for i in range(0, 30, 5)]
CASES += [("ca-300", california_further(300, 30, seed=5))]


@pytest.mark.parametrize(("name", "source"), CASES, ids=[n for n, _ in CASES])
def test_recording_off_concludes_the_same(name: str, source: object) -> None:
    case = load_case(source) if isinstance(source, Path) else resolve(f"{name}.yaml", source)
    on, off = run(case, record=True), run(case, record=False)
    assert conclusions(on) == conclusions(off)
    assert [f.rule_id for f in on.firings] == [f.rule_id for f in off.firings]
    standing = [[f.defeated_by is None for f in r.firings] for r in (on, off)]
    assert standing[0] == standing[1]
    assert all(not f.premises and not f.context for f in off.firings)


def test_an_engine_reused_across_cases_gives_fresh_results() -> None:
    cases = [resolve(f"t{i}.yaml", typical(i, seed=2)) for i in range(12)]
    cases = [c for c in cases if c.model.case.court.system == "california"]
    first = cases[0]
    engine = engine_for(rule_sets_for(first.model.case.court))(first.model.case.decided)
    for case in cases:
        if case.model.case.decided != first.model.case.decided:
            continue
        reused = engine.decide(build_record(case))
        assert conclusions(reused) == conclusions(run(case, record=True))
