"""The pre-filing checklist (engine/checklist.py): met, not met, unknown, not required."""

from __future__ import annotations

from typing import Any

from engine.checklist import checklist_items
from tests.helpers import ca_further, ca_initial, edit, federal, letters_only, run


def items(doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    _, result = run(doc)
    return {i["id"]: i for i in checklist_items(result)}


def test_an_ordinary_motion_meets_every_requirement_with_the_facts_behind_it() -> None:
    found = items(ca_further())
    assert {i["status"] for i in found.values()} == {"met"}
    confer = found["concl:requirement:meet_and_confer:rfp1"]
    assert [b["node"] for b in confer["because"]] == [
        "fact:conferral:letter-1",
        "fact:conferral:call-1",
    ]
    paper = found["concl:requirement:separate_statement"]["because"][0]
    assert paper["path"] == "motion.papers.separate_statement"
    assert "concl:deadline:motion_notice:rfp1" in found


def test_a_paper_stated_as_not_filed_is_not_met_with_its_absence_and_ground() -> None:
    doc = edit(ca_further(), motion__papers__separate_statement={"filed": False, "record": "X"})
    item = items(doc)["concl:requirement:separate_statement"]
    assert item["status"] == "not_met"
    kinds = [(b["kind"], b.get("rule")) for b in item["because"]]
    assert kinds == [
        ("absence", "common.record.paper_not_filed"),
        ("ground", "ca.separate_statement.missing"),
    ]
    assert item["because"][0]["record"] == "X"


def test_a_paper_the_file_does_not_mention_is_unknown() -> None:
    item = items(edit(ca_further(), motion__papers={}))["concl:requirement:separate_statement"]
    assert item["status"] == "unknown"
    assert item["because"][0]["kind"] == "question"


def test_an_exception_makes_a_requirement_not_required() -> None:
    found = items(ca_initial())
    exempt = [i for i in found.values() if i["status"] == "not_required"]
    assert exempt, found
    assert all(b["kind"] == "exemption" for i in exempt for b in i["because"])


def test_local_rule_steps_show_in_the_conferral_item() -> None:
    found = items(letters_only(federal("sdcal")))
    item = found["concl:requirement:meet_and_confer:rfp1"]
    assert item["status"] == "not_met"
    assert [b["rule"] for b in item["because"]] == ["sdcal.meet_confer.no_conference"]
    assert item["because"][0]["requests"] == ["rfp1:1", "rfp1:2", "rfp1:3"]


def test_a_late_motion_fails_its_timeliness_item_and_an_extension_exempts_it() -> None:
    late = edit(ca_further(), motion__served__date="2024-05-01")
    item = items(late)["concl:deadline:motion_notice:rfp1"]
    assert item["status"] == "not_met"
    assert item["because"][0]["rule"] == "ca.timeliness.notice_late"
    agreed = edit(late, agreements=[{"kind": "extend_motion_deadline", "until": "2024-05-15"}])
    assert items(agreed)["concl:deadline:motion_notice:rfp1"]["status"] == "not_required"


def test_grounds_no_requirement_explains_are_listed_as_other_items() -> None:
    doc = edit(federal("sdcal"), prior_orders=[{"kind": "meet_and_confer", "by": "2024-02-15"}])
    other = items(doc)["other:frcp.meet_confer.court_order_disobeyed"]
    assert other["status"] == "not_met" and other["requirement"] == "conferral"
