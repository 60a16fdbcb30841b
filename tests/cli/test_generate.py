"""``kb generate``: N valid, varied case files; the same seed gives the same bytes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from cli import main
from kb.casefile import load_case
from tests.helpers import ROOT


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def contents(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_writes_n_valid_files(tmp_path: Path) -> None:
    code, out = run("generate", "--n", "25", "--seed", "3", "-o", str(tmp_path / "out"))
    assert code == 0, out
    files = sorted((tmp_path / "out").iterdir())
    assert [f.name for f in files] == [f"case-{i:05d}.yaml" for i in range(25)]
    systems = {load_case(f).model.case.court.system for f in files}
    assert systems == {"california", "federal"}


def test_jurisdiction_and_motion_are_respected(tmp_path: Path) -> None:
    code, out = run(
        "generate",
        "--n",
        "12",
        "--jurisdiction",
        "federal/ndcal",
        "--motion",
        "compel_initial",
        "--format",
        "json",
        "-o",
        str(tmp_path),
    )
    assert code == 0, out
    for path in sorted(tmp_path.glob("*.json")):
        model = load_case(path).model
        assert (model.case.court.district, model.motion.kind) == ("ndcal", "compel_initial")


def test_same_seed_same_bytes_across_processes(tmp_path: Path) -> None:
    outputs = []
    for hash_seed in ("1", "2"):
        target = tmp_path / hash_seed
        subprocess.run(
            [sys.executable, "-m", "cli", "generate", "--n", "8", "--seed", "42", "-o", target],
            check=True,
            capture_output=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": hash_seed},
        )
        outputs.append(contents(target))
    assert outputs[0] == outputs[1]
    code, _ = run("generate", "--n", "8", "--seed", "43", "-o", str(tmp_path / "other"))
    assert code == 0 and contents(tmp_path / "other") != outputs[0]


def test_existing_files_are_not_overwritten(tmp_path: Path) -> None:
    assert run("generate", "--n", "2", "-o", str(tmp_path))[0] == 0
    before = contents(tmp_path)
    code, out = run("generate", "--n", "3", "--seed", "9", "-o", str(tmp_path))
    assert code == 2 and out.startswith("error: ") and "--force" in out
    assert contents(tmp_path) == before
    assert run("generate", "--n", "3", "--seed", "9", "-o", str(tmp_path), "--force")[0] == 0
    assert contents(tmp_path) != before


def test_bad_jurisdiction(tmp_path: Path) -> None:
    code, out = run("generate", "--n", "1", "--jurisdiction", "federal/xx", "-o", str(tmp_path))
    assert code == 2
    assert out.startswith("error: --jurisdiction: unknown")
    assert not list(tmp_path.iterdir())


def test_json_lines_on_standard_output_feed_kb_export(tmp_path: Path) -> None:
    """``kb generate`` without ``-o`` streams JSON Lines: the same cases as the files (as JSON),
    which ``kb export -`` and ``kb batch -`` read."""
    import json

    code, out = run("generate", "--n", "6", "--seed", "4")
    assert code == 0, out
    streamed = [json.loads(line) for line in out.splitlines()]
    code, _ = run("generate", "--n", "6", "--seed", "4", "--format", "json", "-o", str(tmp_path))
    assert code == 0
    files = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(tmp_path.iterdir())]
    assert streamed == files
    result = CliRunner().invoke(main, ["batch", "-", "--jobs", "1", "--no-progress"], input=out)
    assert result.exit_code == 0, result.output
    assert len(result.output.splitlines()) == 6
