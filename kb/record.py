"""Turn a resolved case file into the facts rules match on, each with its provenance.

This is bookkeeping, not law: it indexes the case file (which communications raised which
request, which replies answered which communication) so that rules can state the law on one
shaped fact. Every fact carries the YAML path it came from and the record cite the papers give.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from kb import facts as F
from kb.casefile import CaseFile, Conferral, DiscoverySet, Response
from kb.crossref import Case
from kb.requests import Number, RequestRef, join_words, numbers_phrase

SET_LABELS = {
    "interrogatories": "special interrogatories",
    "form_interrogatories": "form interrogatories",
    "production": "requests for production",
    "admissions": "requests for admission",
    "initial_disclosures": "initial disclosures",
    "deposition": "deposition",
}
MOTION_LABELS = {
    "compel_initial": "motion to compel responses",
    "compel_further": "motion to compel further responses",
    "compel_compliance": "motion to compel compliance",
    "compel_attendance": "motion to compel attendance at deposition",
    "deem_admitted": "motion to deem requests for admission admitted",
    "protective_order": "motion for a protective order",
}


@dataclass(frozen=True)
class Entry:
    """A case fact with the provenance the explanation graph shows for it."""

    fact: F.CaseFact
    path: str
    label: str
    record: str | None = None
    part_of: str | None = None


@dataclass
class Record:
    """The case's facts plus the phrasing helpers rules use in their statements."""

    case: Case
    entries: list[Entry] = field(default_factory=list)
    _set_labels: dict[str, str] = field(default_factory=dict, init=False, repr=False, compare=False)
    """Set labels by set id, as :meth:`set_label` gives them: every request phrase needs one."""

    @property
    def model(self) -> CaseFile:
        return self.case.model

    def party_name(self, party: str) -> str:
        who = party.removeprefix("counsel:")
        name = self.model.parties[who].name if who in self.model.parties else who
        return f"counsel for {name}" if party.startswith("counsel:") else name

    def set_label(self, set_id: str) -> str:
        label = self._set_labels.get(set_id)
        if label is None:
            label = self._set_labels[set_id] = self._make_set_label(set_id)
        return label

    def _make_set_label(self, set_id: str) -> str:
        dset = self.model.discovery[set_id]
        label = SET_LABELS[dset.kind]
        if dset.kind == "interrogatories" and self.model.case.court.system == "federal":
            label = "interrogatories"  # "special" interrogatories are a California term
        return f"{label} (set {dset.set})"

    def phrase(self, requests: Iterable[str]) -> str:
        """``Nos. 34 and 35`` in a one-set case; otherwise each set named with its numbers."""
        by_set: dict[str, list[Number]] = {}
        for text in requests:
            set_id, _, number = str(text).rpartition(":")
            by_set.setdefault(set_id, []).append(int(number) if number.isdigit() else number)
        if len(by_set) == 1:  # most phrases: no sets to order and join
            ((set_id, numbers),) = by_set.items()
            if self.case.single_set:
                return numbers_phrase(numbers)
            return f"{self.set_label(set_id)} {numbers_phrase(numbers)}"
        order = list(self.model.discovery)
        parts = [
            f"{self.set_label(s)} {numbers_phrase(n)}"
            for s, n in sorted(
                by_set.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else 0
            )
        ]
        return join_words(parts)


def item_number(key: int | str) -> Number:
    """Response-item keys arrive as ints from YAML and as text from JSON; normalise them."""
    if isinstance(key, int):
        return key
    text = str(key).strip()
    return int(text) if text.isdigit() else text


def _response_items(response: Response | None) -> dict[Number, tuple[str, str | None]]:
    if response is None:
        return {}
    return {item_number(k): (v.kind, v.record) for k, v in response.items.items()}


