"""What the property suites share: deciding generated documents, and reading the results.

Documents are decided on one :class:`engine.session.Session` (a running engine per rule base,
much faster than a fresh engine per example); tests/properties/test_determinism.py checks that
it decides exactly as fresh engines in other processes do.
"""

from __future__ import annotations

import copy
import datetime as dt
import os
import re
from typing import Any

import networkx as nx

from engine.engine import Result
from engine.provenance import build_graph
from engine.session import Session
from jurisdictions import RULES_VERSION, rule_sets_for
from kb.crossref import Case, resolve
from kb.facts import Ground
from kb.outcomes import Decision

Doc = dict[str, Any]
PROFILE = os.environ.get("KB_HYPOTHESIS_PROFILE", "dev")
LOADER_EXAMPLES = {"dev": 200, "ci": 3000, "mutation": 20}.get(PROFILE, 200)
"""Examples for the test that the loader accepts every generated file ("thousands" in CI)."""

SESSION = Session(RULES_VERSION)

MOVANT_RANK = {
    "denied": 0,
    "off_calendar": 1,
    "denied_without_prejudice": 2,
    "continued": 3,
    "moot": 4,
    "granted": 5,
}
"""How good a request's disposition is for the movant (``undetermined`` is not ranked)."""


def load(doc: Doc) -> Case:
    return resolve("generated.yaml", copy.deepcopy(doc))


def decide(doc: Doc) -> tuple[Decision, Result]:
    case = load(doc)
    return SESSION.decide(case, rule_sets_for(case.model.case.court))


def explained(doc: Doc) -> tuple[Decision, Result, nx.MultiDiGraph]:
    decision, result = decide(doc)
    return decision, result, build_graph(result)


def gates(doc: Doc) -> tuple[str, ...]:
    """The decision procedure's gates, in order, for the document's court."""
    out: tuple[str, ...] = ()
    for rule_set in rule_sets_for(load(doc).model.case.court):
        out = tuple(getattr(rule_set, "GATES", out))
    return out


def dispositions(decision: Decision) -> dict[str, str]:
    return {r: o.disposition for r, o in decision.requests.items()}


def at_issue(doc: Doc) -> list[str]:
    return [str(r) for r in load(doc).motion_requests]


def grounds_on(result: Result, request: str) -> list[Ground]:
    """Standing grounds that bear on one request: its own, its set's, and the motion's."""
    set_id = request.rsplit(":", 1)[0]
    out: list[Ground] = []
    for fact in result.facts.values():
        if not isinstance(fact, Ground):
            continue
        if fact.get("request"):
            if fact["request"] == request:
                out.append(fact)
        elif fact.get("set"):
            if fact["set"] == set_id:
                out.append(fact)
        else:
            out.append(fact)
    return out


def decided_at(result: Result, request: str) -> str:
    """The gate that decided a request (``none`` if no rule did)."""
    for fact in result.facts.values():
        if type(fact).__name__ == "RequestDisposition" and fact["request"] == request:
            return str(fact["gate"])
    return "none"


def spec(doc: Doc, refs: list[str]) -> Any:
    """A request list naming ``refs`` (``SET:N``), in the form the document's sets allow."""
    by_set: dict[str, list[Any]] = {}
    for ref in refs:
        set_id, number = ref.rsplit(":", 1)
        by_set.setdefault(set_id, []).append(int(number) if number.isdigit() else number)
    if len(doc["discovery"]) == 1:
        return next(iter(by_set.values()), [])
    return by_set


def other_side(doc: Doc, request: str) -> str:
    """The party across the request's discovery set from the movant."""
    dset = doc["discovery"][request.rsplit(":", 1)[0]]
    movant = doc["motion"]["movant"]
    return str(dset["to"] if dset["from"] == movant else dset["from"])


def iso(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def motion_served(doc: Doc) -> dt.date:
    return iso(doc["motion"]["served"]["date"])


def new_conferral(doc: Doc, **fields: Any) -> Doc:
    """A copy of ``doc`` with one more communication (an id of its own is found)."""
    out = copy.deepcopy(doc)
    taken = {c["id"] for c in out.get("conferrals") or []}
    n = 1
    while f"added-{n}" in taken:
        n += 1
    out.setdefault("conferrals", []).append({"id": f"added-{n}", **fields})
    return out


def canonical_ids(text: str, ids: list[str]) -> str:
    """``text`` with each id (a party or communication id) replaced by a placeholder for its
    position, so that two texts can be compared up to renaming."""
    for index, name in sorted(enumerate(ids), key=lambda pair: -len(pair[1])):
        text = re.sub(rf"(?<![\w-]){re.escape(name)}(?![\w-])", f"<id{index}>", text)
    return text


def party_and_conferral_ids(doc: Doc) -> list[str]:
    return [*doc["parties"], *(c["id"] for c in doc.get("conferrals") or [])]


def with_paper(doc: Doc, name: str, filed: bool) -> Doc:
    """A copy of ``doc`` stating whether one paper was filed."""
    out = copy.deepcopy(doc)
    out["motion"].setdefault("papers", {})[name] = {"filed": filed}
    return out


def keep_conferrals(doc: Doc, keep: Any) -> Doc:
    """A copy of ``doc`` with only the communications ``keep(c)`` accepts; replies to the
    others no longer name them."""
    out = copy.deepcopy(doc)
    kept = [c for c in out.get("conferrals") or [] if keep(c)]
    names = {c["id"] for c in kept}
    for conferral in kept:
        if conferral.get("replying_to") not in names:
            conferral.pop("replying_to", None)
    out["conferrals"] = kept
    return out


def day_before_motion(doc: Doc) -> str:
    return (motion_served(doc) - dt.timedelta(days=1)).isoformat()


def standing(result: Result, kind: str) -> list[Any]:
    """Standing conclusions of one fact class, by class name (``Exemption``, ``ExcuseRuling``)."""
    return [f for f in result.facts.values() if type(f).__name__ == kind]


PAPERS = ("meet_and_confer_declaration", "separate_statement", "certification", "joint_statement")


def on_the_merits(doc: Doc) -> Doc:
    """A copy of ``doc`` that passes the procedural gates, so that a property about the merits
    (or about one paper) is tested on every example: a motion to compel further responses is
    served ten days after the last response, the movant talked every request through by
    telephone the day before (and the opponent wrote back), every paper is filed, and there are
    no standing orders, orders to confer, agreements or excuses in play."""
    out = copy.deepcopy(doc)
    out["case"]["court"].pop("standing_orders", None)
    for key in ("informal_conferences", "prior_orders", "agreements", "excuses", "conferrals"):
        out.pop(key, None)
    responses = [
        iso(d["response"]["served"]["date"]) for d in out["discovery"].values() if d.get("response")
    ]
    if out["motion"]["kind"] == "compel_further" and responses:
        served = max(responses) + dt.timedelta(days=10)
        out["motion"]["served"]["date"] = served.isoformat()
        out["case"]["decided"] = (served + dt.timedelta(days=30)).isoformat()
    requests = at_issue(doc)
    movant, other = out["motion"]["movant"], other_side(out, requests[0])
    out = new_conferral(
        out,
        date=day_before_motion(out),
        **{"from": movant, "to": other},
        method="phone",
        requests=spec(out, requests),
    )
    call = out["conferrals"][-1]["id"]
    out = new_conferral(
        out, date=day_before_motion(out), **{"from": other, "to": movant}, method="letter"
    )
    out["conferrals"][-1]["replying_to"] = call
    out["motion"]["papers"] = {name: {"filed": True} for name in PAPERS}
    return out
