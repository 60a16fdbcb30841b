"""End-to-end cases: every ``*.expected.yaml`` here, and the practice corpus of real rulings.

An expected file names its case file (``case``, relative to the expected file) and what the
decision must contain: ``disposition``; per-request ``requests`` (optional); ``decisive``
authority ids, each of which must be among the authorities of the decision's grounds (the list
is a minimum); ``orders`` (compared as a set); ``sanctions`` (null, or who pays; the amount is
compared only when the case file fixes it, i.e. for our own cases). The practice corpus in
``../shared/practice`` follows the same format (its README); award amounts there are the
courts' own choices, which no case-file fact determines, so they are not compared.

Optional keys, for own cases transcribed from real orders (``fed-*``):

- ``compare_amount: false``: the award's amount is the court's choice (usually less than the
  request, or unknown), so only who pays is compared; the expected ``amount`` records it (or null).
- ``source``, ``court_text``, ``assumptions``: documentation, not compared.

``KNOWN_DIFFERENCES`` lists (case name, field) pairs where this rule base knowingly decides a
real order differently, each with its reason; that field alone is then not compared.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from kb.casefile import load_case
from tests.helpers import SHARED, run_case

HERE = Path(__file__).parent
PRACTICE = SHARED / "practice"

KNOWN_DIFFERENCES = {
    ("raya-v-calbiotech-sdcal-2019", "orders"): (
        "the order compelled responses only; this rule base also orders production where a "
        "document request went unanswered, as the Cal. Sportfishing order did on the same facts"
    ),
    ("fed-edcal-hart-v-pae", "orders"): (
        "the court directed a telephone or in-person conference after denying a represented "
        "party's letter-only motion against a pro se (not incarcerated) party; the rule base "
        "orders a conference only for prisoners or under a judge's joint-submission procedure, "
        "and no general rule fits the other E.D. denials (Valladores, Molen: no order)"
    ),
    ("fed-sdcal-morrow-v-city-of-san-diego", "sanctions"): (
        "the court denied the mandatory Rule 37(a)(5)(A) expenses 'at this time' without a reason "
        "in the available text; no finding supports an exception, so the rule base awards them"
    ),
    ("fed-sdcal-morrow-v-city-of-san-diego", "orders"): (
        "follows from the sanctions difference: the award brings an order to pay"
    ),
    ("fed-edcal-munoz-v-csu", "disposition"): (
        "format gap: the court excused the late response for good cause (a clerical error), so "
        "the objections survived and the motion was granted only in part; format 1 has no finding "
        "for Rule 33(b)(4)'s good-cause excuse, and without one the objections are waived"
    ),
    ("fed-edcal-munoz-v-csu", "orders"): "follows from the disposition difference (expenses)",
    ("fed-edcal-munoz-v-csu", "sanctions"): "follows from the disposition difference",
}


def own_cases() -> list[Path]:
    return sorted(HERE.glob("*.expected.yaml"))


def practice_cases() -> list[Path]:
    return sorted((PRACTICE / "expected").glob("*.yaml"))


def check(name: str, case_path: Path, expected: dict[str, Any], compare_amounts: bool) -> None:
    decision, _ = run_case(load_case(case_path))
    problems: list[str] = []
    known = {field for (case, field) in KNOWN_DIFFERENCES if case == name}
    if decision.disposition != expected["disposition"] and "disposition" not in known:
        problems.append(f"disposition {decision.disposition} != {expected['disposition']}")
    for request, disposition in (expected.get("requests") or {}).items():
        got = decision.requests.get(str(request))
        if got is None or got.disposition != disposition:
            problems.append(f"{request}: {got and got.disposition} != {disposition}")
    cited = {a for ground in decision.grounds for a in ground.authorities}
    missing = [a for a in expected.get("decisive") or [] if a not in cited]
    if missing:
        problems.append(f"decisive authorities not among the grounds: {missing}")
    orders = {order.kind for order in decision.orders}
    if orders != set(expected.get("orders") or []) and (name, "orders") not in KNOWN_DIFFERENCES:
        problems.append(f"orders {sorted(orders)} != {sorted(expected.get('orders') or [])}")
    want = expected.get("sanctions")
    got = decision.sanctions
    if (name, "sanctions") in KNOWN_DIFFERENCES:
        pass
    elif (want is None) != (got is None):
        problems.append(f"sanctions {got and got.against} != {want}")
    elif want is not None and got is not None:
        if got.against != want["against"]:
            problems.append(f"sanctions against {got.against} != {want['against']}")
        if (
            compare_amounts
            and expected.get("compare_amount", True)
            and got.amount != want["amount"]
        ):
            problems.append(f"sanctions amount {got.amount} != {want['amount']}")
    assert not problems, f"{name}: " + "; ".join(problems)


@pytest.mark.parametrize("expected_path", own_cases(), ids=lambda p: p.name.split(".")[0])
def test_own_case(expected_path: Path) -> None:
    expected = yaml.safe_load(expected_path.read_text(encoding="utf-8"))
    name = expected_path.name.removesuffix(".expected.yaml")
    check(name, (expected_path.parent / expected["case"]).resolve(), expected, True)


@pytest.mark.parametrize("expected_path", practice_cases(), ids=lambda p: p.stem)
def test_practice_ruling(expected_path: Path) -> None:
    expected = yaml.safe_load(expected_path.read_text(encoding="utf-8"))
    check(expected_path.stem, PRACTICE / "cases" / expected_path.name, expected, False)


def test_the_practice_corpus_is_there() -> None:
    assert len(practice_cases()) >= 12, f"expected the practice corpus at {PRACTICE}"
