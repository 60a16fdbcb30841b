"""A judge's own procedure for discovery disputes: the joint submission.

Rule 16(b)(3)(B)(v) lets a scheduling order "direct that before moving for an order relating to
discovery, the movant must request a conference with the court". Magistrate judges in S.D. Cal.
(chambers rules: a "Joint Motion for Determination of Discovery Dispute") and N.D. Cal. (standing
orders: a joint discovery letter) channel disputes into one paper both sides sign; a unilateral
motion is not considered unless the movant shows the opponent would not join (Morrow v. City of San
Diego, S.D. Cal. 2017; Khan v. Rogers, N.D. Cal. 2019). E.D. and C.D. Cal. require a joint paper by
local rule (L.R. 251, L.R. 37-2), decided in their own modules, so this one covers the rest.
"""

from __future__ import annotations

from typing import Any

from experta import EXISTS, MATCH, NOT, TEST, L, Rule

from jurisdictions.federal.conferral import CERTIFICATION_RULE
from kb.facts import (
    Absence,
    Court,
    Excuse,
    Exemption,
    Ground,
    Motion,
    MotionDisposition,
    Order,
    Party,
    Requirement,
)
from kb.rules import rule

JOINT_PROCEDURES = frozenset({"chambers_joint_motion", "joint_statement_for_discovery_motions"})
BY_LOCAL_RULE = L("edcal") | L("cdcal")


class ChambersProcedure:
    """The joint motion or joint letter a judge's standing order requires."""

    @rule(
        id="frcp.chambers.joint_submission_required",
        authorities=("frcp:16(b)(3)(B)(v)",),
        statement="The judge's chambers rules require discovery disputes to be presented in "
        "one joint submission signed by both sides.",
        effective=CERTIFICATION_RULE,
        derives=(Requirement,),
    )
    @Rule(
        Motion(system="federal"),
        Court(district=~BY_LOCAL_RULE, standing_orders=MATCH.standing_orders),
        TEST(lambda standing_orders: bool(JOINT_PROCEDURES & set(standing_orders))),
    )
    def joint_submission_required(self: Any, standing_orders: tuple[str, ...]) -> None:
        """Rule 16(b)(3)(B)(v): the scheduling order may require a conference with the court
        before a discovery motion; chambers rules implement it with a joint submission."""
        self.conclude(Requirement(requirement="joint_statement"))

    @rule(
        id="frcp.chambers.joint_submission_missing",
        authorities=("frcp:16(b)(3)(B)(v)", "frcp:16(f)(1)(C)"),
        statement="{movant} filed the dispute unilaterally, without the joint submission the "
        "chambers rules require and without showing that {opponent} refused to join: "
        "the court does not consider it.",
        effective=CERTIFICATION_RULE,
        derives=(Ground,),
    )
    @Rule(Absence(kind="paper", subject="joint_statement"), Court(district=~BY_LOCAL_RULE))
    def joint_submission_missing(self: Any) -> None:
        """Rule 16(f)(1)(C): a party that "fails to obey a scheduling or other pretrial order"
        may be sanctioned; the least of it is that the unilateral filing is not considered."""
        self.conclude(
            Ground(
                rule="frcp.chambers.joint_submission_missing",
                gate="papers",
                effect="denied_without_prejudice",
            )
        )

    @rule(
        id="frcp.chambers.opponent_would_not_join",
        authorities=("frcp:16(b)(3)(B)(v)",),
        statement="{opponent} would not join a joint submission, so {movant} may present the "
        "dispute alone.",
        effective=CERTIFICATION_RULE,
        overrides=("frcp.chambers.joint_submission_required",),
        derives=(Exemption,),
    )
    @Rule(
        Motion(system="federal"),
        Court(district=~BY_LOCAL_RULE),
        Excuse(by_movant=True, requirement="joint_statement", reason="opponent_unresponsive"),
    )
    def opponent_would_not_join(self: Any) -> None:
        """A joint paper needs both sides; chambers rules let the movant file alone on a
        declaration that the opponent would not cooperate."""
        self.conclude(Exemption(requirement="joint_statement", reason="opponent would not join"))

    @rule(
        id="frcp.chambers.order_conference_then_joint_submission",
        authorities=("frcp:16(b)(3)(B)(v)", "frcp:37(a)(1)"),
        statement="The parties are ordered to follow the chambers procedure: confer, and if the "
        "dispute remains, present it in a joint submission.",
        effective=CERTIFICATION_RULE,
        derives=(Order,),
    )
    @Rule(
        Motion(system="federal"),
        MotionDisposition(disposition="denied_without_prejudice"),
        Requirement(requirement="joint_statement"),
        Court(district=~BY_LOCAL_RULE, standing_orders=MATCH.standing_orders),
        TEST(lambda standing_orders: bool(JOINT_PROCEDURES & set(standing_orders))),
        EXISTS(Ground(gate=L("conferral") | L("papers"))),
        NOT(Party(incarcerated=True)),
    )
    def order_conference_then_joint_submission(self: Any, standing_orders: Any) -> None:
        """Judges who require a joint submission send a unilateral or premature motion back
        through their procedure: a conference of counsel, then the joint paper (Walker v.
        County of Santa Clara, N.D. Cal. 2012; Feamster v. Gaco Western, N.D. Cal. 2020). A
        prisoner case gets the telephone conference of jurisdictions.federal.orders instead."""
        joint = "joint_motion" if "chambers_joint_motion" in standing_orders else "joint_statement"
        self.conclude(Order(order="meet_and_confer", requests=()))
        self.conclude(Order(order=joint, requests=()))
