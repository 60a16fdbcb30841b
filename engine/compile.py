"""Compile experta rules into flat match programs for :mod:`engine.matcher`.

experta's RETE network tests every fact against every pattern type and copies a token at each
node. Our rules are plain conjunctions (after experta's own disjunctive normal form): patterns on
one fact each, ``NOT`` and ``EXISTS`` of one pattern, and ``TEST`` predicates. This module turns
each such conjunction into a :class:`Branch`: a sequence of elements whose fact patterns carry
their tests as data (literal equalities, variable bindings, and experta's own check objects for
anything richer), so the matcher can dispatch a fact by its type and join patterns by hash.

Only forms whose meaning under experta's network is clear are compiled; anything else raises
:class:`Unsupported`, and the engine then keeps experta's own matcher for that rule set. The
meaning compiled is experta's (documented in ``docs/performance.md``): a pattern matches facts of
exactly its class; ``TEST`` sees the variables bound before it (one that reads only what one
pattern binds is tried with that pattern, see :func:`_hoist_tests`); ``NOT`` is blocked by a fact
agreeing with the variables bound before it; ``EXISTS`` holds while any fact matches its pattern,
whatever the enclosing rule binds, and puts the initial fact among the activation's facts.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from experta import AND, EXISTS, NOT, OR, TEST, Fact, Rule
from experta.fact import InitialFact
from experta.fieldconstraint import ANDFC, NOTFC, ORFC, FieldConstraint, L, W
from experta.matchers.rete.check import FeatureCheck
from experta.matchers.rete.utils import prepare_rule

POS, NEG, EXISTS_KIND, TEST_KIND = 0, 1, 2, 3
INITIAL_CAPTURE = "__initial_fact__"
"""Context key of the initial fact (experta binds it under an internal ``__pattern_…__`` name,
which rule functions and firing records never see)."""


class Unsupported(Exception):
    """A rule uses a form this compiler does not translate; experta's matcher is kept."""


@dataclass(frozen=True, eq=False)
class Pattern:
    """One fact pattern: its class and its tests, split by kind for speed."""

    klass: type
    literals: tuple[tuple[str, Any], ...]
    """``(field, value)``: the field must exist and equal the value."""
    choices: tuple[tuple[str, tuple[Any, ...]], ...]
    """``(field, values)``: the field must exist and equal one of the values (an OR of
    literals, as in ``gate=L("conferral") | L("certification")``)."""
    binds: tuple[tuple[str, str], ...]
    """``(field, variable)``: the field must exist; its value is bound to the variable."""
    generic: tuple[FeatureCheck, ...]
    """experta's own checks, for predicates and combined constraints."""
    capture: str | None
    """Name the whole fact is bound to (``AS.name << Pattern(...)``), if any."""
    variables: frozenset[str]
    """Every name a match can bind (variables and the capture)."""
    always: tuple[str, ...]
    """The names every match binds (wildcard fields and the capture), sorted: what joins
    index on."""
    tests: tuple[tuple[tuple[str, ...], Callable[..., Any]], ...] = ()
    """``(names, predicate)``: TESTs of the rule that read only names this pattern binds,
    tried on each fact as it arrives with those names' values in order (see
    :func:`_hoist_tests`)."""


@dataclass(frozen=True, eq=False)
class Element:
    """One element of a branch: a positive pattern, NOT, EXISTS or TEST."""

    kind: int
    pattern: Pattern | None = None
    test: Callable[..., Any] | None = None
    parameters: tuple[str, ...] = ()
    visible: frozenset[str] = frozenset()
    """Variables bound by the positive patterns before this element."""


@dataclass(frozen=True, eq=False)
class Branch:
    """One conjunction of a rule (a rule with OR has several), ready to match."""

    rule: Rule
    elements: tuple[Element, ...]
    positives: tuple[int, ...]
    """Indexes of the positive patterns: a match is one fact for each."""
    exists: tuple[int, ...]
    negations: tuple[int, ...]
    checks: tuple[int, ...]
    """Indexes of the TEST and NOT elements, in order."""
    with_initial: bool
    """The activation's facts include the initial fact (a branch with EXISTS)."""


