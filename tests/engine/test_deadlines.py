"""Response due dates (CCP 2030.260/2031.260/2033.250; FRCP 33/34/36 with Rule 6), order
compliance dates, and the deadlines report (engine/deadlines.py)."""

from __future__ import annotations

from typing import Any

import pytest

from engine.deadlines import deadline_entries
from tests.helpers import DELETE, ca_further, edit, federal, run


def entries(doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    _, result = run(doc)
    return {e["id"]: e for e in deadline_entries(result)}


def served(doc: dict[str, Any], date: str, method: str) -> dict[str, Any]:
    return edit(doc, discovery__rfp1__served={"date": date, "method": method})


@pytest.mark.parametrize(
    ("date", "method", "last_day"),
    [
        # 2024-01-08 + 30 = Wed 2024-02-07; personal service adds nothing
        ("2024-01-08", "personal", "2024-02-07"),
        # + 5 calendar days by mail (CCP 1013(a)) = Mon 2024-02-12, Lincoln Day: Tue 02-13
        ("2024-01-08", "mail", "2024-02-13"),
        # + 2 court days by electronic service (CCP 1010.6(a)(3)(B)): Thu 2024-02-08, Fri 02-09
        ("2024-01-08", "electronic", "2024-02-09"),
        # 2024-01-13 + 30 = Mon 2024-02-12, Lincoln Day: next court day Tue 2024-02-13
        ("2024-01-13", "personal", "2024-02-13"),
    ],
)
def test_california_response_due(date: str, method: str, last_day: str) -> None:
    entry = entries(served(ca_further(), date, method))["concl:deadline:response_due:rfp1"]
    assert entry["last_day"] == last_day
    assert entry["steps"][0].startswith(f"{date} + 30 days")
    assert entry["authorities"][0]["id"] == "ccp:2031.260(a)"


@pytest.mark.parametrize(
    ("kind", "authority"),
    [
        ("interrogatories", "ccp:2030.260(a)"),
        ("form_interrogatories", "ccp:2030.260(a)"),
        ("admissions", "ccp:2033.250(a)"),
    ],
)
def test_california_response_due_cites_the_section_for_the_device(
    kind: str, authority: str
) -> None:
    entry = entries(edit(ca_further(), discovery__rfp1__kind=kind))
    assert entry["concl:deadline:response_due:rfp1"]["authorities"][0]["id"] == authority


@pytest.mark.parametrize(
    ("date", "method", "last_day"),
    [
        # 2024-01-08 + 30 = Wed 2024-02-07; electronic service no longer adds days (2016-12-01)
        ("2024-01-08", "electronic", "2024-02-07"),
        # by mail, Rule 6(d) adds 3 days after the period would otherwise expire: Sat 02-10,
        # which rolls to Mon 2024-02-12, Lincoln Day in California (Rule 6(a)(6)(C)): Tue 02-13
        ("2024-01-08", "mail", "2024-02-13"),
        # before 2016-12-01 electronic service added 3 days too: 2015-03-02 + 30 = Wed 04-01,
        # + 3 = Sat 04-04, rolls to Mon 2015-04-06
        ("2015-03-02", "electronic", "2015-04-06"),
        # 2017-03-01 + 30 = Fri 2017-03-31, Cesar Chavez Day: Mon 04-03, + 3 by mail = Thu 04-06
        ("2017-03-01", "mail", "2017-04-06"),
    ],
)
def test_federal_response_due(date: str, method: str, last_day: str) -> None:
    doc = served(federal("sdcal"), date, method)
    entry = entries(doc)["concl:deadline:response_due:rfp1"]
    assert entry["last_day"] == last_day, entry["steps"]
    assert entry["authorities"][0]["id"] == "frcp:34(b)(2)(A)"


def test_status_compares_the_case_files_own_date() -> None:
    doc = served(ca_further(), "2024-01-08", "personal")
    late = entries(doc)["concl:deadline:response_due:rfp1"]  # response served 2024-02-12
    assert (late["status"], late["days_late"], late["actual"]) == ("late", 5, "2024-02-12")
    on_time = entries(edit(doc, discovery__rfp1__response__served__date="2024-02-07"))
    assert on_time["concl:deadline:response_due:rfp1"]["status"] == "met"
    initial = edit(doc, discovery__rfp1__response=DELETE, motion__kind="compel_initial")
    assert entries(initial)["concl:deadline:response_due:rfp1"]["status"] == "not_done"


def test_motion_notice_deadline_is_listed_and_a_written_extension_sets_it_aside() -> None:
    late = edit(ca_further(), motion__served__date="2024-05-01")
    entry = entries(late)["concl:deadline:motion_notice:rfp1"]
    assert entry["status"] == "late" and entry["governs"] == "motion.served.date"
    agreed = edit(late, agreements=[{"kind": "extend_motion_deadline", "until": "2024-05-15"}])
    excused = entries(agreed)["concl:deadline:motion_notice:rfp1"]["excused_by"]
    assert excused and "agreed in writing" in excused[0]


def test_prior_order_compliance_date() -> None:
    doc = edit(ca_further(), prior_orders=[{"kind": "meet_and_confer", "by": "2024-02-15"}])
    entry = entries(doc)["concl:deadline:order_compliance:prior_orders[0]"]
    assert entry["last_day"] == "2024-02-15" and entry["status"] == "fixed"


def test_deadlines_are_sorted_by_last_day() -> None:
    days = [e["last_day"] for e in entries(ca_further()).values()]
    assert days == sorted(days)
