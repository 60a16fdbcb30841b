"""``kb batch`` throughput and the memory of a long streamed run, as fresh processes.

The cases are typical motions from :func:`benchmarks.generate.typical`, as JSON Lines on
``kb batch -``'s standard input: from a file for the throughput run, from a generator process
through a pipe for the long run (so that a run of any length needs no files and no memory for
its input). Throughput is cases per second of wall time for the whole command, interpreter and
pool start included; the parallel output is compared with the sequential one byte for byte.
Peak memory is the largest resident set of any process of the run (``kb batch`` or a worker):
``kb batch`` runs under a small wrapper that reads ``RUSAGE_CHILDREN``.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from typing import IO, Any

from benchmarks.generate import typical
from benchmarks.measures import ROOT, Row, _environment

WRAPPER = """
import json, resource, subprocess, sys
done = subprocess.run(sys.argv[1:], stdin=sys.stdin, stdout=sys.stdout)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = usage.ru_utime + usage.ru_stime
print(json.dumps({"rc": done.returncode, "peak": usage.ru_maxrss, "cpu": cpu}), file=sys.stderr)
"""

PRODUCER = """
import json, sys
from benchmarks.generate import typical
out = sys.stdout
for index in range(int(sys.argv[1])):
    out.write(json.dumps(typical(index)) + "\\n")
"""


def run_batch(count: int, jobs: int, keep: bool) -> tuple[float, bytes, float, float]:
    """``count`` typical cases through ``kb batch - --jobs N``: wall seconds, the output
    (when ``keep``; else discarded), the peak RSS in MB of the largest process and the CPU
    seconds of all of them."""
    command = [sys.executable, "-c", WRAPPER, sys.executable, "-m", "cli", "batch", "-"]
    command += ["--jobs", str(jobs), "--no-progress"]
    env = _environment()
    stdout: Any = subprocess.PIPE if keep else subprocess.DEVNULL
    started: list[subprocess.Popen[bytes]] = []
    try:
        if keep:
            with tempfile.TemporaryFile() as cases:
                for index in range(count):
                    cases.write((json.dumps(typical(index)) + "\n").encode())
                cases.seek(0)
                start = time.perf_counter()
                consumer = _start(
                    command, started, stdin=cases, stdout=stdout, stderr=subprocess.PIPE, env=env
                )
                out, err = consumer.communicate()
                seconds = time.perf_counter() - start
        else:
            start = time.perf_counter()
            producer = _start(
                [sys.executable, "-c", PRODUCER, str(count)],
                started,
                stdout=subprocess.PIPE,
                env=env,
            )
            consumer = _start(
                command,
                started,
                stdin=producer.stdout,
                stdout=stdout,
                stderr=subprocess.PIPE,
                env=env,
            )
            _close(producer.stdout)
            _, err = consumer.communicate()
            producer.wait()
            seconds = time.perf_counter() - start
            out = b""
    finally:
        _stop(started)
    report = json.loads(err.decode().strip().splitlines()[-1])
    if report["rc"] != 0:
        raise RuntimeError(f"kb batch exited {report['rc']}: {err.decode()[-2000:]}")
    return seconds, out or b"", report["peak"] / 1024, report["cpu"]


def _start(
    command: list[str], started: list[subprocess.Popen[bytes]], **options: Any
) -> subprocess.Popen[bytes]:
    """Start ``command`` in a session of its own (POSIX), so that :func:`_stop` can stop the
    whole tree it starts (``kb batch`` and its pool workers), not only the process itself."""
    process = subprocess.Popen(command, cwd=ROOT, start_new_session=os.name == "posix", **options)
    started.append(process)
    return process


def _stop(started: list[subprocess.Popen[bytes]]) -> None:
    """Stop what is still running of what :func:`_start` started (nothing, after a complete
    run): the benchmark was interrupted, and its batch run must not go on without it."""
    for process in started:
        if process.poll() is None:
            if os.name == "posix":
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGTERM)
            else:
                process.terminate()
    for process in started:
        process.wait()


def _close(pipe: IO[bytes] | None) -> None:
    if pipe is not None:
        pipe.close()  # the consumer holds its own end; ours would keep the pipe open


def throughput(count: int, jobs: int) -> list[Row]:
    """Cases per second sequentially and on ``jobs`` processes; the outputs must be equal."""
    one_s, one, _, _ = run_batch(count, 1, keep=True)
    many_s, many, _, cpu = run_batch(count, jobs, keep=True)
    assert one == many, "parallel kb batch output differs from the sequential output"
    rate = count / many_s
    return [
        Row(
            f"kb batch, {jobs} jobs: CPU of all its processes per case",
            f"{count} cases",
            "CPU time",
            1000 * cpu / count,
            "ms",
        ),
        Row(
            f"  so, with {jobs} cores free for it",
            f"{count} cases",
            "cases/s",
            jobs * count / cpu,
            "/s",
        ),
        Row("kb batch, typical cases, 1 job", f"{count} cases", "cases/s", count / one_s, "/s"),
        Row(
            f"kb batch, typical cases, {jobs} jobs (output = sequential)",
            f"{count} cases",
            "cases/s",
            rate,
            "/s",
            ">= 150 /s on 2 cores",
            rate >= 150,
        ),
    ]


def streamed_memory(count: int, jobs: int) -> list[Row]:
    """Peak RSS of the largest process of a long streamed ``kb batch`` run."""
    seconds, _, peak, _ = run_batch(count, jobs, keep=False)
    return [
        Row("kb batch streamed run", f"{count} cases", "wall", seconds, "s"),
        Row(
            "peak memory, streamed run (largest process)",
            f"{count} cases",
            "peak RSS",
            peak,
            "MB",
            "< 500 MB",
            peak < 500,
        ),
    ]
