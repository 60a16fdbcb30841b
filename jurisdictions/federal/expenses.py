"""Expenses on a federal discovery motion: Rule 37(a)(5) and 37(d)(3).

Rule 37(a)(5)(A): if the motion is granted, or the discovery is provided after filing, the court
"must" require the party whose conduct necessitated the motion (or its attorney, or both) to pay
the movant's reasonable expenses, but "must not" if (i) the movant filed before attempting in good
faith to obtain it without court action, (ii) the nondisclosure was substantially justified, or
(iii) other circumstances make an award unjust. (B): if denied, the movant pays, unless the
motion was substantially justified or an award would be unjust. (C): granted in part, the court
"may" apportion. Rule 37(d)(3): on a total failure to respond the same award is mandatory.
"""

from __future__ import annotations

from typing import Any

from experta import EXISTS, MATCH, L, Rule

from jurisdictions.common.remedies import award
from jurisdictions.federal.conferral import CERTIFICATION_RULE
from kb.facts import (
    Finding,
    Ground,
    Motion,
    MotionDisposition,
    Party,
    Sanction,
    SanctionRefused,
    SanctionsRequest,
)
from kb.rules import Select, rule

AWARDS = (
    "frcp.expenses.motion_granted",
    "frcp.expenses.motion_denied",
    "frcp.expenses.apportioned_not_justified",
)
BY_KIND = {"compel_initial": "frcp:37(d)(3)", "compel_attendance": "frcp:37(d)(3)"}


