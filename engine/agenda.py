"""The agenda: which activation fires next, by stratum, then rule, then recency.

An activation's key is ``(-stratum, -rank, fact ids newest first)`` and the largest key fires
first; among equal keys the latest added fires first (experta's ``bisect.insort`` on a sorted
list, popped from the end). :class:`StratumStrategy` keeps experta's sorted list (the reference,
used with experta's RETE matcher); :class:`HeapStrategy` keeps a heap with the same order and
drops retracted activations lazily, which is what the compiled matcher uses: inserting into
a sorted list of Python lists costs O(n) per activation, a heap O(log n).
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from experta.abstract import Strategy
from experta.agenda import Agenda

from engine.strata import Plan
from kb.rules import rule_meta

if TYPE_CHECKING:
    from engine.engine import ProvenanceEngine


class StratumStrategy(Strategy):  # type: ignore[misc]
    """Order activations by stratum, then rule, then recency; deterministic across runs."""

    plan: Plan | None = None

    def key(self, activation: Any) -> tuple[int, int, list[int]]:
        meta = rule_meta(activation.rule)
        assert self.plan is not None
        facts = sorted((f["__factid__"] for f in activation.facts), reverse=True)
        return (-self.plan.stratum[meta.id], -self.plan.rank[meta.id], facts)

    def _update_agenda(self, agenda: Agenda, added: Sequence[Any], removed: Sequence[Any]) -> None:
        for activation in removed:
            activation.key = self.key(activation)
            keys = [a.key for a in agenda.activations]
            index = bisect.bisect_left(keys, activation.key)
            while (
                index < len(agenda.activations) and agenda.activations[index].key == activation.key
            ):
                if agenda.activations[index] == activation:
                    del agenda.activations[index]
                    break
                index += 1
        for activation in added:
            activation.key = self.key(activation)
            bisect.insort(agenda.activations, activation)


class StratifiedAgenda(Agenda):  # type: ignore[misc]
    """Yields only activations of rules in strata up to ``limit``; tells the engine what fires."""

    def __init__(self, engine: ProvenanceEngine) -> None:
        super().__init__()
        self.engine = engine
        self.limit = 0

    def get_next(self) -> Any:
        if not self.activations or -self.activations[-1].key[0] > self.limit:
            return None
        activation = self.activations.pop()
        self.engine._begin(activation)
        return activation


class HeapAgenda(Agenda):  # type: ignore[misc]
    """The same order as :class:`StratifiedAgenda` on a heap of flat tuples
    ``(stratum, rank, *negated fact ids, 1, -arrival, activation)``.

    Negating the ids turns "largest list first" into "smallest tuple first"; the trailing 1
    (larger than any negated id) keeps a longer list ahead of its own prefix, as list order
    does. Because of it, two entries' ids first differ where the lists do (neither can be a
    prefix of the other), so flat tuples order as nested ``(stratum, rank, ids, -arrival)``
    ones would, with one tuple per entry and no nested comparison. Activations the matcher
    retracts are marked ``dead`` and skipped when they surface.
    """

    def __init__(self, engine: ProvenanceEngine, plan: Plan) -> None:
        super().__init__()
        self.engine = engine
        self.plan = plan
        self.limit = 0
        self.heap: list[tuple[Any, ...]] = []
        self.arrivals = 0
        self.order: dict[int, tuple[int, int]] = {}
        """By ``id(rule)``: experta's Rule hashes its whole pattern tuple on every lookup."""

    def push(self, activations: Sequence[Any]) -> None:
        for activation in activations:
            rule = activation.rule
            order = self.order.get(id(rule))
            if order is None:
                meta = rule_meta(rule)
                order = self.order[id(rule)] = (self.plan.stratum[meta.id], self.plan.rank[meta.id])
            self.arrivals += 1
            ids = activation.ids
            if len(ids) == 1:  # most activations: one fact
                entry = (order[0], order[1], -ids[0], 1, -self.arrivals, activation)
            else:
                entry = (*order, *[-i for i in ids], 1, -self.arrivals, activation)
            heapq.heappush(self.heap, entry)

    @property
    def pending(self) -> list[Any]:
        """Live activations, next first (for inspection; the heap is the agenda)."""
        return [entry[-1] for entry in sorted(self.heap) if not entry[-1].dead]

    def get_next(self) -> Any:
        heap = self.heap
        while heap and heap[0][-1].dead:
            heapq.heappop(heap)
        if not heap or heap[0][0] > self.limit:
            return None
        activation = heapq.heappop(heap)[-1]
        self.engine._begin(activation)
        return activation


class HeapStrategy(Strategy):  # type: ignore[misc]
    """Feeds a :class:`HeapAgenda`; the compiled matcher has already marked removals dead."""

    plan: Plan | None = None

    def _update_agenda(self, agenda: Agenda, added: Sequence[Any], removed: Sequence[Any]) -> None:
        if isinstance(agenda, HeapAgenda):
            agenda.push(added)
        else:  # experta's reset() declares the initial fact into a plain Agenda first
            agenda.activations.extend(added)
            for activation in removed:
                if activation in agenda.activations:
                    agenda.activations.remove(activation)