def _constraint_binds(value: Any) -> Iterator[str]:
    if isinstance(value, FieldConstraint):
        bind = getattr(value, "__bind__", None)
        if bind is not None:
            yield bind
        if isinstance(value, ANDFC | ORFC | NOTFC):
            for child in value:
                yield from _constraint_binds(child)


def _negated_bind(value: Any, negated: bool = False) -> bool:
    """True if a NOT field constraint binds a name (experta's negated bindings)."""
    if isinstance(value, NOTFC):
        return any(_negated_bind(child, True) for child in value)
    if isinstance(value, ANDFC | ORFC):
        return any(_negated_bind(child, negated) for child in value)
    return negated and getattr(value, "__bind__", None) is not None


def _plain_choice(value: Any) -> bool:
    """An OR of unbound literals (experta's ``or_match`` then returns True for the first
    literal equal to the field's value)."""
    return (
        type(value) is ORFC
        and getattr(value, "__bind__", None) is None
        and all(type(option) is L and option.__bind__ is None for option in value)
    )


def compile_pattern(pattern: Fact) -> Pattern:
    """Split a pattern's field constraints into literal tests, bindings and generic checks."""
    literals: list[tuple[str, Any]] = []
    choices: list[tuple[str, tuple[Any, ...]]] = []
    binds: list[tuple[str, str]] = []
    generic: list[FeatureCheck] = []
    variables: set[str] = set()
    capture: str | None = None
    for key, value in pattern.items():
        if isinstance(key, str) and key.startswith("__") and key.endswith("__"):
            if key != "__bind__":
                raise Unsupported(f"special pattern key {key!r}")
            capture = value
            continue
        if _negated_bind(value):
            raise Unsupported("a NOT field constraint that binds a variable")
        variables.update(_constraint_binds(value))
        plain = isinstance(key, str) and "__" not in key
        if plain and isinstance(value, W) and value.__bind__ is not None:
            binds.append((key, value.__bind__))
        elif plain and not isinstance(value, FieldConstraint):
            literals.append((key, value))  # experta reads a bare value as L(value)
        elif plain and type(value) is L and value.__bind__ is None:
            literals.append((key, value.value))
        elif plain and _plain_choice(value):
            choices.append((key, tuple(option.value for option in value)))
        else:
            generic.append(FeatureCheck(key, value))
    if capture is not None:
        variables.add(capture)
    return Pattern(
        klass=type(pattern),
        literals=tuple(literals),
        choices=tuple(choices),
        binds=tuple(binds),
        generic=tuple(generic),
        capture=capture,
        variables=frozenset(variables),
        always=tuple(sorted({name for _, name in binds} | ({capture} if capture else set()))),
    )


def _single_fact(ce: Any, what: str) -> Fact:
    if len(ce) != 1 or not isinstance(ce[0], Fact):
        raise Unsupported(f"{what} of anything but one fact pattern")
    return ce[0]


