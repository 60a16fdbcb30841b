"""Meet and confer, Code Civ. Proc. § 2016.040, applied per issue (per request).

CCP 2016.040: "A meet and confer declaration in support of a motion shall state facts showing
a reasonable and good faith attempt at an informal resolution of each issue presented by the
motion." The method sections require the declaration: 2030.300(b)(1) (interrogatories),
2031.310(b)(2) (inspection demands), 2033.290(b)(1) (admissions); a motion to compel initial
responses needs none (2030.290, 2031.300, 2033.280; Sinaiko).

The law is judged from the exchange: a request no communication raised was never the subject
of an attempt; an offer from the other side that the movant never
answered shows no good-faith engagement (Clement: the purpose is "to encourage the parties to
work out their differences informally"); letters that only demand compliance are not "a
serious effort at negotiation" (Townsend), and courts then may continue the motion and order
further efforts rather than deny it (Obregon).
"""

from __future__ import annotations

from typing import Any

from experta import MATCH, TEST, L, Rule

from jurisdictions.california.sections import (
    CIVIL_DISCOVERY_ACT,
    FURTHER_DECLARATION,
    declaration_sections,
)
from jurisdictions.common.exchange import (
    conclude_offer_unanswered,
    movant_never_wrote,
    only_demands,
    raised_summary,
    unanswered_offers,
)
from kb.facts import (
    Absence,
    DiscoverySet,
    Exemption,
    Ground,
    Motion,
    Paper,
    Request,
    Requirement,
)
from kb.rules import Select, rule


