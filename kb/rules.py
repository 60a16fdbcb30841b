"""The rule contract (DESIGN.md section 4): metadata declared next to an experta ``@Rule``.

A rule reads like the law it encodes::

    @rule(
        id="ca.meet_confer.request_never_raised",
        authorities=("ccp:2016.040", "case:clement-v-alegre-2009"),
        statement="No meet-and-confer communication raised {requests}.",
        effective=Effective(since=date(2005, 7, 1)),
        derives=(Ground,),
    )
    @Rule(...)
    def request_never_raised(self, request):
        '''CCP 2016.040: the declaration must show "a reasonable and good faith attempt at an
        informal resolution of each issue presented by the motion".'''

The engine reads this metadata to record provenance, to order rules into strata (what a rule
derives must be settled before a rule that consumes it fires), to let exceptions defeat the
rules they ``overrides``, and to skip rules outside their effective dates.
"""

from __future__ import annotations

import datetime as dt
import inspect
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal

from experta import Fact, Rule
from experta.fact import InitialFact


@dataclass(frozen=True)
class Effective:
    """When a rule is in force: from ``since`` (inclusive) until ``until`` (exclusive).

    ``until`` is the first day the rule no longer applies (a repeal or amendment's operative
    date), so that an amendment is encoded as one rule ``until=D`` and another ``since=D``.
    """

    since: dt.date | None = None
    until: dt.date | None = None
    note: str = ""

    def covers(self, day: dt.date) -> bool:
        return (self.since is None or day >= self.since) and (
            self.until is None or day < self.until
        )

    def describe(self) -> str:
        """``always``, ``from 2020-01-01``, ``until 2023-01-01`` or ``from ... until ...``."""
        parts = []
        if self.since:
            parts.append(f"from {self.since.isoformat()}")
        if self.until:
            parts.append(f"until {self.until.isoformat()}")
        return " ".join(parts) or "always"


ALWAYS = Effective()

RuleKind = Literal["law", "record", "procedure"]
"""``law`` rules state law and cite it; ``record`` rules read the case file (absences);
``procedure`` rules apply the decision procedure (aggregating grounds into dispositions)."""


@dataclass(frozen=True)
class Select:
    """An authority that depends on a value of the firing, e.g. the kind of discovery set::

        Select("set_kind", {"production": "ccp:2031.310(b)(2)", "admissions": "ccp:2033.290(b)(1)"})

    A firing cites the id for its value (each id, when the value is a tuple of kinds); lint and
    ``kb rules`` see every id the rule can cite.
    """

    key: str
    choices: tuple[tuple[str, str], ...]

    def __init__(self, key: str, choices: dict[str, str] | tuple[tuple[str, str], ...]) -> None:
        object.__setattr__(self, "key", key)
        items = tuple(choices.items()) if isinstance(choices, dict) else tuple(choices)
        object.__setattr__(self, "choices", items)

    @cached_property
    def _table(self) -> dict[Any, str]:
        return dict(self.choices)

    def pick(self, context: dict[str, Any]) -> list[str]:
        table = self._table
        value = context.get(self.key)
        values = value if isinstance(value, tuple | list | frozenset) else (value,)
        return [table[v] for v in values if v in table]


AuthoritySpec = str | Select


@dataclass(frozen=True)
class RuleMeta:
    """Everything the engine and the explanations know about a rule besides its patterns."""

    id: str
    authority_specs: tuple[AuthoritySpec, ...]
    statement: str
    effective: Effective
    overrides: tuple[str, ...]
    derives: tuple[type[Fact], ...]
    consumes: tuple[type[Fact], ...]
    kind: RuleKind
    doc: str
    function: str
    module: str
    matches: tuple[type[Fact], ...] = field(default=())
    narrative: str = ""
    """How the rule reads in a ruling (``kb explain --format narrative``), when that differs
    from ``statement``; a template like ``statement``. Empty: the statement is used."""

    @property
    def authorities(self) -> tuple[str, ...]:
        """Every authority id the rule can cite, in declaration order."""
        out: list[str] = []
        for spec in self.authority_specs:
            out.extend([spec] if isinstance(spec, str) else [v for _, v in spec.choices])
        return tuple(dict.fromkeys(out))

    @cached_property
    def _fixed_cites(self) -> tuple[str, ...] | None:
        """The authorities every firing cites, when none depends on the firing's values."""
        if all(isinstance(spec, str) for spec in self.authority_specs):
            return tuple(dict.fromkeys(self.authority_specs))  # type: ignore[arg-type]
        return None

    @cached_property
    def _selects(self) -> tuple[str, ...]:
        """The context names the rule's ``Select`` authorities read."""
        return tuple(spec.key for spec in self.authority_specs if isinstance(spec, Select))

    @cached_property
    def _cited_by_values(self) -> dict[tuple[Any, ...], tuple[str, ...]]:
        """What :meth:`cited` gave, by the values of :attr:`_selects` (all it depends on)."""
        return {}

    def cited(self, context: dict[str, Any]) -> tuple[str, ...]:
        """The authorities one firing cites, given its context values."""
        fixed = self._fixed_cites
        if fixed is not None:
            return fixed
        # The decision and the graph ask for every firing; most share their few values.
        key = tuple([context.get(name) for name in self._selects])
        try:
            found = self._cited_by_values.get(key)
        except TypeError:  # an unhashable value (a list of kinds): work it out
            return self._cite(context)
        if found is None:
            found = self._cited_by_values[key] = self._cite(context)
        return found

    def _cite(self, context: dict[str, Any]) -> tuple[str, ...]:
        out: list[str] = []
        for spec in self.authority_specs:
            out.extend([spec] if isinstance(spec, str) else spec.pick(context))
        return tuple(dict.fromkeys(out))


