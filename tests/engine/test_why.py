"""why: the chain from case-file facts through firings to a conclusion."""

from __future__ import annotations

import pytest

from engine.explain import (
    UnknownConclusion,
    as_data,
    render_chain,
    resolve_conclusion,
    resolve_target,
    why,
)
from tests.engine.support import PALOMINOS, explained


def test_chain_runs_from_case_facts_through_firings_to_the_conclusion() -> None:
    run = explained(PALOMINOS)
    chain = why(run.graph, "concl:request:rfp1:34:denied")
    facts = {f.id: f for f in chain.facts}
    assert facts["fact:conferral:letter-2023-08-17"].path == "conferrals[0]"
    assert facts["fact:conferral:letter-2023-08-17"].record == "Yashar Decl. ¶ 7, Ex. 3"
    assert facts["fact:request:rfp1:34"].record == "Yashar Decl., Ex. 2, p. 26"
    assert [a.id for a in chain.absences] == ["absence:raised:rfp1:34"]
    assert chain.absences[0].path == "conferrals[*].requests"
    rules = [f.rule for f in chain.firings]
    # dependency order: the requirement, the absence, the ground, the disposition
    assert rules == [
        "ca.meet_confer.required",
        "common.record.request_not_raised",
        "ca.meet_confer.request_never_raised",
        "common.disposition.request",
    ]
    ground = chain.firings[2]
    assert {a.citation for a in ground.authorities} >= {
        "Code Civ. Proc., § 2016.040",
        "Clement v. Alegre (2009) 177 Cal.App.4th 1277",
    }
    assert "absence:raised:rfp1:34" in ground.premises
    # minimal: nothing about the other requests
    assert not any("rfp1:35" in f.id or "rfp1:13" in f.id for f in chain.firings)


def test_chain_text_and_data() -> None:
    chain = why(explained(PALOMINOS).graph, "concl:request:rfp1:34:denied")
    text = render_chain(chain)
    assert "[would be at conferrals[*].requests]" in text
    assert "(Yashar Decl. ¶ 7, Ex. 3)" in text
    data = as_data(chain)
    assert data["target"] == "concl:request:rfp1:34:denied"
    assert data["firings"][0]["authorities"][0]["citation"].startswith("Code Civ. Proc.")


def test_bare_request_ids_in_a_one_set_case() -> None:
    run = explained(PALOMINOS)
    assert resolve_target(run.graph, "concl:request:34:denied", "rfp1") == (
        "concl:request:rfp1:34:denied"
    )
    assert resolve_conclusion(run.result, run.graph, "concl:request:34:denied") == (
        "concl:request:rfp1:34:denied"
    )


def test_a_conclusion_not_reached_points_at_why_not() -> None:
    run = explained(PALOMINOS)
    with pytest.raises(UnknownConclusion) as caught:
        resolve_conclusion(run.result, run.graph, "concl:request:34:granted")
    assert "was not reached" in str(caught.value)
    assert "concl:request:rfp1:34:denied" in caught.value.near


def test_unknown_ids_list_near_matches() -> None:
    run = explained(PALOMINOS)
    with pytest.raises(UnknownConclusion) as caught:
        resolve_conclusion(run.result, run.graph, "concl:request:rfp1:34:denid")
    assert caught.value.near[0] == "concl:request:rfp1:34:denied"
