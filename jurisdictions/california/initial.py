"""Motions after no timely response: compel responses (CCP 2030.290, 2031.300) and deem
requests for admission admitted (CCP 2033.280).

CCP 2030.290 / 2031.300: a party who fails to serve a timely response "waives any right to
exercise the option to produce writings ... as well as any objection", and the propounding
party "may move for an order compelling response". An unverified response to interrogatories
or an inspection demand is no response at all (Appleton), unless it states only objections.
CCP 2033.280(c): the court "shall make this order [deeming the matters admitted], unless it
finds that the party to whom the requests for admission have been directed has served, before
the hearing on the motion, a proposed response ... that is in substantial compliance"
(St. Mary). Responses served after the motion do not take away the court's power to rule, and
sanctions may still follow (Sinaiko; CRC 3.1348(a)).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from experta import MATCH, TEST, Rule

from jurisdictions.california.sections import (
    CIVIL_DISCOVERY_ACT,
    INITIAL_MOTION,
    INITIAL_WAIVER,
    NOTICE_WITHIN_45_DAYS,
)
from kb.facts import DiscoverySet, Ground, Motion
from kb.rules import Select, rule

SUBSTANTIVE = frozenset({"answer", "full_compliance", "partial_compliance", "inability"})


def _counts_as_served(responded: bool, verified: bool | None, objections_only: bool) -> bool:
    """Appleton: an unverified response is no response, except one of objections only."""
    return responded and (verified is not False or objections_only)


class CaliforniaInitialResponses:
    """No response, late responses, and motions brought on the wrong statute."""

    @rule(
        id="ca.initial.no_response",
        authorities=(Select("set_kind", INITIAL_WAIVER), Select("set_kind", INITIAL_MOTION)),
        statement="No response to {set_words} was served: every objection is waived, and the "
        "responding party must serve responses without objections.",
        effective=CIVIL_DISCOVERY_ACT,
        derives=(Ground,),
    )
    @Rule(
        Motion(system="california", kind="compel_initial"),
        DiscoverySet(set=MATCH.set, kind=MATCH.set_kind, in_motion=True, responded=False),
    )
    def no_response(self: Any, set: str, set_kind: str) -> None:
        """CCP 2030.290(a)-(b), 2031.300(a)-(b): failure to respond waives objections and
        supports a motion to compel a response."""
        self.conclude(
            Ground(rule="ca.initial.no_response", gate="merits", effect="granted", set=set),
            set_kind=set_kind,
            set_words=self.record.set_label(set),
        )

    @rule(
        id="ca.initial.unverified_response",
        authorities=(
            Select("set_kind", INITIAL_WAIVER),
            Select("set_kind", INITIAL_MOTION),
            "case:appleton-v-superior-court-1988",
        ),
        statement="The response to {set_words} was not verified; an unverified response is no "
        "response, so objections are waived and verified responses are compelled.",
        effective=CIVIL_DISCOVERY_ACT,
        derives=(Ground,),
    )
    @Rule(
        Motion(system="california", kind="compel_initial"),
        DiscoverySet(
            set=MATCH.set,
            kind=MATCH.set_kind,
            in_motion=True,
            responded=True,
            verified=False,
            objections_only=False,
            response_after_motion=False,
        ),
    )
    def unverified_response(self: Any, set: str, set_kind: str) -> None:
        """Appleton v. Superior Court (1988) 206 Cal.App.3d 632, 636: unverified responses are
        "tantamount to no responses at all"."""
        self.conclude(
            Ground(rule="ca.initial.unverified_response", gate="merits", effect="granted", set=set),
            set_kind=set_kind,
            set_words=self.record.set_label(set),
        )

    @rule(
        id="ca.initial.late_response_with_objections",
        authorities=(
            Select("set_kind", INITIAL_WAIVER),
            Select("set_kind", INITIAL_MOTION),
            "case:sinaiko-v-pacific-healthcare-consultants-2007",
        ),
        statement="Responses to {set_words} came only after the motion was filed and were not "
        "verified responses free of objections; the objections are waived and "
        "code-compliant responses are compelled.",
        effective=CIVIL_DISCOVERY_ACT,
        derives=(Ground,),
    )
    @Rule(
        Motion(system="california", kind="compel_initial"),
        DiscoverySet(
            set=MATCH.set,
            kind=MATCH.set_kind,
            in_motion=True,
            responded=True,
            response_after_motion=True,
            verified=MATCH.verified,
            response_kinds=MATCH.kinds,
        ),
        TEST(lambda verified, kinds: verified is not True or "objections" in kinds or not kinds),
    )
    def late_response_with_objections(
        self: Any, set: str, set_kind: str, verified: Any, kinds: Any
    ) -> None:
        """Sinaiko (2007) 148 Cal.App.4th 390, 411: untimely responses do not divest the court
        of authority to hear the motion; the objections stay waived."""
        self.conclude(
            Ground(
                rule="ca.initial.late_response_with_objections",
                gate="merits",
                effect="granted",
                set=set,
            ),
            set_kind=set_kind,
            set_words=self.record.set_label(set),
        )

    @rule(
        id="ca.initial.late_response_moots",
        authorities=(Select("set_kind", INITIAL_MOTION), "crc:3.1348(a)"),
        statement="Verified responses to {set_words} without objections were served after the "
        "motion was filed: the motion to compel them is moot, though sanctions may "
        "still be awarded.",
        effective=CIVIL_DISCOVERY_ACT,
        derives=(Ground,),
    )
    @Rule(
        Motion(system="california", kind="compel_initial"),
        DiscoverySet(
            set=MATCH.set,
            kind=MATCH.set_kind,
            in_motion=True,
            responded=True,
            response_after_motion=True,
            verified=True,
            response_kinds=MATCH.kinds,
        ),
        TEST(lambda kinds: bool(kinds) and "objections" not in kinds),
    )
    def late_response_moots(self: Any, set: str, set_kind: str, kinds: Any) -> None:
        """CRC 3.1348(a): sanctions may be awarded even though "the requested discovery was
        provided to the moving party after the motion was filed"."""
        self.conclude(
            Ground(rule="ca.initial.late_response_moots", gate="mootness", effect="moot", set=set),
            set_kind=set_kind,
            set_words=self.record.set_label(set),
        )

    @rule(
        id="ca.initial.response_was_served",
        authorities=(Select("set_kind", INITIAL_MOTION), Select("set_kind", NOTICE_WITHIN_45_DAYS)),
        statement="A response to {set_words} was served on {served}, before the motion; a "
        "motion to compel an initial response does not lie, and any deficiency must "
        "be raised by a motion to compel further responses.",
        effective=CIVIL_DISCOVERY_ACT,
        derives=(Ground,),
    )
    @Rule(
        Motion(system="california", kind="compel_initial"),
        DiscoverySet(
            set=MATCH.set,
            kind=MATCH.set_kind,
            in_motion=True,
            responded=True,
            response_after_motion=False,
            verified=MATCH.verified,
            objections_only=MATCH.objections_only,
            response_served=MATCH.served,
        ),
        TEST(lambda verified, objections_only: _counts_as_served(True, verified, objections_only)),
    )
    def response_was_served(
        self: Any, set: str, set_kind: str, verified: Any, objections_only: bool, served: dt.date
    ) -> None:
        """The initial-response sections apply to a party that "fails to serve a timely
        response"; one that responded is reached by 2030.300 / 2031.310 / 2033.290 instead."""
        self.conclude(
            Ground(rule="ca.initial.response_was_served", gate="merits", effect="denied", set=set),
            set_kind=set_kind,
            served=served,
            set_words=self.record.set_label(set),
        )

    # --- requests for admission ------------------------------------------------------------

    @rule(
        id="ca.rfa.deemed_admitted",
        authorities=("ccp:2033.280(b)", "ccp:2033.280(c)"),
        statement="No response to {set_words} was served before the hearing: the truth of the "
        "matters and the genuineness of the documents are deemed admitted.",
        effective=CIVIL_DISCOVERY_ACT,
        derives=(Ground,),
    )
    @Rule(
        Motion(system="california", kind="deem_admitted", as_of=MATCH.as_of),
        DiscoverySet(
            set=MATCH.set,
            kind="admissions",
            in_motion=True,
            responded=MATCH.responded,
            verified=MATCH.verified,
            response_served=MATCH.served,
        ),
        TEST(
            lambda responded, verified, served, as_of: (
                not responded or verified is False or served > as_of
            )
        ),
    )
    def deemed_admitted(
        self: Any, set: str, as_of: dt.date, responded: bool, verified: Any, served: Any
    ) -> None:
        """CCP 2033.280(c): the court "shall" deem the matters admitted unless a compliant
        response was served before the hearing."""
        self.conclude(
            Ground(rule="ca.rfa.deemed_admitted", gate="merits", effect="granted", set=set),
            set_words=self.record.set_label(set),
        )

    @rule(
        id="ca.rfa.response_before_hearing",
        authorities=("ccp:2033.280(c)", "case:st-mary-v-superior-court-2014"),
        statement="A response to {set_words} was served on {served}, before the "
        "hearing: the matters are not deemed admitted (the sanction remains "
        "mandatory).",
        effective=CIVIL_DISCOVERY_ACT,
        derives=(Ground,),
    )
    @Rule(
        Motion(system="california", kind="deem_admitted", as_of=MATCH.as_of),
        DiscoverySet(
            set=MATCH.set,
            kind="admissions",
            in_motion=True,
            responded=True,
            verified=MATCH.verified,
            response_served=MATCH.served,
            response_kinds=MATCH.kinds,
        ),
        # A response the file does not mark unverified is taken as the verified one it presents.
        TEST(
            lambda served, as_of, kinds, verified: (
                verified is not False
                and served <= as_of
                and (not kinds or bool(SUBSTANTIVE.intersection(kinds)))
            )
        ),
    )
    def response_before_hearing(
        self: Any, set: str, as_of: dt.date, served: dt.date, kinds: Any, verified: Any
    ) -> None:
        """St. Mary v. Superior Court (2014) 223 Cal.App.4th 762, 776: a proposed response in
        substantial compliance served before the hearing defeats the motion."""
        self.conclude(
            Ground(rule="ca.rfa.response_before_hearing", gate="merits", effect="denied", set=set),
            served=served,
            set_words=self.record.set_label(set),
        )
