"""What the law says about meeting and conferring, as invariants over generated cases.

Each property takes a generated case and, where it must, arranges the facts it is about (only
letters, only the opponent writing, an excuse) so that every example tests it. These are the
properties that notice a conferral rule saying the opposite of the law; the rule-case tables
only check that it fires (see tools/mutate_rules.py and test_wrong_rule.py).
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jurisdictions.common.exchange import unanswered_attempts
from kb.facts import Request
from kb.testing import case_files
from tests.properties.support import (
    Doc,
    at_issue,
    day_before_motion,
    decide,
    keep_conferrals,
    new_conferral,
    other_side,
    spec,
    standing,
    with_paper,
)


def no_one_raised_it_so_not_granted(doc: Doc) -> None:
    """CCP 2016.040, FRCP 37(a)(1): no attempt at resolving a request, no order compelling it."""
    decision, result = decide(doc)
    for fact in result.live(Request):
        if not fact["exchange"]:
            assert decision.requests[fact["request"]].disposition != "granted", fact["request"]


@given(case_files(motion="compel_further", never_raised=True))
def test_a_request_no_one_raised_is_never_granted(doc: Doc) -> None:
    no_one_raised_it_so_not_granted(doc)


@given(case_files(motion="compel_further", requests=(1, 4)))
def test_the_movant_must_have_tried_itself(doc: Doc) -> None:
    """Only the opponent wrote about the requests: the movant made no attempt of its own, so no
    request is compelled (CCP 2016.040; FRCP 37(a)(1))."""
    movant = doc["motion"]["movant"]
    requests = at_issue(doc)
    theirs = keep_conferrals(doc, lambda c: c["from"] != movant)
    theirs = new_conferral(
        theirs,
        date=day_before_motion(doc),
        **{"from": other_side(doc, requests[0]), "to": movant},
        method="letter",
        requests=spec(doc, requests),
    )
    decision, _ = decide(theirs)
    for request in requests:
        assert decision.requests[request].disposition != "granted", request


def letters_only(doc: Doc, substance: str, answered: bool) -> Doc:
    """The same case where the parties only wrote: every communication a letter, the movant's
    raising every request, certification and joint statement filed, no order to confer."""
    movant = doc["motion"]["movant"]
    requests = at_issue(doc)
    out = keep_conferrals(doc, lambda c: answered or c["from"] == movant)
    out.pop("prior_orders", None)
    out = new_conferral(
        out,
        date=day_before_motion(doc),
        **{"from": movant, "to": other_side(doc, requests[0])},
        method="letter",
        requests=spec(doc, requests),
    )
    for conferral in out["conferrals"]:
        conferral["method"] = "letter"
        if conferral["from"] == movant:
            conferral["substance"] = substance
    return with_paper(with_paper(out, "certification", True), "joint_statement", True)


EXCEPTIONS = {"direct_dialogue", "local_conference", "local_rule_251", "conference"}
"""Exemptions from the districts' conference requirements (prisoner cases, total failure to
respond, a request for a response that never came)."""


@pytest.mark.parametrize("district", ["sdcal", "cdcal", "ndcal", "edcal"])
def test_letters_are_not_a_conference_in_the_districts(district: str) -> None:
    """S.D., C.D., N.D. and E.D. Cal. require the parties to speak (in person, by telephone, by
    video); letters alone do not confer, unless an exception the rules name applies or the
    opponent ignored the movant's attempts."""

    @given(case_files(system="federal", district=district, motion="compel_further"))
    def check(doc: Doc) -> None:
        decision, result = decide(letters_only(doc, "specific", answered=True))
        requirements = {e["requirement"] for e in standing(result, "Exemption")}
        if requirements & EXCEPTIONS:
            return
        for fact in result.live(Request):
            if decision.requests[fact["request"]].disposition == "granted":
                # An attempt the opponent ignored satisfies Rule 37(a)(1) under every local
                # rule (the movant "attempted to confer"); nothing else in writing does.
                assert unanswered_attempts(fact["exchange"]), fact

    check()


@given(case_files(system="federal", district="cdcal", motion="compel_further"))
def test_unanswered_demands_are_not_a_conference(doc: Doc) -> None:
    """Shuffle Master: letters that only demand compliance are not a good-faith attempt to
    confer; only a finding that the opponent would not respond excuses them."""
    demanded = letters_only(doc, "demand_only", answered=False)
    decision, result = decide(demanded)
    excused = any(r["accepted"] for r in standing(result, "ExcuseRuling"))
    if not excused:
        assert all(o.disposition != "granted" for o in decision.requests.values())


REASONS = ("no_telephone_access", "incarcerated", "futility", "opponent_unresponsive")


@given(case_files(system="federal", pro_se=True), st.sampled_from(REASONS))
def test_status_and_hardship_do_not_excuse_conferring(doc: Doc, reason: str) -> None:
    """Madsen; Jourdan: self-represented and incarcerated parties must confer too, and the
    reasons they give (no telephone, prison, futility) do not excuse it. That the opponent never
    answered the movant's attempts does: they were attempts to confer."""
    if reason == "opponent_unresponsive":
        base = letters_only(doc, "specific", answered=False)
    else:
        base = keep_conferrals(doc, lambda c: False)  # nobody conferred: the duty is in issue
    excuse = {"by": doc["motion"]["movant"], "requirement": "meet_and_confer", "reason": reason}
    _, result = decide({**base, "excuses": [excuse]})
    rulings = standing(result, "ExcuseRuling")
    assert any(r["reason"] == reason for r in rulings), f"no ruling on {reason}"
    for ruling in rulings:
        accepted = ruling["reason"] == "opponent_unresponsive"
        assert ruling["accepted"] is accepted, ruling["reason"]
