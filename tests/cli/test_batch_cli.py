"""``kb batch`` as a command: Ctrl-C, ``--resume``, limits, and the output file.

The engine side (pool, Dask, input order) is tested in tests/engine/test_batch.py; here, the
command's promises about a long run: stopped by a real SIGINT it says how far it got and leaves
its lines in ``FILE.partial``; ``--resume`` finishes it to the same bytes as an uninterrupted run.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from click.testing import CliRunner

from cli import main
from kb.jsonl import partial_path
from tests.helpers import EXAMPLES, ROOT

KB = [sys.executable, "-c", "import cli; cli.main()"]


def generated(folder: Path, count: int) -> Path:
    result = CliRunner().invoke(
        main, ["generate", "--n", str(count), "--seed", "7", "-o", str(folder)]
    )
    assert result.exit_code == 0, result.output
    return folder


def test_sigint_stops_a_pooled_batch_and_resume_finishes_it(tmp_path: Path) -> None:
    cases = generated(tmp_path / "cases", 400)
    whole = tmp_path / "whole.jsonl"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run(
        [*KB, "batch", str(cases), "--jobs", "2", "-o", str(whole)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    target = tmp_path / "out.jsonl"
    command = [*KB, "batch", str(cases), "--jobs", "2", "-o", str(target)]
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    partial = partial_path(target)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if partial.exists() and partial.read_text(encoding="utf-8").count("\n") >= 20:
            break
        time.sleep(0.01)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=120)
    if process.returncode == 0:  # the machine finished all 400 before the signal landed
        assert target.read_bytes() == whole.read_bytes()
        return
    assert process.returncode == 130, err
    (line,) = err.splitlines()
    lines = partial.read_text(encoding="utf-8").splitlines()
    assert 20 <= len(lines) < 400
    assert line.startswith(f"error: interrupted after {len(lines)} of 400 cases; ")
    assert line.endswith("run again with --resume to continue")
    assert not target.exists()
    resumed = subprocess.run(
        [*command, "--resume"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
    )
    assert resumed.returncode == 0, resumed.stderr
    assert target.read_bytes() == whole.read_bytes()
    assert not partial.exists()


def test_an_existing_output_needs_force_or_resume(tmp_path: Path) -> None:
    cases = tmp_path / "cases"
    cases.mkdir()
    shutil.copy(EXAMPLES / "palominos-cervantes-v-gm.yaml", cases)
    target = tmp_path / "out.jsonl"
    target.write_text("mine\n", encoding="utf-8")
    runner = CliRunner()
    refused = runner.invoke(main, ["batch", str(cases), "-o", str(target), "--jobs", "1"])
    assert refused.exit_code == 2 and "use --force" in refused.output
    assert target.read_text(encoding="utf-8") == "mine\n"
    forced = runner.invoke(main, ["batch", str(cases), "-o", str(target), "--force", "--jobs", "1"])
    assert forced.exit_code == 0, forced.output
    (record,) = map(json.loads, target.read_text(encoding="utf-8").splitlines())
    assert record["decision"]["disposition"] == "denied"


def test_the_limits_reach_the_workers(tmp_path: Path) -> None:
    cases = tmp_path / "cases"
    cases.mkdir()
    shutil.copy(EXAMPLES / "palominos-cervantes-v-gm.yaml", cases)
    result = CliRunner().invoke(
        main, ["--max-requests", "3", "batch", str(cases), "--jobs", "2", "--no-progress"]
    )
    assert result.exit_code == 2
    record = json.loads(result.output.splitlines()[0])
    assert "more than 3" in record["error"] or "3" in record["error"], record
