"""Fed. R. Civ. P. 37(a)(1): the conference and its certification.

Rule 37(a)(1): a motion to compel "must include a certification that the movant has in good
faith conferred or attempted to confer with the person or party failing to make disclosure or
discovery in an effort to obtain it without court action". Rule 37(d)(1)(B) and 26(c)(1) say the
same for total failures to respond and protective orders. Courts look behind the certificate to
what happened (Shuffle Master: a personal, two-way consultation; letters demanding compliance
are not enough). Pro se and incarcerated parties are bound too (Madsen; Walker; Jourdan).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from experta import EXISTS, MATCH, TEST, L, Rule

from jurisdictions.common.exchange import (
    conclude_offer_unanswered,
    movant_items,
    movant_never_wrote,
    only_demands,
    raised_summary,
    unanswered_attempts,
    unanswered_offers,
)
from kb.facts import (
    Absence,
    Court,
    DiscoverySet,
    Excuse,
    ExcuseRuling,
    Exemption,
    Ground,
    Motion,
    Party,
    PriorOrder,
    Request,
    Requirement,
)
from kb.rules import Effective, Select, rule

CERTIFICATION_RULE = Effective(
    since=dt.date(1993, 12, 1),
    note="certification added by the 1993 amendments; 37(a)(2) until "
    "the 2007 restyling moved it to 37(a)(1)",
)
LOCAL_CONFERENCE_RULES = (
    "frcp.meet_confer.demands_only",
    "sdcal.meet_confer.no_conference",
    "ndcal.meet_confer.no_direct_dialogue",
    "cdcal.meet_confer.no_conference",
    "edcal.meet_confer.no_conference",
)
LOCAL_CONFERENCE_AUTHORITIES = {
    "sdcal": "sdcal-civlr:26.1(a)",
    "cdcal": "cdcal-lr:37-1",
    "ndcal": "ndcal-civlr:37-1(a)",
    "edcal": "edcal-lr:251(b)",
}
"""Each district's own rule requiring the parties to confer before a discovery motion."""
CONFERRAL_MOTIONS = (
    "compel_further",
    "compel_initial",
    "compel_attendance",
    "compel_compliance",
    "protective_order",
    "deem_admitted",
)
CERTIFICATION_BY_KIND = {
    "compel_initial": "frcp:37(d)(1)(B)",
    "compel_attendance": "frcp:37(d)(1)(B)",
    "protective_order": "frcp:26(c)(1)",
}
EXCUSE_WORDS = {
    "no_telephone_access": "lack of telephone access during business hours is not an excuse: "
    "the court can arrange a call instead",
    "incarcerated": "incarceration does not excuse it",
    "pro_se": "self-representation does not excuse it",
    "futility": "a belief that conferring would be futile does not excuse it",
    "time_pressure": "the pressure of a deadline does not excuse it",
    "other": "the reason given does not excuse it",
}
NOT_EXCUSES = tuple(EXCUSE_WORDS)


def no_conference_ground(engine: Any, rule_id: str, request: str, exchange: Any) -> None:
    """Conclude a district rule's "no real conference" ground for one request, citing the
    written communications that were all there was (or the whole record, if none)."""
    engine.conclude(
        Ground(rule=rule_id, gate="conferral", effect="denied_without_prejudice", request=request),
        because=[f"fact:conferral:{i.conferral}" for i in exchange] or ["fact:conferrals"],
        written_words=" (only written communications)" if exchange else "",
    )


