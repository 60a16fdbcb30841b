"""Minimal changes of the facts that flip a request the movant lost: counterfactual re-runs.

For every request whose disposition is not ``granted`` (nor ``moot``), the search takes the
candidate changes the rules' premises suggest (:mod:`engine.cures`), applies each to a copy of
the case file (:mod:`engine.edits`) and lets the engine decide the changed case again. A change
that grants the request is a cure. Pairs come next: for each single change that did not flip the
request, the candidates suggested by the grounds that still stand *after* it (a missing
certification hides the conferral grounds behind it) are tried together with it. Only minimal
sets are cures: a pair is reported only if neither of its changes flips the request alone.

Every cure is proved by the engine, never assumed; a change whose date window is empty is
reported as impossible, with the reason. Cures are ranked by the number of changes, then their
total cost (:data:`engine.cures.COSTS`), then their keys.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from engine.api import run
from engine.cures import Change, RuleIndex, candidates, unsettled_requests
from engine.edits import Applied, Impossible, apply_changes
from engine.engine import Result
from kb.crossref import Case, resolve
from kb.errors import InputError
from kb.facts import RequestDisposition

DEFAULT_BUDGET = 400
"""The most engine runs one search may spend (each run re-decides the whole case)."""


@dataclass
class Outcome:
    """One set of changes, applied and re-decided (or found impossible)."""

    changes: tuple[Change, ...]
    applied: tuple[Applied, ...] = ()
    impossible: str | None = None
    result: Result | None = None
    dispositions: dict[str, tuple[str, str, tuple[str, ...]]] = field(default_factory=dict)

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(c.key for c in self.changes)

    @property
    def cost(self) -> int:
        return sum(c.cost for c in self.changes)

    def rank(self) -> tuple[int, int, tuple[str, ...]]:
        return (len(self.changes), self.cost, tuple(sorted(self.keys)))

    def disposition(self, request: str) -> str | None:
        found = self.dispositions.get(request)
        return found[0] if found else None


@dataclass(frozen=True)
class Cure:
    """A minimal set of changes, the requests it flips to ``granted`` and the re-decided run."""

    id: str
    outcome: Outcome
    flips: tuple[str, ...]


@dataclass(frozen=True)
class Advance:
    """A minimal set of changes that moves requests no cure wins past the gate that decides
    them, though they still fail at a later one."""

    id: str
    outcome: Outcome
    requests: tuple[str, ...]


@dataclass
class Advice:
    """The whole search: the case as decided, cures, advances, impossible changes, and the plan
    (the best cure for every request, applied together and decided once more)."""

    case: Case
    base: Outcome
    gates: tuple[str, ...]
    today: dt.date | None
    targets: list[str]
    cures: list[Cure]
    advances: list[Advance]
    impossible: list[Outcome]
    plan: Outcome | None
    runs: int
    complete: bool
    suggested: dict[str, list[str]] = field(default_factory=dict)


def _dispositions(result: Result) -> dict[str, tuple[str, str, tuple[str, ...]]]:
    return {
        str(f["request"]): (str(f["disposition"]), str(f["gate"]), tuple(f["grounds"]))
        for f in result.live(RequestDisposition)
    }


class _Search:
    def __init__(
        self,
        case: Case,
        rule_sets: Sequence[type],
        gates: tuple[str, ...],
        today: dt.date | None,
        budget: int,
    ) -> None:
        self.case = case
        self.rule_sets = tuple(rule_sets)
        self.gates = gates
        self.today = today
        self.budget = budget
        self.doc: dict[str, Any] = case.model.model_dump(by_alias=True, exclude_none=True)
        self.index = RuleIndex.of(self.rule_sets)
        self.outcomes: dict[frozenset[str], Outcome] = {}
        self.suggestions: dict[frozenset[str], list[Change]] = {}
        self.runs = 0
        self.complete = True
        self.base = self._decide(case, ())

    def _decide(self, case: Case, changes: tuple[Change, ...], applied: Any = ()) -> Outcome:
        result = run(case, self.rule_sets)
        self.runs += 1
        return Outcome(changes, tuple(applied), None, result, _dispositions(result))

    def evaluate(self, changes: Sequence[Change]) -> Outcome | None:
        ordered = tuple(sorted(changes, key=lambda c: c.key))
        key = frozenset(c.key for c in ordered)
        if key in self.outcomes:
            return self.outcomes[key]
        if self.runs >= self.budget:
            self.complete = False
            return None
        try:
            doc, applied = apply_changes(self.doc, ordered, self.base_record, self.today)
        except Impossible as exc:
            outcome = Outcome(ordered, impossible=exc.reason)
        else:
            try:
                changed = resolve(self.case.file, doc)
            except InputError as exc:
                outcome = Outcome(ordered, impossible=f"the changed case file is invalid: {exc}")
            else:
                outcome = self._decide(changed, ordered, applied)
        self.outcomes[key] = outcome
        return outcome

    @property
    def base_record(self) -> Any:
        assert self.base.result is not None
        return self.base.result.record

    def suggested(self, outcome: Outcome, request: str) -> list[Change]:
        """Candidates for ``request`` suggested by what still stands after ``outcome``."""
        if outcome.keys not in self.suggestions:
            assert outcome.result is not None
            self.suggestions[outcome.keys] = candidates(outcome.result, self.index)
        return [c for c in self.suggestions[outcome.keys] if request in c.targets]

    def flips(self, outcome: Outcome | None, request: str) -> bool:
        return outcome is not None and outcome.disposition(request) == "granted"

    def search(self, request: str) -> None:
        firsts = self.suggested(self.base, request)
        for change in firsts:
            self.evaluate([change])
        for change in firsts:
            single = self.outcomes.get(frozenset({change.key}))
            if single is None or single.result is None or self.flips(single, request):
                continue
            for other in self.suggested(single, request):
                if other.key == change.key:
                    continue
                alone = self.evaluate([other])
                if alone is None or self.flips(alone, request):
                    continue
                self.evaluate([change, other])

    def minimal(self, outcome: Outcome, request: str, test: Any) -> bool:
        """True if no evaluated proper subset of the outcome's changes passes ``test``."""
        for change in outcome.changes:
            subset = outcome.keys - {change.key}
            smaller = self.outcomes.get(subset) if subset else self.base
            if smaller is None or smaller.result is None or test(smaller, request):
                return False
        return True

    def advanced(self, outcome: Outcome, request: str) -> bool:
        """True if the request is still lost but decided at a later gate than before."""
        before, after = self.base.dispositions.get(request), outcome.dispositions.get(request)
        if before is None or after is None or after[0] == "granted":
            return False
        rank = {g: i for i, g in enumerate(self.gates)}
        return rank.get(after[1], len(rank)) > rank.get(before[1], len(rank))