def compile_branch(rule: Rule, conditions: Sequence[Any]) -> Branch:
    """One conjunction (experta wires it as a chain of joins) as a :class:`Branch`."""
    if not conditions:
        raise Unsupported("an empty conjunction")
    seen: list[Fact] = []
    elements: list[Element] = []
    visible: set[str] = set()
    for index, ce in enumerate(conditions):
        if isinstance(ce, TEST):
            if index == 0 or len(ce) != 1:
                raise Unsupported("a TEST first (experta never activates it)")
            test = ce[0]
            params = tuple(inspect.signature(test).parameters)
            elements.append(
                Element(TEST_KIND, test=test, parameters=params, visible=frozenset(visible))
            )
            continue
        if isinstance(ce, NOT):
            if index == 0:
                raise Unsupported("a NOT first")
            fact, kind = _single_fact(ce, "NOT"), NEG
        elif isinstance(ce, EXISTS):
            fact, kind = _single_fact(ce, "EXISTS"), EXISTS_KIND
        elif isinstance(ce, Fact):
            fact, kind = ce, POS
        else:
            raise Unsupported(f"condition {type(ce).__name__}")
        if any(fact == other for other in seen):
            raise Unsupported("two equal patterns in one rule (experta shares their capture)")
        seen.append(fact)
        pattern = compile_pattern(fact)
        elements.append(Element(kind, pattern=pattern, visible=frozenset(visible)))
        if kind == POS:
            visible |= pattern.variables
    elements = _hoist_tests(elements)
    positives = tuple(i for i, e in enumerate(elements) if e.kind == POS)
    exists = tuple(i for i, e in enumerate(elements) if e.kind == EXISTS_KIND)
    initial = bool(exists) or any(
        getattr(elements[i].pattern, "klass", None) is InitialFact for i in positives
    )
    return Branch(
        rule=rule,
        elements=tuple(elements),
        positives=positives,
        exists=exists,
        negations=tuple(i for i, e in enumerate(elements) if e.kind == NEG),
        checks=tuple(i for i, e in enumerate(elements) if e.kind in (NEG, TEST_KIND)),
        with_initial=initial,
    )


def _positional(test: Callable[..., Any]) -> bool:
    """True if every parameter of ``test`` can be passed by position (a plain ``lambda a, b``)."""
    kinds = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    return all(p.kind in kinds for p in inspect.signature(test).parameters.values())


def _hoist_tests(elements: list[Element]) -> list[Element]:
    """Move each TEST that reads only names one earlier positive pattern always binds into that
    pattern, as a RETE network's alpha tests: it is then tried once per fact as the fact
    arrives, and a fact it rejects never enters the joins.

    The TEST sees the same values either way: every name it reads is bound by that pattern
    (joined values agree), and visible to the TEST since the pattern comes before it. Tests are
    predicates on those values, so when they run does not change which matches hold. A
    ``demand_only``-style rule (a set's requirement joined with each of its requests, then a
    TEST on the request's exchange) otherwise joins every request and tests most in vain.
    """
    out = list(elements)
    hoisted: set[int] = set()
    for t, element in enumerate(elements):
        if element.kind != TEST_KIND or not element.parameters or element.test is None:
            continue
        if not _positional(element.test):  # the pattern passes the values by position
            continue
        reads = set(element.parameters)
        for p in range(t):
            pattern = out[p].pattern
            if out[p].kind == POS and pattern is not None and reads <= set(pattern.always):
                tests = (*pattern.tests, (element.parameters, element.test))
                out[p] = replace(out[p], pattern=replace(pattern, tests=tests))
                hoisted.add(t)
                break
    return [e for i, e in enumerate(out) if i not in hoisted]


def compile_rule(rule: Rule) -> tuple[Branch, ...]:
    """The branches of one rule, as experta's network would wire them."""
    # experta's prepared copy is also what its own network activates: a fresh Rule object whose
    # _wrapped_self stays None (the class attribute's is set by any instance attribute lookup).
    prepared = prepare_rule(rule)
    rule = prepared
    if len(prepared) >= 1 and isinstance(prepared[0], OR):
        if len(prepared) != 1:
            raise Unsupported("an OR followed by further conditions")
        out = []
        for sub in prepared[0]:
            conditions = tuple(sub) if isinstance(sub, AND) else (sub,)
            if len(conditions) == 1 and not isinstance(conditions[0], Fact | EXISTS):
                raise Unsupported("a one-element OR branch that is not a pattern")
            out.append(compile_branch(rule, conditions))
        return tuple(out)
    if any(isinstance(ce, OR | AND) for ce in prepared):
        raise Unsupported("a nested OR/AND left after normalisation")
    return (compile_branch(rule, tuple(prepared)),)


@cache
def compile_rules(rules: tuple[Rule, ...]) -> tuple[Branch, ...]:
    """Every branch of every rule, in rule order (cached per rule tuple)."""
    return tuple(branch for rule in rules for branch in compile_rule(rule))