def patterns(element: Any) -> Iterator[type[Fact]]:
    """The fact classes a rule's left-hand side matches on (through AND/OR/NOT/EXISTS/...)."""
    if isinstance(element, Fact):
        if not isinstance(element, InitialFact):
            yield type(element)
        for value in element.values():
            yield from patterns(value)
        return
    if isinstance(element, tuple) and not isinstance(element, str):
        for child in element:
            yield from patterns(child)


def rule(
    *,
    id: str,
    statement: str,
    authorities: tuple[AuthoritySpec, ...] = (),
    effective: Effective = ALWAYS,
    overrides: tuple[str, ...] = (),
    derives: tuple[type[Fact], ...],
    consumes: tuple[type[Fact], ...] = (),
    kind: RuleKind = "law",
    narrative: str = "",
) -> Callable[[Rule], Rule]:
    """Attach the rule contract to an experta ``@Rule``.

    ``derives`` lists the fact classes the rule may conclude (checked at run time); ``consumes``
    lists classes a rule reads other than through its patterns (e.g. grounds it looks up), so
    that the engine can order it after the rules deriving them. ``narrative`` (optional) is
    the sentence the rule contributes to a ruling-style narrative, if not its ``statement``.
    """

    def attach(experta_rule: Rule) -> Rule:
        if not isinstance(experta_rule, Rule) or experta_rule._wrapped is None:
            raise TypeError(f"@rule({id!r}) must decorate an experta @Rule-decorated function")
        function = experta_rule._wrapped
        matched = tuple(dict.fromkeys(patterns(tuple(experta_rule))))
        meta = RuleMeta(
            id=id,
            authority_specs=tuple(authorities),
            statement=statement,
            effective=effective,
            overrides=tuple(overrides),
            derives=tuple(derives),
            consumes=tuple(dict.fromkeys(matched + tuple(consumes))),
            kind=kind,
            doc=inspect.getdoc(function) or "",
            function=function.__name__,
            module=function.__module__,
            matches=matched,
            narrative=narrative,
        )
        # experta rewrites rules with OR/TEST into new Rule objects around the same function
        # (dnf), so the metadata lives on the function and is found through it.
        function._kb_meta = meta
        experta_rule._kb_meta = meta
        return experta_rule

    return attach


def rule_meta(experta_rule: Rule) -> RuleMeta:
    """The metadata of a rule; a rule without it is a programming error."""
    meta = getattr(experta_rule, "_kb_meta", None)
    if meta is None:
        meta = getattr(getattr(experta_rule, "_wrapped", None), "_kb_meta", None)
    if not isinstance(meta, RuleMeta):
        raise TypeError(
            f"rule {getattr(experta_rule, '__name__', experta_rule)!r} has no @rule "
            "metadata (id, authorities, statement, derives)"
        )
    return meta


def rules_of(*mixins: type) -> list[Rule]:
    """Every experta Rule defined on the given classes (and their bases), in id order."""
    found: dict[str, Rule] = {}
    for mixin in mixins:
        for klass in inspect.getmro(mixin):
            for value in vars(klass).values():
                if isinstance(value, Rule):
                    found.setdefault(rule_meta(value).id, value)
    return [found[key] for key in sorted(found)]


def catalog(
    rule_sets: dict[str, tuple[type, ...]], as_of: dt.date | None = None
) -> list[dict[str, Any]]:
    """Every rule in the given rule sets, once, with the sets it belongs to (``kb rules``)."""
    entries: dict[str, dict[str, Any]] = {}
    for name, mixins in rule_sets.items():
        for experta_rule in rules_of(*mixins):
            meta = rule_meta(experta_rule)
            if as_of is not None and not meta.effective.covers(as_of):
                continue
            entry = entries.setdefault(
                meta.id,
                {
                    "id": meta.id,
                    "kind": meta.kind,
                    "authorities": list(meta.authorities),
                    "statement": meta.statement,
                    "effective": meta.effective.describe(),
                    "since": meta.effective.since.isoformat() if meta.effective.since else None,
                    "until": meta.effective.until.isoformat() if meta.effective.until else None,
                    "overrides": list(meta.overrides),
                    "derives": [c.__name__ for c in meta.derives],
                    "module": meta.module,
                    "function": meta.function,
                    "doc": meta.doc,
                    "rule_sets": [],
                },
            )
            entry["rule_sets"].append(name)
    return [entries[key] for key in sorted(entries)]