class CaliforniaMeetAndConfer:
    """CCP 2016.040 and the method sections: who must confer, and what fails the test."""

    @rule(
        id="ca.meet_confer.required",
        authorities=("ccp:2016.040", Select("motion_set", declaration_sections())),
        statement="A motion concerning {set_words} must show a reasonable and good faith "
        "attempt at an informal resolution of each issue it presents.",
        effective=CIVIL_DISCOVERY_ACT,
        derives=(Requirement,),
    )
    @Rule(
        Motion(system="california", kind=MATCH.kind),
        DiscoverySet(set=MATCH.set, kind=MATCH.set_kind, in_motion=True),
        # A deponent's nonappearance calls for an inquiry instead (CCP 2025.450(b)(2)).
        TEST(lambda kind: kind != "compel_attendance"),
    )
    def conferral_required(self: Any, kind: str, set: str, set_kind: str) -> None:
        """CCP 2016.040: "a reasonable and good faith attempt at an informal resolution of
        each issue presented by the motion"."""
        self.conclude(
            Requirement(requirement="meet_and_confer", set=set),
            motion_set=f"{kind}:{set_kind}",
            set_words=self.record.set_label(set),
        )

    @rule(
        id="ca.meet_confer.declaration_required",
        authorities=("ccp:2016.040",),
        statement="The motion must be accompanied by a meet-and-confer declaration stating "
        "facts that show the attempt.",
        effective=CIVIL_DISCOVERY_ACT,
        derives=(Requirement,),
    )
    @Rule(Motion(system="california"))
    def declaration_required(self: Any) -> None:
        """CCP 2016.040: the declaration "shall state facts showing" the attempt."""
        self.conclude(Requirement(requirement="meet_and_confer_declaration"))

    @rule(
        id="ca.meet_confer.not_required_initial",
        authorities=(
            "ccp:2030.290",
            "ccp:2031.300",
            "ccp:2033.280",
            "case:sinaiko-v-pacific-healthcare-consultants-2007",
        ),
        statement="A motion to compel initial responses (or to deem admissions admitted) "
        "after no timely response needs no meet and confer.",
        effective=CIVIL_DISCOVERY_ACT,
        overrides=("ca.meet_confer.required", "ca.meet_confer.declaration_required"),
        derives=(Exemption,),
    )
    @Rule(Motion(system="california", kind=L("compel_initial") | L("deem_admitted")))
    def not_required_initial(self: Any) -> None:
        """Sinaiko (2007) 148 Cal.App.4th 390, 411: the sections on failure to respond contain
        no meet-and-confer requirement."""
        self.conclude(Exemption(requirement="meet_and_confer", reason="no timely response"))

    @rule(
        id="ca.meet_confer.not_required_compliance",
        authorities=("ccp:2031.320",),
        statement="A motion to compel compliance with an agreement to produce needs no meet "
        "and confer.",
        effective=CIVIL_DISCOVERY_ACT,
        overrides=("ca.meet_confer.required", "ca.meet_confer.declaration_required"),
        derives=(Exemption,),
    )
    @Rule(Motion(system="california", kind="compel_compliance"))
    def not_required_compliance(self: Any) -> None:
        """CCP 2031.320 lets the demanding party move to compel compliance with a statement of
        compliance; unlike 2031.310 it requires no meet-and-confer declaration."""
        self.conclude(Exemption(requirement="meet_and_confer", reason="compliance motion"))

    # --- what fails the test --------------------------------------------------------------

    @rule(
        id="ca.meet_confer.declaration_missing",
        authorities=("ccp:2016.040",),
        statement="No meet-and-confer declaration was filed with the motion.",
        effective=CIVIL_DISCOVERY_ACT,
        derives=(Ground,),
    )
    @Rule(Absence(kind="paper", subject="meet_and_confer_declaration"))
    def declaration_missing(self: Any) -> None:
        """Without the declaration the motion does not show any attempt at all."""
        self.conclude(
            Ground(rule="ca.meet_confer.declaration_missing", gate="conferral", effect="denied")
        )

    @rule(
        id="ca.meet_confer.declaration_deficient",
        authorities=("ccp:2016.040",),
        statement="The meet-and-confer declaration does not state facts showing a reasonable "
        "and good faith attempt at an informal resolution of each issue presented.",
        effective=CIVIL_DISCOVERY_ACT,
        derives=(Ground,),
    )
    @Rule(
        Requirement(requirement="meet_and_confer_declaration"),
        Paper(paper="meet_and_confer_declaration", filed=True, compliant=False),
    )
    def declaration_deficient(self: Any) -> None:
        """CCP 2016.040: the declaration "shall state facts showing a reasonable and good faith
        attempt"; one the court finds does not comply leaves the motion without the showing
        the method sections require (e.g. 2031.310(b)(2))."""
        self.conclude(
            Ground(rule="ca.meet_confer.declaration_deficient", gate="conferral", effect="denied"),
            because=["fact:paper:meet_and_confer_declaration"],
        )

    @rule(
        id="ca.meet_confer.request_never_raised",
        authorities=(
            "ccp:2016.040",
            Select("set_kind", FURTHER_DECLARATION),
            "case:clement-v-alegre-2009",
        ),
        statement="No meet-and-confer communication ever raised {requests} ({raised_words}); "
        "there was no attempt at an informal resolution of that issue.",
        effective=CIVIL_DISCOVERY_ACT,
        derives=(Ground,),
    )
    @Rule(Absence(kind="raised", request=MATCH.request))
    def request_never_raised(self: Any, request: str) -> None:
        """CCP 2016.040: the attempt must reach "each issue presented by the motion"; a request
        the communications never named was not the subject of any attempt."""
        found = self.fact(f"fact:request:{request}")
        self.conclude(
            Ground(
                rule="ca.meet_confer.request_never_raised",
                gate="conferral",
                effect="denied",
                request=request,
            ),
            because=[found.node_id()],
            set_kind=found["set_kind"],
            raised_words=raised_summary(self, found["set"]),
        )

    @rule(
        id="ca.meet_confer.offer_unanswered",
        authorities=(
            "ccp:2016.040",
            Select("set_kind", FURTHER_DECLARATION),
            "case:clement-v-alegre-2009",
        ),
        statement="{opponent}'s {method} of {date} {offer_words} as to {requests}, and "
        "{movant} never answered it: no reasonable and good faith attempt at an "
        "informal resolution before filing.",
        effective=CIVIL_DISCOVERY_ACT,
        derives=(Ground,),
        consumes=(Absence,),
    )
    @Rule(
        Requirement(requirement="meet_and_confer", set=MATCH.set),
        Request(
            request=MATCH.request, set=MATCH.set, set_kind=MATCH.set_kind, exchange=MATCH.exchange
        ),
        TEST(lambda exchange: bool(unanswered_offers(exchange))),
    )
    def offer_unanswered(self: Any, request: str, set: str, set_kind: str, exchange: Any) -> None:
        """Clement (2009) 177 Cal.App.4th 1277, 1293: the rule aims "to encourage the parties to
        work out their differences informally"; ignoring the other side's offer to supplement or
        narrow is no attempt to do so."""
        conclude_offer_unanswered(
            self, "ca.meet_confer.offer_unanswered", "denied", request, exchange, set_kind=set_kind
        )

    @rule(
        id="ca.meet_confer.movant_never_engaged",
        authorities=("ccp:2016.040", Select("set_kind", FURTHER_DECLARATION)),
        statement="Only {opponent}'s communications mention {requests}; {movant} made no "
        "attempt of its own to resolve them.",
        effective=CIVIL_DISCOVERY_ACT,
        derives=(Ground,),
    )
    @Rule(
        Requirement(requirement="meet_and_confer", set=MATCH.set),
        Request(
            request=MATCH.request, set=MATCH.set, set_kind=MATCH.set_kind, exchange=MATCH.exchange
        ),
        TEST(lambda exchange: movant_never_wrote(exchange) and not unanswered_offers(exchange)),
    )
    def movant_never_engaged(
        self: Any, request: str, set: str, set_kind: str, exchange: Any
    ) -> None:
        """CCP 2016.040 asks for the moving party's own attempt at resolution."""
        self.conclude(
            Ground(
                rule="ca.meet_confer.movant_never_engaged",
                gate="conferral",
                effect="denied",
                request=request,
            ),
            because=[f"fact:conferral:{item.conferral}" for item in exchange],
            set_kind=set_kind,
        )

    @rule(
        id="ca.meet_confer.demand_only",
        authorities=(
            "ccp:2016.040",
            Select("set_kind", FURTHER_DECLARATION),
            "case:townsend-v-superior-court-1998",
            "case:obregon-v-superior-court-1998",
        ),
        statement="{movant}'s communications on {requests} only demanded compliance, without "
        "reasons or any attempt to negotiate: not a serious effort at informal "
        "resolution; the parties are to meet and confer further.",
        effective=CIVIL_DISCOVERY_ACT,
        derives=(Ground,),
    )
    @Rule(
        Requirement(requirement="meet_and_confer", set=MATCH.set),
        Request(
            request=MATCH.request, set=MATCH.set, set_kind=MATCH.set_kind, exchange=MATCH.exchange
        ),
        TEST(lambda exchange: only_demands(exchange)),
    )
    def demand_only(self: Any, request: str, set: str, set_kind: str, exchange: Any) -> None:
        """Townsend (1998) 61 Cal.App.4th 1431, 1435-1439: the Act requires "a serious effort at
        negotiation and informal resolution". Obregon (1998) 67 Cal.App.4th 424, 431-435: where
        the effort fell short, the court may continue the hearing and order further efforts
        rather than deny discovery outright."""
        self.conclude(
            Ground(
                rule="ca.meet_confer.demand_only",
                gate="conferral",
                effect="continued",
                request=request,
            ),
            because=[f"fact:conferral:{item.conferral}" for item in exchange if item.by_movant],
            set_kind=set_kind,
        )
