"""``kb rules`` lists the rule base; ``kb schema`` prints the case-file schema."""

from __future__ import annotations

import json

from click.testing import CliRunner

from cli import main


def test_rules_json_lists_metadata() -> None:
    result = CliRunner().invoke(main, ["rules", "--format", "json"])
    assert result.exit_code == 0
    rules = {r["id"]: r for r in json.loads(result.output)}
    never = rules["ca.meet_confer.request_never_raised"]
    assert "ccp:2016.040" in never["authorities"]
    assert never["since"] == "2005-07-01" and never["statement"]
    assert rules["ca.idc.authorized_by_2016_080"]["until"] == "2023-01-01"


def test_rules_as_of_filters_by_effective_dates() -> None:
    def ids(as_of: str) -> set[str]:
        result = CliRunner().invoke(main, ["rules", "--as-of", as_of, "--format", "json"])
        assert result.exit_code == 0
        return {r["id"] for r in json.loads(result.output)}

    assert "ca.idc.authorized_by_2016_080" in ids("2020-06-01")
    assert "ca.idc.authorized_by_2016_080" not in ids("2024-06-01")
    assert "ca.sanctions.failure_to_confer_2023_050" not in ids("2023-06-01")
    assert "ca.sanctions.failure_to_confer_2023_050" in ids("2024-06-01")


def test_rules_text_for_one_district() -> None:
    result = CliRunner().invoke(main, ["rules", "--jurisdiction", "federal/sdcal"])
    assert result.exit_code == 0
    assert "sdcal.meet_confer.no_conference" in result.output
    assert "ca.meet_confer" not in result.output


def test_schema_is_printed() -> None:
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.output)
    assert schema["title"].startswith("discovery-kb case file")
    assert "conferrals" in schema["properties"]


def test_markdown_reference_lists_every_rule_and_is_current() -> None:
    from tests.helpers import ROOT

    result = CliRunner().invoke(main, ["rules", "--format", "markdown"])
    assert result.exit_code == 0
    listed = CliRunner().invoke(main, ["rules", "--format", "json"])
    for entry in json.loads(listed.output):
        assert f"#### `{entry['id']}`" in result.output
    assert "### Code Civ. Proc., § 2016.040" in result.output
    from jurisdictions import all_rule_sets
    from kb.rule_reference import render_markdown
    from kb.rules import catalog

    core = render_markdown(catalog(all_rule_sets(include_plugins=False)))
    checked_in = (ROOT / "docs" / "reference" / "rules.md").read_text(encoding="utf-8")
    assert checked_in == core, "run: uv run kb rules --format markdown > docs/reference/rules.md"
