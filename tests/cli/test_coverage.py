"""``kb coverage`` counts which rules fired over a corpus."""

from __future__ import annotations

from click.testing import CliRunner

from cli import main
from tests.helpers import EXAMPLES


def test_coverage_over_the_examples() -> None:
    result = CliRunner().invoke(main, ["coverage", str(EXAMPLES)])
    assert result.exit_code == 0, result.output
    lines = {
        line.split()[0]: line.split()[1:]
        for line in result.output.splitlines()
        if line.startswith("  ") and line.split()[0].count(".") >= 2
    }
    assert lines["ca.meet_confer.request_never_raised"][0] == "1"
    assert lines["common.disposition.motion"][0] == str(len(list(EXAMPLES.glob("*.yaml"))))
    assert "never fired:" in result.output


def test_fail_unexercised_exits_1_when_a_rule_never_fired() -> None:
    result = CliRunner().invoke(
        main, ["coverage", str(EXAMPLES / "palominos-cervantes-v-gm.yaml"), "--fail-unexercised"]
    )
    assert result.exit_code == 1