class _Builder:
    def __init__(self, case: Case) -> None:
        self.case = case
        self.model = case.model
        self.motion = case.model.motion
        self.record = Record(case)
        self.movant = self.motion.movant
        self.served = self.motion.served.date

    def add(
        self,
        fact: F.CaseFact,
        path: str,
        label: str,
        record: str | None = None,
        part_of: str | None = None,
    ) -> None:
        self.record.entries.append(Entry(fact, path, label, record, part_of))

    def build(self) -> Record:
        self.court()
        self.parties()
        self.motion_fact()
        self.papers()
        self.sets()
        self.conferrals()
        self.requests()
        self.others()
        return self.record

    def court(self) -> None:
        court = self.model.case.court
        if court.system == "california":
            label = f"Superior Court of California, County of {court.county}"
        else:
            label = {
                "sdcal": "Southern",
                "cdcal": "Central",
                "ndcal": "Northern",
                "edcal": "Eastern",
            }[court.district or "sdcal"]
            label = f"U.S. District Court for the {label} District of California"
        if court.department:
            label += f", Dept. {court.department}"
        if court.standing_orders:
            label += "; standing orders: " + ", ".join(court.standing_orders)
        self.add(
            F.Court(
                system=court.system,
                district=court.district,
                county=court.county,
                department=court.department,
                standing_orders=tuple(sorted(court.standing_orders)),
            ),
            "case.court",
            label,
        )

    def parties(self) -> None:
        opponents = set(self.case.opponents)
        for pid, party in self.model.parties.items():
            role = "movant" if pid == self.movant else "opponent" if pid in opponents else "other"
            status = "represented by counsel" if party.counsel else "self-represented (pro se)"
            if party.incarcerated:
                status += ", incarcerated"
            self.add(
                F.Party(
                    party=pid,
                    side=party.side,
                    counsel=party.counsel,
                    incarcerated=party.incarcerated,
                    role=role,
                ),
                f"parties.{pid}",
                f"{party.name}: {party.side}, {status}; {role}",
            )

    def motion_fact(self) -> None:
        m = self.motion
        sets = tuple(dict.fromkeys(r.set_id for r in self.case.motion_requests))
        label = (
            f"{self.record.party_name(m.movant)}'s {MOTION_LABELS[m.kind]} as to "
            f"{self.record.phrase(str(r) for r in self.case.motion_requests)}, "
            f"served {m.served.date.isoformat()} ({m.served.method}) on "
            f"{join_words([self.record.party_name(o) for o in self.case.opponents])}"
        )
        self.add(
            F.Motion(
                kind=m.kind,
                system=self.model.case.court.system,
                movant=m.movant,
                opponents=self.case.opponents,
                served=m.served.date,
                served_method=m.served.method,
                as_of=self.model.case.decided,
                sets=sets,
            ),
            "motion",
            label,
        )
        for by, request in (("movant", m.sanctions), ("opponent", m.opposition_sanctions)):
            if request is None or not request.requested:
                continue
            against = request.against or []
            targets = tuple(against if isinstance(against, list) else [against])
            asker = m.movant if by == "movant" else self.case.opponents[0]
            amount = f" of ${request.amount:,.2f}" if request.amount is not None else ""
            whom = join_words([self.record.party_name(t) for t in targets]) or "(no one named)"
            self.add(
                F.SanctionsRequest(by=by, party=asker, against=targets, amount=request.amount),
                "motion.sanctions" if by == "movant" else "motion.opposition_sanctions",
                f"{self.record.party_name(asker)} asks for sanctions{amount} against {whom}",
            )

    def papers(self) -> None:
        papers = self.motion.papers
        for name in (
            "meet_and_confer_declaration",
            "certification",
            "separate_statement",
            "joint_statement",
        ):
            paper = getattr(papers, name)
            if paper is None:
                continue
            state = "filed" if paper.filed else "not filed"
            if paper.filed and paper.compliant is False:
                state += ", not compliant (" + ", ".join(paper.defects or ["defective"]) + ")"
            self.add(
                F.Paper(
                    paper=name,
                    filed=paper.filed,
                    compliant=paper.compliant,
                    defects=tuple(paper.defects),
                ),
                f"motion.papers.{name}",
                f"{name.replace('_', ' ')}: {state}",
                paper.record,
            )

    def sets(self) -> None:
        in_motion = {r.set_id for r in self.case.motion_requests}
        for set_id, dset in self.model.discovery.items():
            response = dset.response
            start, method, source = _clock_start_for(set_id, dset, self.served)
            kinds = tuple(
                sorted(
                    {k for k, _ in _response_items(response).values()}
                    | ({response.default} if response and response.default else set())
                )
            )
            label = (
                f"{self.record.party_name(dset.from_)}'s {self.record.set_label(set_id)} to "
                f"{self.record.party_name(dset.to)}, served {dset.served.date.isoformat()} "
                f"({dset.served.method}); "
            )
            if response is None:
                label += "no response served"
            else:
                verified = {True: "verified", False: "unverified", None: "verification not stated"}
                label += (
                    f"response served {response.served.date.isoformat()} "
                    f"({response.served.method}), {verified[response.verified]}"
                )
            self.add(
                F.DiscoverySet(
                    set=set_id,
                    kind=dset.kind,
                    propounder=dset.from_,
                    responder=dset.to,
                    served=dset.served.date,
                    served_method=dset.served.method,
                    responded=response is not None,
                    response_served=response.served.date if response else None,
                    response_method=response.served.method if response else None,
                    verified=response.verified if response else None,
                    response_kinds=kinds,
                    clock_start=start,
                    clock_method=method,
                    clock_source=source,
                    in_motion=set_id in in_motion,
                    scheduled=dset.scheduled,
                    response_after_motion=bool(response and response.served.date >= self.served),
                    objections_only=bool(response) and kinds == ("objections",),
                ),
                f"discovery.{set_id}",
                label,
            )

    def in_record_order(self) -> list[tuple[int, Conferral]]:
        """The communications with their file positions, in the order of the record: by date,
        then by what they say, never by where the file lists them or what it calls them, so
        that reordering a file or renaming its ids changes nothing the rules see."""
        names = {pid: party.name for pid, party in self.model.parties.items()}

        def key(pair: tuple[int, Conferral]) -> tuple[object, ...]:
            c = pair[1]
            raised = tuple(r.sort_key() for r in self.raised.get(c.id, ()))
            content = (c.method, c.substance or "", tuple(c.offers), raised, c.record or "")
            return (c.date, names[c.from_], names[c.to], *content)

        return sorted(enumerate(self.model.conferrals), key=key)

    def conferrals(self) -> None:
        model = self.model
        answered_by: dict[str, list[str]] = {}
        senders = {c.id: c.from_ for c in model.conferrals}
        self.raised = _raised_requests(self.case)
        self.ordered = self.in_record_order()
        for _, c in self.ordered:
            # Answered means answered by the other side, before the motion was served.
            if c.replying_to and c.date < self.served and senders[c.replying_to] != c.from_:
                answered_by.setdefault(c.replying_to, []).append(c.id)
        before = sum(1 for c in model.conferrals if c.date < self.served)
        self.add(
            F.ConferralRecord(count=len(model.conferrals), before_motion=before),
            "conferrals",
            f"the record of meet-and-confer communications: {len(model.conferrals)} in all, "
            f"{before} before the motion was served",
        )
        for index, c in self.ordered:
            raised = self.raised.get(c.id, ())
            what = (
                f"raised {self.record.phrase(str(r) for r in raised)}"
                if raised
                else "raised no specific request"
            )
            if c.offers:
                what += "; offered or asked for: " + ", ".join(
                    o.replace("_", " ") for o in c.offers
                )
            if c.replying_to:
                what += f"; replying to {c.replying_to}"
            label = (
                f"{c.method.replace('_', ' ')} of {c.date.isoformat()} from "
                f"{self.record.party_name(c.from_)} to {self.record.party_name(c.to)}: {what}"
            )
            self.add(
                F.Conferral(
                    conferral=c.id,
                    date=c.date,
                    sender=c.from_,
                    recipient=c.to,
                    method=c.method,
                    by_movant=c.from_ == self.movant,
                    before_motion=c.date < self.served,
                    substance=c.substance,
                    offers=tuple(c.offers),
                    replying_to=c.replying_to,
                    answered_by=tuple(answered_by.get(c.id, ())),
                    raised=tuple(str(r) for r in raised),
                ),
                f"conferrals[{index}]",
                label,
                c.record,
                part_of="fact:conferrals",
            )
        self.answered_by = answered_by

    def requests(self) -> None:
        model = self.model
        index: dict[RequestRef, list[Conferral]] = {}
        for _, c in self.ordered:
            for ref in self.raised.get(c.id, ()):
                index.setdefault(ref, []).append(c)
        # Each set's response items once, not once per request (quadratic in large sets).
        items_of = {s: _response_items(d.response) for s, d in model.discovery.items()}
        supplemental_of = {
            s: [
                (sup, _response_items(sup))  # type: ignore[arg-type]
                for sup in sorted(d.supplemental, key=lambda sup: sup.served.date)
            ]
            for s, d in model.discovery.items()
        }
        # A communication's entry in an exchange is the same whichever request it raised:
        # made once per communication (with who it was between, and whether it came before
        # the motion) and shared by the requests' exchanges.
        entries: dict[str, tuple[frozenset[str], bool, F.Exchange]] = {}
        for _, c in self.ordered:
            entries[c.id] = (
                frozenset((c.from_, c.to)),
                c.date < self.served,
                F.Exchange(
                    c.id,
                    c.date,
                    c.from_ == self.movant,
                    c.method,
                    c.substance,
                    tuple(c.offers),
                    bool(self.answered_by.get(c.id)),
                ),
            )
        for ref in self.case.motion_requests:
            dset = model.discovery[ref.set_id]
            items = items_of[ref.set_id]
            kind, cite = items.get(ref.number, (None, None))
            if kind is None and dset.response is not None:
                kind = dset.response.default
            parties = frozenset((dset.from_, dset.to))
            exchange: list[F.Exchange] = []
            late: list[F.Exchange] = []
            for c in index.get(ref, []):
                between, before_motion, item = entries[c.id]
                if between != parties:
                    continue
                (exchange if before_motion else late).append(item)
            sup_kind, sup_after, sup_verified = None, False, None
            for sup, sup_items in supplemental_of[ref.set_id]:
                if ref.number in sup_items and sup.served.date <= model.case.decided:
                    sup_kind, _ = sup_items[ref.number]
                    sup_after = sup.served.date >= self.served
                    sup_verified = sup.verified
            objections = (
                "overruled"
                if ref in self.case.overruled
                else "sustained"
                if ref in self.case.sustained
                else "no_finding"
            )
            label = (
                f"{self.record.set_label(ref.set_id)} No. {ref.number} is at issue in the motion"
            )
            if kind:
                label += f"; response: {kind.replace('_', ' ')}"
            elif dset.response is None:
                label += "; no response was served"
            self.add(
                F.Request(
                    request=str(ref),
                    set=ref.set_id,
                    number=ref.number,
                    set_kind=dset.kind,
                    response=kind or ("none" if dset.response is None else None),
                    responded=dset.response is not None,
                    verified=dset.response.verified if dset.response else None,
                    exchange=tuple(exchange),
                    late_exchange=tuple(late),
                    supplemental=sup_kind,
                    supplemental_after_motion=sup_after,
                    supplemental_verified=sup_verified,
                    objections=objections,
                ),
                f"motion.requests.{ref.set_id}",
                label,
                cite,
            )
            if objections != "no_finding":
                self.add(
                    F.Finding(finding="objections", value=objections, request=str(ref)),
                    f"findings.objections.{objections}",
                    f"finding: the objections to No. {ref.number} are {objections}",
                )

    def others(self) -> None:
        model = self.model
        for i, a in enumerate(model.agreements):
            until = f" until {a.until.isoformat()}" if a.until else ""
            self.add(
                F.Agreement(index=i, kind=a.kind, until=a.until),
                f"agreements[{i}]",
                f"written agreement: {a.kind.replace('_', ' ')}{until}",
                a.record,
            )
        for i, o in enumerate(model.prior_orders):
            by = f" by {o.by.isoformat()}" if o.by else ""
            how = f" ({o.method})" if o.method else ""
            self.add(
                F.PriorOrder(index=i, kind=o.kind, by=o.by, method=o.method),
                f"prior_orders[{i}]",
                f"prior order: {o.kind.replace('_', ' ')}{how}{by}",
                o.record,
            )
        for i, ic in enumerate(model.informal_conferences):
            refs = self.case.conference_requests[i]
            self.add(
                F.InformalConference(
                    index=i,
                    date=ic.date,
                    held=ic.held,
                    before_motion=ic.date <= self.served,
                    before_hearing=ic.date <= model.case.decided,
                    requests=None if refs is None else tuple(str(r) for r in refs),
                ),
                f"informal_conferences[{i}]",
                f"informal discovery conference of {ic.date.isoformat()}: "
                f"{'held' if ic.held else 'not held'}",
                ic.record,
            )
        for i, e in enumerate(model.excuses):
            self.add(
                F.Excuse(
                    index=i,
                    by=e.by,
                    by_movant=e.by == self.movant,
                    requirement=e.requirement,
                    reason=e.reason,
                ),
                f"excuses[{i}]",
                f"{self.record.party_name(e.by)} says {e.reason.replace('_', ' ')} excuses "
                f"the {e.requirement.replace('_', ' ')} requirement",
                e.record,
            )
        findings = model.findings
        for name in ("good_cause", "substantial_justification", "sanctions_unjust"):
            value = getattr(findings, name)
            if value is not None:
                self.add(
                    F.Finding(finding=name, value=value),
                    f"findings.{name}",
                    f"finding: {name.replace('_', ' ')} = {str(value).lower()}",
                )


