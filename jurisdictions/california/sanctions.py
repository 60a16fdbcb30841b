"""Monetary sanctions on California discovery motions: the method sections and their exceptions.

CCP 2023.040: a request for sanctions must name each person against whom it is sought; the
court awards only what the notice asked for. CCP 2023.030(a): where a monetary sanction is
authorized, the court "shall impose that sanction unless it finds that the one subject to the
sanction acted with substantial justification or that other circumstances make the imposition
of the sanction unjust". The method sections authorize it against the party who unsuccessfully
makes or opposes the motion (2030.290(c), 2030.300(d), 2031.300(c), 2031.310(h), 2033.290(d);
for other motions see sanctions_motions.py); 2033.280(c) makes it mandatory on a
deemed-admitted motion whatever its outcome, but only where the failure to serve a timely
response necessitated the motion. Sanctions for misuses whatever the motion (2023.020,
2023.050) are in sanctions_misuse.py.
"""

from __future__ import annotations

from typing import Any

from experta import MATCH, L, Rule

from jurisdictions.california.sections import (
    CIVIL_DISCOVERY_ACT,
    FURTHER_SANCTION,
    INITIAL_SANCTION,
)
from jurisdictions.common.remedies import award
from kb.facts import (
    Finding,
    Motion,
    MotionDisposition,
    RequestDisposition,
    Sanction,
    SanctionRefused,
    SanctionsRequest,
)
from kb.rules import Select, rule

MANDATORY = (
    "ca.sanctions.further_opponent_lost",
    "ca.sanctions.further_movant_lost",
    "ca.sanctions.initial_opponent_lost",
    "ca.sanctions.initial_movant_lost",
    "ca.sanctions.compliance_opponent_lost",
    "ca.sanctions.compliance_movant_lost",
    "ca.sanctions.protective_order_opponent_lost",
    "ca.sanctions.protective_order_movant_lost",
    "ca.sanctions.deposition_compelled",
    "ca.sanctions.failure_to_confer",
)
"""Sanctions a finding of substantial justification (or injustice) excuses, CCP 2023.030(a)."""
AGAINST_MOVANT = (
    "ca.sanctions.further_movant_lost",
    "ca.sanctions.initial_movant_lost",
    "ca.sanctions.compliance_movant_lost",
    "ca.sanctions.protective_order_movant_lost",
    "ca.sanctions.failure_to_confer",
    "ca.sanctions.failure_to_confer_2023_050",
)


def motion_set_kinds(engine: Any) -> tuple[str, ...]:
    """The kinds of the discovery sets the motion reaches, for ``Select`` on ``set_kinds``."""
    sets = engine.fact("fact:motion")["sets"]
    return tuple(sorted({engine.record.model.discovery[s].kind for s in sets}))


