"""kb why, kb why-not and kb explain --format ... through the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import main
from tests.engine.support import MILLARE, PALOMINOS

SEED = str(PALOMINOS)


def invoke(*args: str, code: int = 0) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == code, result.output
    return result.output


def test_why_not_on_the_los_angeles_seed() -> None:
    text = invoke("why-not", SEED, "concl:request:34:granted")
    assert text.startswith("Why not: No. 34: granted\nConclusion: concl:request:rfp1:34:granted\n")
    assert "common.disposition.request" in text
    assert "ca.meet_confer.request_never_raised" in text
    assert "absence:raised:rfp1:34" in text and "would be at conferrals[*].requests" in text
    data = json.loads(invoke("why-not", SEED, "concl:request:34:granted", "--format", "json"))
    [attempt] = data["attempts"]
    assert attempt["failed"]["node"] == "absence:raised:rfp1:34"
    assert attempt["reasons"][0]["firing"]["rule"] == "ca.meet_confer.request_never_raised"


def test_why_gives_the_chain_as_text_or_json() -> None:
    text = invoke("why", SEED, "concl:request:34:denied")
    assert "fact:conferral:letter-2023-08-17  [conferrals[0]] (Yashar Decl. ¶ 7, Ex. 3)" in text
    data = json.loads(invoke("why", SEED, "concl:request:rfp1:34:denied", "--format", "json"))
    assert data["target"] == "concl:request:rfp1:34:denied"
    assert data["absences"][0]["path"] == "conferrals[*].requests"


@pytest.mark.parametrize("command", ["why", "why-not"])
def test_unknown_conclusions_are_input_errors_with_near_matches(command: str) -> None:
    output = invoke(command, SEED, "concl:request:34:grnted", code=2)
    assert output.startswith(f"error: {SEED}: conclusion: no conclusion 'concl:request:34:grnted'")
    assert "did you mean concl:request:rfp1:34:" in output
    assert output.count("\n") == 1


@pytest.mark.parametrize(
    ("fmt", "start"),
    [
        ("text", "Why: the motion: denied"),
        ("json", "{"),
        ("graphml", "<graphml"),
        ("dot", "digraph explanation {"),
        ("mermaid", "flowchart LR"),
        ("narrative", "Palominos Cervantes v. General Motors LLC, No. 23STCV03596."),
        ("html", "<!DOCTYPE html>"),
    ],
)
def test_every_explain_format(fmt: str, start: str, tmp_path: Path) -> None:
    out = tmp_path / f"explanation.{fmt}"
    assert invoke("explain", SEED, "--format", fmt, "-o", str(out)) == ""
    text = out.read_text(encoding="utf-8")
    assert text.startswith(start) and text.endswith("\n")
    assert text == invoke("explain", SEED, "--format", fmt)
    refused = invoke("explain", SEED, "--format", fmt, "-o", str(out), code=2)
    assert "output file exists" in refused


def test_explain_one_request_limits_the_graph_and_the_narrative() -> None:
    whole = json.loads(invoke("explain", SEED, "--format", "json"))
    one = json.loads(invoke("explain", SEED, "--request", "34", "--format", "json"))
    ids = {n["id"] for n in one["nodes"]}
    assert "concl:request:rfp1:34:denied" in ids and "concl:request:rfp1:35:denied" not in ids
    assert len(one["nodes"]) < len(whole["nodes"])
    narrative = invoke("explain", SEED, "--request", "34", "--format", "narrative")
    assert narrative.startswith("Requests for production (set 1), Nos. 34 and 35.")
    assert "Nos. 13-16" not in narrative
    mermaid = invoke("explain", str(MILLARE), "--request", "rog1:3", "--format", "mermaid")
    assert "rog1:3" not in mermaid and "No. 3" in mermaid
