"""The merits of a federal motion to compel, request by request.

Rule 37(a)(3)(B): a party seeking discovery may move to compel an answer, designation,
production or inspection when the other side fails to give it; Rule 37(a)(4): "an evasive or
incomplete disclosure, answer, or response must be treated as a failure to disclose, answer, or
respond". A party that served nothing waives its objections (Rule 33(b)(4); Richmark for Rule 34)
and requests for admission are admitted by operation of Rule 36(a)(3). Once relevance is shown,
the party resisting discovery must justify its objections (Bryant v. Ochoa, as quoted in S.D. Cal.
orders). Merits rulings are the judge's (``findings``); without them the rules fall back on who
bears the burden and report the open question.
"""

from __future__ import annotations

from typing import Any

from experta import MATCH, TEST, L, Rule

from jurisdictions.common.findings import good_cause_ground
from jurisdictions.federal.conferral import CERTIFICATION_RULE
from jurisdictions.federal.timing import deadline_nodes, served_late
from kb.facts import Deadline, DiscoverySet, Ground, Motion, OpenQuestion, Request
from kb.rules import Select, rule

OBJECTION_RULES = {
    "interrogatories": "frcp:33(b)(4)",
    "form_interrogatories": "frcp:33(b)(4)",
    "production": "frcp:34(b)(2)(B)",
    "admissions": "frcp:36(a)(6)",
}
WAIVER = {
    "interrogatories": "frcp:33(b)(4)",
    "form_interrogatories": "frcp:33(b)(4)",
    "production": "case:richmark-v-timber-falling-consultants-1992",
    "admissions": "frcp:36(a)(3)",
}
OBJECTING = frozenset({"objections", "partial_compliance", "inability"})
COMPEL_KINDS = L("compel_further") | L("compel_initial")


