"""kb advise, kb deadlines, kb checklist end to end: text and JSON for every example, the JSON
valid against the checked-in schemas, and errors reported as one line."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from cli import main
from kb.schema import REPORT_SCHEMA_FILES, report_schema
from tests.helpers import EXAMPLES

CASES = sorted(str(p) for p in EXAMPLES.glob("*.yaml"))
PALOMINOS = str(EXAMPLES / "palominos-cervantes-v-gm.yaml")
MILLARE = str(EXAMPLES / "millare-v-stratton.yaml")


def invoke(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("kind", sorted(REPORT_SCHEMA_FILES))
def test_schemas_are_valid_json_schemas(kind: str) -> None:
    jsonschema.Draft202012Validator.check_schema(report_schema(kind))


@pytest.mark.parametrize("command", ["advise", "deadlines", "checklist"])
@pytest.mark.parametrize("case", CASES, ids=lambda p: Path(p).stem)
def test_json_output_matches_its_schema_and_text_renders(command: str, case: str) -> None:
    report = json.loads(invoke(command, case, "--format", "json"))
    kind = "advice" if command == "advise" else command
    assert report["kind"] == kind
    errors = sorted(
        jsonschema.Draft202012Validator(report_schema(kind)).iter_errors(report), key=str
    )
    assert not errors, f"{errors[0].json_path}: {errors[0].message}"
    assert invoke(command, case).strip()


def test_advise_palominos_text() -> None:
    text = invoke("advise", PALOMINOS)
    assert "The motion as filed: DENIED; with the plan below: GRANTED" in text
    assert "answer General Motors LLC's letter of 2023-08-30" in text
    assert "a letter to General Motors LLC raising Nos. 34 and 35" in text


def test_advise_millare_json() -> None:
    report = json.loads(invoke("advise", MILLARE, "--format", "json"))
    (cure,) = report["cures"]
    assert sorted(c["action"] for c in cure["changes"]) == ["confer", "file"]
    assert {f["to"] for f in cure["flips"]} == {"granted"}
    assert cure["explanations"][0]["chain"][-1]["rule"] == "common.disposition.request"
    assert report["motion"]["with_plan"] == "granted"


def test_advise_with_today_reports_impossible_cures() -> None:
    report = json.loads(invoke("advise", PALOMINOS, "--today", "2023-12-01", "--format", "json"))
    assert report["cures"] == [] and report["impossible"]
    assert all(entry["impossible"] for entry in report["requests"])
    assert "impossible: a conferral raising Nos. 34 and 35 is no longer possible" in invoke(
        "advise", PALOMINOS, "--today", "2023-12-01"
    )


def test_bad_today_is_an_input_error() -> None:
    result = CliRunner().invoke(main, ["advise", PALOMINOS, "--today", "12/01/2023"])
    assert result.exit_code == 2
    assert result.output.strip() == "error: --today: not a date: '12/01/2023' (write YYYY-MM-DD)"


def test_deadlines_text_shows_the_arithmetic() -> None:
    text = invoke("deadlines", MILLARE)
    assert "2017-03-31 is Cesar Chavez Day (California)" in text
    assert "+ 3 days after service by mail (Fed. R. Civ. P. 6(d)) = 2017-04-06" in text


def test_checklist_text_marks_each_item() -> None:
    text = invoke("checklist", MILLARE)
    assert "[ ] Certification: not met" in text
    assert "ECF No. 50 at 12" in text


def test_output_file(tmp_path: Path) -> None:
    target = tmp_path / "advice.json"
    invoke("advise", PALOMINOS, "--format", "json", "-o", str(target))
    assert json.loads(target.read_text(encoding="utf-8"))["kind"] == "advice"
