"""Candidate changes to a case file, derived from the premises of what defeats a request.

Nothing here is written per rule. The generator walks, for every request the movant did not win,
the firings behind the grounds that bear on it, and maps each *kind* of premise to an edit of the
case file that would take it away:

- an absence whose ``where`` is ``conferrals[*].requests``: a conferral raising the requests
  (tried as a letter and as a telephone conference);
- an absence whose ``where`` is ``conferrals[*].replying_to``: an answer to that communication;
- an absence whose ``where`` is ``motion.papers.<paper>``: file the paper;
- an absence whose ``where`` is ``informal_conferences``: attend an informal discovery conference;
- a request whose ``exchange`` the failing rule's pattern reads, the movant's own communications,
  or the whole record of them: a conferral raising the requests (letter, telephone), by the
  earliest ``by`` date the failing firing read from the record (an order to confer by a day);
- a deadline that ``governs`` a date of the motion (``motion.served.date``): do the act by the
  deadline's last day;
- a paper whose boolean fields the failing rule's pattern fixes: give the field the other value;
- an exception to the failing rule (``overrides``) whose patterns need an ``Agreement`` or an
  ``InformalConference``: make that fact true.

Requests that need raising for the same reason with the same party are raised together, in one
communication. Other premises (another party's acts, the court, a judge's findings) are not the
movant's to change and suggest nothing. Which candidates actually work is decided by re-running
the engine (:mod:`engine.counterfactual`), never here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from experta import Fact, Rule
from experta.fact import InitialFact

from engine.engine import Firing, Result
from kb import facts as F
from kb.rules import rule_meta, rules_of

CONFER_METHODS = ("letter", "phone")
"""The methods a suggested conferral is tried with: a writing, and a conversation."""

COSTS: dict[str, int] = {
    "answer": 1,
    "confer:letter": 1,
    "confer:phone": 2,
    "file": 2,
    "paper": 2,
    "informal_conference": 4,
    "agreement": 5,
    "act_by": 6,
}
"""What a change costs the movant (docs/reference/advice.md): a letter or an answer is cheapest;
a call needs the other side; a paper is drafting; a court conference needs the court's calendar;
an agreement needs the other side's consent; re-serving the motion by a deadline is the most
disruptive."""

UNSETTLED = frozenset({"granted", "moot"})
"""Dispositions with nothing to cure."""


@dataclass(frozen=True)
class Change:
    """One change to the case file. ``key`` is its identity; ``targets`` the requests whose
    failing grounds suggested it; ``source`` the premise node that did."""

    key: str
    action: str
    cost: int
    source: str
    params: tuple[tuple[str, Any], ...] = ()
    targets: tuple[str, ...] = ()

    def get(self, name: str, default: Any = None) -> Any:
        return dict(self.params).get(name, default)


def pattern_facts(element: Any) -> Iterator[Fact]:
    """The fact patterns of a rule's left-hand side (through AND/OR/NOT/EXISTS)."""
    if isinstance(element, Fact):
        if not isinstance(element, InitialFact):
            yield element
        return
    if isinstance(element, tuple) and not isinstance(element, str):
        for child in element:
            yield from pattern_facts(child)


def literal_fields(pattern: Fact) -> dict[str, Any]:
    """The fields a pattern fixes to a plain value (not a variable or a test)."""
    return {
        k: v
        for k, v in pattern.items()
        if isinstance(k, str) and isinstance(v, str | bool | int) and not pattern.is_special(k)
    }


@dataclass
class RuleIndex:
    """The experta rules of a rule set by id, and which rules are exceptions to which."""

    rules: dict[str, Rule] = field(default_factory=dict)
    overriders: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, rule_sets: Sequence[type]) -> RuleIndex:
        index = cls()
        for experta_rule in rules_of(*rule_sets):
            meta = rule_meta(experta_rule)
            index.rules[meta.id] = experta_rule
            for target in meta.overrides:
                index.overriders.setdefault(target, []).append(meta.id)
        return index

    def patterns(self, rule_id: str, klass: type[Fact]) -> list[Fact]:
        found = self.rules.get(rule_id)
        if found is None:
            return []
        return [p for p in pattern_facts(tuple(found)) if type(p) is klass]


