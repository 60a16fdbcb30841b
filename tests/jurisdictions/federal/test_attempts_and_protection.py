"""Two federal readings that turn on more than one rule: an opponent who ignores real attempts to
confer (Rule 37(a)(1), "attempted to confer"), and protection ruled on request by request."""

from __future__ import annotations

import pytest

from tests.helpers import defeated, edit, federal, fired, letters_only, run

UNRESPONSIVE = [{"by": "doe", "requirement": "meet_and_confer", "reason": "opponent_unresponsive"}]


@pytest.mark.parametrize(
    ("district", "local_rule"),
    [
        ("sdcal", "sdcal.meet_confer.no_conference"),
        ("ndcal", "ndcal.meet_confer.no_direct_dialogue"),
        ("edcal", "edcal.meet_confer.no_conference"),
    ],
)
def test_ignored_attempts_defeat_the_local_conference_rule(district: str, local_rule: str) -> None:
    doc = edit(letters_only(federal(district), answered=False), excuses=UNRESPONSIVE)
    decision, result = run(doc)
    assert "frcp.excuse.opponent_unresponsive" in fired(result)
    assert local_rule in defeated(result)
    assert decision.requests["rfp1:1"].disposition == "granted"


@pytest.mark.parametrize("district", ["sdcal", "ndcal", "edcal"])
def test_an_answered_letter_is_no_ignored_attempt(district: str) -> None:
    doc = edit(letters_only(federal(district)), excuses=UNRESPONSIVE)
    decision, result = run(doc)
    assert "frcp.excuse.opponent_unresponsive" not in fired(result)
    assert decision.requests["rfp1:1"].disposition == "denied_without_prejudice"


def test_protection_ruled_request_by_request() -> None:
    doc = edit(
        federal("cdcal"),
        motion__kind="protective_order",
        findings={"good_cause": False, "objections": {"sustained": [1], "overruled": [2]}},
    )
    decision, _ = run(doc)
    assert decision.requests["rfp1:1"].disposition == "granted"
    assert decision.requests["rfp1:2"].disposition == "denied"
    # no per-request ruling on No. 3: the motion-wide finding decides it
    assert decision.requests["rfp1:3"].disposition == "denied"
    assert decision.disposition == "granted_in_part"
