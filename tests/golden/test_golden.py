"""Golden decisions and explanations: every case of tests/cases, snapshotted with syrupy.

Each case has two committed snapshots under ``tests/golden/__snapshots__/test_golden/`` (here,
not beside the cases, so that no snapshot is taken for a case file): its decision (the JSON of
``kb decide --format json``) and its ruling as people read it (the text of ``kb decide``
followed by ``kb explain`` for the motion). A change to a rule that changes any of them fails
here with a readable line diff; when the change is intended, refresh them with

    uv run pytest tests/golden/test_golden.py --snapshot-update

and commit the new snapshots with the rule change, so the diff shows in review.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from syrupy.assertion import SnapshotAssertion
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

from engine.explain import render_chain, why
from engine.exports.decision_text import render_decision
from engine.provenance import build_graph
from kb.casefile import load_case
from tests.cases.test_cases import own_cases
from tests.helpers import run_case


class TextSnapshot(SingleFileSnapshotExtension):
    """One snapshot per file, as plain text, so a change is an ordinary line diff."""

    _write_mode = WriteMode.TEXT
    file_extension = "txt"


class JsonTextSnapshot(TextSnapshot):
    """The decision JSON exactly as ``kb decide --format json`` prints it."""

    file_extension = "json"


def case_path(expected: Path) -> Path:
    data = yaml.safe_load(expected.read_text(encoding="utf-8"))
    return (expected.parent / data["case"]).resolve()


@pytest.fixture
def text_snapshot(snapshot: SnapshotAssertion) -> SnapshotAssertion:
    return snapshot.use_extension(TextSnapshot)


@pytest.fixture
def json_snapshot(snapshot: SnapshotAssertion) -> SnapshotAssertion:
    return snapshot.use_extension(JsonTextSnapshot)


CASES = own_cases()
IDS = [p.name.split(".")[0] for p in CASES]


@pytest.mark.parametrize("expected", CASES, ids=IDS)
def test_decision(expected: Path, json_snapshot: SnapshotAssertion) -> None:
    decision, _ = run_case(load_case(case_path(expected)))
    assert decision.to_json() == json_snapshot


@pytest.mark.parametrize("expected", CASES, ids=IDS)
def test_ruling_and_explanation(expected: Path, text_snapshot: SnapshotAssertion) -> None:
    case = load_case(case_path(expected))
    decision, result = run_case(case)
    graph = build_graph(result)
    motion = next(n for n in sorted(graph.nodes) if n.startswith("concl:motion:"))
    movant = case.model.parties[case.model.motion.movant].name
    text = render_decision(decision, movant) + "\n" + render_chain(why(graph, motion))
    assert text == text_snapshot
