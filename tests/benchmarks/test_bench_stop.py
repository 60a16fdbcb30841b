"""Stopping ``kb bench`` (SIGTERM, as ``kill`` or a CI timeout sends it) stops the ``kb batch``
run it started, pool workers included, instead of leaving them running."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from benchmarks.measures import ROOT

pytestmark = pytest.mark.skipif(
    os.name != "posix" or not Path("/proc/self/environ").exists(),
    reason="finds the run's processes through /proc",
)

CHILD = """
from benchmarks.run import stopped_by_sigterm
from benchmarks.throughput import run_batch
with stopped_by_sigterm():
    run_batch(10_000_000, 2, keep=False)
"""


def _marked(marker: str) -> list[tuple[int, str]]:
    """Processes whose environment holds ``marker``, with their command lines."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if marker.encode() in (entry / "environ").read_bytes():
                found.append((int(entry.name), (entry / "cmdline").read_bytes().decode()))
        except OSError:  # gone, or not ours to read
            continue
    return found


def _wait_for(condition: object, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.2)
    return False


def test_sigterm_stops_the_streamed_batch_run_and_its_workers() -> None:
    marker = f"KB_BENCH_STOP_TEST={uuid.uuid4().hex}"
    env = {**os.environ, "KB_BENCH_STOP_TEST": marker.split("=", 1)[1]}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    bench = subprocess.Popen([sys.executable, "-c", CHILD], env=env, cwd=ROOT)
    try:
        # kb batch and its two pool workers are running once three processes run "cli"
        assert _wait_for(
            lambda: sum("cli" in cmd for pid, cmd in _marked(marker) if pid != bench.pid) >= 3,
            120,
        ), f"the batch run never started: {_marked(marker)}"
        bench.send_signal(signal.SIGTERM)
        bench.wait(timeout=60)
        assert bench.returncode != 0
        assert _wait_for(lambda: not _marked(marker), 30), f"left running: {_marked(marker)}"
    finally:
        for pid, _ in _marked(marker):  # do not leave them behind when the test fails
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        if bench.poll() is None:
            bench.kill()
