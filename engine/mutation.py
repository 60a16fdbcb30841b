"""Rule mutants: the rule base with one rule deleted, or saying the opposite.

Mutation testing asks a test suite: if this rule were missing, or wrong, would any test fail?
A rule no test notices is a rule the tests do not pin down. Two operators:

- ``delete``: the rule concludes nothing (its firings leave no trace, as if it were gone);
- ``negate``: the rule fires where it did, but says the opposite: a ground calls for the
  opposite disposition (``granted`` becomes ``denied``; any other effect becomes ``granted``),
  an excuse ruling flips ``accepted``. Only rules that derive grounds or excuse rulings have an
  opposite; for the rest (requirements, absences, orders, sanctions...) ``delete`` is the test.

:func:`mutant` applies one for the duration of a ``with`` block, to every engine (it wraps
:meth:`ProvenanceEngine.conclude`, through which every rule concludes), and restores the rule
base afterwards. ``tools/mutate_rules.py`` runs the fast tests once per mutant.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any, Literal

from engine.engine import ProvenanceEngine
from kb.facts import ExcuseRuling, Ground, KBFact
from kb.rules import RuleMeta

Operator = Literal["delete", "negate"]
OPERATORS: tuple[Operator, ...] = ("delete", "negate")

OPPOSITE_EFFECT = {
    "granted": "denied",
    "denied": "granted",
    "denied_without_prejudice": "granted",
    "continued": "granted",
    "off_calendar": "granted",
    "moot": "granted",
    "undetermined": "granted",
}


def negatable(meta: RuleMeta) -> bool:
    """Whether a rule's conclusions have an opposite (it derives grounds or excuse rulings)."""
    return any(klass in (Ground, ExcuseRuling) for klass in meta.derives)


def negated(fact: KBFact) -> KBFact:
    """The opposite conclusion (the fact itself when it has none)."""
    if isinstance(fact, Ground):
        return Ground(**{**fact.fields(), "effect": OPPOSITE_EFFECT[fact["effect"]]})
    if isinstance(fact, ExcuseRuling):
        return ExcuseRuling(**{**fact.fields(), "accepted": not fact["accepted"]})
    return fact


def mutants(metas: Iterable[RuleMeta]) -> list[tuple[str, Operator]]:
    """Every mutant of the given rules: each deleted, and each negatable one negated."""
    out: list[tuple[str, Operator]] = []
    for meta in sorted(metas, key=lambda m: m.id):
        out.append((meta.id, "delete"))
        if negatable(meta):
            out.append((meta.id, "negate"))
    return out


@contextmanager
def mutant(rule_id: str, operator: Operator) -> Iterator[None]:
    """Run the rule base with ``rule_id`` mutated by ``operator`` inside the block."""
    if operator not in OPERATORS:
        raise ValueError(f"unknown mutation operator {operator!r}")
    original = ProvenanceEngine.conclude

    def conclude(
        self: ProvenanceEngine, fact: KBFact, *, because: Iterable[str] = (), **context: Any
    ) -> KBFact:
        if self.current_rule().id == rule_id:
            if operator == "delete":
                return fact
            fact = negated(fact)
        return original(self, fact, because=because, **context)

    ProvenanceEngine.conclude = conclude  # type: ignore[method-assign]
    try:
        yield
    finally:
        ProvenanceEngine.conclude = original  # type: ignore[method-assign]
