"""Mandatory sanctions on the other discovery motions: compliance, protective orders, depositions.

Each section repeats the scheme of CCP 2023.030(a): the court "shall impose a monetary sanction
... against any party, person, or attorney who unsuccessfully makes or opposes" the motion,
"unless it finds that the one subject to the sanction acted with substantial justification or
that other circumstances make the imposition of the sanction unjust":

- compelling compliance with a statement of compliance: CCP 2031.320(b) (quoted in Buckingham
  Heights Business Park v. Azure Construction, LASC No. 23SMCV01257, Feb. 26, 2025);
- protective orders: CCP 2030.090(d), 2031.060(h), 2033.080(d), 2025.420(h) (lettering as
  recalled in the catalog, UNVERIFIED; the 2025.420(a) declaration requirement is verified in
  the statute text at statutes.laws.com);
- a deponent's nonappearance: CCP 2025.450(g)(1), one-sided: "If a motion under subdivision
  (a) is granted, the court shall impose a monetary sanction ... in favor of the party who
  noticed the deposition and against the deponent or the party with whom the deponent is
  affiliated" (as quoted in Johnston v. Flintridge Riding Club, LASC No. 20STCV43681).

Only what the notice asked for is awarded (CCP 2023.040): each rule needs the request.
"""

from __future__ import annotations

from typing import Any

from experta import MATCH, L, Rule

from jurisdictions.california.sanctions import motion_set_kinds
from jurisdictions.california.sections import CIVIL_DISCOVERY_ACT, PROTECTIVE_ORDER_SANCTION
from jurisdictions.common.remedies import award
from kb.facts import Motion, MotionDisposition, Sanction, SanctionsRequest
from kb.rules import Select, rule

LOST = L("denied") | L("denied_without_prejudice")


class CaliforniaMotionSanctions:
    """Who pays on a motion to compel compliance, for a protective order, or to compel a
    deponent's attendance."""

    @rule(
        id="ca.sanctions.compliance_opponent_lost",
        authorities=("ccp:2031.320(b)", "ccp:2023.030(a)"),
        statement="{payer} unsuccessfully opposed the motion to compel compliance and must pay "
        "the sanction requested, absent substantial justification.",
        effective=CIVIL_DISCOVERY_ACT,
        derives=(Sanction,),
    )
    @Rule(
        Motion(system="california", kind="compel_compliance", opponents=MATCH.opponents),
        MotionDisposition(disposition="granted"),
        SanctionsRequest(by="movant", amount=MATCH.amount),
    )
    def compliance_opponent_lost(self: Any, opponents: tuple[str, ...], amount: Any) -> None:
        """CCP 2031.320(b): the court "shall impose a monetary sanction ... against any party,
        person, or attorney who unsuccessfully makes or opposes a motion to compel compliance
        with a demand"."""
        award(self, "movant", opponents, amount)

    @rule(
        id="ca.sanctions.compliance_movant_lost",
        authorities=("ccp:2031.320(b)", "ccp:2023.030(a)"),
        statement="{payer} unsuccessfully made the motion to compel compliance and must pay the "
        "sanction the opposing party requested, absent substantial justification.",
        effective=CIVIL_DISCOVERY_ACT,
        derives=(Sanction,),
    )
    @Rule(
        Motion(system="california", kind="compel_compliance", movant=MATCH.movant),
        MotionDisposition(disposition=LOST),
        SanctionsRequest(by="opponent", amount=MATCH.amount),
    )
    def compliance_movant_lost(self: Any, movant: str, amount: Any) -> None:
        """The same subdivision reaches the party who "unsuccessfully makes" the motion."""
        award(self, "opponent", (movant,), amount)

    @rule(
        id="ca.sanctions.protective_order_opponent_lost",
        authorities=(Select("set_kinds", PROTECTIVE_ORDER_SANCTION), "ccp:2023.030(a)"),
        statement="{payer} unsuccessfully opposed the motion for a protective order and must "
        "pay the sanction requested, absent substantial justification.",
        effective=CIVIL_DISCOVERY_ACT,
        derives=(Sanction,),
    )
    @Rule(
        Motion(system="california", kind="protective_order", opponents=MATCH.opponents),
        MotionDisposition(disposition="granted"),
        SanctionsRequest(by="movant", amount=MATCH.amount),
    )
    def protective_order_opponent_lost(self: Any, opponents: tuple[str, ...], amount: Any) -> None:
        """CCP 2030.090(d) (and 2031.060(h), 2033.080(d), 2025.420(h)): a monetary sanction
        against one "who unsuccessfully makes or opposes a motion for a protective order"."""
        award(self, "movant", opponents, amount, set_kinds=motion_set_kinds(self))

    @rule(
        id="ca.sanctions.protective_order_movant_lost",
        authorities=(Select("set_kinds", PROTECTIVE_ORDER_SANCTION), "ccp:2023.030(a)"),
        statement="{payer} unsuccessfully made the motion for a protective order and must pay "
        "the sanction the opposing party requested, absent substantial justification.",
        effective=CIVIL_DISCOVERY_ACT,
        derives=(Sanction,),
    )
    @Rule(
        Motion(system="california", kind="protective_order", movant=MATCH.movant),
        MotionDisposition(disposition=LOST),
        SanctionsRequest(by="opponent", amount=MATCH.amount),
    )
    def protective_order_movant_lost(self: Any, movant: str, amount: Any) -> None:
        """The same subdivisions reach the party who "unsuccessfully makes" the motion."""
        award(self, "opponent", (movant,), amount, set_kinds=motion_set_kinds(self))

    @rule(
        id="ca.sanctions.deposition_compelled",
        authorities=("ccp:2025.450(g)(1)",),
        statement="The motion to compel the deposition is granted: {payer} must pay the "
        "sanction requested, absent substantial justification.",
        effective=CIVIL_DISCOVERY_ACT,
        derives=(Sanction,),
    )
    @Rule(
        Motion(system="california", kind="compel_attendance", opponents=MATCH.opponents),
        MotionDisposition(disposition="granted"),
        SanctionsRequest(by="movant", amount=MATCH.amount),
    )
    def deposition_compelled(self: Any, opponents: tuple[str, ...], amount: Any) -> None:
        """CCP 2025.450(g)(1): "If a motion under subdivision (a) is granted, the court shall
        impose a monetary sanction ... in favor of the party who noticed the deposition and
        against the deponent or the party with whom the deponent is affiliated"."""
        award(self, "movant", opponents, amount)