class FederalExpenses:
    """Who pays the reasonable expenses of the motion, and the exceptions."""

    @rule(
        id="frcp.expenses.motion_granted",
        authorities=("frcp:37(a)(5)(A)", Select("kind", BY_KIND)),
        statement="The motion succeeded, so {payer}, whose conduct made it necessary, must pay "
        "{movant}'s reasonable expenses, including attorney's fees.",
        effective=CERTIFICATION_RULE,
        derives=(Sanction,),
    )
    @Rule(
        Motion(system="federal", kind=MATCH.kind, opponents=MATCH.opponents),
        MotionDisposition(disposition=L("granted") | L("moot")),
        SanctionsRequest(by="movant", amount=MATCH.amount),
    )
    def motion_granted(self: Any, kind: str, opponents: tuple[str, ...], amount: Any) -> None:
        """Rule 37(a)(5)(A): "the court must, after giving an opportunity to be heard, require
        the party or deponent whose conduct necessitated the motion ... to pay the movant's
        reasonable expenses"; Rule 37(d)(3) for a failure to respond or appear."""
        award(self, "movant", opponents, amount)

    @rule(
        id="frcp.expenses.motion_denied",
        authorities=("frcp:37(a)(5)(B)",),
        statement="The motion failed, so {payer} must pay the reasonable expenses of opposing it.",
        effective=CERTIFICATION_RULE,
        derives=(Sanction,),
    )
    @Rule(
        Motion(system="federal", movant=MATCH.movant),
        MotionDisposition(disposition=L("denied") | L("denied_without_prejudice")),
        SanctionsRequest(by="opponent", amount=MATCH.amount),
    )
    def motion_denied(self: Any, movant: str, amount: Any) -> None:
        """Rule 37(a)(5)(B): if the motion is denied the court "must ... require the movant, the
        attorney filing the motion, or both to pay the party ... who opposed the motion its
        reasonable expenses"."""
        award(self, "opponent", (movant,), amount)

    @rule(
        id="frcp.expenses.apportioned",
        authorities=("frcp:37(a)(5)(C)",),
        statement="The motion was granted in part and denied in part; apportioning expenses is "
        "discretionary, and no award follows without a finding that one is warranted.",
        effective=CERTIFICATION_RULE,
        derives=(SanctionRefused,),
    )
    @Rule(
        Motion(system="federal"),
        MotionDisposition(disposition="granted_in_part"),
        SanctionsRequest(by=MATCH.by),
    )
    def apportioned(self: Any, by: str) -> None:
        """Rule 37(a)(5)(C): the court "may ... apportion the reasonable expenses"."""
        self.conclude(
            SanctionRefused(
                by=by, basis="frcp.expenses.apportioned", reason="discretionary apportionment"
            )
        )

    @rule(
        id="frcp.expenses.apportioned_not_justified",
        authorities=("frcp:37(a)(5)(C)", "frcp:37(a)(5)(A)(ii)"),
        statement="The motion was granted in part, and the court found that {payer}'s position "
        "was not substantially justified: {payer} pays {movant}'s reasonable expenses, as the "
        "court apportions them.",
        effective=CERTIFICATION_RULE,
        overrides=("frcp.expenses.apportioned",),
        derives=(Sanction,),
    )
    @Rule(
        Motion(system="federal", opponents=MATCH.opponents),
        MotionDisposition(disposition="granted_in_part"),
        SanctionsRequest(by="movant", amount=MATCH.amount),
        Finding(finding="substantial_justification", value=False),
    )
    def apportioned_not_justified(self: Any, opponents: tuple[str, ...], amount: Any) -> None:
        """Rule 37(a)(5)(C): if the motion is granted in part, the court "may ... apportion the
        reasonable expenses for the motion"; courts do so for the part granted where the losing
        position was not substantially justified, the standard of (A)(ii) (Advanced Visual Image
        Design v. Exist, C.D. Cal. 2015, awarded $1,000 on a motion granted in part). The amount
        is the court's: the decision carries the amount requested."""
        award(self, "movant", opponents, amount)

    @rule(
        id="frcp.expenses.no_attempt_before_filing",
        authorities=("frcp:37(a)(5)(A)(i)",),
        statement="{movant} filed before attempting in good faith to obtain the discovery "
        "without court action: no expenses.",
        effective=CERTIFICATION_RULE,
        overrides=("frcp.expenses.motion_granted", "frcp.expenses.apportioned_not_justified"),
        derives=(SanctionRefused,),
    )
    @Rule(
        Motion(system="federal", kind=L("compel_further") | L("compel_attendance")),
        SanctionsRequest(by="movant"),
        EXISTS(Ground(gate="conferral")),
    )
    def no_attempt_before_filing(self: Any) -> None:
        """Rule 37(a)(5)(A)(i): the court must not order payment if "the movant filed the motion
        before attempting in good faith to obtain the disclosure or discovery without court
        action"."""
        self.conclude(
            SanctionRefused(
                by="movant",
                basis="frcp.expenses.no_attempt_before_filing",
                reason="no good-faith attempt before filing",
            )
        )

    @rule(
        id="frcp.expenses.nothing_incurred",
        authorities=("frcp:37(a)(5)(A)",),
        statement="{movant} appears without counsel and names no expense incurred in making the "
        "motion; a party without counsel incurs no attorney's fees, so there is nothing to "
        "award.",
        effective=CERTIFICATION_RULE,
        overrides=("frcp.expenses.motion_granted", "frcp.expenses.apportioned_not_justified"),
        derives=(SanctionRefused,),
    )
    @Rule(
        Motion(system="federal"),
        Party(role="movant", counsel=False),
        SanctionsRequest(by="movant", amount=None),
    )
    def nothing_incurred(self: Any) -> None:
        """Rule 37(a)(5)(A) awards "the movant's reasonable expenses incurred in making the
        motion, including attorney's fees": a self-represented party pays no attorney, and a
        request that names no expense shows none incurred (Stonum v. County of Kern, E.D. Cal.
        2018: no expenses identified, and no attorney's fees for a pro se litigant)."""
        self.conclude(
            SanctionRefused(
                by="movant",
                basis="frcp.expenses.nothing_incurred",
                reason="no expense incurred",
            )
        )

    @rule(
        id="frcp.expenses.substantially_justified",
        authorities=("frcp:37(a)(5)(A)(ii)", "frcp:37(a)(5)(B)", "case:pierce-v-underwood-1988"),
        statement="The position of the party who would pay was substantially justified: no "
        "expenses.",
        effective=CERTIFICATION_RULE,
        overrides=AWARDS,
        derives=(SanctionRefused,),
    )
    @Rule(Finding(finding="substantial_justification", value=True))
    def substantially_justified(self: Any) -> None:
        """Rule 37(a)(5)(A)(ii), (B): no award where the position was "substantially justified",
        that is, a genuine dispute on which reasonable people could differ (Pierce v. Underwood,
        487 U.S. 552, 565 (1988))."""
        self.conclude(
            SanctionRefused(
                by="any",
                basis="frcp.expenses.substantially_justified",
                reason="substantial justification",
            )
        )

    @rule(
        id="frcp.expenses.unjust",
        authorities=("frcp:37(a)(5)(A)(iii)", "frcp:37(a)(5)(B)", "frcp:37(d)(3)"),
        statement="Other circumstances make an award of expenses unjust: none is awarded.",
        effective=CERTIFICATION_RULE,
        overrides=AWARDS,
        derives=(SanctionRefused,),
    )
    @Rule(Finding(finding="sanctions_unjust", value=True))
    def unjust(self: Any) -> None:
        """Rule 37(a)(5)(A)(iii): no award where "other circumstances make an award of expenses
        unjust"; the same exception closes Rule 37(a)(5)(B) and 37(d)(3)."""
        self.conclude(
            SanctionRefused(
                by="any", basis="frcp.expenses.unjust", reason="other circumstances make it unjust"
            )
        )
