"""engine.lhs: how far a rule's left-hand side gets, and the first condition that fails."""

from __future__ import annotations

from experta import EXISTS, MATCH, NOT, OR, TEST, L, Rule

from engine.lhs import evaluate
from engine.lhs_words import describe_test
from kb.facts import DiscoverySet, Ground, Motion, Paper, Request


def facts(*items: object) -> list[tuple[str, object]]:
    return sorted(((f.node_id(), f) for f in items), key=lambda pair: pair[0])  # type: ignore[attr-defined]


def test_a_complete_match_returns_the_facts_used() -> None:
    rule = Rule(Motion(kind="compel_further"), Request(request=MATCH.r, response="objections"))
    motion = Motion(kind="compel_further")
    request = Request(request="rfp1:1", response="objections")
    outcome = evaluate(rule, facts(motion, request))
    assert outcome.failure is None
    assert outcome.nodes == ("fact:motion", "fact:request:rfp1:1")


def test_a_case_fact_with_other_values_is_a_mismatch_naming_the_field() -> None:
    rule = Rule(Motion(kind=L("compel_initial") | L("deem_admitted")), Request(request=MATCH.r))
    outcome = evaluate(rule, facts(Motion(kind="compel_further"), Request(request="rfp1:1")))
    failure = outcome.failure
    assert failure is not None and failure.kind == "mismatch" and failure.index == 0
    assert failure.nodes == ("fact:motion",)
    assert [(m.field, m.wanted, m.actual) for m in failure.misses] == [
        ("kind", '"compel_initial" or "deem_admitted"', '"compel_further"')
    ]


def test_no_fact_of_the_class_is_missing_with_the_fields_wanted() -> None:
    rule = Rule(Motion(), Paper(paper="joint_statement", filed=False))
    outcome = evaluate(rule, facts(Motion(kind="compel_further")))
    failure = outcome.failure
    assert failure is not None and failure.kind == "missing" and failure.index == 1
    assert failure.fact_class is Paper
    assert dict(failure.wanted) == {"paper": "joint_statement", "filed": False}


def test_a_conclusion_of_another_kind_is_not_a_near_miss() -> None:
    rule = Rule(Ground(gate="conferral", request=MATCH.r))
    outcome = evaluate(rule, facts(Ground(rule="x", gate="merits", effect="granted")))
    assert outcome.failure is not None and outcome.failure.kind == "missing"


def test_bindings_must_agree_across_patterns() -> None:
    rule = Rule(Request(request=MATCH.r, set=MATCH.s), DiscoverySet(set=MATCH.s, in_motion=True))
    outcome = evaluate(
        rule, facts(Request(request="rfp1:1", set="rfp1"), DiscoverySet(set="rfp2", in_motion=True))
    )
    failure = outcome.failure
    assert failure is not None and failure.kind == "mismatch" and failure.index == 1
    assert failure.misses[0].field == "set"
    assert failure.misses[0].wanted == '"rfp1" (as bound earlier)'


def test_not_is_blocked_by_an_existing_fact() -> None:
    rule = Rule(Motion(), NOT(DiscoverySet(responded=True)))
    outcome = evaluate(rule, facts(Motion(), DiscoverySet(set="rfp1", responded=True)))
    failure = outcome.failure
    assert failure is not None and failure.kind == "blocked"
    assert failure.nodes == ("fact:discovery:rfp1",)


def test_exists_without_a_match_is_missing() -> None:
    rule = Rule(Motion(), EXISTS(Ground(gate="conferral")))
    outcome = evaluate(rule, facts(Motion()))
    assert outcome.failure is not None and outcome.failure.kind == "missing"
    assert outcome.failure.condition == 'EXISTS(Ground(gate="conferral"))'


def test_a_false_test_names_its_values_and_where_they_came_from() -> None:
    rule = Rule(
        Request(request=MATCH.r, exchange=MATCH.exchange), TEST(lambda exchange: bool(exchange))
    )
    outcome = evaluate(rule, facts(Request(request="rfp1:1", exchange=())))
    failure = outcome.failure
    assert failure is not None and failure.kind == "test"
    assert failure.nodes == ("fact:request:rfp1:1",)
    assert dict(failure.values) == {"exchange": "[]"}
    assert failure.condition == "TEST(lambda exchange: bool(exchange))"


def test_the_deepest_failure_over_every_branch_and_assignment_is_reported() -> None:
    rule = Rule(
        OR(Motion(kind="compel_initial"), Motion(kind="compel_further")),
        Request(request=MATCH.r, response="none"),
    )
    outcome = evaluate(
        rule, facts(Motion(kind="compel_further"), Request(request="rfp1:1", response="answer"))
    )
    failure = outcome.failure
    assert failure is not None and failure.index == 1 and failure.kind == "mismatch"


def test_describe_test_extracts_the_lambda() -> None:
    check = TEST(lambda served, last_day: served > last_day)
    assert describe_test(check[0]) == "lambda served, last_day: served > last_day"
