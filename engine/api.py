"""One call from a loaded case to a result: the engine's public entry points."""

from __future__ import annotations

from collections.abc import Sequence

from engine.decision import build_decision
from engine.engine import Result, engine_for
from engine.gcpause import paused
from kb.crossref import Case
from kb.outcomes import Decision
from kb.record import build_record


def run(case: Case, rule_sets: Sequence[type], *, matcher: str = "compiled") -> Result:
    """Decide a resolved case with the given rule mixins; returns facts and firings.

    ``matcher`` is ``compiled`` (the default) or ``rete`` (experta's own network, the
    reference); both give the same result.
    """
    engine_class = engine_for(tuple(rule_sets))
    engine = engine_class(case.model.case.decided, matcher=matcher)
    return engine.decide(build_record(case))


def decide(
    case: Case, rule_sets: Sequence[type], rules_version: str, *, matcher: str = "compiled"
) -> tuple[Decision, Result]:
    """Decide a case and build its decision object."""
    with paused():  # one pause for the run and the decision (see engine.gcpause)
        result = run(case, rule_sets, matcher=matcher)
        gates: tuple[str, ...] = ()
        for rule_set in rule_sets:
            gates = tuple(getattr(rule_set, "GATES", gates))
        return build_decision(result, rules_version, gates), result
