"""The two seed rulings, changed by one fact the law does not care about, decide the same.

A title, a record cite, a party's display name, the judge, an uninvolved party, requests of a
set that are not at issue, an unrelated stipulation: none of these may move a disposition, a
ground, an order or a sanction.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from hypothesis import given
from hypothesis import strategies as st

from kb.outcomes import Decision
from kb.requests import expand_list
from tests.helpers import EXAMPLES
from tests.properties.support import Doc, decide

SEEDS = ("palominos-cervantes-v-gm.yaml", "millare-v-stratton.yaml")
WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", min_size=3, max_size=20).map(str.strip)


def seed(name: str) -> Doc:
    doc: Doc = yaml.safe_load((EXAMPLES / name).read_text(encoding="utf-8"))
    return doc


def what_matters(decision: Decision) -> Any:
    """The decision without its words: dispositions, grounds, orders, sanctions, questions."""
    sanctions = decision.sanctions
    return {
        "motion": decision.disposition,
        "requests": {r: (o.disposition, o.grounds) for r, o in decision.requests.items()},
        "grounds": sorted((g.rule, tuple(g.requests), g.decisive) for g in decision.grounds),
        "orders": sorted((o.kind, o.method, tuple(o.requests)) for o in decision.orders),
        "sanctions": sanctions and (sanctions.against, sanctions.amount, sanctions.payee),
        "open": sorted((q.finding, tuple(q.requests)) for q in decision.open_questions),
    }


def records(doc: Doc) -> list[dict[str, Any]]:
    """Every mapping in the document that carries a record cite."""
    found: list[dict[str, Any]] = []

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            if isinstance(value.get("record"), str):
                found.append(value)
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(doc)
    return found


def retitle(doc: Doc, data: st.DataObject) -> None:
    doc["case"]["title"] = data.draw(WORDS.filter(bool), label="title")


def recite(doc: Doc, data: st.DataObject) -> None:
    cited = data.draw(st.sampled_from(records(doc)), label="cited")
    cited["record"] = data.draw(WORDS.filter(bool), label="cite")


def rename_party(doc: Doc, data: st.DataObject) -> None:
    party = data.draw(st.sampled_from(sorted(doc["parties"])), label="party")
    doc["parties"][party]["name"] = data.draw(WORDS.filter(bool), label="name")


def change_judge(doc: Doc, data: st.DataObject) -> None:
    doc["case"]["court"]["judge"] = data.draw(WORDS.filter(bool), label="judge")


def add_bystander(doc: Doc, data: st.DataObject) -> None:
    side = data.draw(st.sampled_from(["plaintiff", "defendant"]), label="side")
    doc["parties"]["bystander"] = {"name": "Uninvolved Co.", "side": side, "counsel": True}


def grow_a_set(doc: Doc, data: st.DataObject) -> None:
    motion = doc["motion"]["requests"]
    growable = [
        s
        for s in doc["discovery"]
        if motion != "all" and not (isinstance(motion, dict) and motion.get(s) == "all")
    ]
    if not growable:
        return
    set_id = data.draw(st.sampled_from(growable), label="set")
    numbers = expand_list(doc["discovery"][set_id]["requests"], "requests")
    top = max(n for n in numbers if isinstance(n, int))
    extra = data.draw(st.integers(1, 20), label="extra")
    doc["discovery"][set_id]["requests"] = (
        [*doc["discovery"][set_id]["requests"], f"{top + 1}-{top + extra}"]
        if extra > 1
        else [*doc["discovery"][set_id]["requests"], top + 1]
    )


def stipulate(doc: Doc, data: st.DataObject) -> None:
    kind = data.draw(st.sampled_from(["protective_order", "deposition_schedule"]), label="kind")
    doc.setdefault("agreements", []).append({"kind": kind, "record": "Stip. (ECF 12)"})


IRRELEVANT: dict[str, Callable[[Doc, st.DataObject], None]] = {
    "title": retitle,
    "record cite": recite,
    "party name": rename_party,
    "judge": change_judge,
    "uninvolved party": add_bystander,
    "requests not at issue": grow_a_set,
    "unrelated stipulation": stipulate,
}


@given(st.sampled_from(SEEDS), st.sampled_from(sorted(IRRELEVANT)), st.data())
def test_an_irrelevant_fact_changes_nothing(name: str, change: str, data: st.DataObject) -> None:
    original = seed(name)
    changed = copy.deepcopy(original)
    IRRELEVANT[change](changed, data)
    assert what_matters(decide(changed)[0]) == what_matters(decide(original)[0])


def test_the_seeds_are_there() -> None:
    for name in SEEDS:
        assert Path(EXAMPLES / name).is_file()
