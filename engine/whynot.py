"""``why-not``: every rule that could have derived a conclusion, and what stood in its way.

The candidates are the rules whose contract says they derive the conclusion's fact class
(``derives``), narrowed to the one rule a conclusion names when it names one (a ground's
``rule``, a sanction's ``basis``). For each, in rule-id order:

- not in force on the case's date: say so, with its effective dates;
- it fired for this subject and derived the conclusion, but an exception defeated it;
- it fired for this subject and derived something else of the class (``denied`` instead of
  ``granted``): the standing conclusions it relied on are the reasons, each with the firing
  that derived it and the absences and facts it rests on;
- it did not fire: its left-hand side is walked over the standing facts (:mod:`engine.lhs`) and
  the first condition nothing satisfies is the failed premise, shown as a missing fact (with
  the case-file path it would come from, or, for a conclusion, the rules that could have derived
  it and why they did not), a fact whose fields are not what the rule needs, a fact whose
  existence blocks the rule, or a test that was false.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import networkx as nx
from experta import Rule

from engine.chain import basis, fact_step, firing_step
from engine.conclusion_ids import Wanted
from engine.engine import Firing, Result
from engine.explain_types import Attempt, AuthorityRef, FactStep, FieldProblem, Premise, Reason
from engine.lhs import Failure, evaluate
from kb import facts as F
from kb.authorities import resolve
from kb.rules import RuleMeta, rule_meta

CASE_FILE_PLACES: dict[type[F.KBFact], str | Callable[[dict[str, Any]], str]] = {
    F.Court: "case.court",
    F.Motion: "motion",
    F.Party: "parties.{party}",
    F.DiscoverySet: "discovery.{set}",
    F.Request: "motion.requests",
    F.Conferral: "conferrals[*]",
    F.ConferralRecord: "conferrals",
    F.Paper: "motion.papers.{paper}",
    F.Agreement: "agreements[*]",
    F.PriorOrder: "prior_orders[*]",
    F.InformalConference: "informal_conferences[*]",
    F.Excuse: "excuses[*]",
    F.Finding: "findings.{finding}",
    F.SanctionsRequest: lambda fields: (
        "motion.opposition_sanctions" if fields.get("by") == "opponent" else "motion.sanctions"
    ),
}
"""Where in the case file (DESIGN.md section 2) a case fact of each class comes from."""


def _compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return F.scope_contains(a, b) or F.scope_contains(b, a)


def _place(klass: type[F.KBFact], fields: dict[str, Any]) -> str:
    template = CASE_FILE_PLACES.get(klass, "")
    if callable(template):
        return template(fields)
    try:
        return template.format(**fields)
    except (KeyError, IndexError):
        return template.split(".{", 1)[0] + ".*" if "{" in template else template


def _would_be_id(klass: type[F.KBFact], fields: dict[str, Any]) -> str:
    try:
        return str(klass(**fields).node_id())
    except (KeyError, TypeError, NotImplementedError):
        return ""


def _words(klass: type[F.KBFact], fields: dict[str, Any]) -> str:
    shown = ", ".join(f"{k}={v!r}" for k, v in fields.items())
    return f"no {klass.__name__}" + (f" with {shown}" if shown else "")


class WhyNotAnalysis:
    """The analysis of one run; :meth:`attempts` answers for one wanted conclusion."""

    def __init__(self, result: Result, graph: nx.MultiDiGraph, rules: Sequence[Rule]) -> None:
        self.result = result
        self.graph = graph
        self.rules = sorted(rules, key=lambda r: rule_meta(r).id)
        self.in_force = {meta.id for meta in result.rules}
        self.standing = sorted(result.facts.items())
        self._scoped: dict[tuple[str, ...], list[tuple[str, F.KBFact]]] = {}

    def facts_in(self, scope: tuple[str, ...]) -> list[tuple[str, F.KBFact]]:
        if scope not in self._scoped:
            self._scoped[scope] = [
                (n, f) for n, f in self.standing if _compatible(f.scope(), scope)
            ]
        return self._scoped[scope]

    def candidates(self, wanted: Wanted) -> list[Rule]:
        rules = [r for r in self.rules if wanted.klass in rule_meta(r).derives]
        named = {str(v) for _, v in wanted.fields}
        chosen = [r for r in rules if rule_meta(r).id in named]
        if chosen:
            return chosen
        # A conclusion that names no rule: prefer the rules that derived one like it in this
        # run (e.g. an absence of the same kind), else every rule that may derive the class.
        literal = {k: v for k, v in wanted.fields if k not in ("request", "set", "subject")}
        alike = {
            f.rule_id
            for f in self.result.firings
            for node in f.derived
            if (fact := self.result.facts.get(node) or self.result.defeated.get(node)) is not None
            and type(fact) is wanted.klass
            and all(fact.get(k) == v for k, v in literal.items())
        }
        preferred = [r for r in rules if rule_meta(r).id in alike]
        return preferred or rules

    def attempts(self, wanted: Wanted, depth: int = 0) -> tuple[Attempt, ...]:
        return tuple(self.attempt(rule, wanted, depth) for rule in self.candidates(wanted))

    def _authorities(self, meta: RuleMeta) -> tuple[AuthorityRef, ...]:
        refs = []
        for authority_id in meta.authorities:
            authority = resolve(authority_id)
            refs.append(AuthorityRef(authority_id, authority.citation, authority.url))
        return tuple(refs)

    def attempt(self, rule: Rule, wanted: Wanted, depth: int) -> Attempt:
        meta = rule_meta(rule)
        base: dict[str, Any] = {
            "rule": meta.id,
            "rule_kind": meta.kind,
            "statement": meta.statement,
            "authorities": self._authorities(meta),
        }
        if meta.id not in self.in_force:
            return Attempt(
                **base,
                status="not_in_force",
                summary=f"not in force on {self.result.as_of.isoformat()} "
                f"({meta.effective.describe()})",
            )
        firings = [
            f
            for f in self.result.firings
            if f.rule_id == meta.id and _compatible(f.scope, wanted.scope)
        ]
        for firing in firings:
            if wanted.id in firing.derived:
                return Attempt(
                    **base,
                    status="defeated",
                    summary=f"it derived {wanted.id}, but {firing.defeated_by} defeated it "
                    "(an exception the rule is overridden by)",
                    defeated_by=firing.defeated_by or "",
                )
        otherwise = [f for f in firings if self._derived_of(f, wanted.klass)]
        if otherwise:
            return self._otherwise(base, otherwise, wanted)
        if firings:
            return Attempt(
                **base,
                status="declined",
                summary=f"it fired for this subject but concluded no {wanted.klass.__name__}",
                matched=tuple(sorted({n for f in firings for n in f.premises})),
            )
        outcome = evaluate(rule, self.facts_in(wanted.scope))
        if outcome.failure is None:
            return Attempt(
                **base,
                status="declined",
                summary="its conditions hold, but its body concluded nothing of the kind for "
                "this subject",
                matched=outcome.nodes,
            )
        failed = self._premise(outcome.failure, wanted, depth)
        return Attempt(
            **base,
            status="premise_failed",
            summary=f"premise {outcome.failure.index + 1} failed: {outcome.failure.condition}",
            failed=failed,
        )

    def _derived_of(self, firing: Firing, klass: type[F.KBFact]) -> list[str]:
        out = []
        for node in firing.derived:
            fact = self.result.facts.get(node) or self.result.defeated.get(node)
            if fact is not None and type(fact) is klass:
                out.append(node)
        return out

    def _otherwise(self, base: dict[str, Any], firings: list[Firing], wanted: Wanted) -> Attempt:
        graph = self.graph
        instead = sorted({n for f in firings for n in self._derived_of(f, wanted.klass)})
        decisive = sorted({n for f in firings for n in f.because})
        reasons = [self._reason(n, True) for n in decisive if n in graph]
        meta = firings[0].meta
        weighed = set(meta.consumes) - set(meta.matches)
        for node, fact in self.facts_in(wanted.scope):
            if type(fact) in weighed and node not in decisive and node in graph:
                reasons.append(self._reason(node, False))
        failed = None
        for reason in reasons:
            if not reason.decisive:
                continue
            missing = next((b for b in reason.basis if b.kind == "absence"), None)
            step = missing or reason.conclusion
            failed = Premise(
                kind="missing" if missing else "derived",
                condition=f"{reason.firing.rule if reason.firing else step.id} stands on it",
                node=step.id,
                label=step.label,
                where=step.path,
                record=step.record,
            )
            break
        subjects = ", ".join(sorted({f.id.partition("#")[2] for f in firings}))
        return Attempt(
            **base,
            status="derived_otherwise",
            summary=f"it fired for {subjects} and derived {', '.join(instead)} instead",
            failed=failed,
            instead=tuple(fact_step(graph, n) for n in instead if n in graph),
            reasons=tuple(reasons),
        )

    def _reason(self, node: str, decisive: bool) -> Reason:
        graph = self.graph
        derivers = sorted(
            u
            for u, _, k in graph.in_edges(node, data="kind")
            if k == "derives" and graph.nodes[u].get("status") == "fired"
        )
        return Reason(
            conclusion=fact_step(graph, node),
            firing=firing_step(graph, derivers[0]) if derivers else None,
            basis=basis(graph, node),
            decisive=decisive,
        )

    def _premise(self, failure: Failure, wanted: Wanted, depth: int) -> Premise:
        graph = self.graph
        if failure.kind == "missing":
            klass = failure.fact_class
            assert klass is not None
            fields = dict(failure.wanted)
            if wanted.scope[0] in ("request", "set") and wanted.scope[0] not in fields:
                fields.setdefault(wanted.scope[0], wanted.scope[1])
            if issubclass(klass, F.CaseFact):
                return Premise(
                    kind="missing",
                    condition=failure.condition,
                    node=_would_be_id(klass, fields),
                    label=_words(klass, fields),
                    where=_place(klass, fields),
                )
            inner = Wanted(_would_be_id(klass, fields), klass, tuple(fields.items()), wanted.scope)
            derivers = tuple(r for r in self.candidates(inner))
            return Premise(
                kind="missing",
                condition=failure.condition,
                node=inner.id,
                label=_words(klass, fields),
                derivable_by=tuple(rule_meta(r).id for r in derivers),
                attempts=self.attempts(inner, depth + 1) if depth == 0 else (),
            )
        node = failure.nodes[0] if failure.nodes else ""
        step = fact_step(graph, node) if node in graph else FactStep(node, "", "")
        return Premise(
            kind=failure.kind,
            condition=failure.condition,
            node=node,
            label=step.label,
            where=step.path,
            record=step.record,
            problems=tuple(FieldProblem(m.field, m.wanted, m.actual) for m in failure.misses),
            values=failure.values,
        )
