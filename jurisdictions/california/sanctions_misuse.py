"""Sanctions for misuses of the discovery process, whatever the motion: CCP 2023.020 and 2023.050.

CCP 2023.020 (since the Civil Discovery Act, Stats. 2004, ch. 182): "Notwithstanding the outcome
of the particular discovery motion, the court shall impose a monetary sanction ... against any
party or attorney who fails to confer as required." CCP 2023.050 (SB 17, Stats. 2019, from
2020-01-01; amended by SB 235, Stats. 2023, ch. 284, from 2024-01-01) adds a fixed sanction
"payable to the requesting party" where a party did not respond in good faith to a demand for
documents, produced them within seven days before the hearing on a motion to compel them, or
(from 2024) failed to confer in good faith: $250 until 2023-12-31, $1,000 from 2024-01-01
(``document_misconduct_sanction`` in parameters.yaml). It may be excused on written findings of
substantial justification or injustice (sanctions.py), and "a natural person acting without
representation by an attorney" is rebuttably presumed to have acted in good faith.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from experta import EXISTS, MATCH, L, Rule

from jurisdictions.california.sections import CIVIL_DISCOVERY_ACT
from jurisdictions.common.remedies import award
from kb.facts import (
    Ground,
    Motion,
    Party,
    Request,
    Sanction,
    SanctionRefused,
    SanctionsRequest,
)
from kb.rules import Effective, rule

SB_17 = Effective(since=dt.date(2020, 1, 1), note="CCP 2023.050 added by SB 17 (Stats. 2019)")
SB_235 = Effective(
    since=dt.date(2024, 1, 1), note="CCP 2023.050 amended by SB 235 (Stats. 2023, ch. 284)"
)


class CaliforniaMisuseSanctions:
    """Sanctions for failing to confer (2023.020) and for document misconduct (2023.050)."""

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

    # --- the presumption of good faith for a party without counsel ------------------------

    @rule(
        id="ca.sanctions.pro_se_good_faith_producing",
        authorities=("ccp:2023.050",),
        statement="{party_name} acted without an attorney and is presumed to have acted in good "
        "faith; nothing rebuts the presumption, so no CCP 2023.050 sanction is imposed.",
        effective=SB_17,
        overrides=("ca.sanctions.late_production_2023_050",),
        derives=(SanctionRefused,),
    )
    @Rule(
        Motion(system="california"),
        SanctionsRequest(by="movant"),
        Party(party=MATCH.party, role="opponent", counsel=False),
    )
    def pro_se_good_faith_producing(self: Any, party: str) -> None:
        """CCP 2023.050: "a natural person acting without representation by an attorney" is
        rebuttably presumed to have acted in good faith (verified as existing law in the
        SB 235 digest); a party that cannot appear without counsel is never in that position,
        so a party without counsel in the case file is taken to be a natural person."""
        self.conclude(
            SanctionRefused(
                by="movant", basis="ca.sanctions.pro_se_good_faith_producing", reason="pro se"
            ),
            party_name=self.record.party_name(party),
        )

    @rule(
        id="ca.sanctions.pro_se_good_faith_movant",
        authorities=("ccp:2023.050",),
        statement="{party_name} acted without an attorney and is presumed to have conferred in "
        "good faith; nothing rebuts the presumption, so no CCP 2023.050 sanction is imposed.",
        effective=SB_235,
        overrides=("ca.sanctions.failure_to_confer_2023_050",),
        derives=(SanctionRefused,),
    )
    @Rule(
        Motion(system="california"),
        SanctionsRequest(by="opponent"),
        Party(party=MATCH.party, role="movant", counsel=False),
    )
    def pro_se_good_faith_movant(self: Any, party: str) -> None:
        """The same presumption protects a moving party without counsel from the failure-to-
        confer ground SB 235 added to CCP 2023.050(a)."""
        self.conclude(
            SanctionRefused(
                by="opponent", basis="ca.sanctions.pro_se_good_faith_movant", reason="pro se"
            ),
            party_name=self.record.party_name(party),
        )
