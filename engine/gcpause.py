"""Pause Python's cyclic garbage collector while a run allocates its many small objects.

A 5,000-request run creates hundreds of thousands of facts, bindings, firings and graph
attributes, almost none of them in reference cycles. The collector's full passes walk every
live object each time, so their cost grows with the heap and made large runs superlinear.
Pausing it for the duration of a run (and restoring the caller's setting after) leaves
reference counting to free what it can; anything cyclic is collected at the next pass after.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """Disable the cyclic collector inside the block if it was enabled."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
