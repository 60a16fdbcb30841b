"""What the law says about the merits, as invariants over generated cases.

Findings are the judge's; where a property is about one, it writes the finding into the case
(objections sustained on a request, no good cause) so that every example tests it.
"""

from __future__ import annotations

import copy
import datetime as dt

from hypothesis import assume, given
from hypothesis import strategies as st

from kb.testing import case_files
from tests.properties.support import (
    Doc,
    at_issue,
    decide,
    decided_at,
    iso,
    load,
    on_the_merits,
    spec,
)


def with_objection_finding(doc: Doc, request: str, ruling: str) -> Doc:
    """A copy of ``doc`` where the judge ruled on ``request``'s objections (and no other)."""
    out = copy.deepcopy(doc)
    out.setdefault("findings", {})["objections"] = {ruling: spec(doc, [request])}
    return out


@given(case_files(motion="compel_further"), st.data())
def test_sustained_objections_are_never_overcome(doc: Doc, data: st.DataObject) -> None:
    request = data.draw(st.sampled_from(at_issue(doc)), label="request")
    decision, _ = decide(with_objection_finding(on_the_merits(doc), request, "sustained"))
    assert decision.requests[request].disposition != "granted"


@given(case_files(motion="compel_further"), st.data())
def test_overruled_objections_win_on_the_merits(doc: Doc, data: st.DataObject) -> None:
    request = data.draw(st.sampled_from(at_issue(doc)), label="request")
    ruled = with_objection_finding(on_the_merits(doc), request, "overruled")
    ruled["findings"].pop("good_cause", None)
    decision, result = decide(ruled)
    if decided_at(result, request) == "merits":
        assert decision.requests[request].disposition == "granted"


@given(
    case_files(motion="compel_further"), st.data(), st.sampled_from(["answer", "full_compliance"])
)
def test_a_complete_response_is_not_compelled_again(
    doc: Doc, data: st.DataObject, kind: str
) -> None:
    """CCP 2031.310(a)(1) and its twins, FRCP 37(a)(4): the movant must show the response
    evasive or incomplete; one complete on its face, with no finding, stands."""
    request = data.draw(st.sampled_from(at_issue(doc)), label="request")
    set_id, number = request.rsplit(":", 1)
    answered = copy.deepcopy(doc)
    answered.get("findings", {}).pop("objections", None)
    response = answered["discovery"][set_id].get("response")
    assume(response is not None)
    items = {k: v for k, v in (response.get("items") or {}).items() if str(k) != number}
    response["items"] = {**items, int(number) if number.isdigit() else number: {"kind": kind}}
    decision, _ = decide(answered)
    assert decision.requests[request].disposition != "granted"


@given(case_files(system="california", motion="compel_further"))
def test_no_good_cause_no_documents(doc: Doc) -> None:
    """CCP 2031.310(b)(1): a motion to compel further production must show good cause; when
    the court finds it did not, no document request is compelled."""
    found = on_the_merits(doc)
    found.setdefault("findings", {})["good_cause"] = False
    decision, _ = decide(found)
    for ref in load(found).motion_requests:
        if found["discovery"][ref.set_id]["kind"] == "production":
            assert decision.requests[str(ref)].disposition != "granted", str(ref)


@given(case_files(motion="protective_order"), st.sampled_from([True, False, None]))
def test_protection_needs_good_cause(doc: Doc, good_cause: bool | None) -> None:
    """CCP 2031.060 and its twins, FRCP 26(c)(1): protection only for good cause shown, which
    the movant must show; with the finding made, the court reaching the merits grants it.
    Rulings request by request on the movant's objections (``findings.objections``) would
    decide those requests instead (Rule 26(c)(1) lets the court forbid some discovery and allow
    the rest), so they are left out here: this is the motion-wide finding."""
    found = on_the_merits(doc)
    found.setdefault("findings", {}).pop("good_cause", None)
    found["findings"].pop("objections", None)
    if good_cause is not None:
        found["findings"]["good_cause"] = good_cause
    decision, result = decide(found)
    for request, outcome in decision.requests.items():
        if good_cause is not True:
            assert outcome.disposition != "granted", request
        elif decided_at(result, request) == "merits":
            assert outcome.disposition == "granted", request


@given(case_files(system="federal", motion="protective_order", requests=(2, 6)), st.booleans())
def test_federal_protection_is_ruled_request_by_request(doc: Doc, good_cause: bool) -> None:
    """FRCP 26(c)(1): where the judge ruled on the movant's objections to a request (sustained:
    protected; overruled: not), that ruling decides the request whatever good cause found for
    the rest; a request the court reaches on the merits follows it."""
    found = on_the_merits(doc)
    motion_refs = [str(r) for r in load(found).motion_requests]
    first, second = motion_refs[0], motion_refs[-1]
    found.setdefault("findings", {})["good_cause"] = good_cause
    found["findings"]["objections"] = {
        "sustained": spec(found, [first]),
        "overruled": spec(found, [second]),
    }
    decision, result = decide(found)
    if decided_at(result, first) == "merits":
        assert decision.requests[first].disposition == "granted", first
    if decided_at(result, second) == "merits":
        assert decision.requests[second].disposition != "granted", second


@given(
    case_files(motion="compel_initial"),
    st.sampled_from(["answer", "full_compliance"]),
    st.integers(0, 10),
)
def test_discovery_after_the_motion_moots_it(doc: Doc, kind: str, days: int) -> None:
    """CRC 3.1348(a), FRCP 37(a)(5)(A): verified responses without objections served after the
    motion leave nothing to compel (sanctions may still follow)."""
    late = copy.deepcopy(doc)
    served = iso(doc["motion"]["served"]["date"]) + dt.timedelta(days=days)
    late["case"]["decided"] = max(iso(doc["case"]["decided"]), served).isoformat()
    for dset in late["discovery"].values():
        method = dset["served"]["method"]
        dset["response"] = {
            "served": {"date": served.isoformat(), "method": method},
            "verified": True,
            "default": kind,
        }
        dset.pop("supplemental", None)
    decision, result = decide(late)
    for request, outcome in decision.requests.items():
        if decided_at(result, request) not in ("timeliness", "calendar"):
            assert outcome.disposition == "moot", request


@given(case_files(motion="compel_further"))
def test_objections_the_responding_party_never_justified_do_not_stand(doc: Doc) -> None:
    """Kirkland; Coy; Bryant v. Ochoa: the party resisting discovery must justify its
    objections; an objection nobody found justified, on a request the court reaches on the
    merits, is overruled."""
    plain = copy.deepcopy(doc)
    plain.pop("findings", None)
    decision, result = decide(plain)
    for fact in result.facts.values():
        if type(fact).__name__ != "Request" or fact["response"] != "objections":
            continue
        if decided_at(result, fact["request"]) == "merits" and fact["supplemental"] is None:
            assert decision.requests[fact["request"]].disposition == "granted", fact["request"]
