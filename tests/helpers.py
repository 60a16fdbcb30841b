"""Builders of small case files and helpers to decide them, shared by the test suites.

Every builder returns a fresh, valid case file (as plain data) that decides the "ordinary"
way; tests change one fact at a time with :func:`edit` to fire a rule or to miss it narrowly.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from engine.api import decide
from engine.engine import Result
from jurisdictions import RULES_VERSION, rule_sets_for
from kb.crossref import Case, resolve
from kb.outcomes import Decision

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"


def ca_further() -> dict[str, Any]:
    """A timely California motion to compel further RFP responses, conferred by letter and a
    call, papers in order, objections-only responses: granted on the merits."""
    return {
        "format": 1,
        "case": {
            "title": "Doe v. Acme Corp.",
            "number": "TEST-CA-1",
            "court": {"system": "california", "county": "Los Angeles", "department": "52"},
            "decided": "2024-06-03",
        },
        "parties": {
            "doe": {"name": "Jane Doe", "side": "plaintiff", "counsel": True},
            "acme": {"name": "Acme Corp.", "side": "defendant", "counsel": True},
        },
        "discovery": {
            "rfp1": {
                "kind": "production",
                "set": 1,
                "from": "doe",
                "to": "acme",
                "served": {"date": "2024-01-08", "method": "electronic"},
                "requests": ["1-10"],
                "response": {
                    "served": {"date": "2024-02-12", "method": "electronic"},
                    "verified": True,
                    "default": "objections",
                },
            }
        },
        "motion": {
            "kind": "compel_further",
            "movant": "doe",
            "opponent": "acme",
            "served": {"date": "2024-03-15", "method": "electronic"},
            "requests": ["1-3"],
            "papers": {
                "meet_and_confer_declaration": {"filed": True, "record": "Doe Decl. ¶ 2"},
                "separate_statement": {"filed": True},
            },
        },
        "conferrals": [
            {
                "id": "letter-1",
                "date": "2024-02-20",
                "from": "doe",
                "to": "acme",
                "method": "letter",
                "requests": ["1-3"],
                "substance": "specific",
                "record": "Doe Decl. ¶ 3, Ex. A",
            },
            {
                "id": "call-1",
                "date": "2024-02-27",
                "from": "acme",
                "to": "doe",
                "method": "phone",
                "replying_to": "letter-1",
                "requests": ["1-3"],
                "record": "Doe Decl. ¶ 4",
            },
        ],
    }


def ca_initial() -> dict[str, Any]:
    """A California motion to compel responses to interrogatories nobody answered."""
    doc = ca_further()
    doc["discovery"] = {
        "rog1": {
            "kind": "interrogatories",
            "set": 1,
            "from": "doe",
            "to": "acme",
            "served": {"date": "2024-01-08", "method": "electronic"},
            "requests": ["1-5"],
        }
    }
    doc["motion"].update(kind="compel_initial", requests="all", papers={})
    doc["conferrals"] = []
    return doc


def federal(district: str = "sdcal") -> dict[str, Any]:
    """A federal motion to compel further RFP responses after a telephone conference, with a
    certification and a joint statement: granted on the merits."""
    doc = ca_further()
    doc["case"].update(number="TEST-FED-1", court={"system": "federal", "district": district})
    doc["motion"]["papers"] = {
        "certification": {"filed": True, "record": "ECF 20 at 2"},
        "joint_statement": {"filed": True},
    }
    doc["conferrals"][0]["method"] = "phone"
    return doc


def edit(doc: dict[str, Any], **changes: Any) -> dict[str, Any]:
    """A copy of ``doc`` with dotted paths replaced: ``edit(doc, motion__kind="x")``.

    ``__`` separates path parts; a value of ``DELETE`` removes the key.
    """
    out = copy.deepcopy(doc)
    for dotted, value in changes.items():
        parts = dotted.split("__")
        node = out
        for part in parts[:-1]:
            node = node[int(part)] if isinstance(node, list) else node.setdefault(part, {})
        last = parts[-1]
        if value is DELETE:
            if isinstance(node, list):
                del node[int(last)]
            else:
                node.pop(last, None)
        elif isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value
    return out


DELETE = object()


def load(doc: dict[str, Any], name: str = "test.yaml") -> Case:
    return resolve(name, copy.deepcopy(doc))


def run(doc: dict[str, Any]) -> tuple[Decision, Result]:
    """Decide a case file (plain data) with the core rule base (no installed plugins)."""
    return run_case(load(doc))


def fired(result: Result) -> set[str]:
    """Ids of rules with at least one firing that stands (not defeated)."""
    return {f.rule_id for f in result.firings if f.defeated_by is None}


def defeated(result: Result) -> set[str]:
    """Ids of rules with a firing defeated by an exception."""
    return {f.rule_id for f in result.firings if f.defeated_by is not None}


def shift_years(doc: dict[str, Any], years: int) -> dict[str, Any]:
    """A copy of ``doc`` with every ISO date moved by ``years`` (to test effective dates)."""
    import re

    pattern = re.compile(r"^(\d{4})(-\d{2}-\d{2})$")

    def move(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: move(v) for k, v in value.items()}
        if isinstance(value, list):
            return [move(v) for v in value]
        if isinstance(value, str):
            match = pattern.match(value)
            if match:
                return f"{int(match.group(1)) + years}{match.group(2)}"
        return value

    moved: dict[str, Any] = move(doc)
    return moved


def ca_deem_admitted() -> dict[str, Any]:
    """A California motion to deem admitted requests for admission nobody answered."""
    doc = ca_initial()
    doc["discovery"] = {
        "rfa1": {
            "kind": "admissions",
            "set": 1,
            "from": "doe",
            "to": "acme",
            "served": {"date": "2024-01-08", "method": "electronic"},
            "requests": ["1-5"],
        }
    }
    doc["motion"]["kind"] = "deem_admitted"
    return doc


def federal_initial(district: str = "sdcal") -> dict[str, Any]:
    """A federal motion to compel responses nobody served, after a telephone call."""
    doc = federal(district)
    del doc["discovery"]["rfp1"]["response"]
    doc["conferrals"] = [
        {
            "id": "call-1",
            "date": "2024-02-27",
            "from": "doe",
            "to": "acme",
            "method": "phone",
            "requests": ["1-3"],
        }
    ]
    doc["motion"]["kind"] = "compel_initial"
    return doc


def letters_only(doc: dict[str, Any], answered: bool = True) -> dict[str, Any]:
    """The same case, but the parties only exchanged letters (an answered one by default)."""
    out = copy.deepcopy(doc)
    out["conferrals"] = [
        {
            "id": "letter-1",
            "date": "2024-02-20",
            "from": "doe",
            "to": "acme",
            "method": "letter",
            "requests": ["1-3"],
            "substance": "specific",
        }
    ]
    if answered:
        out["conferrals"].append(
            {
                "id": "letter-2",
                "date": "2024-02-27",
                "from": "acme",
                "to": "doe",
                "method": "letter",
                "replying_to": "letter-1",
            }
        )
    return out


def run_case(case: Case) -> tuple[Decision, Result]:
    """Decide an already loaded case with its court's core rule sets: tests of the core rule
    base must not depend on which plugins happen to be installed."""
    return decide(case, rule_sets_for(case.model.case.court, plugins=()), RULES_VERSION)