class CaliforniaSanctions:
    """Who pays, on which authority, and the exceptions that excuse payment."""

    @rule(
        id="ca.sanctions.further_opponent_lost",
        authorities=(Select("set_kinds", FURTHER_SANCTION), "ccp:2023.030(a)"),
        statement="{payer} unsuccessfully opposed the motion to compel further responses and "
        "must pay the sanction requested, absent substantial justification.",
        effective=CIVIL_DISCOVERY_ACT,
        derives=(Sanction,),
    )
    @Rule(
        Motion(system="california", kind="compel_further", opponents=MATCH.opponents),
        MotionDisposition(disposition="granted"),
        SanctionsRequest(by="movant", amount=MATCH.amount),
    )
    def further_opponent_lost(self: Any, opponents: tuple[str, ...], amount: Any) -> None:
        """CCP 2031.310(h) (and 2030.300(d), 2033.290(d)): the court "shall impose a monetary
        sanction ... against any party ... who unsuccessfully ... opposes a motion to compel a
        further response"."""
        award(
            self,
            "movant",
            opponents,
            amount,
            set_kinds=motion_set_kinds(self),
        )

    @rule(
        id="ca.sanctions.further_movant_lost",
        authorities=(Select("set_kinds", FURTHER_SANCTION), "ccp:2023.030(a)"),
        statement="{payer} unsuccessfully made the motion to compel further responses and "
        "must pay the sanction the opposing party requested, absent substantial "
        "justification.",
        effective=CIVIL_DISCOVERY_ACT,
        derives=(Sanction,),
    )
    @Rule(
        Motion(system="california", kind="compel_further", movant=MATCH.movant),
        MotionDisposition(disposition=L("denied") | L("denied_without_prejudice")),
        SanctionsRequest(by="opponent", amount=MATCH.amount),
    )
    def further_movant_lost(self: Any, movant: str, amount: Any) -> None:
        """The same subdivisions reach "any party ... who unsuccessfully makes" the motion."""
        award(
            self,
            "opponent",
            (movant,),
            amount,
            set_kinds=motion_set_kinds(self),
        )

    @rule(
        id="ca.sanctions.initial_opponent_lost",
        authorities=(Select("set_kinds", INITIAL_SANCTION), "crc:3.1348(a)", "ccp:2023.030(a)"),
        statement="{payer} failed to respond and must pay the sanction requested for the "
        "motion that failure made necessary, whether or not it opposed the motion.",
        effective=CIVIL_DISCOVERY_ACT,
        derives=(Sanction,),
    )
    @Rule(
        Motion(system="california", kind="compel_initial", opponents=MATCH.opponents),
        MotionDisposition(disposition=L("granted") | L("granted_in_part") | L("moot")),
        SanctionsRequest(by="movant", amount=MATCH.amount),
    )
    def initial_opponent_lost(self: Any, opponents: tuple[str, ...], amount: Any) -> None:
        """CCP 2030.290(c), 2031.300(c): the court "shall impose a monetary sanction" against a
        party who unsuccessfully opposes a motion to compel a response; CRC 3.1348(a): sanctions
        may be awarded although no opposition was filed or the discovery came after filing."""
        award(
            self,
            "movant",
            opponents,
            amount,
            set_kinds=motion_set_kinds(self),
        )

    @rule(
        id="ca.sanctions.initial_movant_lost",
        authorities=(Select("set_kinds", INITIAL_SANCTION), "ccp:2023.030(a)"),
        statement="{payer} unsuccessfully made the motion to compel responses and must pay the "
        "sanction the opposing party requested, absent substantial justification.",
        effective=CIVIL_DISCOVERY_ACT,
        derives=(Sanction,),
    )
    @Rule(
        Motion(system="california", kind="compel_initial", movant=MATCH.movant),
        MotionDisposition(disposition=L("denied") | L("denied_without_prejudice")),
        SanctionsRequest(by="opponent", amount=MATCH.amount),
    )
    def initial_movant_lost(self: Any, movant: str, amount: Any) -> None:
        """CCP 2030.290(c), 2031.300(c): the court "shall impose a monetary sanction ...
        against any party, person, or attorney who unsuccessfully makes or opposes a motion to
        compel a response"."""
        award(self, "opponent", (movant,), amount, set_kinds=motion_set_kinds(self))

    @rule(
        id="ca.sanctions.admissions_mandatory",
        authorities=("ccp:2033.280(c)",),
        statement="{payer}'s failure to respond to requests for admission made the motion "
        "necessary: the sanction is mandatory whatever the outcome.",
        effective=CIVIL_DISCOVERY_ACT,
        derives=(Sanction,),
    )
    @Rule(
        Motion(system="california", kind="deem_admitted", opponents=MATCH.opponents),
        SanctionsRequest(by="movant", amount=MATCH.amount),
    )
    def admissions_mandatory(self: Any, opponents: tuple[str, ...], amount: Any) -> None:
        """CCP 2033.280(c): "It is mandatory that the court impose a monetary sanction ... on the
        party or attorney, or both, whose failure to serve a timely response to requests for
        admission necessitated this motion.\""""
        award(self, "movant", opponents, amount)

    # --- exceptions -----------------------------------------------------------------------

    @rule(
        id="ca.sanctions.substantially_justified",
        authorities=("ccp:2023.030(a)",),
        statement="The court finds substantial justification: no monetary sanction is imposed.",
        effective=CIVIL_DISCOVERY_ACT,
        overrides=MANDATORY,
        derives=(SanctionRefused,),
    )
    @Rule(Finding(finding="substantial_justification", value=True))
    def substantially_justified(self: Any) -> None:
        """CCP 2023.030(a): the sanction is imposed "unless it finds that the one subject to the
        sanction acted with substantial justification"."""
        self.conclude(
            SanctionRefused(
                by="any",
                basis="ca.sanctions.substantially_justified",
                reason="substantial justification",
            )
        )

    @rule(
        id="ca.sanctions.unjust",
        authorities=("ccp:2023.030(a)", "ccp:2023.050"),
        statement="Other circumstances make a sanction unjust: none is imposed.",
        effective=CIVIL_DISCOVERY_ACT,
        overrides=(
            *MANDATORY,
            "ca.sanctions.late_production_2023_050",
            "ca.sanctions.failure_to_confer_2023_050",
        ),
        derives=(SanctionRefused,),
    )
    @Rule(Finding(finding="sanctions_unjust", value=True))
    def unjust(self: Any) -> None:
        """CCP 2023.030(a): "... or that other circumstances make the imposition of the sanction
        unjust"; 2023.050(b) allows the same finding, in writing."""
        self.conclude(
            SanctionRefused(
                by="any", basis="ca.sanctions.unjust", reason="other circumstances make it unjust"
            )
        )

    @rule(
        id="ca.sanctions.partial_success",
        authorities=("ccp:2023.030(a)", "crc:3.1348(a)"),
        statement="The opposing party supplied part of the discovery only after the motion "
        "was filed ({requests}): the motion was not wholly unsuccessful, and "
        "sanctions against the moving party would be unjust.",
        effective=CIVIL_DISCOVERY_ACT,
        overrides=AGAINST_MOVANT,
        derives=(SanctionRefused,),
        consumes=(RequestDisposition,),
    )
    @Rule(
        Motion(system="california"),
        SanctionsRequest(by="opponent"),
        RequestDisposition(disposition="moot", request=MATCH.request),
    )
    def partial_success(self: Any, request: str) -> None:
        """CRC 3.1348(a) treats discovery provided after the motion was filed as a result the
        motion obtained; CCP 2023.030(a) excuses a sanction that would be unjust."""
        self.conclude(
            SanctionRefused(
                by="opponent", basis="ca.sanctions.partial_success", reason="partial success"
            )
        )