def grounds_on(result: Result, request: str) -> list[F.KBFact]:
    """The standing grounds that bear on a request: its own, its set's and the motion's."""
    set_id = request.rsplit(":", 1)[0]
    out = []
    for fact in result.live(F.Ground):
        own = fact.get("request") == request
        set_wide = not fact.get("request") and fact.get("set") == set_id
        motion_wide = not fact.get("request") and not fact.get("set")
        if own or set_wide or motion_wide:
            out.append(fact)
    return out


def unsettled_requests(result: Result) -> list[str]:
    """Requests whose disposition leaves something to cure, in motion order."""
    by_request = {f["request"]: f["disposition"] for f in result.live(F.RequestDisposition)}
    order = [str(r) for r in result.record.case.motion_requests]
    return [r for r in order if by_request.get(r) not in UNSETTLED]


class _Collector:
    """Accumulates candidate changes (merging the requests they address) for one result."""

    def __init__(self, result: Result, index: RuleIndex) -> None:
        self.result = result
        self.index = index
        self.model = result.record.model
        self.changes: dict[str, Change] = {}
        self.targets: dict[str, list[str]] = {}
        self.groups: dict[tuple[str, str, str], list[str]] = {}
        self.group_source: dict[tuple[str, str, str], str] = {}
        self.by: str = ""

    def add(self, change: Change, request: str) -> None:
        self.changes.setdefault(change.key, change)
        bucket = self.targets.setdefault(change.key, [])
        if request not in bucket:
            bucket.append(request)

    def raise_in_conferral(self, trigger: str, request: str, source: str) -> None:
        """Remember that ``request`` needs raising; requests with the same trigger and the same
        other party are raised together, in one communication."""
        dset = self.model.discovery[request.rsplit(":", 1)[0]]
        movant = self.model.motion.movant
        other = dset.to if dset.from_ == movant else dset.from_
        group = self.groups.setdefault((trigger, other, self.by), [])
        if request not in group:
            group.append(request)
        self.group_source.setdefault((trigger, other, self.by), source)

    def visit(self, firing: Firing, request: str) -> None:
        # A date the failing rule read from the record (an order to confer "by" a day) limits
        # when an act suggested by that firing still counts.
        dates = [
            fact["by"]
            for node in (*firing.premises, *firing.because)
            if (fact := self.result.facts.get(node)) is not None
            and isinstance(fact.get("by"), dt.date)
        ]
        self.by = min(dates).isoformat() if dates else ""
        for node in (*firing.premises, *firing.because):
            fact = self.result.facts.get(node)
            if fact is not None:
                self.premise(firing, node, fact, request)
        for overrider in self.index.overriders.get(firing.rule_id, []):
            self.exception(overrider, request)

    def premise(self, firing: Firing, node: str, fact: F.KBFact, request: str) -> None:
        if isinstance(fact, F.Absence):
            self.absence(node, fact, request)
        elif isinstance(fact, F.Deadline):
            governs = fact.get("governs")
            if governs and str(governs).startswith("motion."):
                params: tuple[tuple[str, Any], ...] = (
                    ("governs", governs),
                    ("last_day", fact["last_day"]),
                    ("start", fact.get("start")),
                    ("deadline", node),
                )
                key = f"act_by:{governs}:{fact['last_day'].isoformat()}"
                self.add(Change(key, "act_by", COSTS["act_by"], node, params), request)
        elif isinstance(fact, F.Request):
            if any("exchange" in p for p in self.index.patterns(firing.rule_id, F.Request)):
                self.raise_in_conferral(f"exchange:{firing.rule_id}", request, node)
        elif (isinstance(fact, F.Conferral) and fact["by_movant"]) or isinstance(
            fact, F.ConferralRecord
        ):
            self.raise_in_conferral(f"record:{firing.rule_id}", request, node)
        elif isinstance(fact, F.Paper):
            for pattern in self.index.patterns(firing.rule_id, F.Paper):
                for name, value in literal_fields(pattern).items():
                    if isinstance(value, bool):
                        key = f"paper:{fact['paper']}:{name}={str(not value).lower()}"
                        fields = (("paper", fact["paper"]), ("field", name), ("value", not value))
                        self.add(Change(key, "paper", COSTS["paper"], node, fields), request)

    def absence(self, node: str, fact: F.KBFact, request: str) -> None:
        where = str(fact.get("where") or "")
        if where == "conferrals[*].requests":
            self.raise_in_conferral("absence:raised", request, node)
        elif where == "conferrals[*].replying_to":
            conferral = str(fact.get("conferral") or fact["subject"])
            params = (("conferral", conferral),)
            self.add(
                Change(f"answer:{conferral}", "answer", COSTS["answer"], node, params), request
            )
        elif where.startswith("motion.papers."):
            paper = where.removeprefix("motion.papers.")
            change = Change(f"file:{paper}", "file", COSTS["file"], node, (("paper", paper),))
            self.add(change, request)
        elif where == "informal_conferences":
            self.informal_conference(node, request)

    def informal_conference(self, source: str, request: str) -> None:
        cost = COSTS["informal_conference"]
        self.add(Change("informal_conference", "informal_conference", cost, source), request)

    def exception(self, rule_id: str, request: str) -> None:
        """An exception to the failing rule whose patterns need a fact the parties can create."""
        source = f"rule:{rule_id}"
        for pattern in self.index.patterns(rule_id, F.Agreement):
            kind = literal_fields(pattern).get("kind")
            if isinstance(kind, str):
                change = Change(
                    f"agreement:{kind}", "agreement", COSTS["agreement"], source, (("kind", kind),)
                )
                self.add(change, request)
        for pattern in self.index.patterns(rule_id, F.InformalConference):
            if literal_fields(pattern).get("held") is True:
                self.informal_conference(source, request)

    def finish(self) -> list[Change]:
        order = {str(r): i for i, r in enumerate(self.result.record.case.motion_requests)}
        for group_key, requests in sorted(self.groups.items()):
            _, other, by = group_key
            ordered = sorted(requests, key=lambda r: order.get(r, len(order)))
            source = self.group_source[group_key]
            for method in CONFER_METHODS:
                key = f"confer:{method}:{other}:{','.join(ordered)}" + (f":by:{by}" if by else "")
                params: tuple[tuple[str, Any], ...] = (
                    ("method", method),
                    ("to", other),
                    ("requests", tuple(ordered)),
                )
                if by:
                    params += (("by", dt.date.fromisoformat(by)),)
                change = Change(key, "confer", COSTS[f"confer:{method}"], source, params)
                for request in ordered:
                    self.add(change, request)
        out = []
        for key in sorted(self.changes):
            targets = sorted(self.targets[key], key=lambda r: order.get(r, len(order)))
            change = self.changes[key]
            out.append(
                Change(
                    change.key,
                    change.action,
                    change.cost,
                    change.source,
                    change.params,
                    tuple(targets),
                )
            )
        return out


def candidates(
    result: Result, index: RuleIndex, requests: Iterable[str] | None = None
) -> list[Change]:
    """Every candidate change suggested by the grounds on the given requests (by default, every
    request the movant did not win), sorted by key."""
    collector = _Collector(result, index)
    wanted = list(requests) if requests is not None else unsettled_requests(result)
    for request in wanted:
        for ground in grounds_on(result, request):
            if ground["effect"] in UNSETTLED:
                continue
            for firing in result.firings_for(ground.node_id()):
                if firing.defeated_by is None:
                    collector.visit(firing, request)
    return collector.finish()
