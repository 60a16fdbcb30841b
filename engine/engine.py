"""A KnowledgeEngine that runs rules in strata and records the provenance of every firing.

Rules (declared with :func:`kb.rules.rule`) conclude facts through
:meth:`ProvenanceEngine.conclude`.
The engine records, for each firing, the rule, the facts that matched, any further facts the rule
relied on (``because``), what it derived and the values its statement is rendered with. Strata
(:mod:`engine.strata`) make a rule fire only once everything it consumes is settled; after each
stratum, exceptions defeat the firings they override and the defeated conclusions are withdrawn.

Nothing here knows any jurisdiction: rule sets are mixins passed in by the caller.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from experta import Rule
from experta.fact import InitialFact
from experta.matchers import ReteMatcher

from engine.agenda import HeapAgenda, HeapStrategy, StratifiedAgenda, StratumStrategy
from engine.compile import Unsupported, compile_rules
from engine.gcpause import paused
from engine.lean import LeanKnowledgeEngine
from engine.matcher import CompiledMatcher
from engine.strata import Plan, plan
from kb.facts import KBFact, scope_contains
from kb.record import Record
from kb.rules import RuleMeta, rule_meta, rules_of


class RuleContractError(RuntimeError):
    """A rule broke its declared contract (e.g. concluded a fact class it does not derive)."""


@dataclass(slots=True)
class Firing:
    """One firing of one rule: what matched, what it relied on, what it derived."""

    id: str
    meta: RuleMeta
    stratum: int
    premises: tuple[str, ...]
    because: list[str] = field(default_factory=list)
    derived: list[str] = field(default_factory=list)
    context: dict[str, Any] = field(default_factory=dict)
    scope: tuple[str, ...] = ("motion",)
    defeated_by: str | None = None

    @property
    def rule_id(self) -> str:
        return self.meta.id


_ACTIVE: dict[tuple[type, dt.date], tuple[tuple[Rule, ...], Plan]] = {}


def rules_in_force(engine_class: type, as_of: dt.date) -> tuple[tuple[Rule, ...], Plan]:
    """The rules in force on ``as_of`` and their plan (cached per class and date)."""
    key = (engine_class, as_of)
    if key not in _ACTIVE:
        # An overlay (what-if law) can switch rules off for a run: they are then not in force.
        disabled: frozenset[str] = getattr(engine_class, "disabled_rules", frozenset())
        rules = tuple(
            r
            for r in rules_of(engine_class)
            if rule_meta(r).effective.covers(as_of) and rule_meta(r).id not in disabled
        )
        _ACTIVE[key] = (rules, plan([rule_meta(r) for r in rules]))
    return _ACTIVE[key]


@dataclass
class Result:
    """What a run produced: the record, every firing, and the conclusions still standing."""

    record: Record
    as_of: dt.date
    firings: list[Firing]
    facts: dict[str, KBFact]
    defeated: dict[str, KBFact]
    case_nodes: dict[str, int]
    rules: tuple[RuleMeta, ...]
    requests_of: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False, compare=False)
    """The requests each firing is about, by firing id, as engine.provenance finds them
    (remembered: the decision, the graph and the narrative all ask)."""

    def live(self, klass: type[KBFact]) -> list[KBFact]:
        """Standing conclusions (or case facts) of one class, in the order they were derived."""
        return [f for f in self.facts.values() if type(f) is klass]

    def firings_for(self, node_id: str) -> list[Firing]:
        """The firings that derived a node (standing ones first)."""
        found = [f for f in self.firings if node_id in f.derived]
        return sorted(found, key=lambda f: f.defeated_by is not None)


MATCHERS = ("compiled", "rete")
"""``compiled``: :mod:`engine.matcher` (falls back to ``rete`` for rules it cannot compile);
``rete``: experta's own network, the reference the compiled matcher is tested against."""


def compiles(rules: tuple[Rule, ...]) -> bool:
    """True if every rule compiles for :class:`~engine.matcher.CompiledMatcher`."""
    try:
        compile_rules(rules)
    except Unsupported:
        return False
    return True


