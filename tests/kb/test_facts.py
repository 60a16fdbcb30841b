"""kb.facts: knowledge-base facts behave as experta's facts, without experta's per-fact memo
of field defaults where the class declares no fields."""

from __future__ import annotations

import pickle

import pytest
from experta import Field

from kb.facts import Ground, KBFact

_GROUND = {"rule": "r", "gate": "conferral", "effect": "denied", "request": "rfp1:1"}


def test_a_fact_without_declared_fields_sets_no_attribute() -> None:
    ground = Ground(**_GROUND)
    assert "_Fact__defaults" not in vars(ground)
    with pytest.raises(KeyError):
        ground["absent"]  # experta's __missing__: no declared field, no default
    assert ground.get("absent") is None


def test_the_shared_memo_cannot_be_written() -> None:
    with pytest.raises(TypeError):
        Ground(**_GROUND)._Fact__defaults["x"] = 1  # type: ignore[index]


class WithDefault(KBFact):
    """A class that declares a field with a callable default (experta's Field)."""

    note = Field(list, default=list)

    def node_id(self) -> str:
        return "concl:with_default"


def test_declared_defaults_are_memoised_per_fact_as_experta_does() -> None:
    first, second = WithDefault(), WithDefault()
    assert first["note"] == [] and first["note"] is first["note"]
    assert first["note"] is not second["note"]


def test_facts_pickle_and_compare_as_before() -> None:
    ground = Ground(**_GROUND)
    again = pickle.loads(pickle.dumps(ground))
    assert again == ground and type(again) is Ground
    assert again.node_id() == ground.node_id() == "concl:ground:rfp1:1:r"
