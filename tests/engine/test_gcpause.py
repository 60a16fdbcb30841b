"""engine.gcpause: the collector is paused in a run, large survivors are promoted without a
pass, cyclic garbage is still collected, and a caller's own gc state is left alone."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from engine import gcpause
from engine.gcpause import LARGE, paused


class Node:
    """A tracked object that can sit in a reference cycle."""

    def __init__(self) -> None:
        self.other: Node | None = None


def _cycles(n: int) -> list[Node]:
    made = []
    for _ in range(n // 2):
        a, b = Node(), Node()
        a.other, b.other = b, a
        made.append(a)
    return made


def _live_nodes() -> int:
    return sum(1 for o in gc.get_objects() if type(o) is Node)


@pytest.fixture(autouse=True)
def _collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    gc.collect()
    yield
    gc.collect()
    if not was:
        gc.disable()


def test_collector_is_off_inside_and_restored_after() -> None:
    with paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the caller's setting, not ours
    finally:
        gc.enable()


def test_large_survivors_are_promoted_without_a_pass() -> None:
    with paused():
        kept = _cycles(2 * LARGE)
    assert gc.get_count()[0] < LARGE // 10  # no longer counted as young
    oldest = {id(o) for o in gc.get_objects(generation=2)}
    assert id(kept[0]) in oldest and id(kept[-1]) in oldest


def test_small_runs_are_left_to_the_young_collection() -> None:
    with paused():
        kept = _cycles(1000)
    assert id(kept[0]) not in {id(o) for o in gc.get_objects(generation=2)}


def test_cyclic_garbage_of_large_runs_is_still_collected() -> None:
    for _ in range(12):
        with paused():
            garbage = _cycles(2 * LARGE)
        del garbage  # cycles: only the collector can free them
    # Promotion defers them to a full collection, which a later pause starts when they
    # exceed a quarter of the heap: they never pile up run after run.
    assert _live_nodes() < 4 * (2 * LARGE + gcpause.MINIMUM)


def test_a_full_collection_by_anyone_resets_the_count() -> None:
    with paused():
        garbage = _cycles(2 * LARGE)
    del garbage
    assert gcpause._Promoted.count > 0
    gc.collect()
    assert gcpause._Promoted.count == 0


def test_objects_the_caller_froze_stay_frozen() -> None:
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with paused():
            kept = _cycles(2 * LARGE)
        assert gc.get_freeze_count() == frozen
        assert kept
    finally:
        gc.unfreeze()
