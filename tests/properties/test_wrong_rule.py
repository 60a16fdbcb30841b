"""A deliberately wrong rule is caught by a property, not only by an example.

``ca.meet_confer.request_never_raised`` is turned into its opposite (a request no communication
raised is *granted*; see engine.mutation). Its own rows in the rule-case table still pass: the
rule fires on its firing case and not on its near miss, which is all an example of firing can
check. The property that states the law (no attempt to resolve a request, no order compelling
it) finds a generated case where the wrong rule grants a request nobody raised.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings

from engine.mutation import mutant
from kb.testing import case_files
from tests.jurisdictions.california.test_rule_cases import CASES
from tests.jurisdictions.rule_cases import check_fires, check_near_miss
from tests.properties.test_law_conferral import no_one_raised_it_so_not_granted

RULE = "ca.meet_confer.request_never_raised"


def test_the_property_holds_for_the_rule_as_written() -> None:
    property_test = settings(max_examples=25, derandomize=True)(
        given(case_files(system="california", motion="compel_further", never_raised=True))(
            no_one_raised_it_so_not_granted
        )
    )
    property_test()


def test_a_flipped_rule_passes_its_examples_but_fails_the_property() -> None:
    fires, near_miss = CASES[RULE]
    property_test = settings(max_examples=25, derandomize=True, print_blob=False)(
        given(case_files(system="california", motion="compel_further", never_raised=True))(
            no_one_raised_it_so_not_granted
        )
    )
    with mutant(RULE, "negate"):
        check_fires(RULE, fires)
        check_near_miss(RULE, near_miss)
        with pytest.raises(AssertionError, match=r"rfp|rog|rfa|frog"):
            property_test()
