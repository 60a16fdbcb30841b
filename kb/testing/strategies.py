"""Hypothesis strategies over case files, built on the same builders as ``kb generate``.

``case_files(system="california", motion="compel_further", never_raised=True)`` draws valid
case files (plain data, format 1) with the given knobs (:class:`kb.testing.Knobs`); the
mutation strategies take an existing case file and change one thing about it. Hypothesis
shrinks a failing example towards fewer requests, fewer communications and earlier options.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from hypothesis import strategies as st

from kb.testing import mutations
from kb.testing.builders import build_case
from kb.testing.knobs import Knobs
from kb.testing.source import Source

T = TypeVar("T")
Doc = dict[str, Any]


class DrawSource:
    """A :class:`~kb.testing.source.Source` that draws from hypothesis."""

    def __init__(self, draw: st.DrawFn) -> None:
        self._draw = draw

    def integer(self, low: int, high: int) -> int:
        return self._draw(st.integers(low, high))

    def choice(self, options: Sequence[T]) -> T:
        return self._draw(st.sampled_from(options))

    def chance(self, probability: float) -> bool:
        if probability <= 0:
            return False
        if probability >= 1:
            return True
        return self._draw(st.booleans())


def from_builder(build: Callable[[Source], T]) -> st.SearchStrategy[T]:
    """A strategy from any function that builds a value out of a :class:`Source`."""

    @st.composite
    def strategy(draw: st.DrawFn) -> T:
        return build(DrawSource(draw))

    return strategy()


def case_files(knobs: Knobs | None = None, **changes: Any) -> st.SearchStrategy[Doc]:
    """Valid case files: ``case_files(system="federal", district="ndcal", requests=(2, 5))``.

    Keyword arguments are :class:`~kb.testing.Knobs` fields (``system``, ``district``,
    ``motion``, ``requests``, ``conferrals``, ``never_raised``, ``unanswered_offers``,
    ``late_notice``, ``near_deadline``, ``service_methods``, ``pro_se``, ``incarcerated``,
    ``pro_se_opponent``, ``papers_deficient``, ``demands_only``, ``late_production``,
    ``sanctions_unnamed``, ...).
    """
    chosen = (knobs or Knobs()).with_(**changes) if changes or knobs else Knobs()
    return from_builder(lambda source: build_case(source, chosen))


def dropped_conferral(doc: Doc) -> st.SearchStrategy[Doc]:
    """``doc`` without one of its communications (replies to it no longer name it)."""
    return from_builder(lambda source: mutations.drop_conferral(source, doc))


def shifted_date(doc: Doc) -> st.SearchStrategy[Doc]:
    """``doc`` with one date moved a few days, within what the loader accepts."""
    return from_builder(lambda source: mutations.shift_date(source, doc))


def added_request(doc: Doc) -> st.SearchStrategy[Doc]:
    """``doc`` with one more request in the motion (a new one if the sets are all at issue)."""
    return from_builder(lambda source: mutations.add_request(source, doc))


def renamed_ids(doc: Doc) -> st.SearchStrategy[tuple[Doc, dict[str, str]]]:
    """``doc`` with its party and conferral ids renamed, and the renaming (old -> new)."""
    return from_builder(lambda source: mutations.rename_ids(source, doc))


def reordered(doc: Doc) -> st.SearchStrategy[Doc]:
    """``doc`` with its parties, communications and request lists in another order."""
    return from_builder(lambda source: mutations.reorder(source, doc))


def mutated(doc: Doc) -> st.SearchStrategy[Doc]:
    """One of the mutations above (renaming without its mapping)."""
    return st.one_of(
        dropped_conferral(doc),
        shifted_date(doc),
        added_request(doc),
        renamed_ids(doc).map(lambda pair: pair[0]),
        reordered(doc),
    )
