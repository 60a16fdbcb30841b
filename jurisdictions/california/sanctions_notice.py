"""What a request for sanctions must say: Code Civ. Proc. § 2023.040.

CCP 2023.040: "A request for a sanction shall, in the notice of motion, identify every person,
party, and attorney against whom the sanction is sought, and specify the type of sanction
sought." A monetary sanction is awarded only against those the notice names (jurisdictions/
common/remedies.py awards against them); a request that names no one supports none.
"""

from __future__ import annotations

from typing import Any

from experta import Rule

from jurisdictions.california.sanctions import AGAINST_MOVANT
from jurisdictions.california.sections import CIVIL_DISCOVERY_ACT
from kb.facts import Motion, SanctionRefused, SanctionsRequest
from kb.rules import rule

ON_MOVANT_REQUEST = (
    "ca.sanctions.further_opponent_lost",
    "ca.sanctions.initial_opponent_lost",
    "ca.sanctions.admissions_mandatory",
    "ca.sanctions.compliance_opponent_lost",
    "ca.sanctions.protective_order_opponent_lost",
    "ca.sanctions.deposition_compelled",
    "ca.sanctions.late_production_2023_050",
)
"""Awards made on the moving party's request (the rest, AGAINST_MOVANT, on the opponent's)."""


class CaliforniaSanctionsNotice:
    """CCP 2023.040: no sanction against anyone the notice does not name."""

    @rule(
        id="ca.sanctions.movant_named_no_one",
        authorities=("ccp:2023.040", "case:corralejo-v-quiroga-1984"),
        statement="{party_name}'s request for sanctions names no person, party or attorney "
        "against whom they are sought: none can be imposed on it.",
        effective=CIVIL_DISCOVERY_ACT,
        overrides=ON_MOVANT_REQUEST,
        derives=(SanctionRefused,),
    )
    @Rule(Motion(system="california"), SanctionsRequest(by="movant", against=()))
    def movant_named_no_one(self: Any) -> None:
        """CCP 2023.040: the notice "shall ... identify every person, party, and attorney
        against whom the sanction is sought"; an order against one it did not name is reversed
        (Corralejo v. Quiroga (1984) 152 Cal.App.3d 871, 874)."""
        request = self.fact("fact:sanctions_request:movant")
        self.conclude(
            SanctionRefused(
                by="movant", basis="ca.sanctions.movant_named_no_one", reason="no one named"
            ),
            party_name=self.record.party_name(request["party"]),
        )

    @rule(
        id="ca.sanctions.opponent_named_no_one",
        authorities=("ccp:2023.040", "case:corralejo-v-quiroga-1984"),
        statement="{party_name}'s request for sanctions names no person, party or attorney "
        "against whom they are sought: none can be imposed on it.",
        effective=CIVIL_DISCOVERY_ACT,
        overrides=AGAINST_MOVANT,
        derives=(SanctionRefused,),
    )
    @Rule(Motion(system="california"), SanctionsRequest(by="opponent", against=()))
    def opponent_named_no_one(self: Any) -> None:
        """The same requirement binds the opposing party's request against the movant."""
        request = self.fact("fact:sanctions_request:opponent")
        self.conclude(
            SanctionRefused(
                by="opponent", basis="ca.sanctions.opponent_named_no_one", reason="no one named"
            ),
            party_name=self.record.party_name(request["party"]),
        )
