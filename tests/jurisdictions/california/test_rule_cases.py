"""California rules: a case that fires each one and a near miss, one fact away, that does not.

A rule "fires" when one of its firings stands (no exception defeated it). The record rules of
jurisdictions/common are listed here too, on California facts.
"""

from __future__ import annotations

import pytest

from kb.facts import OpenQuestion
from tests.helpers import (
    DELETE,
    ca_deem_admitted,
    ca_further,
    ca_initial,
    edit,
    run,
    shift_years,
)
from tests.jurisdictions.rule_cases import Doc, also, check_fires, check_near_miss

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
IDC_PENDING = edit(IDC, informal_conferences=[{"date": "2024-06-20", "held": False}])
DEFICIENT_DECLARATION = edit(
    CA, motion__papers__meet_and_confer_declaration={"filed": True, "compliant": False}
)
DEPO = edit(
    CA,
    discovery={
        "dep1": {
            "kind": "deposition",
            "set": 1,
            "from": "doe",
            "to": "acme",
            "served": {"date": "2024-02-01", "method": "electronic"},
            "scheduled": "2024-02-20",
            "requests": [1],
        }
    },
    motion__kind="compel_attendance",
    motion__requests="all",
    motion__papers={"meet_and_confer_declaration": {"filed": True}},
    conferrals=[
        {
            "id": "email-1",
            "date": "2024-02-22",
            "from": "doe",
            "to": "acme",
            "method": "email",
            "requests": "all",
            "record": "Doe Decl. ¶ 5",
        }
    ],
)
DEPO_NO_INQUIRY = edit(DEPO, conferrals__0__date="2024-02-10")
DEPO_OBJECTED = edit(
    DEPO,
    discovery__dep1__response={
        "served": {"date": "2024-02-15", "method": "electronic"},
        "default": "objections",
    },
)
DEPO_FURTHER = edit(
    DEPO,
    discovery__dep1__scheduled=DELETE,
    discovery__dep1__response={
        "served": {"date": "2024-02-20", "method": "personal"},
        "default": "objections",
    },
    motion__kind="compel_further",
    motion__papers={
        "meet_and_confer_declaration": {"filed": True},
        "separate_statement": {"filed": True},
    },
)
DEPO_FURTHER_LATE = edit(DEPO_FURTHER, motion__served__date="2024-04-23")
COMPLIANCE = edit(
    CA, motion__kind="compel_compliance", discovery__rfp1__response__default="full_compliance"
)
COMPLIANCE_OBJECTIONS = edit(COMPLIANCE, discovery__rfp1__response__default="objections")
COMPLIANCE_PRODUCED = edit(
    COMPLIANCE,
    discovery__rfp1__supplemental=[
        {
            "served": {"date": "2024-04-01", "method": "electronic"},
            "verified": True,
            "items": {n: {"kind": "full_compliance"} for n in (1, 2, 3)},
        }
    ],
)
DEEM_TIMELY = edit(DEEM_ANSWERED, discovery__rfa1__response__served__date="2024-02-08")
PROTECTIVE = edit(
    CA,
    motion__kind="protective_order",
    motion__movant="acme",
    motion__opponent="doe",
    findings={"good_cause": True},
)
PROTECTIVE_DENIED = edit(PROTECTIVE, findings={"good_cause": False})
PRO_SE_RESPONDER = edit(LATE_PRODUCTION, parties__acme__counsel=False)
PARTIAL = edit(
    CA,
    conferrals=[edit(CA["conferrals"][0], requests=[1])],
    discovery__rfp1__supplemental=SUPPLEMENTED["discovery"]["rfp1"]["supplemental"],
    motion__opposition_sanctions=OPPOSITION,
)

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
    "ca.meet_confer.declaration_deficient": (DEFICIENT_DECLARATION, CA),
    "ca.meet_confer.reporter_statement": (shift_years(CA, 2), CA),
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
    "ca.idc.pending": (IDC_PENDING, IDC),
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
    "ca.rfa.response_timely": (DEEM_TIMELY, DEEM_ANSWERED),
    # California: depositions (CCP 2025.450, 2025.480)
    "ca.deposition.inquiry_required": (DEPO, CA),
    "ca.deposition.record_no_inquiry": (DEPO_NO_INQUIRY, DEPO),
    "ca.deposition.no_inquiry": (DEPO_NO_INQUIRY, DEPO),
    "ca.deposition.failed_to_appear": (DEPO, DEPO_OBJECTED),
    "ca.deposition.objection_not_valid": (DEPO_OBJECTED, DEPO),
    "ca.deposition.objection_valid": (
        also(DEPO_OBJECTED, findings={"objections": {"sustained": [1]}}),
        DEPO_OBJECTED,
    ),
    "ca.deposition.record_deadline": (DEPO_FURTHER, DEPO),
    "ca.deposition.motion_late": (DEPO_FURTHER_LATE, DEPO_FURTHER),
    # California: compelling compliance (CCP 2031.320)
    "ca.compliance.statement_not_honored": (COMPLIANCE, COMPLIANCE_OBJECTIONS),
    "ca.compliance.produced_after_motion": (COMPLIANCE_PRODUCED, COMPLIANCE),
    "ca.compliance.no_statement_of_compliance": (COMPLIANCE_OBJECTIONS, COMPLIANCE),
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
    "ca.order.informal_discovery_conference": (IDC_PENDING, IDC),
    "ca.order.produce": (COMPLIANCE, COMPLIANCE_OBJECTIONS),
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
    "ca.sanctions.rfa_response_timely": (
        also(DEEM_TIMELY, motion__sanctions=SANCTIONS),
        also(DEEM_ANSWERED, motion__sanctions=SANCTIONS),
    ),
    "ca.sanctions.initial_movant_lost": (
        also(INITIAL_ANSWERED, motion__opposition_sanctions=OPPOSITION),
        also(CA_INITIAL, motion__opposition_sanctions=OPPOSITION),
    ),
    "ca.sanctions.compliance_opponent_lost": (
        also(COMPLIANCE, motion__sanctions=SANCTIONS),
        COMPLIANCE,
    ),
    "ca.sanctions.compliance_movant_lost": (
        also(COMPLIANCE_OBJECTIONS, motion__opposition_sanctions=OPPOSITION),
        also(COMPLIANCE, motion__opposition_sanctions=OPPOSITION),
    ),
    "ca.sanctions.protective_order_opponent_lost": (
        also(PROTECTIVE, motion__sanctions={"requested": True, "against": "doe"}),
        also(PROTECTIVE_DENIED, motion__sanctions={"requested": True, "against": "doe"}),
    ),
    "ca.sanctions.protective_order_movant_lost": (
        also(
            PROTECTIVE_DENIED, motion__opposition_sanctions={"requested": True, "against": "acme"}
        ),
        also(PROTECTIVE, motion__opposition_sanctions={"requested": True, "against": "acme"}),
    ),
    "ca.sanctions.deposition_compelled": (
        also(DEPO, motion__sanctions=SANCTIONS),
        also(DEPO_NO_INQUIRY, motion__sanctions=SANCTIONS),
    ),
    "ca.sanctions.movant_named_no_one": (
        also(CA, motion__sanctions={"requested": True, "amount": 1500}),
        CA_SANCTIONS,
    ),
    "ca.sanctions.opponent_named_no_one": (
        also(LATE, motion__opposition_sanctions={"requested": True, "amount": 900}),
        also(LATE, motion__opposition_sanctions=OPPOSITION),
    ),
    "ca.sanctions.pro_se_good_faith_producing": (PRO_SE_RESPONDER, LATE_PRODUCTION),
    "ca.sanctions.pro_se_good_faith_movant": (
        also(NEVER_RAISED, motion__opposition_sanctions=OPPOSITION, parties__doe__counsel=False),
        also(NEVER_RAISED, motion__opposition_sanctions=OPPOSITION),
    ),
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
    # California: response due dates
    "ca.deadline.response_due": (CA, also(CA, discovery__rfp1__kind="deposition")),
    # the record (both systems)
    "common.deadline.prior_order": (
        also(CA, prior_orders=[{"kind": "meet_and_confer", "by": "2024-02-15"}]),
        also(CA, prior_orders=[{"kind": "meet_and_confer"}]),
    ),
    "common.record.request_not_raised": (NEVER_RAISED, CA),
    "common.record.offer_unanswered": (OFFER, OFFER_ANSWERED),
    "common.record.paper_not_filed": (
        also(CA, motion__papers__meet_and_confer_declaration={"filed": False}),
        CA,
    ),
    "common.record.paper_not_stated": (also(CA, motion__papers={}), CA),
    "common.record.no_informal_conference": (IDC, IDC_HELD),
    "common.record.no_response": (CA_INITIAL, CA),
}


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_rule_fires(rule_id: str) -> None:
    check_fires(rule_id, CASES[rule_id][0])


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_rule_near_miss(rule_id: str) -> None:
    check_near_miss(rule_id, CASES[rule_id][1])


