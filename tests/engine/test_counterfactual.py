"""Minimal cures (engine/counterfactual.py): the seeds, each kind of premise, impossibility,
minimality, ranking and determinism. Every claim is checked by deciding the changed case file
again here, through the ordinary loader, not through the search's own bookkeeping."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import yaml

from engine.advice_report import advice_report
from engine.counterfactual import Advice, Cure, advise
from engine.cures import RuleIndex, candidates
from engine.edits import apply_changes
from jurisdictions import rule_sets_for
from kb.crossref import Case
from tests.helpers import (
    EXAMPLES,
    ca_further,
    edit,
    federal,
    letters_only,
    load,
    run_case,
)
from tests.jurisdictions.california.test_rule_cases import (
    DEMANDS,
    IDC,
    JOINT,
    LATE,
    NEVER_RAISED,
    OFFER,
    OPPONENT_ONLY,
)


def gates_of(rule_sets: tuple[type, ...]) -> tuple[str, ...]:
    gates: tuple[str, ...] = ()
    for rule_set in rule_sets:
        gates = tuple(getattr(rule_set, "GATES", gates))
    return gates


def advice_for(case: Case, today: dt.date | None = None, budget: int = 400) -> Advice:
    rule_sets = rule_sets_for(case.model.case.court, plugins=())
    return advise(case, rule_sets, gates_of(rule_sets), today=today, budget=budget)


def example(name: str) -> tuple[dict[str, Any], Case]:
    doc = yaml.safe_load((EXAMPLES / name).read_text(encoding="utf-8"))
    return doc, load(doc, name)


def redecide(case: Case, cure: Cure) -> dict[str, str]:
    """Apply the cure's changes to the case file and decide it again from scratch."""
    doc = case.model.model_dump(by_alias=True, exclude_none=True)
    assert cure.outcome.result is not None
    changed, _ = apply_changes(doc, cure.outcome.changes, cure.outcome.result.record)
    decision, _ = run_case(load(changed))
    return {r: o.disposition for r, o in decision.requests.items()}


def cure_keys(advice: Advice, request: str) -> list[list[str]]:
    return [sorted(c.outcome.keys) for c in advice.cures if request in c.flips]


# --- the seeds ------------------------------------------------------------------------------


def test_palominos_raise_34_and_35_and_answer_the_reply() -> None:
    _, case = example("palominos-cervantes-v-gm.yaml")
    advice = advice_for(case)
    assert ["answer:reply-2023-08-30"] in cure_keys(advice, "rfp1:13")
    raise_both = [k for k in cure_keys(advice, "rfp1:34") if k[0].startswith("confer:")]
    assert raise_both and all(k[0].endswith(":gm:rfp1:34,rfp1:35") for k in raise_both)
    for cure in advice.cures:
        decided = redecide(case, cure)
        assert all(decided[r] == "granted" for r in cure.flips)
    assert advice.plan is not None and advice.plan.result is not None
    assert set(advice.plan.dispositions[r][0] for r in advice.targets) == {"granted"}


def test_millare_telephone_conference_and_certification() -> None:
    _, case = example("millare-v-stratton.yaml")
    advice = advice_for(case)
    every = [str(r) for r in case.motion_requests]
    assert len(advice.cures) == 1
    cure = advice.cures[0]
    actions = sorted((c.action, c.get("method") or c.get("paper")) for c in cure.outcome.changes)
    assert actions == [("confer", "phone"), ("file", "certification")]
    assert list(cure.flips) == every
    assert set(redecide(case, cure).values()) == {"granted"}


def test_millare_a_letter_and_a_certification_are_not_enough() -> None:
    _, case = example("millare-v-stratton.yaml")
    result = advice_for(case).base.result
    assert result is not None
    index = RuleIndex.of(rule_sets_for(case.model.case.court, plugins=()))
    changes = {c.key: c for c in candidates(result, index)}
    letter = next(c for key, c in changes.items() if key.startswith("confer:letter:"))
    doc = case.model.model_dump(by_alias=True, exclude_none=True)
    changed, _ = apply_changes(doc, [changes["file:certification"], letter], result.record)
    decision, _ = run_case(load(changed))
    assert {o.disposition for o in decision.requests.values()} == {"denied_without_prejudice"}
    assert {g for o in decision.requests.values() for g in o.grounds} == {
        "sdcal.meet_confer.no_conference"
    }


# --- each kind of premise maps to a change (no list of cures per rule) ----------------------


@pytest.mark.parametrize(
    ("doc", "action"),
    [
        (NEVER_RAISED, "confer"),  # absence:raised
        (OFFER, "answer"),  # absence:answer
        (DEMANDS, "confer"),  # the movant's own communications
        (OPPONENT_ONLY, "confer"),  # the request's exchange
        (IDC, "informal_conference"),  # absence:informal_conference
        (JOINT, "file"),  # absence:paper
        (LATE, "act_by"),  # a deadline that governs the motion's date
        (LATE, "agreement"),  # an exception's pattern (a written extension)
        (
            edit(
                ca_further(),
                motion__papers__separate_statement={
                    "filed": True,
                    "compliant": False,
                    "defects": ["not_full_text"],
                },
            ),
            "paper",  # a boolean field the failing rule's pattern fixes
        ),
        (letters_only(federal("sdcal")), "confer"),
    ],
)
def test_each_kind_of_premise_yields_a_working_cure(doc: dict[str, Any], action: str) -> None:
    case = load(doc)
    advice = advice_for(case)
    assert advice.targets, "the fixture must lose something"
    found = [c for c in advice.cures if any(x.action == action for x in c.outcome.changes)]
    assert found, f"no {action} cure in {[sorted(c.outcome.keys) for c in advice.cures]}"
    for cure in found:
        decided = redecide(case, cure)
        assert all(decided[r] == "granted" for r in cure.flips)


