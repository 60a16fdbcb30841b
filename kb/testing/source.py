"""Where generated case files get their choices from: one builder, two sources of randomness.

The builders in :mod:`kb.testing.builders` never call ``random`` or hypothesis directly; they
ask a :class:`Source` for integers, choices and coin flips. :class:`RandomSource` answers from a
seeded :class:`random.Random` (``kb generate``: the same seed gives the same files, in any
process). :mod:`kb.testing.strategies` answers from hypothesis' ``draw``, so property tests
shrink a failing case to a small one. Both run the very same builder code, so the files
``kb generate`` writes are exactly the kind the property tests check.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from typing import Protocol, TypeVar

T = TypeVar("T")


class Source(Protocol):
    """The choices a builder can make. Implementations must be deterministic given their seed."""

    def integer(self, low: int, high: int) -> int:
        """An integer in ``[low, high]`` (both included); shrinks towards ``low``."""
        ...

    def choice(self, options: Sequence[T]) -> T:
        """One of ``options`` (non-empty); shrinks towards the first."""
        ...

    def chance(self, probability: float) -> bool:
        """True with roughly ``probability``; shrinks towards False."""
        ...


class RandomSource:
    """A :class:`Source` backed by :class:`random.Random`.

    Seed it with a string (``RandomSource("7:12")``): Python hashes string seeds with SHA-512,
    so the sequence does not depend on ``PYTHONHASHSEED``.
    """

    def __init__(self, seed: str | int) -> None:
        self._random = random.Random(str(seed))

    def integer(self, low: int, high: int) -> int:
        return self._random.randint(low, high)

    def choice(self, options: Sequence[T]) -> T:
        if not options:
            raise ValueError("choice from an empty sequence")
        return options[self._random.randrange(len(options))]

    def chance(self, probability: float) -> bool:
        return self._random.random() < probability


def subset(source: Source, options: Sequence[T], low: int = 0, high: int | None = None) -> list[T]:
    """Between ``low`` and ``high`` distinct members of ``options``, in their original order."""
    top = len(options) if high is None else min(high, len(options))
    size = source.integer(min(low, top), top)
    pool = list(range(len(options)))
    picked: list[int] = []
    for _ in range(size):
        picked.append(pool.pop(source.integer(0, len(pool) - 1)))
    return [options[i] for i in sorted(picked)]


def shuffled(source: Source, items: Sequence[T]) -> list[T]:
    """A permutation of ``items`` (Fisher-Yates over the source's integers)."""
    out = list(items)
    for i in range(len(out) - 1, 0, -1):
        j = source.integer(0, i)
        out[i], out[j] = out[j], out[i]
    return out


def day(source: Source, first: dt.date, last: dt.date) -> dt.date:
    """A date in ``[first, last]``; ``first`` when the range is empty or reversed."""
    span = (last - first).days
    return first + dt.timedelta(days=source.integer(0, span)) if span > 0 else first