def test_two_open_questions_about_one_declaration() -> None:
    """Whether a declaration was filed and whether it speaks of a court reporter are separate
    open questions: with neither in the case file, both are asked (once this raised a
    rule-contract error, as both used one finding; found by the property tests' generator)."""
    doc = shift_years(CA, 2)
    doc["motion"].pop("papers", None)
    _, result = run(doc)
    findings = {f["finding"] for f in result.live(OpenQuestion)}
    assert {
        "motion.papers.meet_and_confer_declaration",
        "motion.papers.meet_and_confer_declaration.reporter_statement",
    } <= findings


def test_a_written_extension_does_nothing_for_a_deposition_motion() -> None:
    """CCP 2025.480(b) has no written-extension clause (the 45-day statutes do): an agreement
    to extend does not fire ca.timeliness.extended_in_writing on a deposition-only motion.
    Found by the property that every firing cites an authority that resolves."""
    doc = {
        "format": 1,
        "case": {
            "title": "Rivera v. Westfield Motors LLC",
            "number": "12STCV00001",
            "court": {"system": "california", "county": "Los Angeles", "department": "1"},
            "decided": "2012-02-21",
        },
        "parties": {
            "rivera": {"name": "Maria Rivera", "side": "plaintiff", "counsel": True},
            "westfield": {"name": "Westfield Motors LLC", "side": "defendant", "counsel": True},
        },
        "discovery": {
            "depo1": {
                "kind": "deposition",
                "set": 1,
                "from": "rivera",
                "to": "westfield",
                "served": {"date": "2012-01-01", "method": "electronic"},
                "requests": [1, 2],
                "response": {
                    "served": {"date": "2012-01-26", "method": "electronic"},
                    "default": "objections",
                },
            }
        },
        "motion": {
            "kind": "compel_further",
            "movant": "rivera",
            "opponent": "westfield",
            "served": {"date": "2012-02-05", "method": "electronic"},
            "requests": [1],
            "papers": {
                "meet_and_confer_declaration": {"filed": True},
                "separate_statement": {"filed": True},
            },
        },
        "agreements": [
            {"kind": "extend_motion_deadline", "until": "2012-03-16", "record": "Ex. 5"}
        ],
    }
    check_near_miss("ca.timeliness.extended_in_writing", doc)
    # the same agreement on written discovery does extend the time
    written = edit(doc, discovery__depo1__kind="production")
    check_fires("ca.timeliness.extended_in_writing", written)


def test_a_supplemental_response_found_deficient_moots_nothing() -> None:
    """A verified supplemental answer served after the motion moots it, unless the court, hearing
    the motion as to the supplemental response (Sinaiko), overrules it as still deficient: then
    the merits ground decides and a further response is compelled (Grecco v. Higbee, OCSC 2022).
    """
    found_deficient = edit(SUPPLEMENTED, findings={"objections": {"overruled": ["1-3"]}})
    check_near_miss("ca.merits.supplemental_response_moots", found_deficient)
    check_fires("ca.merits.objections_overruled", found_deficient)
