"""Pause Python's cyclic garbage collector while a run allocates its many small objects.

A 5,000-request run creates hundreds of thousands of facts, bindings, firings and graph
attributes, almost none of them in reference cycles. The collector's full passes walk every
live object each time, so their cost grows with the heap and made large runs superlinear.
Pausing it for the duration of a run (and restoring the caller's setting after) leaves
reference counting to free what it can.

What the run leaves alive (its result, a graph of 40,000 nodes) would otherwise all sit in the
youngest generation when the collector comes back, and the first allocation after would walk
it whole (0.2-0.4 s at 5,000 requests) only to promote it. Instead, after a large run,
freezing and at once unfreezing moves it straight to the oldest generation: two list splices,
no walk (a small run's young collection is cheap and is left to happen). That skips
the young collections that would have freed any cyclic garbage of the run, so the objects
promoted this way are counted, and once they exceed a quarter of the heap (the collector's own
rule for a full collection) a pause begins with a full collection. A full collection made by
anyone else resets the count. The promotion is skipped when the process has frozen objects of
its own (``gc.freeze`` before a fork), which unfreezing would release.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

MINIMUM = 200_000
"""Promoted objects below which no full collection is forced, however small the heap."""

LARGE = 100_000
"""Objects a run must leave in the youngest generation to be promoted without a pass: below
it, the young collection that follows is cheap and frees the run's cyclic garbage at once."""


class _Promoted:
    """Objects promoted without a pass since the last full collection, and the limit."""

    count = 0
    limit = MINIMUM


def _after_collection(phase: str, info: dict[str, Any]) -> None:
    if phase == "stop" and info.get("generation") == 2:
        _Promoted.count = 0


gc.callbacks.append(_after_collection)


def _collect_if_due() -> None:
    if _Promoted.count > _Promoted.limit:
        gc.collect()
        _Promoted.limit = max(MINIMUM, len(gc.get_objects()) // 4)


@contextmanager
def paused() -> Iterator[None]:
    """Disable the cyclic collector inside the block if it was enabled."""
    enabled = gc.isenabled()
    if enabled:
        _collect_if_due()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            young = gc.get_count()[0]
            if young > LARGE and gc.get_freeze_count() == 0:
                _Promoted.count += young
                gc.freeze()
                gc.unfreeze()
            gc.enable()
