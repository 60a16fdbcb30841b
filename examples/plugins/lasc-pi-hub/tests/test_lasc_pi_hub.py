"""The plugin's own tests: installed, it takes a Hub motion without an IDC off calendar."""

from __future__ import annotations

import copy
from typing import Any

from lasc_pi_hub import PLUGIN

from engine.api import decide
from jurisdictions import RULES_VERSION, rule_sets_for
from jurisdictions.plugins import installed
from kb.crossref import resolve

HUB_CASE: dict[str, Any] = {
    "format": 1,
    "case": {
        "title": "Lee v. Ortiz",
        "number": "23STCV00099",
        "court": {"system": "california", "county": "Los Angeles", "department": "29"},
        "decided": "2023-06-01",
    },
    "parties": {
        "lee": {"name": "Lee", "side": "plaintiff", "counsel": True},
        "ortiz": {"name": "Ortiz", "side": "defendant", "counsel": True},
    },
    "discovery": {
        "rfp1": {
            "kind": "production",
            "set": 1,
            "from": "lee",
            "to": "ortiz",
            "served": {"date": "2023-01-09", "method": "electronic"},
            "requests": ["1-5"],
            "response": {
                "served": {"date": "2023-02-10", "method": "electronic"},
                "verified": True,
                "default": "objections",
            },
        }
    },
    "motion": {
        "kind": "compel_further",
        "movant": "lee",
        "opponent": "ortiz",
        "served": {"date": "2023-03-20", "method": "electronic"},
        "requests": ["1-5"],
        "papers": {
            "meet_and_confer_declaration": {"filed": True},
            "separate_statement": {"filed": True},
        },
    },
    "conferrals": [
        {
            "id": "call-1",
            "date": "2023-03-01",
            "from": "lee",
            "to": "ortiz",
            "method": "phone",
            "requests": ["1-5"],
        }
    ],
}


def disposition(doc: dict[str, Any]) -> str:
    case = resolve("hub.yaml", copy.deepcopy(doc))
    decision, _ = decide(case, rule_sets_for(case.model.case.court), RULES_VERSION)
    return decision.disposition


def test_the_plugin_is_installed() -> None:
    assert PLUGIN in installed()


def test_hub_motion_without_an_idc_goes_off_calendar() -> None:
    assert disposition(HUB_CASE) == "off_calendar"


def test_an_idc_held_lets_the_motion_be_heard() -> None:
    doc = copy.deepcopy(HUB_CASE)
    doc["informal_conferences"] = [{"date": "2023-03-10", "held": True}]
    assert disposition(doc) == "granted"


def test_other_departments_are_not_hub_courts() -> None:
    doc = copy.deepcopy(HUB_CASE)
    doc["case"]["court"]["department"] = "52"
    assert disposition(doc) == "granted"
