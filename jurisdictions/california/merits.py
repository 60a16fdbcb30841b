"""The merits of a motion to compel further responses, request by request.

CCP 2031.310(a) (and 2030.300(a), 2033.290(a)): a further response may be compelled when a
statement of compliance is incomplete, a representation of inability is inadequate, or "an
objection in the response is without merit or too general". For inspection demands the movant
must first "set forth specific facts showing good cause" (2031.310(b)(1)); once it does, the
responding party must justify each objection (Kirkland; Coy; Fairmont).

Merits rulings are the judge's; the case file gives them as ``findings``. When a finding is
missing, the rules fall back on who bears the burden and say so in ``open_questions``: an
objection nobody has justified does not stand, and a response complete on its face stands.
"""

from __future__ import annotations

from typing import Any

from experta import MATCH, TEST, L, Rule

from jurisdictions.california.sections import (
    CIVIL_DISCOVERY_ACT,
    FURTHER_GROUNDS,
    PROTECTIVE_ORDER_GOOD_CAUSE,
)
from jurisdictions.common.findings import good_cause_ground
from kb.facts import Finding, Ground, Motion, OpenQuestion, Request
from kb.rules import Select, rule

OBJECTING = frozenset({"objections", "partial_compliance", "inability"})
COMPLETE = frozenset({"answer", "full_compliance"})


