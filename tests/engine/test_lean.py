"""engine.lean's fact list keeps experta's duplicate rule: a fact with the same class and
content as a standing one is not declared again; retracting frees its place.

Knowledge-base facts are keyed by class and node id (a function of their fields), other facts
by experta's frozenset of fields; both must give experta's answers on what the engine declares.
"""

from __future__ import annotations

from experta import Fact
from hypothesis import given
from hypothesis import strategies as st

from engine.lean import LeanFactList
from kb.facts import Ground, Requirement

_GROUNDS = st.builds(
    Ground,
    rule=st.sampled_from(["ca.a", "ca.b"]),
    gate=st.just("conferral"),
    effect=st.sampled_from(["denied", "granted"]),
    request=st.sampled_from(["rfp1:1", "rfp1:2", "rog2:1"]),
)


def _declared(facts: list[Fact]) -> list[bool]:
    factlist = LeanFactList()
    return [factlist.declare(fact) is not None for fact in facts]


def _experta(facts: list[Fact]) -> list[bool]:
    """What experta's own FactList answers for the same facts."""
    from experta.factlist import FactList

    factlist = FactList()
    return [factlist.declare(fact) is not None for fact in facts]


@given(st.lists(_GROUNDS, max_size=12))
def test_same_content_is_a_duplicate_as_in_experta(grounds: list[Ground]) -> None:
    # The engine declares one fact per node id; among such facts the answers are experta's.
    standing: dict[str, Ground] = {}
    facts = []
    for ground in grounds:
        node = ground.node_id()
        if node in standing and standing[node].fields() != ground.fields():
            continue  # conclude() refuses this before declaring (RuleContractError)
        standing.setdefault(node, ground)
        facts.append(Ground(**ground.fields()))
    assert _declared(facts) == _experta([Ground(**f.fields()) for f in facts])


def test_classes_with_the_same_fields_are_different_facts() -> None:
    class Other(Requirement):
        pass

    assert _declared([Requirement(requirement="x"), Other(requirement="x")]) == [True, True]


def test_a_retracted_fact_can_be_declared_again() -> None:
    factlist = LeanFactList()
    first = factlist.declare(Requirement(requirement="x"))
    assert factlist.declare(Requirement(requirement="x")) is None
    factlist.retract(first)
    assert factlist.declare(Requirement(requirement="x")) is not None


def test_plain_experta_facts_keep_the_frozenset_key() -> None:
    assert _declared([Fact(a=1), Fact(a=1), Fact(a=2)]) == [True, False, True]
