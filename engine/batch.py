"""Decide many cases: sequentially, on a process pool, or on a Dask cluster, streaming.

Inputs are case files (YAML or JSON, or directories of them) or JSON Lines streams (``.jsonl``
files, or ``-`` for standard input), one case document per line. Each case gives one output
line, in input order whatever the executor: ``{"source": ..., "decision": {...}}``, or
``{"source": ..., "error": "error: FILE: path: what is wrong"}`` for a case that cannot be
read (it is reported and skipped; the rest go on). The output is the same bytes for every
executor and number of jobs.

Cases travel in chunks (fewer round trips), at most a few chunks ahead of the writer, so a
stream of any length runs in bounded memory. Workers reuse one engine per rule set and
decision date (``reset`` clears it between cases) instead of building one per case.

The engine knows no law: the caller passes a :class:`Law` (which rule sets decide a court's
cases, and the rules' version), which travels to the workers by reference.
"""

from __future__ import annotations

import os
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any, TextIO

from kb.errors import InputError
from kb.jsonl import encode
from kb.limits import Limits
from kb.sources import CASE_SUFFIXES, directory_files

CHUNK = 16
"""Cases per task: enough to amortise a round trip, small enough to keep workers busy."""
AHEAD = 4
"""Tasks in flight per worker."""


@dataclass(frozen=True)
class Law:
    """What decides: the rule sets for a court (a module-level function, so that it pickles)
    and the version of the rule base recorded in each decision."""

    rule_sets_for: Callable[[Any], tuple[type, ...]]
    version: str
    limits: Limits | None = None
    """Bounds on case files (default: :meth:`Limits.from_env` where the case is read)."""


@dataclass(frozen=True)
class Item:
    """One case to decide: where it comes from and either a path or a JSON document's text."""

    source: str
    path: str | None = None
    text: str | None = None


@dataclass(frozen=True)
class Outcome:
    """One output line (:func:`kb.jsonl.encode`), the case's source, and whether
    the case was bad input (1) or an internal failure (2)."""

    line: str
    failed: int = 0
    source: str = ""


def items(paths: Iterable[str], stdin: TextIO | None = None) -> Iterator[Item]:
    """The cases named by ``paths``, in order: files, directories (sorted, recursively; not
    ``*.expected.*``), JSON Lines files and ``-`` (JSON Lines on standard input)."""
    for name in paths:
        if name == "-":
            yield from _lines("<stdin>", stdin if stdin is not None else sys.stdin)
            continue
        path = Path(name)
        if path.is_dir():
            for file in directory_files(path, (*CASE_SUFFIXES, ".jsonl")):
                if file.suffix == ".jsonl":
                    with file.open(encoding="utf-8") as handle:
                        yield from _lines(str(file), handle)
                else:
                    yield Item(str(file), path=str(file))
        elif path.suffix == ".jsonl":
            try:
                handle = path.open(encoding="utf-8")
            except OSError as exc:
                raise InputError(name, "", f"cannot read: {exc.strerror}") from None
            with handle:
                yield from _lines(name, handle)
        else:
            yield Item(name, path=name)


def _lines(name: str, handle: TextIO) -> Iterator[Item]:
    for number, line in enumerate(handle, start=1):
        if line.strip():
            yield Item(f"{name}:{number}", text=line)


# --- the work, in whichever process runs it ---------------------------------------------------

_LOCAL = threading.local()
"""Per thread (a Dask worker may run several): the engines kept for reuse."""


def decide_item(item: Item, law: Law) -> Outcome:
    """Load and decide one case; a bad case becomes an error line, never an exception."""
    try:
        decision = _decide(item, law)
        return Outcome(encode({"source": item.source, "decision": decision}), 0, item.source)
    except InputError as exc:
        return Outcome(encode({"source": item.source, "error": exc.line()}), 1, item.source)
    except Exception as exc:
        message = f"error: internal: {type(exc).__name__}: {exc}"
        return Outcome(encode({"source": item.source, "error": message}), 2, item.source)