class FederalConferral:
    """Who must confer and certify, and the failures Rule 37(a)(1) does not forgive."""

    @rule(
        id="frcp.meet_confer.required",
        authorities=("frcp:37(a)(1)", Select("kind", CERTIFICATION_BY_KIND)),
        statement="Before moving, {movant} had to confer or attempt to confer in good faith "
        "with {opponent} about {set_words}.",
        effective=CERTIFICATION_RULE,
        derives=(Requirement,),
    )
    @Rule(Motion(system="federal", kind=MATCH.kind), DiscoverySet(set=MATCH.set, in_motion=True))
    def conferral_required(self: Any, kind: str, set: str) -> None:
        """Rule 37(a)(1): the movant must have "in good faith conferred or attempted to confer"
        in an effort to obtain the discovery "without court action"."""
        self.conclude(
            Requirement(requirement="meet_and_confer", set=set),
            set_words=self.record.set_label(set),
        )

    @rule(
        id="frcp.certification.required",
        authorities=("frcp:37(a)(1)", Select("kind", CERTIFICATION_BY_KIND)),
        statement="The motion must include a certification that {movant} conferred or "
        "attempted to confer in good faith.",
        effective=CERTIFICATION_RULE,
        derives=(Requirement,),
    )
    @Rule(Motion(system="federal", kind=MATCH.kind))
    def certification_required(self: Any, kind: str) -> None:
        """Rule 37(a)(1): the motion "must include a certification"."""
        self.conclude(Requirement(requirement="certification"))

    @rule(
        id="frcp.certification.missing",
        authorities=(
            "frcp:37(a)(1)",
            Select("kind", CERTIFICATION_BY_KIND),
            "case:walker-v-ryan-2012",
            "case:rogers-v-giurbino-2012",
        ),
        statement="The motion contains no certification that {movant} conferred or attempted "
        "to confer before filing: it is premature.",
        effective=CERTIFICATION_RULE,
        derives=(Ground,),
    )
    @Rule(Absence(kind="paper", subject="certification"), Motion(system="federal", kind=MATCH.kind))
    def certification_missing(self: Any, kind: str) -> None:
        """Without the certification the motion is denied, usually without prejudice, and the
        court does not reach the merits (Walker v. Ryan; Rogers v. Giurbino)."""
        self.conclude(
            Ground(
                rule="frcp.certification.missing",
                gate="certification",
                effect="denied_without_prejudice",
            )
        )

    @rule(
        id="frcp.meet_confer.request_never_raised",
        authorities=("frcp:37(a)(1)", "case:robinson-v-potter-2006", "case:rogers-v-giurbino-2012"),
        statement="No conference, by letter, telephone or in person, ever took up {requests} "
        "before the motion ({raised_words}): {movant} did not confer or attempt to "
        "confer about them.",
        effective=CERTIFICATION_RULE,
        derives=(Ground,),
    )
    @Rule(Absence(kind="raised", request=MATCH.request), Motion(system="federal"))
    def request_never_raised(self: Any, request: str) -> None:
        """Robinson v. Potter, 453 F.3d 990, 995 (8th Cir. 2006): denial is proper where the
        parties made no attempt to resolve the issue informally."""
        set_id = request.rsplit(":", 1)[0]
        self.conclude(
            Ground(
                rule="frcp.meet_confer.request_never_raised",
                gate="conferral",
                effect="denied_without_prejudice",
                request=request,
            ),
            raised_words=raised_summary(self, set_id),
        )

    @rule(
        id="frcp.meet_confer.demands_only",
        authorities=("frcp:37(a)(1)", "case:shuffle-master-v-progressive-games-1996"),
        statement="{movant} only sent demands for compliance about {requests}; there was no "
        "two-way conference to resolve the dispute without the court.",
        effective=CERTIFICATION_RULE,
        derives=(Ground,),
    )
    @Rule(
        Requirement(requirement="meet_and_confer", set=MATCH.set),
        Request(request=MATCH.request, set=MATCH.set, exchange=MATCH.exchange),
        TEST(lambda exchange: only_demands(exchange)),
    )
    def demands_only(self: Any, request: str, set: str, exchange: Any) -> None:
        """Shuffle Master, 170 F.R.D. 166, 171 (D. Nev. 1996): conferring requires a personal,
        two-way consultation; letters or faxes demanding compliance do not suffice."""
        self.conclude(
            Ground(
                rule="frcp.meet_confer.demands_only",
                gate="conferral",
                effect="denied_without_prejudice",
                request=request,
            ),
            because=[f"fact:conferral:{i.conferral}" for i in exchange if i.by_movant],
        )

    @rule(
        id="frcp.meet_confer.movant_never_engaged",
        authorities=("frcp:37(a)(1)",),
        statement="Only {opponent}'s communications mention {requests}; {movant} never "
        "conferred or attempted to confer about them.",
        effective=CERTIFICATION_RULE,
        derives=(Ground,),
    )
    @Rule(
        Requirement(requirement="meet_and_confer", set=MATCH.set),
        Request(request=MATCH.request, set=MATCH.set, exchange=MATCH.exchange),
        TEST(lambda exchange: movant_never_wrote(exchange) and not unanswered_offers(exchange)),
    )
    def movant_never_engaged(self: Any, request: str, set: str, exchange: Any) -> None:
        """Rule 37(a)(1) asks what the movant did to obtain the discovery without the court.
        (When the other side proposed something the movant never answered, that is the ground:
        frcp.meet_confer.offer_unanswered.)"""
        self.conclude(
            Ground(
                rule="frcp.meet_confer.movant_never_engaged",
                gate="conferral",
                effect="denied_without_prejudice",
                request=request,
            )
        )

    @rule(
        id="frcp.meet_confer.offer_unanswered",
        authorities=(
            "frcp:37(a)(1)",
            Select("district", LOCAL_CONFERENCE_AUTHORITIES),
            "case:barajas-v-blue-diamond-2021",
        ),
        statement="{opponent}'s {method} of {date} {offer_words} as to {requests}, and "
        "{movant} never answered it: the parties did not confer in good faith about the "
        "proposal before the motion.",
        effective=CERTIFICATION_RULE,
        derives=(Ground,),
        consumes=(Absence,),
    )
    @Rule(
        Requirement(requirement="meet_and_confer", set=MATCH.set),
        Court(district=MATCH.district),
        Request(request=MATCH.request, set=MATCH.set, exchange=MATCH.exchange),
        TEST(lambda exchange: bool(unanswered_offers(exchange))),
    )
    def offer_unanswered(self: Any, request: str, set: str, district: str, exchange: Any) -> None:
        """Rule 37(a)(1): the movant must have "in good faith conferred or attempted to confer";
        a proposal from the other side that the movant let drop leaves the dispute unconferred.
        Barajas (E.D. Cal. 2021): defendant "made a proposal to provide a sampling ... but no
        meaningful discussion about this proposal appears to have occurred", so the motion was
        denied without prejudice, "subject to being renewed after the parties have adequately
        met and conferred"."""
        conclude_offer_unanswered(
            self, "frcp.meet_confer.offer_unanswered", "denied_without_prejudice", request, exchange
        )

    @rule(
        id="frcp.meet_confer.court_order_disobeyed",
        authorities=("frcp:37(a)(1)", "frcp:16(f)(1)(C)"),
        statement="The court ordered the parties to meet and confer by {by}; {movant} did not "
        "confer by then{late_words}. Having ignored the order, {movant} may not "
        "obtain relief by motion: denied.",
        effective=CERTIFICATION_RULE,
        derives=(Ground,),
    )
    @Rule(
        Motion(system="federal", movant=MATCH.movant),
        PriorOrder(index=MATCH.index, kind="meet_and_confer", by=MATCH.by),
        TEST(lambda by: by is not None),
    )
    def court_order_disobeyed(self: Any, movant: str, index: int, by: dt.date) -> None:
        """Rule 16(f)(1)(C): the court may issue any just orders if a party "fails to obey a
        scheduling or other pretrial order"; a movant who ignored an order to confer cannot
        certify a good-faith conference."""
        mine = sorted(
            (c for c in self.record.model.conferrals if c.from_ == movant), key=lambda c: c.date
        )
        if any(c.date <= by for c in mine):
            return
        first = next((c for c in mine if c.date < self.fact("fact:motion")["served"]), None)
        late = (
            f", and sent nothing until {first.date.isoformat()} ({first.method})" if first else ""
        )
        self.conclude(
            Ground(
                rule="frcp.meet_confer.court_order_disobeyed", gate="conferral", effect="denied"
            ),
            because=[f"fact:conferral:{first.id}"] if first else ["fact:conferrals"],
            by=by,
            late_words=late,
        )

    # --- excuses ---------------------------------------------------------------------------

    @rule(
        id="frcp.excuse.status_does_not_excuse",
        authorities=(
            "frcp:37(a)(1)",
            "case:madsen-v-risenhoover-2012",
            "case:walker-v-ryan-2012",
            "case:jourdan-v-jabe-1991",
        ),
        statement="{movant} is {status}; that does not excuse the duty to meet and confer or "
        "to certify it.",
        effective=CERTIFICATION_RULE,
        derives=(ExcuseRuling,),
        consumes=(Ground,),
    )
    @Rule(
        Motion(system="federal"),
        Party(
            party=MATCH.party, role="movant", counsel=MATCH.counsel, incarcerated=MATCH.incarcerated
        ),
        TEST(lambda counsel, incarcerated: not counsel or incarcerated),
        EXISTS(Ground(gate=L("conferral") | L("certification"))),
    )
    def status_does_not_excuse(self: Any, party: str, counsel: bool, incarcerated: bool) -> None:
        """Madsen v. Risenhoover (N.D. Cal. 2012): the requirement applies to incarcerated
        litigants; Jourdan v. Jabe, 951 F.2d 108, 109 (6th Cir. 1991): leniency toward pro se
        parties "does not apply to compliance with straightforward procedural requirements"."""
        status = " and ".join(
            s
            for s in (
                ("self-represented" if not counsel else ""),
                ("incarcerated" if incarcerated else ""),
            )
            if s
        )
        reason = (
            "pro_se_incarcerated"
            if not counsel and incarcerated
            else ("pro_se" if not counsel else "incarcerated")
        )
        self.conclude(
            ExcuseRuling(requirement="meet_and_confer", reason=reason, accepted=False),
            status=status,
        )

    @rule(
        id="frcp.excuse.stated_excuse_rejected",
        authorities=("frcp:37(a)(1)", "case:madsen-v-risenhoover-2012"),
        statement="{movant} offers an excuse ({reason_given}); but {verdict}.",
        effective=CERTIFICATION_RULE,
        derives=(ExcuseRuling,),
        consumes=(Ground,),
    )
    @Rule(
        Motion(system="federal"),
        Excuse(
            index=MATCH.index,
            by_movant=True,
            requirement=L("meet_and_confer") | L("certification"),
            reason=MATCH.reason,
        ),
        TEST(lambda reason: reason in NOT_EXCUSES),
        EXISTS(Ground(gate=L("conferral") | L("certification"))),
    )
    def stated_excuse_rejected(self: Any, index: int, reason: str) -> None:
        """Rule 37(a)(1) states no exception; courts adapt the method (a call the court arranges,
        defense counsel to initiate) rather than excuse the conference."""
        self.conclude(
            ExcuseRuling(requirement="meet_and_confer", reason=reason, accepted=False),
            reason_given=reason.replace("_", " "),
            verdict=EXCUSE_WORDS[reason],
        )

    @rule(
        id="frcp.excuse.opponent_unresponsive",
        authorities=("frcp:37(a)(1)",),
        statement="{movant} attempted to confer about {requests} and {opponent} never "
        "answered: that is an attempt to confer in good faith.",
        effective=CERTIFICATION_RULE,
        overrides=LOCAL_CONFERENCE_RULES,
        derives=(ExcuseRuling,),
    )
    @Rule(
        Excuse(by_movant=True, requirement="meet_and_confer", reason="opponent_unresponsive"),
        Request(request=MATCH.request, exchange=MATCH.exchange),
        TEST(lambda exchange: unanswered_attempts(exchange)),
    )
    def opponent_unresponsive(self: Any, request: str, exchange: Any) -> None:
        """Rule 37(a)(1) is satisfied when the movant "in good faith conferred or attempted to
        confer": an opponent who ignores real attempts cannot hold the missing conversation
        against the movant, whether the local rule asks for a telephone call (S.D. CivLR
        26.1(a)), direct dialogue (N.D. Civ. L.R. 1-5(n)) or a conference (E.D. L.R. 251(b));
        Macias v. Lange (S.D. Cal. 2016) heard a motion whose opponent never engaged."""
        self.conclude(
            ExcuseRuling(
                requirement="meet_and_confer",
                reason="opponent_unresponsive",
                accepted=True,
                request=request,
            )
        )

    @rule(
        id="frcp.meet_confer.attempt_to_obtain_response",
        authorities=("frcp:37(d)(1)(B)", "frcp:37(a)(1)"),
        statement="{opponent} served no response at all to {requests}; {movant}'s written "
        "request for one was an attempt to confer with the party failing to act.",
        effective=CERTIFICATION_RULE,
        overrides=LOCAL_CONFERENCE_RULES,
        derives=(Exemption,),
    )
    @Rule(
        Motion(system="federal", kind=L("compel_initial") | L("compel_attendance")),
        Request(request=MATCH.request, responded=False, exchange=MATCH.exchange),
        TEST(lambda exchange: bool(movant_items(exchange))),
    )
    def attempt_to_obtain_response(self: Any, request: str, exchange: Any) -> None:
        """Rule 37(d)(1)(B): where a party failed to respond at all, the certification is that
        the movant "conferred or attempted to confer with the party failing to act"; there is no
        response to negotiate over, so asking for one is the attempt the rule requires."""
        self.conclude(
            Exemption(
                requirement="conference", reason="no response to confer about", request=request
            ),
            because=[f"fact:conferral:{i.conferral}" for i in movant_items(exchange)],
        )
