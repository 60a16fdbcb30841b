"""The parameter tables (jurisdictions/*/parameters.yaml) and their reading."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kb.parameters import Parameters
from kb.yaml_strict import load_yaml
from tests.helpers import ROOT

TABLES = sorted((ROOT / "jurisdictions").glob("*/parameters.yaml"))


@pytest.mark.parametrize("table", TABLES, ids=lambda p: p.parent.name)
def test_tables_have_no_duplicate_names(table: Path) -> None:
    """They are read with the fast loader at start-up, which lets a repeated name win silently;
    the strict loader the case files get refuses duplicates."""
    load_yaml(str(table), table.read_text(encoding="utf-8"))


@pytest.mark.parametrize("package", ["jurisdictions.california", "jurisdictions.federal"])
def test_every_parameter_has_an_authority_and_a_value(package: str) -> None:
    table = Parameters.load(package)
    assert table.table
    for name, parameter in table.table.items():
        assert parameter.authority, name
        assert parameter.values, name
        parameter.value(dt.date.today())


def test_a_dated_change_applies_from_its_date() -> None:
    table = Parameters.load("jurisdictions.california")
    assert table.value("document_misconduct_sanction", dt.date(2023, 12, 31)) == 250
    assert table.value("document_misconduct_sanction", dt.date(2024, 1, 1)) == 1000
    changed = table.with_values({"motion_notice_days": 60}, since=dt.date(2025, 1, 1))
    assert changed.value("motion_notice_days", dt.date(2024, 12, 31)) == 45
    assert changed.value("motion_notice_days", dt.date(2025, 1, 1)) == 60
    assert table.value("motion_notice_days", dt.date(2025, 1, 1)) == 45
