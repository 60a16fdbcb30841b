"""Meet-and-confer communications for a generated case, and the patterns the knobs force.

Communications are drafted in date order between the movant and the opponent: letters, emails,
calls; replies that name what they answer (and, without a request list of their own, raise what
it raised, as :mod:`kb.record` reads them); opponents' offers. Then the patterns are made true
or false as the knobs ask: a request no communication raised (``never_raised``), an offer the
movant never answered (``unanswered_offers``), and a movant who only wrote to demand compliance
(``demands_only``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from kb.requests import Number, compress, number_key
from kb.testing.knobs import CONFERRAL_METHODS, Knobs
from kb.testing.plan import Plan, pattern
from kb.testing.source import Source, day, subset
from kb.testing.vocab import OFFERS

Ref = tuple[str, Number]
ID_WORDS = {
    "letter": "letter",
    "email": "email",
    "phone": "call",
    "video": "video",
    "in_person": "meeting",
}


@dataclass
class Draft:
    """A communication before it is written out; ``refs`` None means no list of its own."""

    id: str
    date: dt.date
    sender: str
    recipient: str
    method: str
    refs: list[Ref] | None
    replying_to: str | None = None
    substance: str | None = None
    offers: list[str] = field(default_factory=list)
    record: str | None = None


def request_spec(plan: Plan, refs: list[Ref], source: Source) -> Any:
    """A request list as people write one: a plain list (one set), with ranges such as ``"3-6"``
    now and then, or ``{set_id: [...]}``."""

    def one(numbers: list[Number]) -> list[int | str]:
        ordered = sorted(numbers, key=number_key)
        if source.chance(0.5):
            return [int(p) if p.isdigit() else p for p in compress(ordered)]
        return list(ordered)

    if len(plan.sets) == 1 and source.chance(0.8):
        return one([n for _, n in refs])
    by_set: dict[str, list[Number]] = {}
    for set_id, number in refs:
        by_set.setdefault(set_id, []).append(number)
    return {s.id: one(by_set[s.id]) for s in plan.sets if s.id in by_set}


class _Drafter:
    def __init__(self, source: Source, plan: Plan, knobs: Knobs) -> None:
        self.source = source
        self.plan = plan
        self.knobs = knobs
        self.drafts: list[Draft] = []
        self.ids: set[str] = set()
        self.paragraph = 2
        motion_refs = plan.at_issue()
        self.reserved: list[Ref] = []
        if pattern(source, knobs.never_raised, 0.25) and motion_refs:
            self.reserved = [source.choice(motion_refs)]
        self.motion_refs = [r for r in motion_refs if r not in self.reserved]
        others = [(s.id, n) for s in plan.sets for n in s.numbers if n not in s.at_issue]
        self.raisable = [r for r in motion_refs if r not in self.reserved] + others[:4]

    def new_id(self, method: str, date: dt.date) -> str:
        base = f"{ID_WORDS[method]}-{date.isoformat()}"
        name, n = base, 1
        while name in self.ids:
            n += 1
            name = f"{base}-{n}"
        self.ids.add(name)
        return name

    def record(self, sender: str) -> str:
        self.paragraph += 1
        who = self.plan.parties[self.plan.movant][0].split()[-1].rstrip(",.")
        exhibit = chr(ord("A") + (self.paragraph - 3) % 26)
        if sender == self.plan.movant:
            return f"{who} Decl. ¶ {self.paragraph}, Ex. {exhibit}"
        return f"{who} Decl. ¶ {self.paragraph}; Opp. Ex. {exhibit}"

    def add(self, draft: Draft) -> Draft:
        self.drafts.append(draft)
        return draft

    def draft(self, date: dt.date, from_movant: bool) -> Draft:
        source, plan = self.source, self.plan
        sender, recipient = (
            (plan.movant, plan.opponent) if from_movant else (plan.opponent, plan.movant)
        )
        method = source.choice(CONFERRAL_METHODS)
        earlier = [d for d in self.drafts if d.sender == recipient and d.date <= date]
        replying_to = source.choice(earlier).id if earlier and source.chance(0.5) else None
        refs: list[Ref] | None
        if replying_to is not None and source.chance(0.5):
            refs = None  # a reply is about what it answers
        elif source.chance(0.1):
            refs = [] if source.chance(0.5) else None  # a general mention raises nothing
        elif self.motion_refs and source.chance(0.5):
            refs = list(self.motion_refs)  # the usual letter: every request in dispute
        else:
            refs = subset(source, self.raisable, 1) if self.raisable else []
        substance = None
        if from_movant and method in ("letter", "email") and source.chance(0.8):
            substance = "specific" if source.chance(0.75) else "demand_only"
        offers = subset(source, OFFERS, 1, 3) if not from_movant and source.chance(0.5) else []
        return Draft(
            id=self.new_id(method, date),
            date=date,
            sender=sender,
            recipient=recipient,
            method=method,
            refs=refs,
            replying_to=replying_to,
            substance=substance,
            offers=offers,
            record=self.record(sender) if source.chance(0.85) else None,
        )

    def raised_before_motion(self) -> set[Ref]:
        by_id = {d.id: d for d in self.drafts}

        def refs(draft: Draft, depth: int = 0) -> list[Ref]:
            if draft.refs is not None:
                return draft.refs
            if draft.replying_to and depth < len(by_id):
                return refs(by_id[draft.replying_to], depth + 1)
            return []

        return {r for d in self.drafts if d.date < self.plan.served for r in refs(d)}

    def pending_offers(self) -> list[Draft]:
        answered = {
            d.replying_to
            for d in self.drafts
            if d.sender == self.plan.movant and d.date < self.plan.served
        }
        return [
            d
            for d in self.drafts
            if d.sender == self.plan.opponent
            and d.offers
            and d.date < self.plan.served
            and d.id not in answered
        ]

    def only_demands(self) -> None:
        """Before the motion, every communication is written and the movant's only demand
        compliance; the movant wrote at least once about the requests it could raise."""
        source, plan = self.source, self.plan
        before = [d for d in self.drafts if d.date < plan.served]
        if not any(d.sender == plan.movant for d in before):
            first, last = plan.window
            demand = self.draft(day(source, first, last), from_movant=True)
            demand.replying_to, demand.refs = None, list(self.motion_refs)
            before.append(self.add(demand))
        renamed: dict[str, str] = {}
        for draft in before:
            if draft.method not in ("letter", "email"):
                draft.method = source.choice(("letter", "email"))
                renamed[draft.id] = self.new_id(draft.method, draft.date)
                draft.id = renamed[draft.id]
            if draft.sender == plan.movant:
                draft.substance = "demand_only"
        for draft in self.drafts:
            if draft.replying_to in renamed:
                draft.replying_to = renamed[draft.replying_to]

    def run(self) -> list[Draft]:
        source, plan = self.source, self.plan
        first, last = plan.window
        count = source.integer(*self.knobs.conferrals)
        late_until = plan.decided - dt.timedelta(days=1)
        dates = sorted(
            day(source, plan.served, late_until)
            if source.chance(0.12)
            else day(source, first, last)
            for _ in range(count)
        )
        for date in dates:
            self.add(self.draft(date, from_movant=source.chance(0.6)))
        unanswered = pattern(source, self.knobs.unanswered_offers, 0.2)
        pending = self.pending_offers()
        if unanswered and not pending:
            offer = self.draft(day(source, first, last), from_movant=False)
            offer.replying_to = None
            offer.refs = subset(source, self.motion_refs, 1) if self.motion_refs else []
            offer.offers = offer.offers or subset(source, OFFERS, 1, 3)
            self.add(offer)
        elif not unanswered:
            for target in pending:
                reply = self.draft(day(source, target.date, last), from_movant=True)
                reply.replying_to, reply.refs = target.id, None
                self.add(reply)
        if self.knobs.never_raised is False:
            missing = [r for r in plan.at_issue() if r not in self.raised_before_motion()]
            if missing:
                cover = self.draft(day(source, first, last), from_movant=True)
                cover.replying_to, cover.refs = None, missing
                self.add(cover)
        if pattern(source, self.knobs.demands_only, 0.08):
            self.only_demands()
        return sorted(self.drafts, key=lambda d: d.date)


def draw_conferrals(source: Source, plan: Plan, knobs: Knobs) -> list[dict[str, Any]]:
    """The ``conferrals`` section of a generated case file."""
    out: list[dict[str, Any]] = []
    for draft in _Drafter(source, plan, knobs).run():
        item: dict[str, Any] = {
            "id": draft.id,
            "date": draft.date.isoformat(),
            "from": draft.sender,
            "to": draft.recipient,
            "method": draft.method,
        }
        if draft.replying_to:
            item["replying_to"] = draft.replying_to
        if draft.refs is not None:
            # An explicit empty list raises nothing (a plain list needs a one-set case).
            empty: Any = [] if len(plan.sets) == 1 else {}
            item["requests"] = request_spec(plan, draft.refs, source) if draft.refs else empty
        if draft.substance:
            item["substance"] = draft.substance
        if draft.offers:
            item["offers"] = draft.offers
        if draft.record:
            item["record"] = draft.record
        out.append(item)
    return out
