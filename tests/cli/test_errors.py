"""Errors: one line naming the file and field, exit code 2, no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from cli import main
from tests.helpers import EXAMPLES, ca_further, edit


def write(tmp_path: Path, doc: object, name: str = "case.yaml") -> str:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    return str(path)


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def test_unknown_key_names_its_path(tmp_path: Path) -> None:
    doc = ca_further()
    doc["conferrals"][1]["metod"] = "phone"
    path = write(tmp_path, doc)
    code, out = run("decide", path)
    assert code == 2
    assert out.strip() == f"error: {path}: conferrals[1].metod: unknown key"


def test_missing_file(tmp_path: Path) -> None:
    code, out = run("decide", str(tmp_path / "nope.yaml"))
    assert code == 2 and out.startswith("error: ") and "no such file" in out
    assert "Traceback" not in out


def test_unknown_request_for_explain() -> None:
    code, out = run("explain", str(EXAMPLES / "palominos-cervantes-v-gm.yaml"), "--request", "99")
    assert code == 2 and "is not a request in the motion" in out


def test_unknown_jurisdiction_for_rules() -> None:
    code, out = run("rules", "--jurisdiction", "texas")
    assert code == 2 and "unknown jurisdiction" in out


def test_output_file_is_not_replaced_without_force(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("keep me", encoding="utf-8")
    case = str(EXAMPLES / "palominos-cervantes-v-gm.yaml")
    code, out = run("decide", case, "--format", "json", "-o", str(target))
    assert code == 2 and "use --force" in out
    assert target.read_text(encoding="utf-8") == "keep me"
    code, _ = run("decide", case, "--format", "json", "-o", str(target), "--force")
    assert code == 0 and '"disposition": "denied"' in target.read_text(encoding="utf-8")


def test_cross_reference_error(tmp_path: Path) -> None:
    path = write(tmp_path, edit(ca_further(), motion__opponent="nobody"))
    code, out = run("decide", path)
    assert code == 2 and out.strip().endswith("motion.opponent: unknown party id 'nobody'")


def test_debug_shows_the_traceback_and_keeps_the_exit_code(tmp_path: Path) -> None:
    path = write(tmp_path, edit(ca_further(), motion__opponent="nobody"))
    quiet = CliRunner().invoke(main, ["decide", path])
    assert quiet.exit_code == 2 and "Traceback" not in quiet.output
    loud = CliRunner().invoke(main, ["--debug", "decide", path])
    assert loud.exit_code == 2
    assert "Traceback (most recent call last)" in loud.output
    assert "kb.errors.InputError" in loud.output
    assert loud.output.splitlines()[-1] == quiet.output.strip()


def test_internal_failure_is_exit_1_on_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    import engine.api

    def broken(*args: object) -> None:
        raise ZeroDivisionError("division by zero\nin a rule")

    monkeypatch.setattr(engine.api, "decide", broken)
    case = str(EXAMPLES / "palominos-cervantes-v-gm.yaml")
    code, out = run("decide", case)
    assert code == 1
    assert out.strip() == "error: internal: ZeroDivisionError: division by zero\\nin a rule"
    loud = CliRunner().invoke(main, ["--debug", "decide", case])
    assert loud.exit_code == 1 and "Traceback (most recent call last)" in loud.output


def test_ctrl_c_is_exit_130(monkeypatch: pytest.MonkeyPatch) -> None:
    import engine.api

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(engine.api, "decide", interrupted)
    code, out = run("decide", str(EXAMPLES / "palominos-cervantes-v-gm.yaml"))
    assert code == 130 and out.strip() == "error: interrupted"


def test_exit_codes_are_documented() -> None:
    from tests.helpers import ROOT

    reference = (ROOT / "docs/reference/cli.md").read_text(encoding="utf-8")
    for code in ("| 0 |", "| 1 |", "| 2 |", "| 130 |"):
        assert code in reference
    for option in ("--debug", "--max-file-bytes", "--max-requests", "--force", "--resume"):
        assert option in reference


def test_a_closed_pipe_stops_quietly() -> None:
    # `kb rules | head -1`: the reader is gone before kb writes; kb stops without an error
    # or a traceback. The pipe's read end is closed first, so every write fails.
    import os
    import subprocess
    import sys

    from tests.helpers import ROOT

    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "cli", "rules"],
            cwd=ROOT,
            env=dict(os.environ, PYTHONPATH=str(ROOT)),
            stdout=write_end,
            stderr=subprocess.PIPE,
            timeout=60,
        )
    finally:
        os.close(write_end)
    assert (result.returncode, result.stderr) == (0, b"")
