"""Runs over many inputs that stop cleanly on Ctrl-C and say how far they got.

A batch or export command walks its inputs with :func:`run_all`; on SIGINT the loop stops,
and :class:`kb.errors.Interrupted` carries "interrupted after N of M ..." to the CLI, which
prints it on one line and exits with 130. Writes that must not be cut in half (one JSONL
record) run inside :func:`sigint_deferred`. Worker processes of a pool call
:func:`ignore_sigint` first, so that only the parent reacts (and prints) when Ctrl-C reaches
the whole process group.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Callable, Iterable, Iterator, Sized
from typing import Any, TypeVar

from kb.errors import Interrupted

T = TypeVar("T")


def run_all(
    items: Iterable[T],
    work: Callable[[T], None],
    *,
    what: str = "inputs",
    note: Callable[[int], str] | None = None,
    total: int | None = None,
    count: Callable[[], int] | None = None,
) -> int:
    """Call ``work`` on each item in order; return how many were done.

    On KeyboardInterrupt raise :class:`Interrupted` with the count done so far, the total
    (``total``, or the length of ``items`` when it has one), and ``note(done)`` (e.g. where
    the output so far is). ``count`` gives the count to report when an item's result is
    saved before its ``work`` returns (the interrupt may land in between); by default, the
    items whose ``work`` returned.
    """
    if total is None and isinstance(items, Sized):
        total = len(items)
    done = 0
    try:
        for item in items:
            work(item)
            done += 1
    except KeyboardInterrupt:
        if count is not None:
            done = count()
        raise Interrupted(done, total, what, note(done) if note else "") from None
    return done


@contextlib.contextmanager
def sigint_deferred() -> Iterator[None]:
    """Hold back SIGINT for the duration of the block, then deliver it as KeyboardInterrupt.

    Outside the main thread signals cannot be handled; the block then runs unprotected.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[Any] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: received.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if received:
        raise KeyboardInterrupt


def ignore_sigint() -> None:
    """For the initializer of a worker process: leave SIGINT to the parent."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
