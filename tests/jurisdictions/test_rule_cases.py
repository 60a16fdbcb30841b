"""Every rule has a case that fires it and a near miss, one fact away, that does not.

``CASES`` maps each rule id to (fires, near_miss) case files built from the ordinary cases in
tests/helpers.py. A rule "fires" when one of its firings stands (an exception did not defeat
it). The last test checks that every rule in the rule base is listed here, so a new rule without
its two cases fails the suite, and deleting a rule fails its own test.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from jurisdictions import all_rule_sets
from kb.rules import catalog
from tests.helpers import (
    DELETE,
    ca_deem_admitted,
    ca_further,
    ca_initial,
    edit,
    federal,
    federal_initial,
    fired,
    letters_only,
    run,
    shift_years,
)

Doc = dict[str, Any]

# --- California fact patterns -------------------------------------------------------------

CA = ca_further()
CA_INITIAL = ca_initial()
CA_DEEM = ca_deem_admitted()
NEVER_RAISED = edit(CA, motion__requests=["1-4"])
OFFER = edit(
    CA,
    conferrals=[
        CA["conferrals"][0],
        {
            "id": "reply-1",
            "date": "2024-02-27",
            "from": "acme",
            "to": "doe",
            "method": "letter",
            "replying_to": "letter-1",
            "offers": ["supplement", "protective_order"],
        },
    ],
)
OFFER_ANSWERED = edit(
    OFFER,
    conferrals=[
        *OFFER["conferrals"],
        {
            "id": "letter-2",
            "date": "2024-03-05",
            "from": "doe",
            "to": "acme",
            "method": "letter",
            "replying_to": "reply-1",
            "requests": ["1-3"],
            "substance": "specific",
        },
    ],
)
OPPONENT_ONLY = edit(
    CA,
    conferrals=[
        {
            "id": "letter-9",
            "date": "2024-02-27",
            "from": "acme",
            "to": "doe",
            "method": "letter",
            "requests": ["1-3"],
        }
    ],
)
DEMANDS = edit(
    CA,
    conferrals=[
        {
            "id": "letter-1",
            "date": "2024-02-20",
            "from": "doe",
            "to": "acme",
            "method": "letter",
            "requests": ["1-3"],
            "substance": "demand_only",
        },
        {
            "id": "letter-2",
            "date": "2024-02-27",
            "from": "acme",
            "to": "doe",
            "method": "letter",
            "replying_to": "letter-1",
        },
    ],
)
SPECIFIC = edit(DEMANDS, conferrals__0__substance="specific")
LATE = edit(CA, motion__served__date="2024-05-01")
AGREED = edit(LATE, agreements=[{"kind": "extend_motion_deadline", "until": "2024-05-15"}])
AGREED_TOO_EARLY = edit(
    LATE, agreements=[{"kind": "extend_motion_deadline", "until": "2024-04-15"}]
)
IDC = edit(CA, case__court__standing_orders=["idc_before_discovery_motion"])
IDC_HELD = edit(IDC, informal_conferences=[{"date": "2024-03-01", "held": True}])
JOINT = edit(
    CA,
    case__court__standing_orders=["joint_statement_for_discovery_motions"],
    motion__papers__joint_statement={"filed": False},
)
JOINT_FILED = edit(JOINT, motion__papers__joint_statement={"filed": True})
NO_RESPONSE_FURTHER = edit(CA, discovery__rfp1__response=DELETE)
INITIAL_ANSWERED = edit(
    CA_INITIAL,
    discovery__rog1__response={
        "served": {"date": "2024-02-12", "method": "electronic"},
        "verified": True,
        "default": "answer",
    },
)
INITIAL_UNVERIFIED = edit(INITIAL_ANSWERED, discovery__rog1__response__verified=False)
INITIAL_LATE_OBJECTIONS = edit(
    CA_INITIAL,
    discovery__rog1__response={
        "served": {"date": "2024-04-01", "method": "electronic"},
        "verified": True,
        "default": "objections",
    },
)
INITIAL_LATE_ANSWERS = edit(INITIAL_LATE_OBJECTIONS, discovery__rog1__response__default="answer")
DEEM_ANSWERED = edit(
    CA_DEEM,
    discovery__rfa1__response={
        "served": {"date": "2024-04-01", "method": "electronic"},
        "verified": True,
        "default": "answer",
    },
)
OVERRULED = edit(CA, findings={"objections": {"overruled": ["1-3"]}})
SUSTAINED = edit(CA, findings={"objections": {"sustained": ["1-3"]}})
COMPLETE = edit(CA, discovery__rfp1__response__default="full_compliance")
SUPPLEMENTED = edit(
    CA,
    discovery__rfp1__supplemental=[
        {
            "served": {"date": "2024-04-01", "method": "electronic"},
            "verified": True,
            "items": {1: {"kind": "full_compliance"}},
        }
    ],
)
SANCTIONS = {"requested": True, "against": "acme", "amount": 1500}
OPPOSITION = {"requested": True, "against": "doe", "amount": 900}
CA_SANCTIONS = edit(CA, motion__sanctions=SANCTIONS)
LATE_PRODUCTION = edit(
    CA_SANCTIONS,
    discovery__rfp1__supplemental=[
        {
            "served": {"date": "2024-05-30", "method": "electronic"},
            "verified": True,
            "items": {1: {"kind": "full_compliance"}},
        }
    ],
)
PARTIAL = edit(
    CA,
    conferrals=[edit(CA["conferrals"][0], requests=[1])],
    discovery__rfp1__supplemental=SUPPLEMENTED["discovery"]["rfp1"]["supplemental"],
    motion__opposition_sanctions=OPPOSITION,
)

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


def also(doc: Doc, **changes: Any) -> Doc:
    return edit(doc, **changes)


CASES: dict[str, tuple[Doc, Doc]] = {
    # California: who must confer
    "ca.meet_confer.required": (CA, CA_INITIAL),
    "ca.meet_confer.declaration_required": (CA, CA_INITIAL),
    "ca.meet_confer.not_required_initial": (CA_INITIAL, CA),
    "ca.meet_confer.not_required_compliance": (also(CA, motion__kind="compel_compliance"), CA),
    # California: what fails the test
    "ca.meet_confer.declaration_missing": (
        also(CA, motion__papers__meet_and_confer_declaration={"filed": False}),
        CA,
    ),
    "ca.meet_confer.request_never_raised": (NEVER_RAISED, CA),
    "ca.meet_confer.offer_unanswered": (OFFER, OFFER_ANSWERED),
    "ca.meet_confer.movant_never_engaged": (OPPONENT_ONLY, CA),
    "ca.meet_confer.demand_only": (DEMANDS, SPECIFIC),
    # California: timeliness
    "ca.timeliness.notice_deadline": (CA, CA_INITIAL),
    "ca.timeliness.notice_late": (LATE, CA),
    "ca.timeliness.extended_in_writing": (AGREED, AGREED_TOO_EARLY),
    # California: department procedures
    "ca.idc.required_by_department": (IDC, CA),
    "ca.idc.authorized_by_2016_080": (shift_years(IDC, -3), IDC),
    "ca.idc.not_held": (IDC, IDC_HELD),
    "ca.joint_statement.required_by_department": (JOINT, CA),
    "ca.joint_statement.not_filed": (JOINT, JOINT_FILED),
    # California: separate statement
    "ca.separate_statement.required": (CA, CA_INITIAL),
    "ca.separate_statement.not_required_no_response": (NO_RESPONSE_FURTHER, CA),
    "ca.separate_statement.missing": (
        also(CA, motion__papers__separate_statement={"filed": False}),
        CA,
    ),
    "ca.separate_statement.not_full_and_complete": (
        also(
            CA,
            motion__papers__separate_statement={
                "filed": True,
                "compliant": False,
                "defects": ["not_full_text"],
            },
        ),
        CA,
    ),
    # California: initial responses and admissions
    "ca.initial.no_response": (CA_INITIAL, INITIAL_ANSWERED),
    "ca.initial.unverified_response": (INITIAL_UNVERIFIED, INITIAL_ANSWERED),
    "ca.initial.late_response_with_objections": (INITIAL_LATE_OBJECTIONS, CA_INITIAL),
    "ca.initial.late_response_moots": (INITIAL_LATE_ANSWERS, INITIAL_LATE_OBJECTIONS),
    "ca.initial.response_was_served": (INITIAL_ANSWERED, CA_INITIAL),
    "ca.rfa.deemed_admitted": (CA_DEEM, DEEM_ANSWERED),
    "ca.rfa.response_before_hearing": (DEEM_ANSWERED, CA_DEEM),
    # California: merits
    "ca.merits.objections_overruled": (OVERRULED, CA),
    "ca.merits.objections_sustained": (SUSTAINED, CA),
    "ca.merits.good_cause_not_shown": (
        also(CA, findings={"good_cause": False}),
        also(CA, findings={"good_cause": True}),
    ),
    "ca.merits.objections_unjustified": (CA, OVERRULED),
    "ca.merits.response_complete": (COMPLETE, CA),
    "ca.merits.supplemental_response_moots": (
        SUPPLEMENTED,
        also(SUPPLEMENTED, discovery__rfp1__supplemental__0__verified=False),
    ),
    "ca.merits.protective_order_good_cause": (also(CA, motion__kind="protective_order"), CA),
    # California: orders
    "ca.order.further_responses": (CA, CA_INITIAL),
    "ca.order.serve_responses": (CA_INITIAL, CA),
    "ca.order.meet_and_confer": (DEMANDS, SPECIFIC),
    "ca.order.informal_discovery_conference": (IDC, IDC_HELD),
    "ca.order.joint_statement": (JOINT, JOINT_FILED),
    "ca.order.pay_sanctions": (CA_SANCTIONS, CA),
    # California: sanctions
    "ca.sanctions.further_opponent_lost": (
        CA_SANCTIONS,
        also(CA_SANCTIONS, findings={"substantial_justification": True}),
    ),
    "ca.sanctions.further_movant_lost": (also(LATE, motion__opposition_sanctions=OPPOSITION), LATE),
    "ca.sanctions.failure_to_confer": (
        also(NEVER_RAISED, motion__opposition_sanctions=OPPOSITION),
        also(CA, motion__opposition_sanctions=OPPOSITION),
    ),
    "ca.sanctions.initial_opponent_lost": (
        also(CA_INITIAL, motion__sanctions=SANCTIONS),
        CA_INITIAL,
    ),
    "ca.sanctions.admissions_mandatory": (also(CA_DEEM, motion__sanctions=SANCTIONS), CA_DEEM),
    "ca.sanctions.late_production_2023_050": (
        LATE_PRODUCTION,
        also(LATE_PRODUCTION, discovery__rfp1__supplemental__0__served__date="2024-05-01"),
    ),
    "ca.sanctions.failure_to_confer_2023_050": (
        also(NEVER_RAISED, motion__opposition_sanctions=OPPOSITION),
        shift_years(also(NEVER_RAISED, motion__opposition_sanctions=OPPOSITION), -1),
    ),
    "ca.sanctions.substantially_justified": (
        also(CA_SANCTIONS, findings={"substantial_justification": True}),
        CA_SANCTIONS,
    ),
    "ca.sanctions.unjust": (also(CA_SANCTIONS, findings={"sanctions_unjust": True}), CA_SANCTIONS),
    "ca.sanctions.partial_success": (PARTIAL, also(PARTIAL, discovery__rfp1__supplemental=[])),
    # the record (both systems)
    "common.record.request_not_raised": (NEVER_RAISED, CA),
    "common.record.offer_unanswered": (OFFER, OFFER_ANSWERED),
    "common.record.paper_not_filed": (
        also(CA, motion__papers__meet_and_confer_declaration={"filed": False}),
        CA,
    ),
    "common.record.paper_not_stated": (also(CA, motion__papers={}), CA),
    "common.record.no_informal_conference": (IDC, IDC_HELD),
    "common.record.no_response": (CA_INITIAL, CA),
    # federal: conferral and certification
    "frcp.meet_confer.required": (SD, CA),
    "frcp.certification.required": (SD, CA),
    "frcp.certification.missing": (NO_CERT, SD),
    "frcp.meet_confer.request_never_raised": (also(SD, motion__requests=["1-4"]), SD),
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
    "frcp.expenses.no_attempt_before_filing": (
        also(FED_SANCTIONS, motion__requests=["1-4"]),
        FED_SANCTIONS,
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
    "edcal.exception.total_failure_to_respond": (federal_initial("edcal"), ED),
    "edcal.exception.no_response_at_all": (federal_initial("edcal"), ED),
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
}

ALWAYS: dict[str, str] = {
    "common.disposition.request": "every request at issue receives a disposition",
    "common.disposition.motion": "every motion receives a disposition",
}
"""Rules that fire in every case by design (they aggregate); checked to fire, no near miss."""


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_rule_fires(rule_id: str) -> None:
    fires, _ = CASES[rule_id]
    _, result = run(fires)
    assert rule_id in fired(result), f"{rule_id} did not fire; fired: {sorted(fired(result))}"


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_rule_near_miss(rule_id: str) -> None:
    _, near_miss = CASES[rule_id]
    _, result = run(near_miss)
    assert rule_id not in fired(result), f"{rule_id} fired on its near miss"


@pytest.mark.parametrize("rule_id", sorted(ALWAYS))
@pytest.mark.parametrize("builder", [ca_further, ca_initial, lambda: federal("edcal")])
def test_aggregating_rules_always_fire(rule_id: str, builder: Callable[[], Doc]) -> None:
    _, result = run(builder())
    assert rule_id in fired(result)


def test_every_rule_has_its_cases() -> None:
    every = {entry["id"] for entry in catalog(all_rule_sets())}
    missing = sorted(every - set(CASES) - set(ALWAYS))
    stale = sorted((set(CASES) | set(ALWAYS)) - every)
    assert not missing, f"rules without a firing case and a near miss: {missing}"
    assert not stale, f"cases for rules that no longer exist: {stale}"