def _decide(item: Item, law: Law) -> Any:
    from engine.decision import build_decision
    from engine.engine import engine_for
    from engine.gcpause import paused
    from kb.casefile import load_case
    from kb.crossref import resolve
    from kb.reader import parse_text
    from kb.record import build_record

    if item.path is not None:
        case = load_case(item.path, law.limits)
    else:
        assert item.text is not None
        document = parse_text(item.source, item.text, as_json=True)
        case = resolve(item.source, document, law.limits)
    rule_sets = law.rule_sets_for(case.model.case.court)
    key = (rule_sets, case.model.case.decided)
    engines: dict[tuple[Any, ...], Any] = _LOCAL.__dict__.setdefault("engines", {})
    engine = engines.get(key)
    if engine is None:
        if len(engines) > 64:
            engines.clear()
        engine = engines[key] = engine_for(rule_sets)(case.model.case.decided)
    gates: tuple[str, ...] = ()
    for rule_set in rule_sets:
        gates = tuple(getattr(rule_set, "GATES", gates))
    with paused():
        result = engine.decide(build_record(case))
        decision = build_decision(result, law.version, gates)
        return decision.model_dump(mode="json")


def decide_chunk(chunk: list[Item], law: Law) -> list[Outcome]:
    """Decide a chunk of cases in order (the unit of work sent to a worker)."""
    return [decide_item(item, law) for item in chunk]


# --- executors ------------------------------------------------------------------------------


def _chunks(source: Iterable[Item], size: int) -> Iterator[list[Item]]:
    iterator = iter(source)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _windowed(
    submit: Callable[[list[Item]], Any],
    result: Callable[[Any], list[Outcome]],
    chunks: Iterator[list[Item]],
    window: int,
) -> Iterator[Outcome]:
    """Keep ``window`` chunks in flight and yield their outcomes in submission order."""
    pending: deque[Any] = deque()
    for chunk in chunks:
        pending.append(submit(chunk))
        if len(pending) >= window:
            yield from result(pending.popleft())
    while pending:
        yield from result(pending.popleft())


def run_local(source: Iterable[Item], law: Law, jobs: int = 1) -> Iterator[Outcome]:
    """Outcomes in input order: in this process (``jobs`` 1) or on a process pool."""
    if jobs <= 1:
        for item in source:
            yield decide_item(item, law)
        return
    from concurrent.futures import ProcessPoolExecutor

    from kb.progress import ignore_sigint

    # Workers ignore Ctrl-C: the parent alone stops the run, writes what is done and says so.
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=ignore_sigint)
    try:
        yield from _pooled(pool, source, law, jobs)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _pooled(pool: Executor, source: Iterable[Item], law: Law, jobs: int) -> Iterator[Outcome]:
    def result(future: Future[list[Outcome]]) -> list[Outcome]:
        return future.result()

    return _windowed(
        lambda chunk: pool.submit(decide_chunk, chunk, law),
        result,
        _chunks(source, CHUNK),
        jobs * AHEAD,
    )


def run_dask(source: Iterable[Item], law: Law, scheduler: str | Any) -> Iterator[Outcome]:
    """Outcomes in input order, computed on a Dask distributed cluster.

    ``scheduler`` is the scheduler's address (``tcp://host:8786``) or a running
    ``distributed.Client``. Workers need this package installed (``discovery-kb[dask]``).
    """
    try:
        import distributed
    except ImportError:  # pragma: no cover - depends on the optional extra
        raise InputError(
            "--executor", "dask", "needs the dask extra: pip install 'discovery-kb[dask]'"
        ) from None
    connect: Any = distributed.Client  # distributed's API is not fully typed
    client: Any = scheduler if isinstance(scheduler, connect) else connect(scheduler)
    try:
        workers = max(1, sum(client.nthreads().values()))
        yield from _windowed(
            lambda chunk: client.submit(decide_chunk, chunk, law, pure=False),
            lambda future: future.result(),
            _chunks(source, CHUNK),
            workers * AHEAD,
        )
    finally:
        if client is not scheduler:
            client.close()


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1
