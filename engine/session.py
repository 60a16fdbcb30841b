"""A running engine that decides case after case, or one case as its facts change.

:func:`engine.api.decide` builds a fresh engine (and experta's RETE network) for every case;
that is most of the cost of a small case. A :class:`Session` keeps one engine per rule base in
force and re-decides on it: each decision starts from a reset, so the result is the same as a
fresh engine's (tests/properties check this, byte for byte), only faster. It is what a tool
that re-decides a case on every edit, or decides thousands of generated cases, wants.

Facts are the case file's: to assert, retract or modify facts, change the case file (e.g.
add a communication) and decide it again; every conclusion is drawn afresh from the new facts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from engine.decision import build_decision
from engine.engine import ProvenanceEngine, Result, engine_for, rules_in_force
from kb.crossref import Case
from kb.outcomes import Decision
from kb.record import build_record
from kb.rules import rule_meta


class Session:
    """Engines kept running between decisions, one per rule base and set of rules in force."""

    def __init__(self, rules_version: str) -> None:
        self.rules_version = rules_version
        self._engines: dict[tuple[type, tuple[str, ...]], ProvenanceEngine] = {}

    def engine(self, rule_sets: Sequence[type], as_of: dt.date) -> ProvenanceEngine:
        """The running engine for ``rule_sets`` as of a date (engines are shared between dates
        on which the same rules are in force)."""
        engine_class = engine_for(tuple(rule_sets))
        rules, _ = rules_in_force(engine_class, as_of)
        key = (engine_class, tuple(rule_meta(r).id for r in rules))
        engine = self._engines.get(key)
        if engine is None:
            engine = self._engines[key] = engine_class(as_of)
        engine.as_of = as_of
        return engine

    def run(self, case: Case, rule_sets: Sequence[type]) -> Result:
        """Facts and firings for ``case`` (as :func:`engine.api.run`)."""
        as_of = case.model.case.decided
        return self.engine(rule_sets, as_of).decide(build_record(case))

    def decide(self, case: Case, rule_sets: Sequence[type]) -> tuple[Decision, Result]:
        """The decision and the run (as :func:`engine.api.decide`)."""
        result = self.run(case, rule_sets)
        gates: tuple[str, ...] = ()
        for rule_set in rule_sets:
            gates = tuple(getattr(rule_set, "GATES", gates))
        return build_decision(result, self.rules_version, gates), result
