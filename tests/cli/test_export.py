"""kb export: versioned training records, validated against the published schema."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import yaml
from click.testing import CliRunner

from cli import main
from engine.exports.training import write_jsonl
from kb.casefile import load_case
from tests.engine.support import MILLARE, PALOMINOS
from tests.helpers import EXAMPLES, ROOT, run_case

SCHEMA = json.loads((ROOT / "kb/schema/training-record.v1.json").read_text(encoding="utf-8"))


def export(*args: str, stdin: str | None = None) -> Any:
    return CliRunner().invoke(main, ["export", *args], input=stdin)


def lines(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines()]


def test_the_schema_is_a_valid_versioned_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["properties"]["schema_version"] == {
        "const": 1,
        "description": "The version of this schema.",
    }
    assert SCHEMA["$id"].endswith("training-record.v1.json")


def test_every_record_of_every_example_validates(tmp_path: Path) -> None:
    out = tmp_path / "train.jsonl"
    result = export(str(EXAMPLES), "--jsonl", str(out))
    assert result.exit_code == 0, result.output
    assert result.output == ""  # not a terminal: no progress bar
    records = lines(out.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(SCHEMA)
    for record in records:
        errors = sorted(validator.iter_errors(record), key=str)
        assert not errors, (record["id"], [e.message for e in errors])
    cases = sorted(p for p in EXAMPLES.glob("*.yaml"))
    expected = sum(len(load_case(p).motion_requests) + 1 for p in cases)
    assert len(records) == expected
    # stable order: cases by path, then each request in the motion's order, then the motion
    assert [r["source"] for r in records] == sorted(r["source"] for r in records)


def test_a_request_record_holds_inputs_chain_authorities_narrative_and_disposition() -> None:
    result = export(str(PALOMINOS), "--jsonl", "-")
    assert result.exit_code == 0, result.output
    records = {r["conclusion"]["id"]: r for r in lines(result.output)}
    assert list(records)[-1] == "concl:motion:denied"
    record = records["concl:request:rfp1:34:denied"]
    assert record["schema_version"] == 1
    assert record["id"] == "23STCV03596/concl:request:rfp1:34:denied"
    assert record["disposition"] == "denied"
    assert record["grounds"] == ["ca.meet_confer.request_never_raised"]
    facts = {f["id"]: f for f in record["facts"]}
    assert facts["fact:conferral:letter-2023-08-17"]["record"] == "Yashar Decl. ¶ 7, Ex. 3"
    assert facts["fact:conferral:letter-2023-08-17"]["path"] == "conferrals[0]"
    assert record["absences"] == [
        {
            "id": "absence:raised:rfp1:34",
            "label": "No meet-and-confer communication before the motion was served raised No. 34.",
            "where": "conferrals[*].requests",
        }
    ]
    assert [f["rule"] for f in record["chain"]][-2:] == [
        "ca.meet_confer.request_never_raised",
        "common.disposition.request",
    ]
    assert {"id": "ccp:2016.040", "citation": "Code Civ. Proc., § 2016.040"}.items() <= (
        next(a for a in record["authorities"] if a["id"] == "ccp:2016.040").items()
    )
    assert record["narrative"].endswith("The motion is DENIED as to Nos. 34 and 35.")
    assert record["case_file"]["conferrals"][0]["from"] == "palominos"
    motion = records["concl:motion:denied"]
    assert motion["conclusion"]["request"] is None
    assert motion["grounds"] == [
        "ca.meet_confer.offer_unanswered",
        "ca.meet_confer.request_never_raised",
    ]


def test_the_same_cases_give_the_same_bytes(tmp_path: Path) -> None:
    first = export(str(PALOMINOS), str(MILLARE), "--jsonl", "-").output
    again = export(str(PALOMINOS), str(MILLARE), "--jsonl", "-").output
    assert first == again and first.endswith("\n")


def test_cases_stream_in_on_standard_input() -> None:
    docs = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in (PALOMINOS, MILLARE)]
    from_files = lines(export(str(PALOMINOS), str(MILLARE), "--jsonl", "-").output)
    stream = "---\n".join(yaml.safe_dump(d, allow_unicode=True, sort_keys=False) for d in docs)
    from_yaml = lines(export("-", "--jsonl", "-", stdin=stream).output)
    jsonl = "".join(json.dumps(d, default=str) + "\n" for d in docs)
    from_json = lines(export("-", "--jsonl", "-", stdin=jsonl).output)
    assert [r["source"] for r in from_yaml][:1] == ["-#1"]
    for a, b, c in zip(from_files, from_yaml, from_json, strict=True):
        a.pop("source"), b.pop("source"), c.pop("source")
        assert a == b == c


def test_export_reads_one_case_at_a_time() -> None:
    # streaming: the first case's records are written before the second case is read
    events: list[str] = []

    def cases() -> Iterator[tuple[str, Any]]:
        for path in (PALOMINOS, MILLARE):
            events.append(f"read {path.name}")
            yield str(path), load_case(path)

    class Sink:
        def write(self, text: str) -> None:
            events.append("write")

    write_jsonl(cases(), run_case, Sink())  # type: ignore[arg-type]
    first_write = events.index("write")
    assert events.index("read millare-v-stratton.yaml") > first_write


def test_bad_input_fails_cleanly_and_writes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\ncase: {title: x}\n", encoding="utf-8")
    out = tmp_path / "train.jsonl"
    result = export(str(PALOMINOS), str(bad), "--jsonl", str(out))
    assert result.exit_code == 2
    assert result.output.startswith(f"error: {bad}: ")
    assert not out.exists() and list(tmp_path.iterdir()) == [bad]
    out.write_text("keep me", encoding="utf-8")
    refused = export(str(PALOMINOS), "--jsonl", str(out))
    assert refused.exit_code == 2 and out.read_text(encoding="utf-8") == "keep me"
    assert export(str(PALOMINOS), "--jsonl", str(out), "--force").exit_code == 0


def run_on_terminal(args: list[str]) -> tuple[int, str]:
    """Run ``kb`` with standard error on a pseudo-terminal; returns exit code and what it drew."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "cli", *args],
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=follower,
        env={**os.environ, "COLUMNS": "100"},
    )
    os.close(follower)
    drawn = b""
    while True:
        ready, _, _ = select.select([leader], [], [], 120)
        if not ready:
            break
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        drawn += chunk
    os.close(leader)
    return process.wait(timeout=120), drawn.decode("utf-8", "replace")


def test_a_progress_bar_on_a_terminal_and_none_when_piped(tmp_path: Path) -> None:
    code, drawn = run_on_terminal(
        ["export", str(PALOMINOS), str(MILLARE), "--jsonl", str(tmp_path / "a.jsonl")]
    )
    assert code == 0
    assert "cases" in drawn and "2/2" in drawn
    piped = subprocess.run(
        [sys.executable, "-m", "cli", "export", str(PALOMINOS), "--jsonl", str(tmp_path / "b")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert piped.stderr == "" and piped.stdout == ""
