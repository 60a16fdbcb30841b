"""Monetary sanctions on California discovery motions.

CCP 2023.040: a request for sanctions must name each person against whom it is sought; the
court awards only what the notice asked for. CCP 2023.030(a): where a monetary sanction is
authorized, the court "shall impose that sanction unless it finds that the one subject to the
sanction acted with substantial justification or that other circumstances make the imposition
of the sanction unjust". The method sections authorize it against the party who unsuccessfully
makes or opposes the motion (2030.290(c), 2030.300(d), 2031.300(c), 2031.310(h), 2033.290(d));
2033.280(c) makes it mandatory on a deemed-admitted motion whatever its outcome; 2023.020
against whoever failed to confer, "notwithstanding the outcome"; 2023.050 adds a fixed sanction
for document-request misconduct ($250 from 2020, $1,000 from 2024, when failing to confer was
added).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from experta import EXISTS, MATCH, L, Rule

from jurisdictions.california.sections import (
    CIVIL_DISCOVERY_ACT,
    FURTHER_SANCTION,
    INITIAL_SANCTION,
)
from jurisdictions.common.remedies import award
from kb.facts import (
    Finding,
    Ground,
    Motion,
    MotionDisposition,
    Request,
    RequestDisposition,
    Sanction,
    SanctionRefused,
    SanctionsRequest,
)
from kb.rules import Effective, Select, rule

MANDATORY = (
    "ca.sanctions.further_opponent_lost",
    "ca.sanctions.further_movant_lost",
    "ca.sanctions.initial_opponent_lost",
    "ca.sanctions.failure_to_confer",
)
AGAINST_MOVANT = (
    "ca.sanctions.further_movant_lost",
    "ca.sanctions.failure_to_confer",
    "ca.sanctions.failure_to_confer_2023_050",
)
SB_17 = Effective(since=dt.date(2020, 1, 1), note="CCP 2023.050 added by SB 17 (Stats. 2019)")
SB_235 = Effective(
    since=dt.date(2024, 1, 1), note="CCP 2023.050 amended by SB 235 (Stats. 2023, ch. 284)"
)


def _set_kinds(engine: Any) -> tuple[str, ...]:
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
            set_kinds=_set_kinds(self),
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
            set_kinds=_set_kinds(self),
        )

    @rule(
        id="ca.sanctions.failure_to_confer",
        authorities=("ccp:2023.020", "ccp:2023.010"),
        statement="{payer} failed to meet and confer as required and must pay the expenses "
        "that failure caused, whatever the outcome of the motion.",
        effective=CIVIL_DISCOVERY_ACT,
        derives=(Sanction,),
        consumes=(Ground,),
    )
    @Rule(
        Motion(system="california", movant=MATCH.movant),
        EXISTS(Ground(gate="conferral")),
        SanctionsRequest(by="opponent", amount=MATCH.amount),
    )
    def failure_to_confer(self: Any, movant: str, amount: Any) -> None:
        """CCP 2023.020: "Notwithstanding the outcome of the particular discovery motion, the
        court shall impose a monetary sanction ... against any party or attorney who fails to
        confer as required.\""""
        award(self, "opponent", (movant,), amount)

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
            set_kinds=_set_kinds(self),
        )

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

    # --- CCP 2023.050: document misconduct, dated -----------------------------------------

    @rule(
        id="ca.sanctions.late_production_2023_050",
        authorities=("ccp:2023.050",),
        statement="Documents requested in {requests} were produced within {window} days before "
        "the hearing on the motion to compel them: a further ${amount_words} sanction, "
        "payable to the requesting party.",
        effective=SB_17,
        derives=(Sanction,),
    )
    @Rule(
        Motion(system="california", as_of=MATCH.as_of, opponents=MATCH.opponents),
        Request(
            request=MATCH.request,
            set_kind="production",
            supplemental_after_motion=True,
            supplemental=L("full_compliance") | L("partial_compliance"),
        ),
        SanctionsRequest(by="movant"),
    )
    def late_production(
        self: Any, as_of: dt.date, opponents: tuple[str, ...], request: str
    ) -> None:
        """CCP 2023.050(a)(2): the court "shall impose a ... sanction" where a party "produced
        requested documents within seven days before the court is scheduled to hear a motion to
        compel production"."""
        dset = self.record.model.discovery[request.rsplit(":", 1)[0]]
        served = max((s.served.date for s in dset.supplemental), default=None)
        window = self.parameters.value("late_production_window_days", as_of)
        if served is None or (as_of - served).days > window:
            return
        amount = self.parameters.value("document_misconduct_sanction", as_of)
        award(
            self,
            "movant",
            opponents,
            amount,
            amount_kind="fixed",
            window=window,
            amount_words=f"{amount:,}",
        )

    @rule(
        id="ca.sanctions.failure_to_confer_2023_050",
        authorities=("ccp:2023.050",),
        statement="{payer} failed to meet and confer in good faith on a document request: a "
        "further ${amount_words} sanction, payable to the requesting party.",
        effective=SB_235,
        derives=(Sanction,),
        consumes=(Ground,),
    )
    @Rule(
        Motion(system="california", movant=MATCH.movant, as_of=MATCH.as_of),
        EXISTS(Ground(gate="conferral")),
        EXISTS(Request(set_kind="production")),
        SanctionsRequest(by="opponent"),
    )
    def failure_to_confer_2023_050(self: Any, movant: str, as_of: dt.date) -> None:
        """CCP 2023.050(a)(3) (as amended by SB 235): the sanction applies where a party "failed
        to meet and confer in person, by telephone, or by letter ... in a reasonable and good
        faith attempt to informally resolve any dispute concerning the request"."""
        amount = self.parameters.value("document_misconduct_sanction", as_of)
        award(self, "opponent", (movant,), amount, amount_kind="fixed", amount_words=f"{amount:,}")

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
