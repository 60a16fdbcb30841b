"""Per-request independence where the law decides request by request, and dependence where it
does not.

Meet and confer, objections and responses are judged per request: changing one request's own
facts (its response, the ruling on its objections, whether a communication raised it) never
changes another request's disposition. Whole-motion defects reach every request: without a
Rule 37(a)(1) certification, with notice given after the 45-day limit, or without a
meet-and-confer declaration, every request the court reaches at that point is decided the same
way, on that ground.
"""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

from hypothesis import assume, given
from hypothesis import strategies as st

from kb.testing import case_files
from tests.properties.support import (
    Doc,
    at_issue,
    decide,
    decided_at,
    dispositions,
    gates,
    iso,
    load,
    spec,
)

OWN_FACTS = ("response", "objections", "raised")


def change_own_facts(doc: Doc, request: str, what: str, value: str) -> Doc:
    """A copy of ``doc`` where only ``request``'s own facts differ."""
    out = copy.deepcopy(doc)
    set_id, number = request.rsplit(":", 1)
    key: Any = int(number) if number.isdigit() else number
    if what == "response":
        response = out["discovery"][set_id].get("response")
        assume(response is not None)
        items = {k: v for k, v in (response.get("items") or {}).items() if str(k) != number}
        response["items"] = {**items, key: {"kind": value}}
    elif what == "objections":
        others = [r for r in at_issue(doc) if r != request]
        findings = out.setdefault("findings", {})
        objections = findings.get("objections") or {}
        case = load(doc)
        lists = {
            "overruled": [str(r) for r in case.overruled if str(r) in others],
            "sustained": [str(r) for r in case.sustained if str(r) in others],
        }
        if value in lists:
            lists[value].append(request)
        objections = {k: spec(doc, v) for k, v in lists.items() if v}
        findings["objections"] = objections
        if not objections:
            del findings["objections"]
    else:  # no communication raises it any more: it leaves every explicit list
        resolved = load(doc).conferral_requests
        for conferral in out.get("conferrals") or []:
            refs = resolved[conferral["id"]]
            if refs is not None:
                remaining = [str(r) for r in refs if str(r) != request]
                empty: Any = [] if len(doc["discovery"]) == 1 else {}
                conferral["requests"] = spec(doc, remaining) if remaining else empty
    return out


VALUES = {
    "response": ("objections", "answer", "full_compliance", "partial_compliance"),
    "objections": ("overruled", "sustained", "none"),
    "raised": ("no",),
}


@given(case_files(requests=(2, 6)), st.data(), st.sampled_from(OWN_FACTS))
def test_one_requests_facts_never_decide_another(doc: Doc, data: st.DataObject, what: str) -> None:
    request = data.draw(st.sampled_from(at_issue(doc)), label="request")
    value = data.draw(st.sampled_from(VALUES[what]), label="value")
    changed = change_own_facts(doc, request, what, value)
    assume(changed != doc)
    before, after = dispositions(decide(doc)[0]), dispositions(decide(changed)[0])
    del before[request], after[request]
    assert after == before


def reached(doc: Doc, gate: str) -> list[str]:
    """Requests whose decision the court reaches at ``gate`` or later."""
    order = gates(doc)
    _, result = decide(doc)
    return [
        r
        for r in at_issue(doc)
        if decided_at(result, r) == "none"
        or order.index(decided_at(result, r)) >= order.index(gate)
    ]


def decided_alike(doc: Doc, requests: list[str], rule: str, disposition: str) -> None:
    decision, _ = decide(doc)
    for request in requests:
        outcome = decision.requests[request]
        assert (outcome.disposition, rule in outcome.grounds) == (disposition, True), request


@given(case_files(system="federal"))
def test_a_missing_certification_decides_every_request_it_reaches(doc: Doc) -> None:
    uncertified = copy.deepcopy(doc)
    uncertified["motion"].setdefault("papers", {})["certification"] = {"filed": False}
    requests = reached(uncertified, "certification")
    decided_alike(uncertified, requests, "frcp.certification.missing", "denied_without_prejudice")


@given(case_files(system="california", motion="compel_further"), st.integers(60, 200))
def test_late_notice_decides_every_request_of_the_set(doc: Doc, late: int) -> None:
    set_id = next(iter(doc["discovery"]))
    moved = copy.deepcopy(doc)
    dset = moved["discovery"][set_id]
    assume(dset.get("response") is not None)
    # A verified response and no later one: the 45 days run from it.
    dset["response"]["verified"] = True
    dset.pop("supplemental", None)
    moved.pop("agreements", None)
    served = iso(dset["response"]["served"]["date"]) + dt.timedelta(days=late)
    moved["motion"]["served"]["date"] = served.isoformat()
    decided = max(served + dt.timedelta(days=20), iso(doc["case"]["decided"]))
    moved["case"]["decided"] = decided.isoformat()
    requests = [r for r in at_issue(moved) if r.startswith(f"{set_id}:")]
    if dset["kind"] == "deposition":
        # CCP 2025.480(b): answers refused at a deposition, 60 days from the record (a last day
        # off a court day rolls over, CCP 2016.060), not the 45 days of the written-discovery
        # sections.
        assume(late > 66)
        decided_alike(moved, requests, "ca.deposition.motion_late", "denied")
    else:
        decided_alike(moved, requests, "ca.timeliness.notice_late", "denied")


@given(case_files(system="california", motion="compel_further"))
def test_a_missing_declaration_decides_every_request_it_reaches(doc: Doc) -> None:
    undeclared = copy.deepcopy(doc)
    papers = undeclared["motion"].setdefault("papers", {})
    papers["meet_and_confer_declaration"] = {"filed": False}
    requests = reached(undeclared, "conferral")
    decided_alike(undeclared, requests, "ca.meet_confer.declaration_missing", "denied")
