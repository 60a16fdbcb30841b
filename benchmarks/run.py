"""``kb bench``: run every benchmark, print the table with its targets, write RESULTS.md.

Two configurations: the full one (the sizes the targets name: 500 and 5,000 requests, 2,000
cases for throughput, 100,000 streamed cases for memory) and ``quick`` (small sizes, one
repetition: a smoke run that checks every benchmark works, not that targets are met).
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.measures import ROOT, Row, large_case, peak_memory, peer, provenance_cost, startup
from benchmarks.throughput import streamed_memory, throughput


@dataclass(frozen=True)
class Config:
    """Sizes and repetitions of one run of the benchmarks."""

    sizes: tuple[int, int] = (500, 5000)
    repeat: int = 5
    batch: int = 2000
    stream: int = 100_000
    jobs: int = 2


QUICK = Config(sizes=(40, 200), repeat=1, batch=40, stream=200, jobs=2)


_STARTED: list[str] = []


def _load() -> str:
    try:
        return "/".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


def machine() -> list[str]:
    """What the figures were measured on."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count() or 1
    load = f"{_STARTED[0] if _STARTED else 'unknown'} at start, {_load()} at the end"
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT
    ).stdout.strip()
    return [
        f"- date: {dt.datetime.now(dt.UTC).strftime('%Y-%m-%d %H:%M UTC')}",
        f"- machine: {cpu}, {cores} cores, {platform.system()} {platform.release()}",
        f"- Python {platform.python_version()} ({sys.executable})",
        f"- load average: {load} (1, 5 and 15 minutes; on a shared machine other work "
        "competes for the cores)",
        f"- commit: {commit or 'unknown'}",
    ]


def steps(config: Config) -> list[tuple[str, Callable[[], list[Row]]]]:
    large = config.sizes[1]
    return [
        ("large motion", lambda: large_case(config.sizes, config.repeat)),
        ("provenance cost", lambda: provenance_cost(large, config.repeat)),
        ("CLIPS peer", lambda: peer(config.sizes, config.repeat)),
        ("startup", lambda: startup(config.repeat)),
        ("memory, large motion", lambda: peak_memory(large)),
        ("batch throughput", lambda: throughput(config.batch, config.jobs)),
        ("memory, streamed run", lambda: streamed_memory(config.stream, config.jobs)),
    ]


def table(rows: list[Row]) -> str:
    header = ["benchmark", "size", "measure", "value", "target", "met"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row.cells()) + " |" for row in rows]
    return "\n".join(lines)


@contextmanager
def stopped_by_sigterm() -> Iterator[None]:
    """Inside the block, SIGTERM raises SystemExit instead of ending the process at once, so
    that the benchmarks' cleanup runs: they stop the processes they started (a ``kb batch``
    run and its pool workers would otherwise go on running)."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread can set a handler
        return

    def stop(signum: int, frame: Any) -> None:
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def run(config: Config, echo: Callable[[str], None] = print) -> list[Row]:
    """Every benchmark, in order; echoes each row as it comes."""
    _STARTED[:] = [_load()]
    rows: list[Row] = []
    with stopped_by_sigterm():
        for name, step in steps(config):
            echo(f"-- {name}")
            for row in step():
                echo("   " + " | ".join(c for c in row.cells() if c))
                rows.append(row)
    return rows


def report(rows: list[Row], config: Config, command: str) -> str:
    """RESULTS.md: the machine, the command, the table."""
    missed = [r for r in rows if r.met is False]
    verdict = "all targets met" if not missed else f"{len(missed)} target(s) missed"
    return "\n".join(
        [
            "# Benchmark results",
            "",
            f"Written by `{command}` ({verdict}). Times are medians of {config.repeat} runs "
            "after a warm-up; memory is the peak resident set size of a fresh process. "
            "docs/performance.md explains the design and the numbers before and after.",
            "",
            *machine(),
            "",
            table(rows),
            "",
        ]
    )
