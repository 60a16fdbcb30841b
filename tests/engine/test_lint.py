"""``kb lint``: the rule base is clean, and each kind of problem is caught in a bad rule set."""

from __future__ import annotations

import datetime as dt
from typing import Any

from click.testing import CliRunner
from experta import Rule

from cli import main
from engine.lint import check_contradictions, lint
from jurisdictions import all_rule_sets
from kb.facts import Deadline, Exemption, Ground, Motion, Requirement
from kb.rules import Effective, rule
from tests.helpers import run
from tests.jurisdictions.california.test_rule_cases import CASES as CALIFORNIA
from tests.jurisdictions.federal.test_rule_cases import CASES as FEDERAL


def test_the_rule_base_is_clean() -> None:
    assert [f.line() for f in lint(all_rule_sets(include_plugins=False))] == []


def test_no_contradictions_over_every_rule_case() -> None:
    docs = [doc for pair in (*CALIFORNIA.values(), *FEDERAL.values()) for doc in pair]
    results = [run(doc)[1] for doc in docs]
    assert [f.line() for f in check_contradictions(results)] == []


class Bad:
    @rule(
        id="Bad Id",
        authorities=("ccp:9999.999",),
        statement="",
        derives=(Ground,),
        effective=Effective(since=dt.date(2020, 1, 1), until=dt.date(2019, 1, 1)),
    )
    @Rule(Motion())
    def bad_metadata(self: Any) -> None:
        pass

    @rule(id="bad.never", authorities=("ccp:2016.040",), statement="x", derives=(Ground,))
    @Rule(Deadline())
    def never(self: Any) -> None:
        """Needs a Deadline that nothing in this set derives."""

    @rule(
        id="bad.cycle_a",
        authorities=("ccp:2016.040",),
        statement="a",
        derives=(Requirement,),
        overrides=("bad.cycle_b", "bad.ghost"),
    )
    @Rule(Exemption())
    def cycle_a(self: Any) -> None:
        """Consumes what cycle_b derives while overriding it."""

    @rule(id="bad.cycle_b", authorities=("ccp:2016.040",), statement="b", derives=(Exemption,))
    @Rule(Requirement())
    def cycle_b(self: Any) -> None:
        """Consumes what cycle_a derives."""


def test_each_problem_is_reported() -> None:
    lines = [f.line() for f in lint({"bad": (Bad,)})]
    text = "\n".join(lines)
    for expected in (
        "Bad Id: id must be dotted lowercase",
        "Bad Id: unknown authority",
        "Bad Id: no statement",
        "Bad Id: no docstring",
        "Bad Id: empty effective range",
        "bad.never: can never fire in bad: nothing provides Deadline",
        "bad.cycle_a: overrides unknown rule bad.ghost",
        "bad: cannot be ordered",
    ):
        assert expected in text, text


def test_cli_lint_passes_on_the_rule_base() -> None:
    result = CliRunner().invoke(main, ["lint"])
    assert result.exit_code == 0 and result.output.strip().endswith("0 problem(s)")
