"""Build the decision object (DESIGN.md section 3) from a run's standing conclusions.

Grounds are grouped across requests: firings of one rule with the same values (other than the
request) become one ground naming all their requests ("No meet-and-confer communication raised
Nos. 34 and 35"), with the record cites of the case facts behind them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from engine.engine import Firing, Result
from engine.provenance import firing_requests
from engine.statements import render
from kb.facts import (
    ExcuseRuling,
    Ground,
    KBFact,
    MotionDisposition,
    OpenQuestion,
    Order,
    RequestDisposition,
    Sanction,
    SanctionRefused,
)
from kb.outcomes import (
    Decision,
    GroundOut,
    OpenQuestionOut,
    OrderOut,
    RequestOutcome,
    SanctionAward,
    SanctionsOut,
)

ORDER_SEQUENCE = (
    "meet_and_confer",
    "informal_discovery_conference",
    "joint_statement",
    "joint_motion",
    "serve_responses",
    "further_responses",
    "produce",
    "pay_sanctions",
)
GROUND_TYPES: tuple[type[KBFact], ...] = (Ground, ExcuseRuling, SanctionRefused, Sanction)
NOT_REACHED = frozenset({"granted", "moot", "undetermined"})
"""Effects that, when not decisive, the court did not reach (alternative denials stay listed)."""


class _Provenance:
    """Which firings support which node, and the case facts behind a firing."""

    def __init__(self, result: Result) -> None:
        self.result = result
        self.support: dict[str, list[Firing]] = {}
        for firing in result.firings:
            if firing.defeated_by is None:
                for node in firing.derived:
                    self.support.setdefault(node, []).append(firing)
        entries = result.record.entries
        # case_nodes holds each case fact's node id and place, as the run found them
        self.entries = {node: entries[i] for node, i in result.case_nodes.items()}
        self.parts: dict[str, list[str]] = {}
        for node, entry in self.entries.items():
            if entry.part_of:
                self.parts.setdefault(entry.part_of, []).append(node)

    def case_facts(self, firings: Iterable[Firing]) -> list[str]:
        """Case-fact nodes reachable backwards from the firings (through parts of aggregates)."""
        seen: set[str] = set()
        stack = [n for f in firings for n in (*f.premises, *f.because)]
        parts, support = self.parts, self.support
        while stack:
            node = stack.pop()
            if node in seen:
                continue
            seen.add(node)
            found = parts.get(node)
            if found:
                stack.extend(found)
            for firing in support.get(node, ()):
                stack.extend(firing.premises)
                stack.extend(firing.because)
        entries = self.entries
        return sorted([n for n in seen if n in entries], key=self.result.case_nodes.__getitem__)

    def record_cites(self, firings: Iterable[Firing]) -> list[str]:
        cites: dict[str, None] = {}  # an ordered set: hundreds of cites in a large motion
        for node in self.case_facts(firings):
            cite = self.entries[node].record
            if cite:
                cites.setdefault(cite, None)
        return list(cites)


def _group_requests(result: Result, fact: KBFact, firing: Firing) -> Sequence[str]:
    found = firing_requests(result, firing)
    if found:
        return found
    motion_requests = [str(r) for r in result.record.case.motion_requests]
    if fact.get("set"):
        return [r for r in motion_requests if r.rsplit(":", 1)[0] == fact["set"]]
    return motion_requests


def _grounds(
    result: Result,
    prov: _Provenance,
    decisive_rules: dict[str, set[str]],
    order: dict[str, int],
    gates: dict[str, int],
) -> list[GroundOut]:
    groups: dict[tuple[str, str, tuple[str, ...]], dict[str, Any]] = {}
    for node, fact in result.facts.items():
        if type(fact) not in GROUND_TYPES:
            continue
        for firing in prov.support.get(node, []):
            # Firings of one rule group when they say the same thing of different requests
            # (and cite the same authorities).
            text = render(
                firing.meta.statement,
                {**firing.context, "requests": "\0", "request": "\0"},
                [],
                result.record,
            )
            key = (firing.rule_id, text, firing.meta.cited(firing.context))
            # Dicts as ordered sets: membership in lists made this quadratic in the requests.
            group = groups.get(key)
            if group is None:
                group = groups[key] = {"firings": {}, "requests": {}, "fact": fact}
            group["firings"].setdefault(id(firing), firing)
            for request in _group_requests(result, fact, firing):
                group["requests"].setdefault(request, None)
    out: list[tuple[tuple[Any, ...], GroundOut]] = []
    for (rule_id, _, cited), group in groups.items():
        firings: list[Firing] = list(group["firings"].values())
        requests = sorted(group["requests"], key=lambda r: order.get(r, len(order)))
        fact = group["fact"]
        meta = firings[0].meta
        authorities = list(cited)  # the same for every firing of the group (part of its key)
        is_ground = isinstance(fact, Ground)
        decisive = (not is_ground) or any(rule_id in decisive_rules.get(r, set()) for r in requests)
        if is_ground and not decisive and fact["effect"] in NOT_REACHED:
            continue  # a later gate's relief the court never reaches is no reason given
        statement = render(meta.statement, firings[0].context, requests, result.record)
        ground = GroundOut(
            rule=rule_id,
            authorities=authorities,
            requests=requests,
            statement=statement,
            record=prov.record_cites(firings),
            effect=fact["effect"] if is_ground else None,
            decisive=decisive,
        )
        rank = (
            GROUND_TYPES.index(type(fact)),
            gates.get(fact.get("gate", ""), len(gates)),
            min((order.get(r, 0) for r in requests), default=0),
            rule_id,
        )
        out.append((rank, ground))
    return [g for _, g in sorted(out, key=lambda pair: pair[0])]


def _sanctions(result: Result, prov: _Provenance) -> SanctionsOut | None:
    awards: list[SanctionAward] = []
    for node, fact in result.facts.items():
        if not isinstance(fact, Sanction):
            continue
        firings = prov.support.get(node, [])
        meta = firings[0].meta
        awards.append(
            SanctionAward(
                rule=fact["basis"],
                against=fact["against"],
                also_against=list(fact["also_against"]),
                payee=fact["payee"],
                amount=fact["amount"],
                authorities=list(meta.cited(firings[0].context)),
                statement=render(meta.statement, firings[0].context, [], result.record),
            )
        )
    if not awards:
        return None
    requested = [
        a.amount for a in awards if a.amount is not None and _kind(result, a) == "requested"
    ]
    fixed = [a.amount for a in awards if a.amount is not None and _kind(result, a) == "fixed"]
    total: float | None = (max(requested) if requested else 0) + sum(fixed)
    if not requested and not fixed:
        total = None
    also: list[str] = []
    for award in awards:
        also.extend(x for x in award.also_against if x not in also)
    return SanctionsOut(
        awarded=True,
        against=awards[0].against,
        also_against=also,
        amount=total,
        payee=awards[0].payee,
        awards=awards,
    )


def _kind(result: Result, award: SanctionAward) -> str:
    for fact in result.facts.values():
        if (
            isinstance(fact, Sanction)
            and fact["basis"] == award.rule
            and fact["against"] == award.against
        ):
            return str(fact["amount_kind"])
    return "requested"


def _orders(result: Result, prov: _Provenance, order: dict[str, int]) -> list[OrderOut]:
    out: list[OrderOut] = []
    for node, fact in result.facts.items():
        if not isinstance(fact, Order):
            continue
        firings = prov.support.get(node, [])
        meta = firings[0].meta
        requests = sorted(
            (str(r) for r in fact.get("requests") or ()), key=lambda r: order.get(r, 0)
        )
        out.append(
            OrderOut(
                kind=fact["order"],
                method=fact.get("method"),
                initiator=fact.get("initiator"),
                by=fact["by"].isoformat() if fact.get("by") else None,
                requests=requests,
                statement=render(meta.statement, firings[0].context, requests, result.record),
                authorities=list(meta.cited(firings[0].context)),
            )
        )
    rank = {kind: i for i, kind in enumerate(ORDER_SEQUENCE)}
    return sorted(out, key=lambda o: rank.get(o.kind, len(rank)))


def _open_questions(
    result: Result, order: dict[str, int], decided_at: dict[str, str]
) -> list[OpenQuestionOut]:
    groups: dict[tuple[str, str, str], list[str]] = {}
    for fact in result.facts.values():
        if isinstance(fact, OpenQuestion):
            request = fact.get("request")
            if request and fact.get("gate") and decided_at.get(str(request)) != fact["gate"]:
                continue  # the question belongs to a gate the court never reached for it
            key = (fact["finding"], fact["question"], str(fact.get("assumed") or ""))
            requests = groups.setdefault(key, [])
            if fact.get("request"):
                requests.append(str(fact["request"]))
    out = [
        OpenQuestionOut(
            finding=f,
            question=q,
            assumed=a or None,
            requests=sorted(r, key=lambda x: order.get(x, 0)),
        )
        for (f, q, a), r in groups.items()
    ]
    return sorted(out, key=lambda o: (o.finding, o.question))


def build_decision(result: Result, rules_version: str, gates: tuple[str, ...] = ()) -> Decision:
    """The decision for one case."""
    model = result.record.model
    prov = _Provenance(result)
    order = {str(r): i for i, r in enumerate(result.record.case.motion_requests)}
    gate_rank = {g: i for i, g in enumerate(gates)}
    dispositions = {
        f["request"]: f for f in result.facts.values() if isinstance(f, RequestDisposition)
    }
    requests: dict[str, RequestOutcome] = {}
    decisive_rules: dict[str, set[str]] = {}
    decided_at: dict[str, str] = {}
    for ref in result.record.case.motion_requests:
        name = str(ref)
        fact = dispositions.get(name)
        if fact is None:
            requests[name] = RequestOutcome(disposition="undetermined", grounds=[])
            continue
        requests[name] = RequestOutcome(
            disposition=fact["disposition"], grounds=list(fact["grounds"])
        )
        decisive_rules[name] = set(fact["grounds"])
        decided_at[name] = str(fact["gate"])
    motion = next((f for f in result.facts.values() if isinstance(f, MotionDisposition)), None)
    court = model.case.court
    court_out: dict[str, Any] = {"system": court.system}
    for name in ("county", "district", "department", "judge"):
        value = getattr(court, name)
        if value:
            court_out[name] = value
    return Decision(
        case=model.case.number,
        title=model.case.title,
        court=court_out,
        as_of=model.case.decided.isoformat(),
        rules_version=rules_version,
        motion=model.motion.kind,
        movant=model.motion.movant,
        disposition=motion["disposition"] if motion is not None else "undetermined",
        requests=requests,
        grounds=_grounds(result, prov, decisive_rules, order, gate_rank),
        orders=_orders(result, prov, order),
        sanctions=_sanctions(result, prov),
        open_questions=_open_questions(result, order, decided_at),
    )
