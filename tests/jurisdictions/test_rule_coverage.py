"""Every rule in the rule base has its firing case and near miss in a per-system table."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from jurisdictions import all_rule_sets
from kb.rules import catalog
from tests.helpers import ca_further, ca_initial, federal, fired, run
from tests.jurisdictions.california.test_rule_cases import CASES as CALIFORNIA
from tests.jurisdictions.federal.test_rule_cases import CASES as FEDERAL
from tests.jurisdictions.rule_cases import Doc

ALWAYS: dict[str, str] = {
    "common.disposition.request": "every request at issue receives a disposition",
    "common.disposition.motion": "every motion receives a disposition",
}
"""Rules that fire in every case by design (they aggregate); checked to fire, no near miss."""


@pytest.mark.parametrize("rule_id", sorted(ALWAYS))
@pytest.mark.parametrize("builder", [ca_further, ca_initial, lambda: federal("edcal")])
def test_aggregating_rules_always_fire(rule_id: str, builder: Callable[[], Doc]) -> None:
    _, result = run(builder())
    assert rule_id in fired(result)


def test_every_rule_has_its_cases() -> None:
    every = {entry["id"] for entry in catalog(all_rule_sets(include_plugins=False))}
    listed = set(CALIFORNIA) | set(FEDERAL) | set(ALWAYS)
    missing = sorted(every - listed)
    stale = sorted(listed - every)
    assert not missing, f"rules without a firing case and a near miss: {missing}"
    assert not stale, f"cases for rules that no longer exist: {stale}"
    assert not set(CALIFORNIA) & set(FEDERAL), "a rule is listed in two tables"
