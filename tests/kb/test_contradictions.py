"""Facts that cannot all be true are input errors, named by field; facts that are merely
unusual (and that real rulings contain) still load, and the rules decide what they count for."""

from __future__ import annotations

from typing import Any

import pytest

from kb.errors import InputError
from tests.helpers import ca_further, edit, federal, load


def error_of(doc: dict[str, Any]) -> str:
    with pytest.raises(InputError) as info:
        load(doc)
    return f"{info.value.path}: {info.value.message}"


def with_supplementals(*dates: str) -> dict[str, Any]:
    doc = ca_further()
    doc["discovery"]["rfp1"]["supplemental"] = [
        {"served": {"date": day, "method": "electronic"}, "verified": True} for day in dates
    ]
    return doc


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        # Already refused before this issue; kept here so the list is complete.
        (
            edit(ca_further(), conferrals__1__replying_to="call-1"),
            "conferrals[1].replying_to: a conferral cannot reply to itself",
        ),
        (
            edit(ca_further(), discovery__rfp1__response__served__date="2024-01-01"),
            "discovery.rfp1.response.served.date: response served 2024-01-01, before the "
            "discovery itself",
        ),
        (
            edit(ca_further(), motion__opponent="doe"),
            "motion.opponent: the moving party cannot also be the opponent",
        ),
        # A supplemental response supplements an earlier response.
        (
            with_supplementals("2024-02-01"),
            "discovery.rfp1.supplemental[0].served.date: supplemental response served "
            "2024-02-01, before the response it supplements",
        ),
        # Nobody seeks sanctions against itself, or against counsel a party does not have.
        (
            edit(ca_further(), motion__sanctions={"requested": True, "against": "doe"}),
            "motion.sanctions.against: doe made this request (the moving party side) and "
            "cannot be its target",
        ),
        (
            edit(
                ca_further(),
                motion__sanctions={"requested": True, "against": ["acme", "counsel:doe"]},
            ),
            "motion.sanctions.against[1]: doe made this request",
        ),
        (
            edit(
                ca_further(),
                motion__opposition_sanctions={"requested": True, "against": "counsel:acme"},
            ),
            "motion.opposition_sanctions.against: acme made this request (opposing side)",
        ),
        # An informal conference cannot have been held after the decision.
        (
            edit(
                ca_further(),
                informal_conferences=[{"date": "2024-07-01", "held": True}],
            ),
            "informal_conferences[0].date: conference dated 2024-07-01 is marked held, but the "
            "motion was decided on 2024-06-03",
        ),
        # The discovery a motion is about exists before the motion and the decision.
        (
            edit(
                ca_further(),
                discovery__rfp1__served__date="2024-07-01",
                discovery__rfp1__response=None,
                conferrals=[],
            ),
            "discovery.rfp1.served.date: served 2024-07-01, after the motion about it was decided",
        ),
        (
            edit(
                ca_further(),
                discovery__rfp1__served__date="2024-04-01",
                discovery__rfp1__response__served__date="2024-05-01",
                conferrals=[],
            ),
            "discovery.rfp1.served.date: served 2024-04-01, after the motion to compel answers "
            "to it was served (2024-03-15)",
        ),
        # One response answers a request once.
        (
            edit(
                ca_further(),
                discovery__rfp1__response__items={
                    1: {"kind": "objections"},
                    "1": {"kind": "full_compliance"},
                },
            ),
            "discovery.rfp1.response.items.1: request 1 is listed twice",
        ),
    ],
)
def test_contradictory_facts_are_input_errors(doc: dict[str, Any], expected: str) -> None:
    assert error_of(doc).startswith(expected)


@pytest.mark.parametrize(
    "doc",
    [
        # Supplementals listed out of order: the record orders them by date.
        with_supplementals("2024-03-01", "2024-02-20"),
        # A follow-up from the same side marked as a reply, and a "reply" between other parties:
        # unusual, but a transcription may record them; neither counts as the other side answering.
        edit(ca_further(), conferrals__1__from="doe", conferrals__1__to="acme"),
        edit(
            ca_further(),
            parties__beta={"name": "Beta LLC", "side": "defendant", "counsel": True},
            parties__gamma={"name": "Gamma Inc.", "side": "defendant", "counsel": True},
            conferrals__1__from="beta",
            conferrals__1__to="gamma",
        ),
        # A finding on a request outside the motion (a ruling that covered several motions).
        edit(ca_further(), findings={"objections": {"overruled": [1, 7]}}),
        # Paper details that say more than needed.
        edit(
            ca_further(),
            motion__papers__separate_statement={"filed": False, "defects": ["no_reasons"]},
        ),
        # Conferrals after the motion was served happen; the rules decide what they count for.
        edit(ca_further(), conferrals__1__date="2024-04-01"),
        # A supplemental response after the hearing is ignored by the rules, not refused.
        with_supplementals("2024-07-01"),
        # Supplementals on the same day as the response, in order.
        with_supplementals("2024-02-12", "2024-02-12"),
        # A conference scheduled after the decision, not held.
        edit(ca_further(), informal_conferences=[{"date": "2024-07-01", "held": False}]),
        # A co-defendant answering the letter on behalf of the one it was sent to.
        edit(
            ca_further(),
            parties__beta={"name": "Beta LLC", "side": "defendant", "counsel": True},
            conferrals__1__from="beta",
        ),
        # "all" in findings means all the motion's requests.
        edit(ca_further(), findings={"objections": {"overruled": "all"}}),
        edit(ca_further(), findings={"objections": {"sustained": {"rfp1": "all"}}}),
        # Sanctions against the other side's counsel; also against the counsel of a party
        # now pro se (counsel who acted for it before).
        edit(ca_further(), motion__sanctions={"requested": True, "against": "counsel:acme"}),
        edit(
            ca_further(),
            parties__acme__counsel=False,
            motion__sanctions={"requested": True, "against": "counsel:acme"},
        ),
        # The addressee answering, copied to (addressed to) the sender's co-party.
        edit(
            ca_further(),
            parties__roe={"name": "John Roe", "side": "plaintiff", "counsel": True},
            conferrals__1__to="roe",
        ),
        # A protective-order motion about discovery served after it was noticed is not refused.
        edit(
            federal(),
            motion__kind="protective_order",
            motion__movant="acme",
            motion__opponent="doe",
            discovery__rfp1__served__date="2024-03-20",
            discovery__rfp1__response=None,
            conferrals=[],
        ),
    ],
)
def test_unusual_but_possible_facts_still_load(doc: dict[str, Any]) -> None:
    assert load(doc).motion_requests


def test_all_in_findings_is_limited_to_the_motion() -> None:
    case = load(edit(ca_further(), findings={"objections": {"overruled": "all"}}))
    assert case.overruled == frozenset(case.motion_requests)
