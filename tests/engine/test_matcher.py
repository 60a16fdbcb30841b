"""The compiled matcher gives exactly what experta's RETE network gives.

The real rule base is run both ways over the examples, the practice corpus and generated cases,
and the decisions, explanation graphs and firing records must be identical byte for byte. A toy
rule set covers the forms the real rules use only lightly: NOT and EXISTS that change when a
defeated conclusion is withdrawn, a TEST that names a variable bound after it, OR, a fact bound
by name, a predicate, and a rule the compiler does not translate (the engine falls back).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from experta import AS, EXISTS, FORALL, MATCH, NOT, OR, TEST, P, Rule

from benchmarks.generate import california_further, typical
from engine.api import decide
from engine.compile import POS, TEST_KIND, Unsupported, compile_rule
from engine.engine import Result, engine_for
from engine.exports.node_link import to_json
from engine.matcher import alpha
from engine.provenance import build_graph
from jurisdictions import RULES_VERSION, rule_sets_for
from kb.casefile import load_case
from kb.crossref import Case, resolve
from kb.facts import Exemption, Ground, Motion, Request, Requirement
from kb.record import build_record
from kb.rules import rule
from tests.helpers import EXAMPLES, SHARED, ca_further, load


def firing_records(result: Result) -> str:
    return json.dumps(
        [
            [f.id, f.stratum, f.premises, f.because, f.derived, f.scope, f.defeated_by]
            for f in result.firings
        ]
    )


def outputs(case: Case, matcher: str) -> tuple[str, str, str]:
    decision, result = decide(
        case, rule_sets_for(case.model.case.court), RULES_VERSION, matcher=matcher
    )
    return (
        json.dumps(decision.model_dump(mode="json"), indent=2),
        to_json(build_graph(result)),
        firing_records(result),
    )


def corpus() -> list[tuple[str, Any]]:
    files = sorted(EXAMPLES.glob("*.yaml")) + sorted((SHARED / "practice" / "cases").glob("*.yaml"))
    out: list[tuple[str, Any]] = [(p.stem, p) for p in files]
    out += [(f"typical-{i}", typical(i)) for i in range(0, 40, 3)]
    out += [("ca-120", california_further(120, 15, seed=3))]
    return out


@pytest.mark.parametrize(("name", "source"), corpus(), ids=[n for n, _ in corpus()])
def test_compiled_matcher_matches_rete(name: str, source: Any) -> None:
    case = load_case(source) if isinstance(source, Path) else resolve(f"{name}.yaml", source)
    assert outputs(case, "compiled") == outputs(case, "rete")


@pytest.mark.parametrize(
    "source", [california_further(60, 8, seed=5)] + [typical(i) for i in range(12)]
)
def test_dispatch_offers_every_pattern_a_fact_matches_in_order(source: Any) -> None:
    """The field-by-field index only skips patterns a fact cannot match: filtering its
    candidates by the pattern tests gives what filtering every pattern of the class gives."""
    case = resolve("dispatch.yaml", source)
    klass = engine_for(tuple(rule_sets_for(case.model.case.court)))
    engine = klass(case.model.case.decided)
    result = engine.decide(build_record(case))
    assert engine.compiled
    matcher = engine.matcher
    every: dict[type, list[Any]] = {}
    for b, branch in enumerate(matcher.branches):
        for i, element in enumerate(branch.elements):
            if element.pattern is not None:
                every.setdefault(element.pattern.klass, []).append((b, i, element.pattern))
    facts = [e.fact for e in result.record.entries] + list(result.facts.values())
    skipped = 0
    for fact in facts:
        if type(fact) not in every:
            continue
        wanted = [(b, i) for b, i, p in every[type(fact)] if alpha(p, fact) is not None]
        offered = matcher.dispatch[type(fact)].candidates(fact)
        assert [(b, i) for b, i, p, _, _ in offered if alpha(p, fact) is not None] == wanted
        skipped += len(every[type(fact)]) - len(offered)
    assert skipped > 0  # the index does skip patterns


# --- the toy rule set ---------------------------------------------------------------------------


def ground(self: Any, rule_id: str, request: str | None = None) -> None:
    fields = {"request": request} if request else {}
    self.conclude(Ground(rule=rule_id, gate="conferral", effect="denied", **fields))


class Forms:
    """One rule per form; ``t.exempt`` defeats ``t.req``, withdrawing its Requirement."""

    @rule(id="t.req", statement="Required.", derives=(Requirement,))
    @Rule(Motion(kind=MATCH.kind))
    def req(self: Any, kind: str) -> None:
        """A requirement for every motion."""
        self.conclude(Requirement(requirement="toy"))

    @rule(id="t.exempt", statement="Exempt.", overrides=("t.req",), derives=(Exemption,))
    @Rule(Motion(kind="compel_further"))
    def exempt(self: Any) -> None:
        """Further-response motions are exempt."""
        self.conclude(Exemption(requirement="toy", reason="toy"))

    @rule(id="t.not", statement="Not required.", derives=(Ground,))
    @Rule(Request(request=MATCH.request), NOT(Requirement(requirement="toy")))
    def without(self: Any, request: str) -> None:
        """Fires once the requirement is withdrawn."""
        ground(self, "t.not", request)

    @rule(id="t.exists", statement="Required.", derives=(Ground,))
    @Rule(EXISTS(Requirement(requirement="toy")), Request(request=MATCH.request))
    def exists(self: Any, request: str) -> None:
        """Never fires: the requirement is withdrawn before this stratum."""
        ground(self, "t.exists", request)

    @rule(id="t.late_test", statement="Late.", derives=(Ground,))
    @Rule(
        Request(request=MATCH.request, number=1),
        TEST(lambda request, kind: kind is None),
        Motion(kind=MATCH.kind),
    )
    def late_test(self: Any, request: str, kind: str) -> None:
        """experta's TEST sees only what is bound before it: ``kind`` is None there."""
        ground(self, "t.late_test", request)

    @rule(id="t.hoisted", statement="Second.", derives=(Ground,))
    @Rule(
        Motion(kind=MATCH.kind),
        Request(request=MATCH.request, number=MATCH.number),
        TEST(lambda number: number == 2),
    )
    def hoisted(self: Any, request: str, number: int) -> None:
        """A TEST on what one pattern binds: the compiled matcher tries it per request."""
        ground(self, "t.hoisted", request)

    @rule(id="t.or", statement="Either.", derives=(Ground,))
    @Rule(OR(Request(request=MATCH.request, number=2), Request(request=MATCH.request, number=3)))
    def either(self: Any, request: str) -> None:
        """Two branches."""
        ground(self, "t.or", request)

    @rule(id="t.capture", statement="Captured.", derives=(Ground,))
    @Rule(AS.motion << Motion(kind=MATCH.kind))
    def capture(self: Any, motion: Motion, kind: str) -> None:
        """The whole fact, by name."""
        assert motion["kind"] == kind
        ground(self, "t.capture")

    @rule(id="t.predicate", statement="Big.", derives=(Ground,))
    @Rule(Request(request=MATCH.request, number=P(lambda n: n > 2)))
    def predicate(self: Any, request: str) -> None:
        """A predicate on a field."""
        ground(self, "t.predicate", request)


