"""``kb diff``: decisions under two dates or two rule bases, request by request.

The dates test is the CCP 2023.050 amendment (SB 235, operative 2024-01-01): the same hearing
on 2023-12-29 and on 2024-01-02. The rule-base test builds a throwaway git repository from this
checkout, commits a change to a rule parameter, and diffs the two commits.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from cli import main
from tests.helpers import EXAMPLES, ROOT

CASE = str(EXAMPLES / "ca-document-sanctions-2023-050.yaml")
AMENDMENT = ("--as-of", "2023-12-29", "--as-of", "2024-01-02")


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def test_the_2023_050_amendment_changes_the_sanctions() -> None:
    code, out = run("diff", *AMENDMENT, CASE)
    assert code == 0, out
    assert "kb diff: as of 2023-12-29 -> as of 2024-01-02" in out
    assert "$250.00 against coastline (ca.sanctions.late_production_2023_050)" in out
    assert "->  $1,000.00 against coastline (ca.sanctions.late_production_2023_050)" in out
    assert "+ ca.sanctions.failure_to_confer_2023_050 (defeated)" in out
    assert "~ ca.sanctions.late_production_2023_050 (fired):" in out
    assert "0 request disposition(s) changed" in out


def test_json_and_exit_code() -> None:
    code, out = run("diff", *AMENDMENT, "--format", "json", "--exit-code", CASE)
    assert code == 1
    body = json.loads(out)
    (case,) = body["cases"]
    assert case["changed"] is True and case["motion"] is None
    assert [f[0] for f in case["motion_firings"]["added"]] == [
        "ca.sanctions.failure_to_confer_2023_050"
    ]


def test_a_date_with_the_same_law_changes_nothing() -> None:
    code, out = run("diff", "--as-of", "2023-12-28", "--as-of", "2023-12-29", "--exit-code", CASE)
    assert code == 0, out
    assert "no change" in out


def test_a_date_before_the_motion_is_an_input_error() -> None:
    code, out = run("diff", "--as-of", "2023-01-01", "--as-of", "2024-01-02", CASE)
    assert code == 2
    assert out.strip() == f"error: {CASE}: --as-of: 2023-01-01 is before the motion was served"


def test_two_sides_are_needed() -> None:
    code, out = run("diff", "--rules", "HEAD", CASE)
    assert code == 2 and "--rules OLD --rules NEW" in out


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


def test_two_revisions_of_the_rule_base(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    for name in ("kb", "engine", "jurisdictions"):
        shutil.copytree(ROOT / name, repo / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "cli.py", repo / "cli.py")
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "rules as they are")
    parameters = repo / "jurisdictions" / "california" / "parameters.yaml"
    text = parameters.read_text(encoding="utf-8")
    parameters.write_text(
        text.replace("{since: 2020-01-01, value: 7}", "{since: 2020-01-01, value: 1}")
    )
    git(repo, "commit", "-q", "-am", "late production: one day, not seven")

    def kb_diff(*args: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "cli", "diff", *args, CASE],
            cwd=repo,
            env={**os.environ, "PYTHONPATH": str(repo)},
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stdout

    out = kb_diff("--rules", "HEAD~1", "--rules", "HEAD")
    assert "kb diff: rules HEAD~1 -> rules HEAD" in out
    assert "$250.00 against coastline (ca.sanctions.late_production_2023_050)" in out
    assert "->  none" in out
    assert "- ca.sanctions.late_production_2023_050 (fired)" in out
    # '.' is the working tree (clean here), and a rules version names its newest commit.
    assert "no change" in kb_diff("--rules", "HEAD", "--rules", ".")
    back = kb_diff("--rules", "2026.11", "--rules", "HEAD~1")
    assert "+ ca.sanctions.late_production_2023_050 (fired)" in back
    version = repo / "jurisdictions" / "__init__.py"
    version.write_text(version.read_text().replace('"2026.11"', '"2026.12"'))
    git(repo, "commit", "-q", "-am", "bump the rules version")
    assert "no change" in kb_diff("--rules", "2026.11", "--rules", "HEAD~1")