class FederalMerits:
    """Findings on objections, burden-based defaults, and total failures to respond."""

    @rule(
        id="frcp.merits.objections_overruled",
        authorities=("frcp:37(a)(3)(B)", "frcp:37(a)(4)", Select("set_kind", OBJECTION_RULES)),
        statement="The objections to {requests} are overruled: a further response is ordered.",
        effective=CERTIFICATION_RULE,
        derives=(Ground,),
    )
    @Rule(
        Motion(system="federal", kind=COMPEL_KINDS),
        Request(request=MATCH.request, set_kind=MATCH.set_kind, objections="overruled"),
    )
    def objections_overruled(self: Any, request: str, set_kind: str) -> None:
        """Rule 37(a)(4): an evasive or incomplete response is a failure to respond."""
        self.conclude(
            Ground(
                rule="frcp.merits.objections_overruled",
                gate="merits",
                effect="granted",
                request=request,
            ),
            because=[f"fact:finding:objections:{request}"],
            set_kind=set_kind,
        )

    @rule(
        id="frcp.merits.objections_sustained",
        authorities=("frcp:26(b)(1)",),
        statement="The objections to {requests} are sustained: the motion is denied as to them.",
        effective=CERTIFICATION_RULE,
        derives=(Ground,),
    )
    @Rule(
        Motion(system="federal", kind=COMPEL_KINDS),
        Request(request=MATCH.request, objections="sustained"),
    )
    def objections_sustained(self: Any, request: str) -> None:
        """Rule 26(b)(1) limits discovery to what is relevant and proportional."""
        self.conclude(
            Ground(
                rule="frcp.merits.objections_sustained",
                gate="merits",
                effect="denied",
                request=request,
            ),
            because=[f"fact:finding:objections:{request}"],
        )

    @rule(
        id="frcp.merits.objections_unjustified",
        authorities=(
            "frcp:37(a)(3)(B)",
            Select("set_kind", OBJECTION_RULES),
            "case:bryant-v-ochoa-2009",
        ),
        statement="The response to {requests} rests on objections the responding party has "
        "not been found to justify; as it bears that burden, a further response is "
        "ordered.",
        effective=CERTIFICATION_RULE,
        derives=(Ground, OpenQuestion),
    )
    @Rule(
        Motion(system="federal", kind=COMPEL_KINDS),
        Request(
            request=MATCH.request,
            set_kind=MATCH.set_kind,
            objections="no_finding",
            responded=True,
            response=MATCH.response,
        ),
        TEST(lambda response: response is None or response in OBJECTING),
    )
    def objections_unjustified(self: Any, request: str, set_kind: str, response: Any) -> None:
        """Bryant v. Ochoa (S.D. Cal. 2009): the party opposing discovery "has the burden of
        showing that the discovery should be prohibited, and the burden of clarifying,
        explaining or supporting its objections"."""
        self.conclude(
            Ground(
                rule="frcp.merits.objections_unjustified",
                gate="merits",
                effect="granted",
                request=request,
            ),
            set_kind=set_kind,
        )
        self.conclude(
            OpenQuestion(
                finding="findings.objections",
                request=request,
                gate="merits",
                question="Are the objections to this request justified?",
                assumed="not justified (the responding party's burden)",
            )
        )

    @rule(
        id="frcp.merits.response_complete",
        authorities=("frcp:37(a)(4)",),
        statement="The response to {requests} is complete on its face and nothing shows it "
        "evasive or incomplete: no further response is ordered.",
        effective=CERTIFICATION_RULE,
        derives=(Ground, OpenQuestion),
    )
    @Rule(
        Motion(system="federal", kind=COMPEL_KINDS),
        Request(
            request=MATCH.request,
            objections="no_finding",
            responded=True,
            response=L("answer") | L("full_compliance"),
        ),
    )
    def response_complete(self: Any, request: str) -> None:
        """Rule 37(a)(4) reaches "evasive or incomplete" answers; the movant must show one."""
        self.conclude(
            Ground(
                rule="frcp.merits.response_complete",
                gate="merits",
                effect="denied",
                request=request,
            )
        )
        self.conclude(
            OpenQuestion(
                finding="findings.objections",
                request=request,
                gate="merits",
                question="Is the response to this request evasive or incomplete?",
                assumed="complete (the moving party's burden)",
            )
        )

    @rule(
        id="frcp.merits.no_response",
        authorities=("frcp:37(a)(3)(B)", Select("set_kind", WAIVER)),
        statement="No response to {set_words} was ever served: any objection is waived and "
        "responses are compelled.",
        effective=CERTIFICATION_RULE,
        derives=(Ground,),
    )
    @Rule(
        Motion(system="federal", kind=COMPEL_KINDS),
        DiscoverySet(set=MATCH.set, kind=MATCH.set_kind, in_motion=True, responded=False),
        TEST(lambda set_kind: set_kind != "admissions"),
    )
    def no_response(self: Any, set: str, set_kind: str) -> None:
        """Rule 37(a)(3)(B)(iii)-(iv); Rule 33(b)(4): a ground not stated in a timely objection
        is waived; Richmark, 959 F.2d 1468, 1473 (9th Cir. 1992): the same for Rule 34."""
        self.conclude(
            Ground(rule="frcp.merits.no_response", gate="merits", effect="granted", set=set),
            set_kind=set_kind,
            set_words=self.record.set_label(set),
        )

    @rule(
        id="frcp.merits.discovery_after_filing",
        authorities=("frcp:37(a)(5)(A)",),
        statement="{opponent} served responses to {set_words} without objections only after the "
        "motion was filed: the motion is moot as to them, though expenses are still "
        "decided.",
        effective=CERTIFICATION_RULE,
        derives=(Ground,),
    )
    @Rule(
        Motion(system="federal", kind=COMPEL_KINDS),
        DiscoverySet(
            set=MATCH.set,
            in_motion=True,
            responded=True,
            response_after_motion=True,
            response_kinds=MATCH.kinds,
        ),
        TEST(lambda kinds: bool(kinds) and "objections" not in kinds),
    )
    def discovery_after_filing(self: Any, set: str, kinds: Any) -> None:
        """Rule 37(a)(5)(A) covers the case where "the disclosure or requested discovery is
        provided after the motion was filed"."""
        self.conclude(
            Ground(
                rule="frcp.merits.discovery_after_filing", gate="mootness", effect="moot", set=set
            ),
            set_words=self.record.set_label(set),
        )

    @rule(
        id="frcp.admissions.admitted_by_rule",
        authorities=("frcp:36(a)(3)",),
        statement="No answer or objection to {set_words} was served within 30 days: the "
        "matters are admitted by operation of Rule 36(a)(3).",
        effective=CERTIFICATION_RULE,
        derives=(Ground,),
        consumes=(Deadline,),
    )
    @Rule(
        Motion(system="federal", kind="deem_admitted"),
        DiscoverySet(set=MATCH.set, kind="admissions", in_motion=True, responded=MATCH.responded),
    )
    def admitted_by_rule(self: Any, set: str, responded: bool) -> None:
        """Rule 36(a)(3): "A matter is admitted unless, within 30 days after being served, the
        party to whom the request is directed serves ... a written answer or objection" (a
        longer time if the parties stipulate; Rule 6(d) adds days after service by mail)."""
        if responded and not served_late(self, self.fact(f"fact:discovery:{set}")):
            return
        self.conclude(
            Ground(
                rule="frcp.admissions.admitted_by_rule", gate="merits", effect="granted", set=set
            ),
            because=deadline_nodes(self, set),
            set_words=self.record.set_label(set),
        )

    @rule(
        id="frcp.attendance.failed_to_appear",
        authorities=("frcp:37(a)(3)(B)", "frcp:37(d)(1)(A)"),
        statement="{opponent} did not appear or produce as noticed in {set_words}: attendance "
        "and production are compelled.",
        effective=CERTIFICATION_RULE,
        derives=(Ground,),
    )
    @Rule(
        Motion(system="federal", kind="compel_attendance"),
        DiscoverySet(set=MATCH.set, in_motion=True, responded=False),
    )
    def failed_to_appear(self: Any, set: str) -> None:
        """Rule 37(a)(3)(B)(i) and 37(d)(1)(A)(i): a party who fails to appear for its properly
        noticed deposition may be compelled and sanctioned."""
        self.conclude(
            Ground(
                rule="frcp.attendance.failed_to_appear", gate="merits", effect="granted", set=set
            ),
            set_words=self.record.set_label(set),
        )

    @rule(
        id="frcp.protective_order.good_cause",
        authorities=("frcp:26(c)(1)", "case:phillips-v-general-motors-2002"),
        statement="Good cause {verdict} for protection from {requests}.",
        effective=CERTIFICATION_RULE,
        derives=(Ground, OpenQuestion),
    )
    @Rule(
        Motion(system="federal", kind="protective_order"),
        Request(request=MATCH.request, objections=MATCH.objections),
    )
    def protective_order_good_cause(self: Any, request: str, objections: str) -> None:
        """Phillips, 307 F.3d 1206, 1210-11 (9th Cir. 2002): the party seeking protection must
        show specific prejudice or harm; broad allegations are not enough. Rule 26(c)(1) lets
        the court forbid some discovery and allow the rest, so where it rules request by request
        on the movant's objections to the discovery (``findings.objections``), a sustained
        objection is protection shown for that request and an overruled one is protection
        refused; the motion-wide finding of good cause decides the others."""
        if objections == "no_finding":
            good_cause_ground(self, "frcp.protective_order.good_cause", request)
            return
        shown = objections == "sustained"
        self.conclude(
            Ground(
                rule="frcp.protective_order.good_cause",
                gate="merits",
                effect="granted" if shown else "denied",
                request=request,
            ),
            because=[f"fact:finding:objections:{request}"],
            verdict="was shown" if shown else "was not shown",
        )