class ProvenanceEngine(LeanKnowledgeEngine):
    """Base engine: subclass it together with jurisdiction rule mixins (see :func:`engine_for`).

    ``matcher`` picks the matcher (:data:`MATCHERS`); both give the same firings in the same
    order, so the same results byte for byte. ``record=False`` keeps only what exceptions need
    (which rule derived what, for which scope): no premises, statement values or firing ids,
    so no explanation can be built, but every conclusion is the same.
    """

    def __init__(self, as_of: dt.date, *, matcher: str = "compiled", record: bool = True) -> None:
        if matcher not in MATCHERS:
            raise ValueError(f"unknown matcher {matcher!r}; choose from {MATCHERS}")
        self.as_of = as_of
        self.recording = record
        self._rules, self.plan = rules_in_force(type(self), as_of)
        self.compiled = matcher == "compiled" and compiles(self._rules)
        # experta's KnowledgeEngine.__init__ instantiates these two attributes.
        self.__matcher__ = CompiledMatcher if self.compiled else ReteMatcher
        self.__strategy__ = HeapStrategy if self.compiled else StratumStrategy
        super().__init__()
        self.strategy.plan = self.plan
        self.record: Record | None = None
        self._clear()

    # experta builds its network from get_rules(); give it only the rules in force as of the case.
    def get_rules(self) -> list[Rule]:
        return list(self._rules)

    def _clear(self) -> None:
        self._activation: Any = None
        self._meta: RuleMeta | None = None
        self._metas: dict[int, RuleMeta] = {}
        self._firing: Firing | None = None
        self._stratum = 0
        self.firings: list[Firing] = []
        self._firing_ids: set[str] = set()
        self._by_rule: dict[str, list[Firing]] = {}
        self._node_by_factid: dict[int, str] = {}
        self._live: dict[str, KBFact] = {}
        self._defeated: dict[str, KBFact] = {}
        self._supporters: dict[str, set[str]] = {}
        self._case_nodes: dict[str, int] = {}
        self._memo: dict[Any, Any] = {}
        self._versions: dict[type, int] = {}
        self._indexes: dict[tuple[type, str], tuple[int, dict[Any, list[KBFact]]]] = {}

    def reset(self, **kwargs: Any) -> None:
        super().reset(**kwargs)
        # experta's reset() leaves a plain Agenda holding what the initial fact activated.
        plain: list[Any] = self.agenda.activations
        agenda: StratifiedAgenda | HeapAgenda
        if self.compiled:
            agenda = HeapAgenda(self, self.plan)
            agenda.push(plain)
        else:
            agenda = StratifiedAgenda(self)
            agenda.activations = plain
        self.agenda: StratifiedAgenda | HeapAgenda = agenda
        self._clear()

    # --- running ---------------------------------------------------------------------------

    def decide(self, record: Record) -> Result:
        """Assert the record's case facts, run every stratum, and return the result."""
        with paused():
            return self._decide(record)

    def _decide(self, record: Record) -> Result:
        self.reset()
        self.record = record
        facts = [entry.fact for entry in record.entries]
        nodes = [fact.node_id() for fact in facts]
        for index, node in enumerate(nodes):
            if node in self._case_nodes:
                raise RuleContractError(f"two case facts share the node id {node}")
            self._case_nodes[node] = index
        self.declare(*facts)
        for fact, node in zip(facts, nodes, strict=True):
            self._node_by_factid[fact["__factid__"]] = node
            self._live[node] = fact
        for stratum in range(self.plan.depth):
            self._stratum = stratum
            self.agenda.limit = stratum
            self.run()
            self._resolve_overrides(stratum)
        # The matcher's memories (every fact's bindings per pattern, indexes, matches) are of
        # no use once the run is over: free them now rather than when the engine is collected.
        self.matcher.reset()
        return Result(
            record=record,
            as_of=self.as_of,
            firings=list(self.firings),
            facts=dict(self._live),
            defeated=dict(self._defeated),
            case_nodes=dict(self._case_nodes),
            rules=tuple(rule_meta(r) for r in self._rules),
        )

    def _begin(self, activation: Any) -> None:
        self._activation = activation
        self._firing = None
        rule = activation.rule
        meta = self._metas.get(id(rule))  # by id: experta's Rule hashes all its patterns
        if meta is None:
            meta = self._metas[id(rule)] = rule_meta(rule)
        self._meta = meta

    def _premises(self, activation: Any) -> tuple[str, ...]:
        ids = getattr(activation, "ids", None)
        if ids is not None:  # the compiled matcher's activations carry their ids, newest first
            nodes = self._node_by_factid  # every fact but the initial fact has a node
            if len(ids) == 1 and ids[0] in nodes:  # most activations: one case fact
                return (nodes[ids[0]],)
            return tuple([nodes[i] for i in reversed(ids) if i in nodes])
        ordered = sorted(
            (f for f in activation.facts if not isinstance(f, InitialFact)),
            key=lambda f: f["__factid__"],
        )
        return tuple(self._node_by_factid[f["__factid__"]] for f in ordered)

    def _open_firing(self, meta: RuleMeta, fact: KBFact) -> Firing:
        subject = fact.get("request") or fact.get("set") or fact.get("subject") or "motion"
        base = firing_id = f"rule:{meta.id}#{subject}"
        n = 1
        while firing_id in self._firing_ids:
            n += 1
            firing_id = f"{base}~{n}"
        context = {
            k: v
            for k, v in self._activation.context.items()
            if k[:1] != "_" and not isinstance(v, KBFact)
        }
        firing = Firing(
            id=firing_id,
            meta=meta,
            stratum=self._stratum,
            premises=self._premises(self._activation),
            context=context,
            scope=fact.scope(),
        )
        self._firing_ids.add(firing_id)
        self.firings.append(firing)
        self._by_rule.setdefault(meta.id, []).append(firing)
        return firing

    def conclude(self, fact: KBFact, *, because: Iterable[str] = (), **context: Any) -> KBFact:
        """Derive ``fact`` from the current firing; ``because`` names further facts relied on.

        Keyword arguments are values for the rule's statement template.
        """
        meta = self._meta
        if self._activation is None or meta is None:
            raise RuleContractError("conclude() called outside a rule firing")
        if type(fact) not in meta.derives:
            raise RuleContractError(
                f"rule {meta.id} concluded {type(fact).__name__}, which it "
                f"does not declare in derives={[c.__name__ for c in meta.derives]}"
            )
        firing = self._firing
        if firing is None:
            firing = self._firing = (
                self._open_firing(meta, fact) if self.recording else self._bare_firing(meta, fact)
            )
        if self.recording:
            self._record(firing, meta, because, context)
        node = fact.node_id()
        standing = self._live.get(node)
        if standing is not None:
            if standing.fields() != fact.fields():
                raise RuleContractError(
                    f"rule {meta.id} concluded {node} with different content "
                    f"({fact.fields()} vs {standing.fields()})"
                )
            fact = standing
        else:
            declared = self.declare(fact)
            if declared is None:  # experta saw identical content under another node id
                raise RuleContractError(
                    f"rule {meta.id} concluded a duplicate of an existing fact: {node}"
                )
            self._node_by_factid[fact["__factid__"]] = node
            self._live[node] = fact
            self._defeated.pop(node, None)
            self._versions[type(fact)] = self._versions.get(type(fact), 0) + 1
        if node not in firing.derived:
            firing.derived.append(node)
        self._supporters.setdefault(node, set()).add(firing.id)
        return fact

    def _bare_firing(self, meta: RuleMeta, fact: KBFact) -> Firing:
        """Without recording: what exceptions need, under an id unique within the run."""
        firing = Firing(
            id=str(len(self.firings)),
            meta=meta,
            stratum=self._stratum,
            premises=(),
            scope=fact.scope(),
        )
        self.firings.append(firing)
        self._by_rule.setdefault(meta.id, []).append(firing)
        return firing

    def _record(
        self, firing: Firing, meta: RuleMeta, because: Iterable[str], context: dict[str, Any]
    ) -> None:
        firing.context.update(context)
        if not because:
            return
        # A set beside the list: a motion-wide rule may rely on thousands of conclusions.
        seen = {*firing.because, *firing.premises}
        for node in because:
            if node not in self._live and node not in self._defeated:
                raise RuleContractError(f"rule {meta.id} relies on unknown fact {node}")
            if node not in seen:
                firing.because.append(node)
                seen.add(node)

    def current_rule(self) -> RuleMeta:
        """The metadata of the rule now firing."""
        if self._activation is None:
            raise RuleContractError("no rule is firing")
        return rule_meta(self._activation.rule)

    def fact(self, node_id: str) -> KBFact | None:
        """A standing fact by node id (case fact or conclusion), or None."""
        return self._live.get(node_id)

    def memo(self, key: Any, compute: Any) -> Any:
        """``compute()`` once per run for ``key``: for phrases many firings share."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def standing_by(self, klass: type[KBFact], field_name: str) -> dict[Any, list[KBFact]]:
        """Standing facts of one class grouped by one field (``None`` for facts without it).

        For rules that gather what earlier strata derived (e.g. every ground bearing on a
        request) without a RETE join; cached until a fact of that class is added or withdrawn.
        """
        version = self._versions.get(klass, 0)
        cached = self._indexes.get((klass, field_name))
        if cached is not None and cached[0] == version:
            return cached[1]
        grouped: dict[Any, list[KBFact]] = {}
        for fact in self._live.values():
            if type(fact) is klass:
                grouped.setdefault(fact.get(field_name), []).append(fact)
        self._indexes[(klass, field_name)] = (version, grouped)
        return grouped

    # --- exceptions --------------------------------------------------------------------------

    def _resolve_overrides(self, stratum: int) -> None:
        # Overriders first, so that an exception defeated by a further exception defeats nothing.
        pending = sorted(
            (f for f in self.firings if f.stratum == stratum),
            key=lambda f: self.plan.override_order[f.rule_id],
        )
        for firing in pending:
            if firing.defeated_by is not None:
                continue
            for overrider in self.plan.overridden_by.get(firing.rule_id, ()):
                winner = next(
                    (
                        other
                        for other in self._by_rule.get(overrider, [])
                        if other.defeated_by is None and scope_contains(other.scope, firing.scope)
                    ),
                    None,
                )
                if winner is not None:
                    self._defeat(firing, winner)
                    break

    def _defeat(self, firing: Firing, winner: Firing) -> None:
        firing.defeated_by = winner.id
        for node in firing.derived:
            supporters = self._supporters.get(node, set())
            supporters.discard(firing.id)
            if not supporters and node in self._live:
                fact = self._live.pop(node)
                self._defeated[node] = fact
                self._versions[type(fact)] = self._versions.get(type(fact), 0) + 1
                self.retract(fact)


@cache
def engine_for(mixins: tuple[type, ...]) -> type[ProvenanceEngine]:
    """The engine class for a combination of rule mixins (cached, so RETE compiles once)."""
    name = "Engine_" + "_".join(m.__name__ for m in mixins)
    return type(name, (*mixins, ProvenanceEngine), {})
