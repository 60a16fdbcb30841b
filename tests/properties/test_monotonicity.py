"""Where the law is monotone, the decisions are too.

- A telephone conference about a request, before the motion, can only cure conferral defects
  for it: it never adds one, and a request that was granted stays granted.
- Serving the motion earlier (with the same responses already served) never makes it untimely.
- Taking a request out of the motion never changes how the others are decided.
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
    dispositions,
    grounds_on,
    iso,
    motion_served,
    new_conferral,
    other_side,
    spec,
)


def gate_grounds(doc: Doc, request: str, gate: str) -> set[str]:
    _, result = decide(doc)
    return {g["rule"] for g in grounds_on(result, request) if g["gate"] == gate}


@given(case_files(), st.data())
def test_a_phone_conference_never_adds_a_conferral_defect(doc: Doc, data: st.DataObject) -> None:
    request = data.draw(st.sampled_from(at_issue(doc)), label="request")
    called = new_conferral(
        doc,
        date=(motion_served(doc) - dt.timedelta(days=1)).isoformat(),
        **{"from": doc["motion"]["movant"], "to": other_side(doc, request)},
        method="phone",
        requests=spec(doc, [request]),
    )
    before, after = decide(doc)[0], decide(called)[0]
    assert gate_grounds(called, request, "conferral") <= gate_grounds(doc, request, "conferral")
    if before.requests[request].disposition == "granted":
        assert after.requests[request].disposition == "granted"


def response_dates(doc: Doc) -> list[dt.date]:
    out: list[dt.date] = []
    for dset in doc["discovery"].values():
        for response in [dset.get("response"), *(dset.get("supplemental") or [])]:
            if response:
                out.append(iso(response["served"]["date"]))
    return out


@given(case_files(motion="compel_further"), st.integers(1, 40))
def test_serving_the_motion_earlier_never_makes_it_untimely(doc: Doc, days: int) -> None:
    served = motion_served(doc)
    earlier = served - dt.timedelta(days=days)
    # Only as far back as the last response it followed: the clock runs from that response.
    assume(all(d <= earlier or d > served for d in response_dates(doc)))
    moved = copy.deepcopy(doc)
    moved["motion"]["served"]["date"] = earlier.isoformat()
    for request in at_issue(doc):
        assert gate_grounds(moved, request, "timeliness") <= gate_grounds(
            doc, request, "timeliness"
        )


@given(case_files(requests=(2, 6)), st.data())
def test_dropping_a_request_leaves_the_others_alone(doc: Doc, data: st.DataObject) -> None:
    requests = at_issue(doc)
    dropped = data.draw(st.sampled_from(requests), label="dropped")
    smaller = copy.deepcopy(doc)
    smaller["motion"]["requests"] = spec(doc, [r for r in requests if r != dropped])
    before, after = dispositions(decide(doc)[0]), dispositions(decide(smaller)[0])
    del before[dropped]
    assert after == before
