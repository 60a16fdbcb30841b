"""The worked examples of the rule catalog (``../shared/law/california.md`` section 9,
``../shared/law/federal.md`` section 6), each encoded as a case file with the outcome the catalog
states, decided and compared exactly as ``tests/cases`` compares its cases (the comparator is
:func:`tests.cases.test_cases.check`).

Each case file's heading cites its example and separates the example's facts from the ones
chosen to complete the file. ``KNOWN_DIFFERENCES`` lists where the decision knowingly departs
from the catalog's stated outcome, with the reason; as in ``tests/cases``, such an aspect must
still differ. ``NOT_ENCODED`` records the parts of examples that format 1 cannot express at all.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.cases.test_cases import check

HERE = Path(__file__).parent

KNOWN_DIFFERENCES = {
    ("f2-cdcal-partial-letter", "orders"): (
        "the catalog grants RFPs 1-5 'with production in 21 days'; on a motion to compel further "
        "responses the rule base orders further responses (which for a Rule 34 request include "
        "producing what it promises) and orders production only where no response was served; "
        "real rulings in tests/cases on the same kind of motion (Gerrie, Fosselman, Murrey) "
        "expect further_responses, so a general change would contradict them"
    ),
    ("f3-edcal-partial-response", "disposition"): (
        "the catalog says the motion is 'dropped or continued for a joint statement'; the rule "
        "base takes the other course its L.R. 251 entry lists, denial without prejudice "
        "(Bradley v. County of San Joaquin; Lawrence v. Costco), which real E.D. Cal. rulings "
        "in tests/cases follow; which course a judge takes is not a fact of format 1"
    ),
    ("f3-edcal-partial-response", "requests"): "follows from the disposition difference",
}

NOT_ENCODED = {
    "C3, unopposed": (
        "format 1 cannot record whether an opposition was filed, so the unopposed version would "
        "be the same file as c3-no-responses-opposed; the catalog's outcome for it is itself "
        "open (CRC 3.1348(a): discretionary; courts differ)"
    ),
    "C2 (b), oral agreement": (
        "agreements in format 1 are written by definition; an oral agreement is simply absent, "
        "which is c2b-electronic-service-late"
    ),
    "C5 version A, continued": (
        "'denied or continued' is the judge's choice; the file expects the denial (Mills) the "
        "rule base gives"
    ),
    "C5 version B, privilege log": (
        "the order for a privilege log has no order kind in format 1; further_responses is checked"
    ),
    "F4, voicemail": (
        "format 1's conferral methods have no one-way voice message ('phone' records a "
        "conversation), so the voicemail is left out; the emails alone decide the example"
    ),
    "F5, RFP 3 as narrowed": (
        "the narrowing (prior excessive-force complaints) and the protective order attached to "
        "the grant are not expressible; RFP 3 is checked as granted"
    ),
    "F5, scheduling order": (
        "no fact says a scheduling order switched L.R. 251 off; the rule base derives it from the "
        "self-represented prisoner party (Jennings), so the file encodes the plaintiff as pro se"
    ),
}


def examples() -> list[Path]:
    return sorted(HERE.glob("*.expected.yaml"))


@pytest.mark.parametrize("expected_path", examples(), ids=lambda p: p.name.split(".")[0])
def test_worked_example(expected_path: Path) -> None:
    expected = yaml.safe_load(expected_path.read_text(encoding="utf-8"))
    name = expected_path.name.split(".")[0]
    case_path = (expected_path.parent / expected["case"]).resolve()
    check(name, case_path, expected, True, KNOWN_DIFFERENCES)


def test_every_example_is_encoded() -> None:
    """C1-C5 and F1-F5 each have at least one case file here, and every known difference names
    one of them."""
    names = {p.name.split(".")[0] for p in examples()}
    for example in ("c1", "c2", "c3", "c4", "c5", "f1", "f2", "f3", "f4", "f5"):
        assert any(n.startswith(example) for n in names), f"worked example {example} not encoded"
    assert {name for name, _ in KNOWN_DIFFERENCES} <= names