def advise(
    case: Case,
    rule_sets: Sequence[type],
    gates: tuple[str, ...],
    today: dt.date | None = None,
    budget: int = DEFAULT_BUDGET,
) -> Advice:
    """Search minimal cures for every request the movant did not win (see the module doc)."""
    search = _Search(case, rule_sets, gates, today, budget)
    assert search.base.result is not None
    targets = unsettled_requests(search.base.result)
    for request in targets:
        search.search(request)
    evaluated = sorted(
        (o for o in search.outcomes.values() if o.result is not None), key=Outcome.rank
    )
    cures: list[Cure] = []
    advances: list[Advance] = []
    for outcome in evaluated:
        flipped = tuple(
            r
            for r in targets
            if search.flips(outcome, r) and search.minimal(outcome, r, search.flips)
        )
        if flipped:
            cures.append(Cure(f"cure-{len(cures) + 1}", outcome, flipped))
    cured = {r for cure in cures for r in cure.flips}
    for outcome in evaluated:
        moved = tuple(
            r
            for r in targets
            if r not in cured
            and search.advanced(outcome, r)
            and search.minimal(outcome, r, search.advanced)
        )
        if moved:
            advances.append(Advance(f"advance-{len(advances) + 1}", outcome, moved))
    impossible = sorted(
        (o for o in search.outcomes.values() if o.impossible is not None), key=Outcome.rank
    )
    suggested = {r: [c.key for c in search.suggested(search.base, r)] for r in targets}
    plan = _plan(search, targets, cures)
    return Advice(
        case=case,
        base=search.base,
        gates=gates,
        today=today,
        targets=targets,
        cures=cures,
        advances=advances,
        impossible=impossible,
        plan=plan,
        runs=search.runs,
        complete=search.complete,
        suggested=suggested,
    )


def _plan(search: _Search, targets: list[str], cures: list[Cure]) -> Outcome | None:
    """The best-ranked cure of every curable request, applied together and decided again."""
    chosen: dict[str, Change] = {}
    for request in targets:
        best = next((c for c in cures if request in c.flips), None)
        if best is not None:
            chosen.update({change.key: change for change in best.outcome.changes})
    if not chosen:
        return None
    search.budget += 1  # the plan is always decided, whatever the search spent
    return search.evaluate(list(chosen.values()))
