"""The engine: strata, exceptions defeating what they override, the rule contract, provenance.

These tests use a small rule set of their own so that they test the machinery, not the law.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from experta import MATCH, Rule

from engine.engine import RuleContractError, engine_for
from engine.provenance import build_graph
from engine.strata import PlanError, plan
from jurisdictions.common.dispositions import DispositionRules
from kb.facts import Exemption, Ground, Motion, Request, Requirement
from kb.record import build_record
from kb.rules import Effective, rule, rule_meta, rules_of
from tests.helpers import ca_further, load


class ToyRules(DispositionRules):
    """A requirement, an exception to it, and a ground that depends on the requirement."""

    GATES = ("conferral",)

    @rule(
        id="toy.requirement",
        authorities=("ccp:2016.040",),
        statement="Confer first.",
        derives=(Requirement,),
    )
    @Rule(Motion(kind=MATCH.kind))
    def requirement(self: Any, kind: str) -> None:
        """Every motion needs a conference."""
        self.conclude(Requirement(requirement="toy"))

    @rule(
        id="toy.exception",
        authorities=("ccp:2031.320",),
        statement="Not for compliance.",
        overrides=("toy.requirement",),
        derives=(Exemption,),
    )
    @Rule(Motion(kind="compel_compliance"))
    def exception(self: Any) -> None:
        """Compliance motions are exempt."""
        self.conclude(Exemption(requirement="toy", reason="compliance"))

    @rule(
        id="toy.ground",
        authorities=("ccp:2016.040",),
        statement="{requests}: denied.",
        derives=(Ground,),
    )
    @Rule(Requirement(requirement="toy"), Request(request=MATCH.request))
    def ground(self: Any, request: str) -> None:
        """A request under the requirement is denied."""
        self.conclude(Ground(rule="toy.ground", gate="conferral", effect="denied", request=request))

    @rule(
        id="toy.old",
        authorities=("ccp:2016.080",),
        statement="Repealed.",
        effective=Effective(until=dt.date(2023, 1, 1)),
        derives=(Ground,),
    )
    @Rule(Request(request=MATCH.request))
    def old(self: Any, request: str) -> None:
        """Only before 2023."""
        self.conclude(Ground(rule="toy.old", gate="conferral", effect="denied", request=request))


def run_toy(**changes: Any) -> Any:
    doc = ca_further()
    doc["motion"].update(changes)
    case = load(doc)
    engine = engine_for((ToyRules,))(case.model.case.decided)
    return engine.decide(build_record(case))


def test_requirement_then_ground_in_later_stratum() -> None:
    result = run_toy()
    strata = {f.rule_id: f.stratum for f in result.firings}
    assert strata["toy.requirement"] < strata["toy.ground"] < strata["common.disposition.request"]
    assert result.live(Ground)


def test_exception_defeats_and_withdraws_the_conclusion() -> None:
    result = run_toy(kind="compel_compliance")
    requirement = next(f for f in result.firings if f.rule_id == "toy.requirement")
    assert requirement.defeated_by == "rule:toy.exception#motion"
    assert "concl:requirement:toy" in result.defeated
    assert not [f for f in result.firings if f.rule_id == "toy.ground"]
    graph = build_graph(result)
    assert graph.has_edge("rule:toy.exception#motion", "rule:toy.requirement#motion")
    assert graph.nodes["rule:toy.requirement#motion"]["status"] == "defeated"


def test_rules_outside_their_dates_do_not_fire() -> None:
    assert "toy.old" not in {f.rule_id for f in run_toy().firings}
    doc = ca_further()
    doc["case"]["decided"] = "2022-06-01"
    for conferral in doc["conferrals"]:
        conferral["date"] = "2022-02-01"
    doc["motion"]["served"]["date"] = "2022-03-01"
    doc["discovery"]["rfp1"]["served"]["date"] = "2022-01-03"
    doc["discovery"]["rfp1"]["response"]["served"]["date"] = "2022-01-20"
    case = load(doc)
    result = engine_for((ToyRules,))(case.model.case.decided).decide(build_record(case))
    assert "toy.old" in {f.rule_id for f in result.firings}


def test_premises_and_authorities_are_recorded() -> None:
    graph = build_graph(run_toy())
    firing = "rule:toy.ground#rfp1:1"
    premises = {u for u, _, k in graph.in_edges(firing, data="kind") if k == "premise"}
    assert premises == {"concl:requirement:toy", "fact:request:rfp1:1"}
    assert graph.has_edge(firing, "auth:ccp:2016.040")
    assert graph.has_edge(firing, "concl:ground:rfp1:1:toy.ground")


def test_concluding_an_undeclared_class_breaks_the_contract() -> None:
    class Bad(DispositionRules):
        GATES = ("x",)

        @rule(id="bad.rule", authorities=("ccp:2016.040",), statement="x", derives=(Ground,))
        @Rule(Motion())
        def bad(self: Any) -> None:
            """Concludes what it does not declare."""
            self.conclude(Requirement(requirement="x"))

    case = load(ca_further())
    with pytest.raises(RuleContractError, match="does not declare"):
        engine_for((Bad,))(case.model.case.decided).decide(build_record(case))


def test_an_exception_that_depends_on_what_it_overrides_is_refused() -> None:
    class Cycle:
        @rule(
            id="cycle.a",
            authorities=("ccp:2016.040",),
            statement="a",
            derives=(Requirement,),
            overrides=("cycle.b",),
        )
        @Rule(Exemption())
        def a(self: Any) -> None:
            """Consumes what b derives while overriding b."""

        @rule(id="cycle.b", authorities=("ccp:2016.040",), statement="b", derives=(Exemption,))
        @Rule(Requirement())
        def b(self: Any) -> None:
            """Consumes what a derives."""

    with pytest.raises(PlanError):
        plan([rule_meta(r) for r in rules_of(Cycle)])


def test_rules_without_metadata_are_refused() -> None:
    class Plain:
        @Rule(Motion())
        def plain(self: Any) -> None:
            """No contract."""

    with pytest.raises(TypeError, match="no @rule metadata"):
        rules_of(Plain)