def toy_result(matcher: str, klass: type = Forms) -> tuple[Any, Result]:
    case = load(ca_further())
    engine = engine_for((klass,))(case.model.case.decided, matcher=matcher)
    return engine, engine.decide(build_record(case))


def fired(result: Result) -> set[str]:
    return {f.rule_id for f in result.firings if f.defeated_by is None}


def test_toy_forms_fire_as_experta_fires_them() -> None:
    engine, compiled = toy_result("compiled")
    assert engine.compiled
    _, reference = toy_result("rete")
    assert firing_records(compiled) == firing_records(reference)
    assert fired(compiled) == {
        "t.exempt",
        "t.not",
        "t.late_test",
        "t.hoisted",
        "t.or",
        "t.capture",
        "t.predicate",
    }
    assert [f.id for f in compiled.firings if f.rule_id == "t.not"] == [
        "rule:t.not#rfp1:3",
        "rule:t.not#rfp1:2",
        "rule:t.not#rfp1:1",
    ]


def test_a_test_on_one_patterns_names_moves_into_that_pattern() -> None:
    (branch,) = compile_rule(Forms.hoisted)
    assert [e.kind for e in branch.elements] == [POS, POS]  # no TEST left among the joins
    request = branch.elements[1].pattern
    assert request is not None
    assert [names for names, _ in request.tests] == [("number",)]
    _, result = toy_result("compiled")
    assert [f.id for f in result.firings if f.rule_id == "t.hoisted"] == ["rule:t.hoisted#rfp1:2"]


def test_a_test_reading_names_bound_elsewhere_stays_in_place() -> None:
    (branch,) = compile_rule(Forms.late_test)  # reads ``kind``, which no earlier pattern binds
    assert [e.kind for e in branch.elements] == [POS, TEST_KIND, POS]
    assert all(e.pattern is None or e.pattern.tests == () for e in branch.elements)


class KeywordTest:
    @rule(id="t.keyword_test", statement="Second.", derives=(Ground,))
    @Rule(
        Request(request=MATCH.request, number=MATCH.number),
        TEST(lambda *, number: number == 2),
    )
    def keyword_test(self: Any, request: str, number: int) -> None:
        """A TEST whose parameter can only be named: it stays where experta calls it."""
        ground(self, "t.keyword_test", request)


def test_a_test_taking_keywords_only_stays_in_place() -> None:
    (branch,) = compile_rule(KeywordTest.keyword_test)
    assert [e.kind for e in branch.elements] == [POS, TEST_KIND]
    engine, compiled = toy_result("compiled", KeywordTest)
    assert engine.compiled
    _, reference = toy_result("rete", KeywordTest)
    assert firing_records(compiled) == firing_records(reference)
    assert [f.id for f in compiled.firings] == ["rule:t.keyword_test#rfp1:2"]


class Unusual(Forms):
    """FORALL is not compiled: the engine keeps experta's network for the whole rule set."""

    @rule(id="t.forall", statement="All.", derives=(Ground,))
    @Rule(FORALL(Request(request=MATCH.request), Request(request=MATCH.request, number=P(int))))
    def every(self: Any) -> None:
        """Every request has a number."""
        ground(self, "t.forall")


def test_unsupported_forms_fall_back_to_rete() -> None:
    with pytest.raises(Unsupported):
        compile_rule(Unusual.every)
    engine, result = toy_result("compiled", Unusual)
    assert not engine.compiled
    assert "t.forall" in fired(result)


def test_unknown_matcher_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown matcher"):
        engine_for((Forms,))(load(ca_further()).model.case.decided, matcher="fast")
