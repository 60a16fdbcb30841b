"""Jurisdiction plugins: selected by court, and installing one changes exactly the decisions it
should (the worked plugin in examples/plugins/lasc-pi-hub)."""

from __future__ import annotations

import datetime as dt
import importlib
import sys
from pathlib import Path
from typing import Any

import pytest

from engine.api import decide
from jurisdictions import RULES_VERSION, rule_sets_for
from jurisdictions.plugins import Plugin
from kb.casefile import Court, load_case
from tests.helpers import EXAMPLES, ROOT, SHARED, ca_further, edit, load

PLUGIN_SRC = ROOT / "examples" / "plugins" / "lasc-pi-hub" / "src"


@pytest.fixture(scope="module")
def hub_plugin() -> Plugin:
    sys.path.insert(0, str(PLUGIN_SRC))
    try:
        module = importlib.import_module("lasc_pi_hub")
    finally:
        sys.path.remove(str(PLUGIN_SRC))
    plugin: Plugin = module.PLUGIN
    return plugin


def test_selectors() -> None:
    plugin = Plugin(
        name="x", mixins=(), system="california", county="Los Angeles", departments=("29",)
    )
    assert plugin.applies(Court(system="california", county="los angeles", department="29"))
    assert not plugin.applies(Court(system="california", county="Orange", department="29"))
    assert not plugin.applies(Court(system="california", county="Los Angeles", department="52"))
    assert not plugin.applies(Court(system="federal", district="sdcal"))


def corpus() -> list[Path]:
    paths = sorted(EXAMPLES.glob("*.yaml"))
    paths += sorted((SHARED / "practice" / "cases").glob("*.yaml"))
    paths += sorted((ROOT / "tests" / "cases").glob("*.yaml"))
    return [p for p in paths if not p.name.endswith(".expected.yaml")]


def decided(case: Any, plugins: list[Plugin]) -> str:
    decision, _ = decide(case, rule_sets_for(case.model.case.court, plugins), RULES_VERSION)
    return decision.to_json()


def test_installing_the_plugin_changes_exactly_the_hub_cases(hub_plugin: Plugin) -> None:
    hub = edit(ca_further(), case__court__department="29", case__decided="2024-06-03")
    cases = [load_case(p) for p in corpus()] + [load(hub, "hub.yaml")]
    changed = [c.file for c in cases if decided(c, []) != decided(c, [hub_plugin])]
    expected = [
        c.file
        for c in cases
        if hub_plugin.applies(c.model.case.court)
        and c.model.motion.kind == "compel_further"
        and c.model.case.decided >= dt.date(2022, 12, 1)
        and not any(
            ic.held and ic.date <= c.model.case.decided for ic in c.model.informal_conferences
        )
    ]
    assert changed == expected and "hub.yaml" in changed


def test_the_hub_rule_overrides_the_core_continuance(hub_plugin: Plugin) -> None:
    hub = load(edit(ca_further(), case__court__department="29"), "hub.yaml")
    decision, result = decide(hub, rule_sets_for(hub.model.case.court, [hub_plugin]), RULES_VERSION)
    assert decision.disposition == "off_calendar"
    assert {g.rule for g in decision.grounds if g.decisive} >= {"lasc_pi_hub.idc.not_held"}
    core = [f for f in result.firings if f.rule_id == "ca.idc.not_held"]
    assert core and all(f.defeated_by == "rule:lasc_pi_hub.idc.not_held#motion" for f in core)
