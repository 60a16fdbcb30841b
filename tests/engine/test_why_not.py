"""why_not: every rule that could have derived a conclusion, and what stood in its way."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from engine.explain import (
    Attempt,
    Premise,
    UnknownConclusion,
    as_data,
    render_why_not,
    why_not,
)
from tests.engine.support import MILLARE, PALOMINOS, explained
from tests.helpers import ca_initial


def test_los_angeles_seed_no_34_names_the_meet_and_confer_rule_and_the_missing_conferral() -> None:
    run = explained(PALOMINOS)
    answer = why_not(run.result, run.graph, "concl:request:34:granted", run.rules)
    assert answer.target == "concl:request:rfp1:34:granted"
    assert not answer.derived
    [attempt] = answer.attempts
    assert attempt.rule == "common.disposition.request"
    assert attempt.status == "derived_otherwise"
    assert [s.id for s in attempt.instead] == ["concl:request:rfp1:34:denied"]
    failed = attempt.failed
    assert failed is not None and failed.kind == "missing"
    assert failed.node == "absence:raised:rfp1:34"
    assert failed.where == "conferrals[*].requests"
    assert failed.condition.startswith("ca.meet_confer.request_never_raised")
    decisive = [r for r in attempt.reasons if r.decisive]
    assert [r.firing.rule for r in decisive if r.firing] == ["ca.meet_confer.request_never_raised"]
    assert "absence:raised:rfp1:34" in [b.id for b in decisive[0].basis]
    # the merits ground that would have granted it stands, but the court never reaches it
    also = [r.conclusion.id for r in attempt.reasons if not r.decisive]
    assert also == ["concl:ground:rfp1:34:ca.merits.objections_unjustified"]
    text = render_why_not(answer)
    assert "ca.meet_confer.request_never_raised" in text
    assert "No meet-and-confer communication before the motion was served raised No. 34." in text
    assert "would be at conferrals[*].requests" in text


def test_bare_and_full_ids_give_the_same_answer() -> None:
    run = explained(PALOMINOS)
    bare = why_not(run.result, run.graph, "concl:request:34:granted", run.rules)
    full = why_not(run.result, run.graph, "concl:request:rfp1:34:granted", run.rules)
    assert as_data(bare) == as_data(full)


def test_a_failed_test_premise_is_shown_on_the_fact_it_read() -> None:
    run = explained(PALOMINOS)
    answer = why_not(
        run.result, run.graph, "concl:ground:34:ca.meet_confer.offer_unanswered", run.rules
    )
    [attempt] = answer.attempts
    assert attempt.rule == "ca.meet_confer.offer_unanswered"
    assert attempt.status == "premise_failed"
    assert attempt.failed is not None and attempt.failed.kind == "test"
    assert attempt.failed.node == "fact:request:rfp1:34"
    assert attempt.failed.where == "motion.requests.rfp1"
    assert "unanswered_offers(exchange)" in attempt.failed.condition


def test_a_missing_conclusion_says_which_rules_could_derive_it_and_why_they_did_not() -> None:
    run = explained(PALOMINOS)
    answer = why_not(
        run.result, run.graph, "concl:ground:13:ca.meet_confer.request_never_raised", run.rules
    )
    [attempt] = answer.attempts
    failed = attempt.failed
    assert failed is not None and failed.kind == "missing"
    assert failed.derivable_by == ("common.record.request_not_raised",)
    [inner] = failed.attempts
    assert inner.status == "premise_failed" and inner.failed is not None
    assert inner.failed.node == "fact:request:rfp1:13"
    assert [p.field for p in inner.failed.problems] == ["exchange"]
    assert "letter-2023-08-17" in inner.failed.problems[0].actual


def premises(attempts: tuple[Attempt, ...]) -> Iterator[Premise]:
    for attempt in attempts:
        if attempt.failed is not None:
            yield attempt.failed
            yield from premises(attempt.failed.attempts)


def test_a_case_fact_never_given_is_shown_with_its_case_file_path() -> None:
    run = explained(PALOMINOS)  # neither side asked for sanctions
    answer = why_not(run.result, run.graph, "concl:order:pay_sanctions", run.rules)
    found = {p.node: p.where for p in premises(answer.attempts) if p.kind == "missing"}
    assert found["fact:sanctions_request:opponent"] == "motion.opposition_sanctions"


def test_a_rule_out_of_force_is_reported_with_its_dates() -> None:
    run = explained(PALOMINOS)  # decided 2023-12-05; CCP 2023.050 sanctions start 2024-01-01
    answer = why_not(
        run.result,
        run.graph,
        "concl:sanction:ca.sanctions.failure_to_confer_2023_050:gm",
        run.rules,
    )
    [attempt] = answer.attempts
    assert attempt.status == "not_in_force"
    assert "2024-01-01" in attempt.summary


def test_a_defeated_conclusion_names_the_exception() -> None:
    run = explained(ca_initial())
    answer = why_not(run.result, run.graph, "concl:requirement:meet_and_confer:rog1", run.rules)
    [attempt] = answer.attempts
    assert attempt.status == "defeated"
    assert attempt.defeated_by == "rule:ca.meet_confer.not_required_initial#motion"


def test_a_motion_disposition_not_reached() -> None:
    run = explained(MILLARE)
    answer = why_not(run.result, run.graph, "concl:motion:granted", run.rules)
    [attempt] = answer.attempts
    assert attempt.rule == "common.disposition.motion"
    assert attempt.status == "derived_otherwise"
    assert [s.id for s in attempt.instead] == ["concl:motion:denied_without_prejudice"]


def test_a_derived_conclusion_is_reported_as_derived() -> None:
    run = explained(PALOMINOS)
    answer = why_not(run.result, run.graph, "concl:request:34:denied", run.rules)
    assert answer.derived and answer.attempts == ()
    assert "was derived" in render_why_not(answer)


@pytest.mark.parametrize(
    ("wanted", "near"),
    [
        ("concl:request:34:grantd", "concl:request:rfp1:34:granted"),
        ("concl:request:99:granted", "concl:request:rfp1:35:granted"),
        ("concl:reqest:rfp1:34:granted", "concl:request:rfp1:34:granted"),
    ],
)
def test_unknown_ids_give_near_matches(wanted: str, near: str) -> None:
    run = explained(PALOMINOS)
    with pytest.raises(UnknownConclusion) as caught:
        why_not(run.result, run.graph, wanted, run.rules)
    assert near in caught.value.near
    assert wanted in str(caught.value)
