"""Orders a federal court makes with its ruling on a discovery motion.

When a motion fails for want of a conference, courts order one, adapting the method to the
parties: where a party is incarcerated and cannot place calls, by telephone with defense counsel
to initiate (Luckert), and then, if the dispute remains, a joint motion
under the judge's chambers rules (Rule 16(b)(3)(B)(v) lets a scheduling order require a
conference with the court before a discovery motion).
"""

from __future__ import annotations

from typing import Any

from experta import EXISTS, MATCH, TEST, L, Rule

from jurisdictions.common.remedies import requests_with
from jurisdictions.federal.conferral import CERTIFICATION_RULE
from kb.facts import Court, DiscoverySet, Ground, Motion, MotionDisposition, Order, Party, Sanction
from kb.rules import rule


class FederalOrders:
    """Orders that follow from the disposition: confer, move jointly, respond, produce, pay."""

    @rule(
        id="frcp.order.confer_by_telephone",
        authorities=("frcp:37(a)(1)", "case:luckert-v-brannon-2014"),
        statement="The parties are ordered to meet and confer by telephone; {initiator_words} "
        "to initiate the call, since {prisoner} cannot place calls.",
        effective=CERTIFICATION_RULE,
        derives=(Order,),
    )
    @Rule(
        Motion(system="federal", movant=MATCH.movant, opponents=MATCH.opponents),
        MotionDisposition(disposition="denied_without_prejudice"),
        EXISTS(Ground(gate=L("conferral") | L("certification"))),
        Party(party=MATCH.prisoner, incarcerated=True),
    )
    def confer_by_telephone(
        self: Any, movant: str, opponents: tuple[str, ...], prisoner: str
    ) -> None:
        """Courts adapt the method of conferring for prisoners rather than excuse it; defense
        counsel is directed to initiate the call."""
        model = self.record.model
        others = [p for p in (movant, *opponents) if p != prisoner and model.parties[p].counsel]
        side = model.parties[others[0]].side if others else model.parties[opponents[0]].side
        initiator = f"{side}s"
        self.conclude(
            Order(order="meet_and_confer", method="phone", initiator=initiator, requests=()),
            initiator_words=initiator,
            prisoner=self.record.party_name(prisoner),
        )

    @rule(
        id="frcp.order.joint_motion_if_impasse",
        authorities=("frcp:16(b)(3)(B)(v)",),
        statement="If the parties reach an impasse after conferring in good faith, they may "
        "file a joint motion for determination of the discovery dispute under the "
        "court's chambers rules.",
        effective=CERTIFICATION_RULE,
        derives=(Order,),
    )
    @Rule(
        Order(order="meet_and_confer"),
        Court(standing_orders=MATCH.standing_orders),
        TEST(lambda standing_orders: "chambers_joint_motion" in standing_orders),
    )
    def joint_motion_if_impasse(self: Any, standing_orders: tuple[str, ...]) -> None:
        """Rule 16(b)(3)(B)(v): a scheduling order may require a conference with the court
        before a discovery motion; chambers rules channel disputes into a joint motion."""
        self.conclude(Order(order="joint_motion", requests=()))

    @rule(
        id="frcp.order.further_responses",
        authorities=("frcp:37(a)(3)(B)", "frcp:37(a)(4)"),
        statement="{opponent} is ordered to serve further responses to {requests}.",
        effective=CERTIFICATION_RULE,
        derives=(Order,),
    )
    @Rule(
        Motion(system="federal", kind="compel_further"),
        MotionDisposition(disposition=L("granted") | L("granted_in_part")),
    )
    def further_responses(self: Any) -> None:
        """Rule 37(a)(3)(B): the court may order the answer, designation or production."""
        self.conclude(Order(order="further_responses", requests=requests_with(self, "granted")))

    @rule(
        id="frcp.order.serve_responses",
        authorities=("frcp:37(a)(3)(B)",),
        statement="{opponent} is ordered to serve responses to {requests}, without objections.",
        effective=CERTIFICATION_RULE,
        derives=(Order,),
    )
    @Rule(
        Motion(system="federal", kind="compel_initial"),
        MotionDisposition(disposition=L("granted") | L("granted_in_part")),
    )
    def serve_responses(self: Any) -> None:
        """Rule 37(a)(3)(B)(iii)-(iv): an order to answer interrogatories and respond to
        requests for production."""
        self.conclude(Order(order="serve_responses", requests=requests_with(self, "granted")))

    @rule(
        id="frcp.order.produce",
        authorities=("frcp:37(a)(3)(B)",),
        statement="{opponent} is ordered to produce the documents requested.",
        effective=CERTIFICATION_RULE,
        derives=(Order,),
    )
    @Rule(
        Motion(system="federal", kind=L("compel_initial") | L("compel_attendance")),
        MotionDisposition(disposition=L("granted") | L("granted_in_part")),
        EXISTS(
            DiscoverySet(in_motion=True, kind=L("production") | L("deposition"), responded=False)
        ),
    )
    def produce(self: Any) -> None:
        """Rule 37(a)(3)(B)(iv): a party that "fails to produce documents" may be ordered to."""
        self.conclude(Order(order="produce", requests=requests_with(self, "granted")))

    @rule(
        id="frcp.order.pay_expenses",
        authorities=("frcp:37(a)(5)(A)",),
        statement="{payer} is ordered to pay the expenses awarded.",
        effective=CERTIFICATION_RULE,
        derives=(Order,),
    )
    @Rule(Motion(system="federal"), Sanction(against=MATCH.against))
    def pay_expenses(self: Any, against: str) -> None:
        """An award under Rule 37(a)(5) or 37(d)(3) is an order to pay."""
        self.conclude(
            Order(order="pay_sanctions", requests=()), payer=self.record.party_name(against)
        )
