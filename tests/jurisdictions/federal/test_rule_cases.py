"""Federal rules (FRCP and the district local rules): a firing case and a near miss for each."""

from __future__ import annotations

import pytest

from tests.helpers import edit, federal, federal_initial, letters_only
from tests.jurisdictions.california.test_rule_cases import (
    CA,
    OFFER,
    OFFER_ANSWERED,
    OPPONENT_ONLY,
    OPPOSITION,
    OVERRULED,
    SANCTIONS,
    SUSTAINED,
)
from tests.jurisdictions.rule_cases import Doc, also, check_fires, check_near_miss

# --- federal fact patterns ----------------------------------------------------------------

SD = federal("sdcal")
SD_INITIAL = federal_initial("sdcal")
NO_CERT = edit(SD, motion__papers__certification={"filed": False})
PRISONER = edit(NO_CERT, parties__doe__counsel=False, parties__doe__incarcerated=True)
FED_DEMANDS = edit(
    SD,
    conferrals=[
        {
            "id": "letter-1",
            "date": "2024-02-20",
            "from": "doe",
            "to": "acme",
            "method": "letter",
            "requests": ["1-3"],
            "substance": "demand_only",
        }
    ],
)
FED_SANCTIONS = edit(SD, motion__sanctions=SANCTIONS)
ORDERED = edit(SD, prior_orders=[{"kind": "meet_and_confer", "by": "2024-02-15"}])
ED = federal("edcal")
CD = federal("cdcal")
ND = federal("ndcal")
CD_NO_STIP = edit(CD, motion__papers__joint_statement={"filed": False})
SD_CHAMBERS = edit(SD, case__court__standing_orders=["chambers_joint_motion"])
SD_UNILATERAL = edit(SD_CHAMBERS, motion__papers__joint_statement={"filed": False})
NO_AMOUNT = {"requested": True, "against": "acme"}
# the responding party moves for protection before answering: no 251(e) "failure to respond"
ED_PROTECTIVE = edit(
    federal_initial("edcal"),
    motion__kind="protective_order",
    motion__movant="acme",
    motion__opponent="doe",
)
# the movant's phone call, then the opponent's proposal (by letter) that the movant let drop
FED_OFFER = edit(
    SD, conferrals=[{**OFFER["conferrals"][0], "method": "phone"}, OFFER["conferrals"][1]]
)
FED_OFFER_ANSWERED = edit(
    SD,
    conferrals=[
        {**OFFER_ANSWERED["conferrals"][0], "method": "phone"},
        *OFFER_ANSWERED["conferrals"][1:],
    ],
)
WOULD_NOT_JOIN = [
    {"by": "doe", "requirement": "joint_statement", "reason": "opponent_unresponsive"}
]


