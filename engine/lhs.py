"""How far a rule's left-hand side gets on a run's facts: the first condition nothing satisfies.

``why-not`` asks, of a rule that did not derive something, which premise failed. experta's RETE
network only reports complete matches, so this module walks the left-hand side condition by
condition (patterns, ``NOT``, ``EXISTS``, ``TEST``) over the facts standing at the end of the
run, restricted to the subject asked about (a request, a set or the motion), and reports the
deepest point any assignment of facts reached. Field constraints are checked with experta's own
``FeatureCheck``, so ``L``/``W``/``P`` and their combinations mean exactly what they mean to the
engine; bindings (``MATCH.x``) must agree across patterns, as in the engine.
"""

from __future__ import annotations

import inspect
import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from experta import Rule
from experta.conditionalelement import AND, EXISTS, NOT, OR, TEST
from experta.fact import Fact, InitialFact
from experta.matchers.rete.check import FeatureCheck

from engine.lhs_words import (
    describe_pattern,
    describe_test,
    literal_fields,
    literal_keys,
    show,
    wanted_words,
)
from kb.facts import CaseFact, KBFact

FailureKind = Literal["missing", "mismatch", "blocked", "test"]
Bindings = dict[Any, Any]


@dataclass(frozen=True)
class FieldMiss:
    """A field of a fact that does not meet a pattern's constraint."""

    field: str
    wanted: str
    actual: str


@dataclass(frozen=True)
class Failure:
    """The condition that stopped the match, and what was wrong.

    ``missing``: no fact of the class (in scope) at all; ``mismatch``: facts of the class exist
    but the nearest one fails ``misses``; ``blocked``: a ``NOT`` condition found ``nodes[0]``;
    ``test``: a ``TEST`` was false for ``values`` (taken from the facts in ``nodes``).
    """

    kind: FailureKind
    index: int
    condition: str
    fact_class: type[KBFact] | None
    wanted: tuple[tuple[str, Any], ...] = ()
    nodes: tuple[str, ...] = ()
    misses: tuple[FieldMiss, ...] = ()
    values: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Outcome:
    """A complete match (``failure is None``; ``nodes`` the facts it used), or the failure."""

    nodes: tuple[str, ...]
    failure: Failure | None


def branches(rule: Rule) -> list[list[Any]]:
    """The rule's conditions as alternatives of flat condition lists (rule-level OR expanded)."""
    options: list[list[list[Any]]] = []
    for element in rule:
        if isinstance(element, OR):
            options.append([_flat(alt) for alt in element])
        else:
            options.append([_flat(element)])
    return [[c for part in combo for c in part] for combo in itertools.product(*options)]


def _flat(element: Any) -> list[Any]:
    if isinstance(element, AND):
        return [c for child in element for c in _flat(child)]
    return [element]


def _merge(bindings: Bindings, new: Mapping[Any, Any]) -> Bindings | None:
    merged = dict(bindings)
    for key, value in new.items():
        if isinstance(key, tuple) and key[:1] == (False,):
            if key[1] in merged and merged[key[1]] == value:
                return None
            merged[key] = value
            continue
        if key in merged and merged[key] != value:
            return None
        if (False, key) in merged and merged[(False, key)] == value:
            return None
        merged[key] = value
    return merged


def _check(pattern: Fact, fact: KBFact, bindings: Bindings) -> tuple[Bindings | None, list[str]]:
    """Bindings after matching ``fact`` against ``pattern``, or None and the failing fields."""
    found: Bindings = {}
    failed: list[str] = []
    for key, value in pattern.items():
        if isinstance(key, str) and key.startswith("__") and key.endswith("__"):
            if key == "__bind__" and value is not None:
                found[value] = fact
            continue
        result = FeatureCheck(key, value)(fact)
        if result is False:
            failed.append(str(key))
            continue
        if isinstance(result, Mapping):
            merged = _merge(bindings, result)
            if merged is None:
                failed.append(str(key))
                continue
            found.update(result)
    if failed:
        return None, failed
    return _merge(bindings, found), failed