class CaliforniaMerits:
    """Findings on objections and good cause, and burden-based defaults without them."""

    @rule(
        id="ca.merits.objections_overruled",
        authorities=(Select("set_kind", FURTHER_GROUNDS), "case:coy-v-superior-court-1962"),
        statement="The objections to {requests} are overruled: a further, code-compliant "
        "response is ordered.",
        effective=CIVIL_DISCOVERY_ACT,
        derives=(Ground,),
    )
    @Rule(
        Motion(system="california", kind="compel_further"),
        Request(request=MATCH.request, set_kind=MATCH.set_kind, objections="overruled"),
    )
    def objections_overruled(self: Any, request: str, set_kind: str) -> None:
        """CCP 2031.310(a)(3): a further response is compelled where "an objection in the
        response is without merit or too general"."""
        self.conclude(
            Ground(
                rule="ca.merits.objections_overruled",
                gate="merits",
                effect="granted",
                request=request,
            ),
            because=[f"fact:finding:objections:{request}"],
            set_kind=set_kind,
        )

    @rule(
        id="ca.merits.objections_sustained",
        authorities=(Select("set_kind", FURTHER_GROUNDS),),
        statement="The objections to {requests} are sustained: no further response is required.",
        effective=CIVIL_DISCOVERY_ACT,
        derives=(Ground,),
    )
    @Rule(
        Motion(system="california", kind="compel_further"),
        Request(request=MATCH.request, set_kind=MATCH.set_kind, objections="sustained"),
    )
    def objections_sustained(self: Any, request: str, set_kind: str) -> None:
        """A well-founded objection defeats the motion as to that request."""
        self.conclude(
            Ground(
                rule="ca.merits.objections_sustained",
                gate="merits",
                effect="denied",
                request=request,
            ),
            because=[f"fact:finding:objections:{request}"],
            set_kind=set_kind,
        )

    @rule(
        id="ca.merits.good_cause_not_shown",
        authorities=("ccp:2031.310(b)(1)", "case:calcor-space-facility-v-superior-court-1997"),
        statement="The motion does not set forth specific facts showing good cause for the "
        "documents sought by {requests}.",
        effective=CIVIL_DISCOVERY_ACT,
        overrides=("ca.merits.objections_unjustified", "ca.merits.objections_overruled"),
        derives=(Ground,),
    )
    @Rule(
        Motion(system="california", kind="compel_further"),
        Finding(finding="good_cause", value=False),
        Request(request=MATCH.request, set_kind="production"),
    )
    def good_cause_not_shown(self: Any, request: str) -> None:
        """CCP 2031.310(b)(1): the motion "shall set forth specific facts showing good cause
        justifying the discovery sought"; Calcor (1997) 53 Cal.App.4th 216, 223-224."""
        self.conclude(
            Ground(
                rule="ca.merits.good_cause_not_shown",
                gate="merits",
                effect="denied",
                request=request,
            )
        )

    @rule(
        id="ca.merits.objections_unjustified",
        authorities=(
            Select("set_kind", FURTHER_GROUNDS),
            "case:kirkland-v-superior-court-2002",
            "case:coy-v-superior-court-1962",
        ),
        statement="The response to {requests} rests on objections the responding party has "
        "not been found to justify; as it bears that burden, a further response is "
        "ordered.",
        effective=CIVIL_DISCOVERY_ACT,
        derives=(Ground, OpenQuestion),
    )
    @Rule(
        Motion(system="california", kind="compel_further"),
        Request(
            request=MATCH.request,
            set_kind=MATCH.set_kind,
            objections="no_finding",
            response=MATCH.response,
        ),
        TEST(lambda response: response is None or response in OBJECTING),
    )
    def objections_unjustified(self: Any, request: str, set_kind: str, response: Any) -> None:
        """Kirkland (2002) 95 Cal.App.4th 92, 98; Coy (1962) 58 Cal.2d 210, 220-221: the party
        resisting discovery bears the burden of justifying its objections."""
        self.conclude(
            Ground(
                rule="ca.merits.objections_unjustified",
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
        id="ca.merits.response_complete",
        authorities=(Select("set_kind", FURTHER_GROUNDS),),
        statement="The response to {requests} is complete on its face and nothing shows it "
        "evasive or incomplete: no further response is ordered.",
        effective=CIVIL_DISCOVERY_ACT,
        derives=(Ground, OpenQuestion),
    )
    @Rule(
        Motion(system="california", kind="compel_further"),
        Request(
            request=MATCH.request,
            set_kind=MATCH.set_kind,
            objections="no_finding",
            response=L("answer") | L("full_compliance"),
        ),
    )
    def response_complete(self: Any, request: str, set_kind: str) -> None:
        """CCP 2030.300(a)(1), 2031.310(a)(1), 2033.290(a)(1): the moving party must show the
        answer "evasive or incomplete"."""
        self.conclude(
            Ground(
                rule="ca.merits.response_complete", gate="merits", effect="denied", request=request
            ),
            set_kind=set_kind,
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
        id="ca.merits.supplemental_response_moots",
        authorities=(Select("set_kind", FURTHER_GROUNDS),),
        statement="A verified supplemental response to {requests} served after the motion "
        "answers it in full: the motion is moot as to it.",
        effective=CIVIL_DISCOVERY_ACT,
        derives=(Ground,),
    )
    @Rule(
        Motion(system="california", kind="compel_further"),
        Request(
            request=MATCH.request,
            set_kind=MATCH.set_kind,
            supplemental_after_motion=True,
            supplemental_verified=True,
            supplemental=L("answer") | L("full_compliance"),
            objections=~L("overruled"),
        ),
    )
    def supplemental_response_moots(self: Any, request: str, set_kind: str) -> None:
        """Once a complete, verified further response has been served there is nothing left to
        compel; the motion is moot as to that request (sanctions may still be decided,
        CRC 3.1348(a)). Not where the court, hearing the motion as to the supplemental response
        (Sinaiko (2007) 148 Cal.App.4th 390, 409), finds it still "evasive or incomplete" or
        its objections "without merit or too general" (CCP 2030.300(a), 2031.310(a),
        2033.290(a)): a finding that overrules them leaves a further response to compel."""
        self.conclude(
            Ground(
                rule="ca.merits.supplemental_response_moots",
                gate="mootness",
                effect="moot",
                request=request,
            ),
            set_kind=set_kind,
        )

    @rule(
        id="ca.merits.protective_order_good_cause",
        authorities=(
            Select("set_kind", PROTECTIVE_ORDER_GOOD_CAUSE),
            "case:fairmont-insurance-v-superior-court-2000",
        ),
        statement="Good cause {verdict} for protection from {requests}.",
        effective=CIVIL_DISCOVERY_ACT,
        derives=(Ground, OpenQuestion),
    )
    @Rule(
        Motion(system="california", kind="protective_order"),
        Request(request=MATCH.request, set_kind=MATCH.set_kind),
    )
    def protective_order_good_cause(self: Any, request: str, set_kind: str) -> None:
        """The protective-order sections allow an order "for good cause shown" (2030.090(b),
        2031.060(b), 2033.080(b), 2025.420(b)); "the burden is on the party seeking the
        protective order to show good cause for whatever order is sought" (Fairmont (2000)
        22 Cal.4th 245, 255), so without a finding of good cause the motion fails."""
        good_cause_ground(self, "ca.merits.protective_order_good_cause", request, set_kind=set_kind)