def _clock_start_for(
    set_id: str, dset: DiscoverySet, served: dt.date
) -> tuple[dt.date | None, str | None, str]:
    start: tuple[dt.date | None, str | None, str] = (None, None, "")
    response = dset.response
    if response is not None and response.served.date <= served:
        objections_only = response.default == "objections" and all(
            item.kind == "objections" for item in response.items.values()
        )
        if response.verified or objections_only:
            start = (response.served.date, response.served.method, f"discovery.{set_id}.response")
    for index, sup in enumerate(dset.supplemental):
        if (
            sup.verified
            and sup.served.date <= served
            and (start[0] is None or sup.served.date >= start[0])
        ):
            start = (
                sup.served.date,
                sup.served.method,
                f"discovery.{set_id}.supplemental[{index}]",
            )
    return start


def _raised_requests(case: Case) -> dict[str, tuple[RequestRef, ...]]:
    """Which requests each communication raised: its own list, or, when it names none, those of
    the communication it replies to (a reply is about what it answers)."""
    by_id = {c.id: c for c in case.model.conferrals}
    out: dict[str, tuple[RequestRef, ...]] = {}

    def raised(cid: str, depth: int = 0) -> tuple[RequestRef, ...]:
        if cid in out:
            return out[cid]
        explicit = case.conferral_requests.get(cid)
        conferral = by_id[cid]
        if explicit is not None:
            result = explicit
        elif conferral.replying_to and depth < len(by_id):
            result = raised(conferral.replying_to, depth + 1)
        else:
            result = ()
        out[cid] = result
        return result

    for cid in by_id:
        raised(cid)
    return out


def build_record(case: Case) -> Record:
    """Build the case facts of a resolved case file, in a deterministic order."""
    return _Builder(case).build()