class _Search:
    def __init__(self, facts: Sequence[tuple[str, KBFact]]) -> None:
        self.by_class: dict[type, list[tuple[str, KBFact]]] = {}
        for node, fact in facts:
            self.by_class.setdefault(type(fact), []).append((node, fact))
        self.best: Failure | None = None
        self.origin: dict[str, str] = {}

    def note(self, failure: Failure) -> None:
        if self.best is None or failure.index > self.best.index:
            self.best = failure

    def run(
        self, conditions: list[Any], index: int, bindings: Bindings, used: list[str]
    ) -> tuple[str, ...] | None:
        if index == len(conditions):
            return tuple(used)
        condition = conditions[index]
        if isinstance(condition, InitialFact):
            return self.run(conditions, index + 1, bindings, used)
        if isinstance(condition, TEST):
            return self._test(conditions, index, bindings, used)
        if isinstance(condition, NOT | EXISTS):
            return self._quantified(conditions, index, bindings, used)
        return self._pattern(conditions, index, bindings, used)

    def _pattern(
        self, conditions: list[Any], index: int, bindings: Bindings, used: list[str]
    ) -> tuple[str, ...] | None:
        pattern = conditions[index]
        candidates = self.by_class.get(type(pattern), [])
        nearest: tuple[int, str, list[str], KBFact] | None = None
        pinned = literal_keys(pattern)
        for node, fact in candidates:
            merged, failed = _check(pattern, fact, bindings)
            if merged is None:
                # A conclusion of another kind (an absence of another kind) is not a near miss:
                # the one wanted is missing. A case fact with other values is (the motion is
                # of another kind), so the fields that differ are what is shown.
                unlike = not isinstance(fact, CaseFact) and pinned.intersection(failed)
                if not unlike and (nearest is None or len(failed) < nearest[0]):
                    nearest = (len(failed), node, failed, fact)
                continue
            for key in merged:
                if isinstance(key, str) and key not in bindings:
                    self.origin[key] = node
            found = self.run(conditions, index + 1, merged, [*used, node])
            if found is not None:
                return found
        if nearest is None:
            self.note(
                Failure(
                    "missing",
                    index,
                    describe_pattern(pattern),
                    type(pattern),
                    wanted=literal_fields(pattern, bindings),
                )
            )
        else:
            _, node, failed, fact = nearest
            misses = tuple(
                FieldMiss(
                    name,
                    wanted_words(pattern[name], bindings),
                    show(fact[name]) if name in fact else "(not set)",
                )
                for name in failed
            )
            self.note(
                Failure(
                    "mismatch",
                    index,
                    describe_pattern(pattern),
                    type(pattern),
                    wanted=literal_fields(pattern, bindings),
                    nodes=(node,),
                    misses=misses,
                )
            )
        return None

    def _quantified(
        self, conditions: list[Any], index: int, bindings: Bindings, used: list[str]
    ) -> tuple[str, ...] | None:
        condition = conditions[index]
        pattern = condition[0]
        hits = [
            node
            for node, fact in self.by_class.get(type(pattern), [])
            if _check(pattern, fact, bindings)[0] is not None
        ]
        label = f"{type(condition).__name__}({describe_pattern(pattern)})"
        if isinstance(condition, NOT):
            if hits:
                self.note(Failure("blocked", index, label, type(pattern), nodes=(hits[0],)))
                return None
            return self.run(conditions, index + 1, bindings, used)
        if not hits:
            self.note(
                Failure(
                    "missing",
                    index,
                    label,
                    type(pattern),
                    wanted=literal_fields(pattern, bindings),
                )
            )
            return None
        return self.run(conditions, index + 1, bindings, [*used, hits[0]])

    def _test(
        self, conditions: list[Any], index: int, bindings: Bindings, used: list[str]
    ) -> tuple[str, ...] | None:
        function = conditions[index][0]
        names = list(inspect.signature(function).parameters)
        values = {name: bindings.get(name) for name in names}
        if function(**values):
            return self.run(conditions, index + 1, bindings, used)
        sources = tuple(dict.fromkeys(self.origin[n] for n in names if n in self.origin))
        self.note(
            Failure(
                "test",
                index,
                f"TEST({describe_test(function)})",
                None,
                nodes=sources,
                values=tuple((n, show(v)) for n, v in values.items()),
            )
        )
        return None


def evaluate(rule: Rule, facts: Sequence[tuple[str, KBFact]]) -> Outcome:
    """Match ``rule``'s left-hand side against ``facts`` (node id, fact), sorted by the caller.

    Returns the facts of the first complete match, or the deepest failure over every branch
    and every assignment of facts.
    """
    best: Failure | None = None
    for conditions in branches(rule):
        search = _Search(facts)
        found = search.run(conditions, 0, {}, [])
        if found is not None:
            return Outcome(found, None)
        if search.best is not None and (best is None or search.best.index > best.index):
            best = search.best
    assert best is not None
    return Outcome((), best)
