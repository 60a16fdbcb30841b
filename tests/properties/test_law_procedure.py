"""What the law says about the procedure: which motion lies, papers, deadlines, admissions,
and how a motion's disposition follows its requests."""

from __future__ import annotations

import copy
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kb.facts import Deadline
from kb.testing import case_files
from tests.properties.support import (
    Doc,
    decide,
    decided_at,
    iso,
    load,
    on_the_merits,
    standing,
    with_paper,
)

FIXED_HOLIDAYS = ((1, 1), (2, 12), (3, 31), (7, 4), (11, 11), (12, 25))
"""California judicial holidays on fixed dates (CCP 135, Gov. Code 6700): a last day to act
never falls on one (nor on a weekend); written out here, independently of the rules' calendar."""


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
    exempt = any(e["requirement"] == "timely_notice" for e in standing(result, "Exemption"))
    for deadline in result.live(Deadline):
        if deadline["deadline"] != "motion_notice":
            continue  # e.g. the day the response was due: another period, tested elsewhere
        last, start = deadline["last_day"], deadline["start"]
        assert last >= start + dt.timedelta(days=45)
        assert last.weekday() < 5, f"{last} is a weekend day"
        assert (last.month, last.day) not in FIXED_HOLIDAYS, f"{last} is a court holiday"
        assert (last.month, last.day) != (6, 19) or last.year < 2023, f"{last} is Juneteenth"
        requests = [r for r in decision.requests if r.startswith(f"{deadline['set']}:")]
        late = ["ca.timeliness.notice_late" in decision.requests[r].grounds for r in requests]
        if served <= start + dt.timedelta(days=45):
            assert not any(late)
        if served > last and not exempt:
            assert all(decision.requests[r].disposition == "denied" for r in requests)


def _respond(doc: Doc, how: str) -> Doc:
    """A copy of ``doc`` where every set was answered as ``how`` says, relative to the motion."""
    out = copy.deepcopy(doc)
    served = iso(doc["motion"]["served"]["date"])
    for dset in out["discovery"].values():
        dset.pop("supplemental", None)
        before = iso(dset["served"]["date"]) + (served - iso(dset["served"]["date"])) / 2
        response = {"served": {"date": before.isoformat(), "method": "electronic"}}
        if how == "none":
            dset.pop("response", None)
            continue
        if how == "verified":
            response.update(verified=True, default="answer")
        elif how == "unverified":
            response.update(verified=False, default="answer")
        elif how == "objections_only":
            response.update(default="objections")
        else:  # after the motion, with objections
            after = served + dt.timedelta(days=3)
            response = {"served": {"date": after.isoformat(), "method": "electronic"}}
            response.update(verified=True, default="objections")
            decided = max(iso(out["case"]["decided"]), after)
            out["case"]["decided"] = decided.isoformat()
        dset["response"] = response
    return out


@given(
    case_files(system="california", motion="compel_initial"),
    st.sampled_from(["none", "unverified", "late_with_objections", "verified", "objections_only"]),
)
def test_a_motion_to_compel_responses_lies_only_without_a_response(doc: Doc, how: str) -> None:
    """CCP 2030.290, 2031.300: the motion lies against a party that failed to serve a timely
    response; an unverified one is no response (Appleton), nor are objections served only after
    the motion. A party that did respond is reached by a motion to compel further responses."""
    decision, result = decide(_respond(on_the_merits(doc), how))
    for request, outcome in decision.requests.items():
        if how in ("verified", "objections_only"):
            assert outcome.disposition != "granted", request
        elif decided_at(result, request) == "merits":
            assert outcome.disposition == "granted", request


@given(
    case_files(motion="deem_admitted"),
    st.sampled_from(["none", "unverified", "verified"]),
)
def test_unanswered_admissions_are_deemed_admitted(doc: Doc, how: str) -> None:
    """CCP 2033.280(b)-(c): matters are deemed admitted unless a verified, substantially
    compliant response is served before the hearing (St. Mary); FRCP 36(a)(3): a matter is
    admitted unless answered within 30 days."""
    answered = _respond(on_the_merits(doc), how)
    federal = doc["case"]["court"]["system"] == "federal"
    if federal:
        for dset in answered["discovery"].values():
            if "response" in dset:  # answered within the 30 days, or not at all
                served = iso(dset["served"]["date"]) + dt.timedelta(days=20)
                dset["response"]["served"]["date"] = served.isoformat()
    decision, result = decide(answered)
    for request, outcome in decision.requests.items():
        admitted = how == "none" or (how == "unverified" and not federal)
        if admitted and decided_at(result, request) == "merits":
            assert outcome.disposition == "granted", request
        if not admitted and not federal:
            assert outcome.disposition != "granted", request


@given(case_files(system="california", motion="compel_further"))
def test_no_separate_statement_no_further_responses(doc: Doc) -> None:
    """CRC 3.1345(a): a motion to compel further responses needs a separate statement (unless
    no response was served at all); without it the court may deny it (Mills)."""
    decision, result = decide(with_paper(on_the_merits(doc), "separate_statement", False))
    if not any(e["requirement"] == "separate_statement" for e in standing(result, "Exemption")):
        assert all(o.disposition != "granted" for o in decision.requests.values())


@pytest.mark.parametrize("district", ["cdcal", "edcal"])
def test_no_joint_statement_no_hearing(district: str) -> None:
    """C.D. Cal. L.R. 37-2, E.D. Cal. L.R. 251: the dispute comes to the court in a joint
    stipulation or statement; without one, only the exceptions the rules state let it be heard."""

    @given(case_files(system="federal", district=district))
    def check(doc: Doc) -> None:
        moved = with_paper(on_the_merits(doc), "joint_statement", False)
        decision, result = decide(moved)
        requirements = {e["requirement"] for e in standing(result, "Exemption")}
        if not requirements & {"joint_statement", "local_rule_251"}:
            assert all(o.disposition != "granted" for o in decision.requests.values())

    check()