CASES: dict[str, tuple[Doc, Doc]] = {
    # federal: conferral and certification
    "frcp.meet_confer.required": (SD, CA),
    "frcp.certification.required": (SD, CA),
    "frcp.certification.missing": (NO_CERT, SD),
    "frcp.meet_confer.request_never_raised": (also(SD, motion__requests=["1-4"]), SD),
    "frcp.meet_confer.offer_unanswered": (FED_OFFER, FED_OFFER_ANSWERED),
    "cdcal.joint_stipulation.not_compliant": (
        also(
            CD,
            motion__papers__joint_statement={"filed": True, "compliant": False},
        ),
        CD,
    ),
    "frcp.meet_confer.demands_only": (
        FED_DEMANDS,
        also(FED_DEMANDS, conferrals__0__substance="specific"),
    ),
    "frcp.meet_confer.movant_never_engaged": (also(SD, conferrals=OPPONENT_ONLY["conferrals"]), SD),
    "frcp.meet_confer.court_order_disobeyed": (
        ORDERED,
        also(ORDERED, prior_orders__0__by="2024-03-01"),
    ),
    "frcp.meet_confer.attempt_to_obtain_response": (
        letters_only(SD_INITIAL, answered=False),
        also(SD_INITIAL, conferrals=[]),
    ),
    "frcp.excuse.status_does_not_excuse": (PRISONER, also(SD, parties__doe__counsel=False)),
    "frcp.excuse.stated_excuse_rejected": (
        also(
            NO_CERT,
            excuses=[
                {"by": "doe", "requirement": "meet_and_confer", "reason": "no_telephone_access"}
            ],
        ),
        also(
            SD,
            excuses=[
                {"by": "doe", "requirement": "meet_and_confer", "reason": "no_telephone_access"}
            ],
        ),
    ),
    "frcp.excuse.opponent_unresponsive": (
        also(
            FED_DEMANDS,
            excuses=[
                {"by": "doe", "requirement": "meet_and_confer", "reason": "opponent_unresponsive"}
            ],
        ),
        FED_DEMANDS,
    ),
    # federal: merits
    "frcp.merits.objections_overruled": (also(SD, findings=OVERRULED["findings"]), SD),
    "frcp.merits.objections_sustained": (also(SD, findings=SUSTAINED["findings"]), SD),
    "frcp.merits.objections_unjustified": (SD, also(SD, findings=OVERRULED["findings"])),
    "frcp.merits.response_complete": (
        also(SD, discovery__rfp1__response__default="full_compliance"),
        SD,
    ),
    "frcp.merits.no_response": (SD_INITIAL, SD),
    "frcp.merits.discovery_after_filing": (
        also(
            SD_INITIAL,
            discovery__rfp1__response={
                "served": {"date": "2024-04-01", "method": "electronic"},
                "default": "full_compliance",
            },
        ),
        also(
            SD_INITIAL,
            discovery__rfp1__response={
                "served": {"date": "2024-04-01", "method": "electronic"},
                "default": "objections",
            },
        ),
    ),
    "frcp.admissions.admitted_by_rule": (
        also(SD_INITIAL, motion__kind="deem_admitted", discovery__rfp1__kind="admissions"),
        also(
            SD_INITIAL,
            motion__kind="deem_admitted",
            discovery__rfp1__kind="admissions",
            discovery__rfp1__response={
                "served": {"date": "2024-01-30", "method": "electronic"},
                "default": "answer",
            },
        ),
    ),
    "frcp.attendance.failed_to_appear": (
        also(SD_INITIAL, motion__kind="compel_attendance", discovery__rfp1__kind="deposition"),
        also(SD, motion__kind="compel_attendance", discovery__rfp1__kind="deposition"),
    ),
    "frcp.protective_order.good_cause": (also(SD, motion__kind="protective_order"), SD),
    # federal: orders
    "frcp.order.confer_by_telephone": (PRISONER, also(NO_CERT, parties__doe__counsel=False)),
    "frcp.order.joint_motion_if_impasse": (
        also(PRISONER, case__court__standing_orders=["chambers_joint_motion"]),
        PRISONER,
    ),
    "frcp.order.further_responses": (SD, CA),
    "frcp.order.serve_responses": (SD_INITIAL, SD),
    "frcp.order.produce": (SD_INITIAL, also(SD_INITIAL, discovery__rfp1__kind="interrogatories")),
    "frcp.order.pay_expenses": (FED_SANCTIONS, SD),
    # federal: expenses
    "frcp.expenses.motion_granted": (
        FED_SANCTIONS,
        also(FED_SANCTIONS, findings={"sanctions_unjust": True}),
    ),
    "frcp.expenses.motion_denied": (
        also(NO_CERT, motion__opposition_sanctions=OPPOSITION),
        NO_CERT,
    ),
    "frcp.expenses.apportioned": (
        also(FED_SANCTIONS, findings={"objections": {"overruled": [1], "sustained": [2, 3]}}),
        also(SD, findings={"objections": {"overruled": [1], "sustained": [2, 3]}}),
    ),
    "frcp.expenses.apportioned_not_justified": (
        also(
            FED_SANCTIONS,
            findings={
                "objections": {"overruled": [1], "sustained": [2, 3]},
                "substantial_justification": False,
            },
        ),
        also(FED_SANCTIONS, findings={"objections": {"overruled": [1], "sustained": [2, 3]}}),
    ),
    "frcp.expenses.no_attempt_before_filing": (
        also(FED_SANCTIONS, motion__requests=["1-4"]),
        FED_SANCTIONS,
    ),
    "frcp.expenses.nothing_incurred": (
        also(SD, parties__doe__counsel=False, motion__sanctions=NO_AMOUNT),
        also(SD, motion__sanctions=NO_AMOUNT),
    ),
    "frcp.expenses.substantially_justified": (
        also(FED_SANCTIONS, findings={"substantial_justification": True}),
        FED_SANCTIONS,
    ),
    "frcp.expenses.unjust": (
        also(FED_SANCTIONS, findings={"sanctions_unjust": True}),
        FED_SANCTIONS,
    ),
    # federal: district local rules
    "sdcal.meet_confer.no_conference": (letters_only(SD), SD),
    "ndcal.meet_confer.no_direct_dialogue": (letters_only(ND), ND),
    "ndcal.meet_confer.prisoner_may_confer_in_writing": (
        also(letters_only(ND), parties__doe__incarcerated=True),
        letters_only(ND),
    ),
    "edcal.meet_confer.no_conference": (letters_only(ED), ED),
    "edcal.joint_statement.required": (ED, SD),
    "edcal.joint_statement.missing": (
        also(ED, motion__papers__joint_statement={"filed": False}),
        ED,
    ),
    "edcal.exception.total_failure_to_respond": (federal_initial("edcal"), ED_PROTECTIVE),
    "edcal.exception.no_response_at_all": (federal_initial("edcal"), ED_PROTECTIVE),
    "edcal.exception.prisoner_case": (
        also(ED, parties__doe__incarcerated=True, parties__doe__counsel=False),
        also(ED, parties__doe__incarcerated=True),
    ),
    "edcal.exception.opponent_would_not_cooperate": (
        also(
            ED,
            excuses=[
                {"by": "doe", "requirement": "joint_statement", "reason": "opponent_unresponsive"}
            ],
        ),
        ED,
    ),
    "cdcal.meet_confer.no_conference": (letters_only(CD), CD),
    "cdcal.joint_stipulation.required": (CD, SD),
    "cdcal.joint_stipulation.missing": (CD_NO_STIP, CD),
    "cdcal.joint_stipulation.opponent_did_not_cooperate": (
        also(
            CD_NO_STIP,
            excuses=[
                {"by": "doe", "requirement": "joint_statement", "reason": "opponent_unresponsive"}
            ],
        ),
        CD_NO_STIP,
    ),
    "cdcal.joint_stipulation.letters_unanswered": (
        letters_only(CD_NO_STIP, answered=False),
        letters_only(CD_NO_STIP),
    ),
    "cdcal.joint_stipulation.pro_se_movant_conferred": (
        also(CD_NO_STIP, parties__doe__counsel=False),
        also(letters_only(CD_NO_STIP), parties__doe__counsel=False),
    ),
    # federal: late objections waived; chambers joint submission
    "frcp.merits.untimely_objections_waived": (
        SD,
        also(SD, discovery__rfp1__response__served={"date": "2024-02-05", "method": "electronic"}),
    ),
    "frcp.chambers.joint_submission_required": (SD_CHAMBERS, SD),
    "frcp.chambers.joint_submission_missing": (
        SD_UNILATERAL,
        also(SD_UNILATERAL, excuses=WOULD_NOT_JOIN),
    ),
    "frcp.chambers.opponent_would_not_join": (
        also(SD_UNILATERAL, excuses=WOULD_NOT_JOIN),
        SD_UNILATERAL,
    ),
    "frcp.chambers.order_conference_then_joint_submission": (
        SD_UNILATERAL,
        also(SD_UNILATERAL, parties__doe__counsel=False, parties__doe__incarcerated=True),
    ),
    # response due dates
    "frcp.deadline.response_due": (SD, also(SD, discovery__rfp1__kind="deposition")),
}


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_rule_fires(rule_id: str) -> None:
    check_fires(rule_id, CASES[rule_id][0])


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_rule_near_miss(rule_id: str) -> None:
    check_near_miss(rule_id, CASES[rule_id][1])
