"""The orders a California court makes with its ruling on a discovery motion."""

from __future__ import annotations

from typing import Any

from experta import EXISTS, MATCH, L, Rule

from jurisdictions.california.sections import CIVIL_DISCOVERY_ACT, FURTHER_GROUNDS, INITIAL_MOTION
from jurisdictions.common.remedies import requests_with
from kb.facts import Ground, Motion, MotionDisposition, Order, RequestDisposition, Sanction
from kb.rules import Select, rule


class CaliforniaOrders:
    """Orders that follow from the dispositions and grounds."""

    @rule(
        id="ca.order.further_responses",
        authorities=(Select("set_kinds", FURTHER_GROUNDS),),
        statement="{opponent} is ordered to serve verified, code-compliant further responses "
        "to {requests}.",
        effective=CIVIL_DISCOVERY_ACT,
        derives=(Order,),
        consumes=(RequestDisposition,),
    )
    @Rule(
        Motion(system="california", kind="compel_further"),
        MotionDisposition(disposition=L("granted") | L("granted_in_part")),
    )
    def further_responses(self: Any) -> None:
        """CCP 2031.310(a), 2030.300(a), 2033.290(a): the court orders a further response."""
        granted = requests_with(self, "granted")
        kinds = tuple(sorted({self.fact(f"fact:request:{r}")["set_kind"] for r in granted}))
        self.conclude(Order(order="further_responses", requests=granted), set_kinds=kinds)

    @rule(
        id="ca.order.serve_responses",
        authorities=(Select("set_kinds", INITIAL_MOTION),),
        statement="{opponent} is ordered to serve verified responses, without objections, to "
        "{requests}.",
        effective=CIVIL_DISCOVERY_ACT,
        derives=(Order,),
        consumes=(RequestDisposition,),
    )
    @Rule(
        Motion(system="california", kind="compel_initial"),
        MotionDisposition(disposition=L("granted") | L("granted_in_part")),
    )
    def serve_responses(self: Any) -> None:
        """CCP 2030.290(b), 2031.300(b): an order compelling responses; the objections are
        waived (2030.290(a), 2031.300(a))."""
        granted = requests_with(self, "granted")
        kinds = tuple(sorted({self.fact(f"fact:request:{r}")["set_kind"] for r in granted}))
        self.conclude(Order(order="serve_responses", requests=granted), set_kinds=kinds)

    @rule(
        id="ca.order.produce",
        authorities=("ccp:2031.320(a)",),
        statement="{opponent} is ordered to produce the documents its statement of compliance "
        "promised for {requests}.",
        effective=CIVIL_DISCOVERY_ACT,
        derives=(Order,),
        consumes=(RequestDisposition,),
    )
    @Rule(
        Motion(system="california", kind="compel_compliance"),
        MotionDisposition(disposition=L("granted") | L("granted_in_part")),
    )
    def produce(self: Any) -> None:
        """CCP 2031.320(a): "an order compelling compliance" with the statement of compliance."""
        self.conclude(Order(order="produce", requests=requests_with(self, "granted")))

    @rule(
        id="ca.order.meet_and_confer",
        authorities=("ccp:2016.040", "case:obregon-v-superior-court-1998"),
        statement="The parties are ordered to meet and confer further, in person, by telephone "
        "or by video, on {requests} before the continued hearing.",
        effective=CIVIL_DISCOVERY_ACT,
        derives=(Order,),
        consumes=(RequestDisposition,),
    )
    @Rule(
        Motion(system="california"),
        MotionDisposition(disposition="continued"),
        EXISTS(Ground(gate="conferral", effect="continued")),
    )
    def meet_and_confer(self: Any) -> None:
        """Obregon (1998) 67 Cal.App.4th 424, 435: where the attempt fell short, the court may
        continue the motion and order the parties to confer further."""
        continued = requests_with(self, "continued")
        self.conclude(Order(order="meet_and_confer", requests=continued))

    @rule(
        id="ca.order.informal_discovery_conference",
        authorities=("ccp:128(a)(3)",),
        statement="The parties are to attend the informal discovery conference set before the "
        "continued hearing.",
        derives=(Order,),
    )
    @Rule(Motion(system="california"), Ground(rule="ca.idc.pending"))
    def informal_discovery_conference(self: Any) -> None:
        """The department's IDC requirement, enforced by continuing the hearing and ordering the
        parties to attend the conference already set."""
        self.conclude(Order(order="informal_discovery_conference", requests=()))

    @rule(
        id="ca.order.joint_statement",
        authorities=("crc:3.1345(b)", "ccp:128(a)(3)"),
        statement="The parties are to prepare and file the joint statement the department "
        "requires before the continued hearing.",
        derives=(Order,),
    )
    @Rule(Motion(system="california"), Ground(rule="ca.joint_statement.not_filed"))
    def joint_statement(self: Any) -> None:
        """The department's joint-statement procedure, enforced by ordering the statement."""
        self.conclude(Order(order="joint_statement", requests=()))

    @rule(
        id="ca.order.pay_sanctions",
        authorities=("ccp:2023.030",),
        statement="{payer} is ordered to pay the monetary sanctions awarded.",
        effective=CIVIL_DISCOVERY_ACT,
        derives=(Order,),
    )
    @Rule(Motion(system="california"), Sanction(against=MATCH.against))
    def pay_sanctions(self: Any, against: str) -> None:
        """CCP 2023.030(a): a monetary sanction orders payment of reasonable expenses."""
        self.conclude(
            Order(order="pay_sanctions", requests=()), payer=self.record.party_name(against)
        )
