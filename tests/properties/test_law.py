"""Invariants the law states outright, checked on generated cases.

These are the properties that catch a rule saying the wrong thing (a ground with the opposite
effect, a deadline that lands on a holiday), where the example tables only check that a rule
fires: tests/properties/test_wrong_rule.py shows one such rule caught here.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import given

from kb.facts import Deadline, Finding, Request
from kb.testing import case_files
from tests.properties.support import Doc, decide, decided_at, load

FIXED_HOLIDAYS = ((1, 1), (2, 12), (3, 31), (7, 4), (11, 11), (12, 25))
"""California judicial holidays on fixed dates (CCP 135, Gov. Code 6700): a last day to act
never falls on one (nor on a weekend); written out here, independently of the rules' calendar."""


def no_one_raised_it_so_not_granted(doc: Doc) -> None:
    """CCP 2016.040, FRCP 37(a)(1): no attempt at resolving a request, no order compelling it."""
    decision, result = decide(doc)
    for fact in result.live(Request):
        if not fact["exchange"]:
            assert decision.requests[fact["request"]].disposition != "granted", fact["request"]


@given(case_files(motion="compel_further", never_raised=True))
def test_a_request_no_one_raised_is_never_granted(doc: Doc) -> None:
    no_one_raised_it_so_not_granted(doc)


@given(case_files(motion="compel_further", findings=True))
def test_sustained_objections_are_never_overcome(doc: Doc) -> None:
    decision, _ = decide(doc)
    for ref in load(doc).sustained:
        assert decision.requests[str(ref)].disposition != "granted", str(ref)


@given(case_files(motion="compel_further", findings=True))
def test_overruled_objections_win_on_the_merits(doc: Doc) -> None:
    decision, result = decide(doc)
    no_good_cause = any(
        f["finding"] == "good_cause" and f["value"] is False for f in result.live(Finding)
    )
    for ref in load(doc).overruled:
        request = str(ref)
        if decided_at(result, request) == "merits" and not (
            no_good_cause and ref.set_id.startswith("rfp")
        ):
            assert decision.requests[request].disposition == "granted", request


@given(case_files())
def test_the_motion_is_decided_as_its_requests_are(doc: Doc) -> None:
    decision, _ = decide(doc)
    decided = {o.disposition for o in decision.requests.values()} - {"moot"}
    if "undetermined" in decided:
        assert decision.disposition == "undetermined"
    elif decided == {"granted"}:
        assert decision.disposition == "granted"
    elif "granted" in decided:
        assert decision.disposition == "granted_in_part"
    elif not decided:
        assert decision.disposition == "moot"
    else:
        assert decision.disposition in decided


@given(case_files(system="california", motion="compel_further", near_deadline=True))
def test_the_last_day_to_move_is_a_court_day_at_least_45_days_out(doc: Doc) -> None:
    decision, result = decide(doc)
    served = load(doc).model.motion.served.date
    for deadline in result.live(Deadline):
        last, start = deadline["last_day"], deadline["start"]
        assert last >= start + dt.timedelta(days=45)
        assert last.weekday() < 5, f"{last} is a weekend day"
        assert (last.month, last.day) not in FIXED_HOLIDAYS, f"{last} is a court holiday"
        assert last.month != 6 or last.day != 19 or last.year < 2023, f"{last} is Juneteenth"
        late = "ca.timeliness.notice_late"
        requests = [r for r in decision.requests if r.startswith(f"{deadline['set']}:")]
        if served <= start + dt.timedelta(days=45):
            assert all(late not in decision.requests[r].grounds for r in requests)
        if served > last:
            assert all(decision.requests[r].disposition == "denied" for r in requests) or any(
                f.node_id().startswith("concl:exemption:timely_notice")
                for f in result.facts.values()
            )