def test_written_letters_do_not_cure_a_district_that_requires_a_conversation() -> None:
    case = load(letters_only(federal("sdcal")))
    advice = advice_for(case)
    methods = {c.get("method") for cure in advice.cures for c in cure.outcome.changes}
    assert methods == {"phone"}


def test_merits_losses_have_no_cure() -> None:
    case = load(edit(ca_further(), findings={"objections": {"sustained": ["1-3"]}}))
    advice = advice_for(case)
    assert advice.targets == ["rfp1:1", "rfp1:2", "rfp1:3"]
    assert advice.cures == [] and advice.plan is None


def test_a_cure_that_clears_the_conferral_gate_but_loses_on_the_merits_is_an_advance() -> None:
    case = load(edit(NEVER_RAISED, findings={"objections": {"sustained": [4]}}))
    advice = advice_for(case)
    assert "rfp1:4" not in {r for c in advice.cures for r in c.flips}
    advances = [a for a in advice.advances if "rfp1:4" in a.requests]
    assert advances and all(a.outcome.dispositions["rfp1:4"][1] == "merits" for a in advances)


# --- minimality, ranking, impossibility, determinism -----------------------------------------


def test_pairs_are_reported_only_when_no_single_change_works() -> None:
    _, case = example("millare-v-stratton.yaml")
    advice = advice_for(case)
    report = advice_report(advice, "test")
    singles = {c["changes"][0]["key"] for c in report["cures"] if c["size"] == 1}
    for cure in advice.cures:
        if len(cure.outcome.changes) == 2:
            assert not (cure.outcome.keys & singles)


def test_cures_are_ranked_by_size_then_cost() -> None:
    _, case = example("palominos-cervantes-v-gm.yaml")
    advice = advice_for(case)
    ranks = [(len(c.outcome.changes), c.outcome.cost) for c in advice.cures]
    assert ranks == sorted(ranks)
    letter, phone = (c for c in advice.cures if "rfp1:34" in c.flips)
    assert letter.outcome.cost < phone.outcome.cost


def test_after_the_motion_a_conferral_is_impossible() -> None:
    _, case = example("palominos-cervantes-v-gm.yaml")
    advice = advice_for(case, today=dt.date(2023, 10, 2))
    assert advice.cures == []
    reasons = [o.impossible for o in advice.impossible]
    assert reasons and all(r and "2023-09-14" in r and "has passed" in r for r in reasons)


def test_notice_after_the_deadline_is_impossible_but_an_extension_is_not() -> None:
    case = load(LATE)
    advice = advice_for(case, today=dt.date(2024, 4, 20))
    impossible = [o for o in advice.impossible if o.changes[0].action == "act_by"]
    assert impossible and "has passed" in str(impossible[0].impossible)
    assert {c.outcome.changes[0].action for c in advice.cures} == {"agreement"}


def test_notice_cannot_precede_the_response() -> None:
    case = load(LATE)
    advice = advice_for(case)
    change = next(c for cure in advice.cures for c in cure.outcome.changes if c.action == "act_by")
    start = change.get("start")
    assert start == dt.date(2024, 2, 12) and change.get("last_day") >= start


def test_the_budget_bounds_the_search_and_says_so() -> None:
    _, case = example("millare-v-stratton.yaml")
    advice = advice_for(case, budget=3)
    assert advice.runs <= 4 and not advice.complete


def test_advice_is_deterministic() -> None:
    _, case = example("palominos-cervantes-v-gm.yaml")
    first = advice_report(advice_for(case), "test")
    second = advice_report(advice_for(case), "test")
    assert first == second


def test_a_conferral_the_court_ordered_by_a_day_is_dated_by_that_day() -> None:
    doc = edit(federal("sdcal"), prior_orders=[{"kind": "meet_and_confer", "by": "2024-02-15"}])
    case = load(doc)
    advice = advice_for(case)
    assert advice.cures, "a conferral by the ordered day should cure the motion"
    best = advice.cures[0]
    (change,) = best.outcome.changes
    assert change.get("by") == dt.date(2024, 2, 15)
    assert best.outcome.applied[0].date == dt.date(2024, 2, 15)
    assert all(v == "granted" for r, v in redecide(case, best).items() if r in best.flips)


def test_an_order_dated_before_the_discovery_makes_the_conferral_impossible() -> None:
    doc = edit(federal("sdcal"), prior_orders=[{"kind": "meet_and_confer", "by": "2024-01-02"}])
    advice = advice_for(load(doc))
    reasons = [str(o.impossible) for o in advice.impossible]
    assert any("must come by the day the court ordered, by 2024-01-02" in r for r in reasons)
