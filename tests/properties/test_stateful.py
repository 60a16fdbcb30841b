"""A running engine, its facts asserted, retracted and modified step by step.

The machine keeps one case file and one :class:`engine.session.Session` (a running engine per
rule base). Each step changes a fact: a communication is added, withdrawn or changed, a
response or a ruling on objections changes, a paper is filed or not, a request joins or leaves
the motion, a date moves. After every step the session re-decides, and the explanation graph
must match the facts as they now stand: every case fact and nothing else, no conclusion resting
on a withdrawn fact, the exchange of each request exactly the communications that raise it,
and the same bytes a fresh engine gives.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from typing import Any

import networkx as nx
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from engine.api import decide as decide_fresh
from engine.exports.node_link import to_json
from engine.provenance import build_graph
from engine.session import Session
from jurisdictions import RULES_VERSION, rule_sets_for
from kb.record import build_record
from kb.testing import case_files, mutations
from kb.testing.strategies import DrawSource
from tests.properties.support import PROFILE, Doc, at_issue, iso, load, motion_served, spec

METHODS = ("letter", "email", "phone", "video", "in_person")


def expected_exchange(doc: Doc) -> dict[str, set[str]]:
    """Which communications raised each request before the motion, read straight from the file
    (a reply without a list of its own raises what it answers)."""
    case = load(doc)
    by_id = {c["id"]: c for c in doc.get("conferrals") or []}

    def raised(cid: str, depth: int = 0) -> set[str]:
        refs = case.conferral_requests[cid]
        if refs is not None:
            return {str(r) for r in refs}
        target = by_id[cid].get("replying_to")
        return raised(target, depth + 1) if target and depth < len(by_id) else set()

    out: dict[str, set[str]] = {r: set() for r in at_issue(doc)}
    served = motion_served(doc)
    for cid, conferral in by_id.items():
        if iso(conferral["date"]) >= served:
            continue
        for request in raised(cid) & set(out):
            dset = doc["discovery"][request.rsplit(":", 1)[0]]
            if {conferral["from"], conferral["to"]} == {dset["from"], dset["to"]}:
                out[request].add(cid)
    return out


class RunningEngine(RuleBasedStateMachine):
    """Facts change; the explanation graph follows."""

    def __init__(self) -> None:
        super().__init__()
        self.session = Session(RULES_VERSION)
        self.doc: Doc = {}
        self.added = 0
        self.last: tuple[str, str] = ("", "")

    @initialize(doc=case_files(requests=(1, 4), conferrals=(0, 3)))
    def start(self, doc: Doc) -> None:
        self.doc = doc

    # --- asserting, retracting and modifying facts ------------------------------------------

    @rule(data=st.data())
    def assert_conferral(self, data: st.DataObject) -> None:
        requests = at_issue(self.doc)
        movant = self.doc["motion"]["movant"]
        dset = self.doc["discovery"][requests[0].rsplit(":", 1)[0]]
        other = dset["to"] if dset["from"] == movant else dset["from"]
        by_movant = data.draw(st.booleans(), label="by movant")
        served = motion_served(self.doc)
        days = data.draw(st.integers(-30, 3), label="days from the motion")
        self.added += 1
        conferral: dict[str, Any] = {
            "id": f"step-{self.added}",
            "date": (served + dt.timedelta(days=days)).isoformat(),
            "from": movant if by_movant else other,
            "to": other if by_movant else movant,
            "method": data.draw(st.sampled_from(METHODS), label="method"),
            "requests": spec(
                self.doc, data.draw(st.lists(st.sampled_from(requests), unique=True), label="r")
            ),
        }
        if not by_movant and data.draw(st.booleans(), label="offers"):
            conferral["offers"] = ["supplement"]
        self.doc = copy.deepcopy(self.doc)
        self.doc.setdefault("conferrals", []).append(conferral)

    @precondition(lambda self: bool(self.doc.get("conferrals")))
    @rule(data=st.data())
    def retract_conferral(self, data: st.DataObject) -> None:
        self.doc = mutations.drop_conferral(DrawSource(data.draw), self.doc)

    @precondition(lambda self: bool(self.doc.get("conferrals")))
    @rule(data=st.data())
    def modify_conferral(self, data: st.DataObject) -> None:
        self.doc = copy.deepcopy(self.doc)
        conferral = data.draw(st.sampled_from(self.doc["conferrals"]), label="conferral")
        conferral["method"] = data.draw(st.sampled_from(METHODS), label="method")
        if data.draw(st.booleans(), label="re-raise"):
            picked = data.draw(
                st.lists(st.sampled_from(at_issue(self.doc)), unique=True), label="requests"
            )
            conferral["requests"] = spec(self.doc, picked)

    @rule(data=st.data(), kind=st.sampled_from(["objections", "answer", "full_compliance"]))
    def modify_response(self, data: st.DataObject, kind: str) -> None:
        request = data.draw(st.sampled_from(at_issue(self.doc)), label="request")
        set_id, number = request.rsplit(":", 1)
        self.doc = copy.deepcopy(self.doc)
        response = self.doc["discovery"][set_id].get("response")
        if response is not None:
            key: Any = int(number) if number.isdigit() else number
            items = {k: v for k, v in (response.get("items") or {}).items() if str(k) != number}
            response["items"] = {**items, key: {"kind": kind}}

    @rule(
        paper=st.sampled_from(["meet_and_confer_declaration", "certification"]), filed=st.booleans()
    )
    def file_paper(self, paper: str, filed: bool) -> None:
        self.doc = copy.deepcopy(self.doc)
        self.doc["motion"].setdefault("papers", {})[paper] = {"filed": filed}

    @rule(data=st.data())
    def assert_request(self, data: st.DataObject) -> None:
        self.doc = mutations.add_request(DrawSource(data.draw), self.doc)

    @precondition(lambda self: len(at_issue(self.doc)) > 1)
    @rule(data=st.data())
    def retract_request(self, data: st.DataObject) -> None:
        requests = at_issue(self.doc)
        gone = data.draw(st.sampled_from(requests), label="request")
        self.doc = copy.deepcopy(self.doc)
        self.doc["motion"]["requests"] = spec(self.doc, [r for r in requests if r != gone])

    @rule(data=st.data())
    def move_a_date(self, data: st.DataObject) -> None:
        self.doc = mutations.shift_date(DrawSource(data.draw), self.doc)

    # --- the graph follows the facts --------------------------------------------------------

    @invariant()
    def graph_matches_the_facts(self) -> None:
        if not self.doc:
            return
        case = load(self.doc)
        decision, result = self.session.decide(case, rule_sets_for(case.model.case.court))
        graph = build_graph(result)
        record = build_record(case)
        facts = {n for n, kind in graph.nodes(data="kind") if kind == "fact"}
        assert facts == {e.fact.node_id() for e in record.entries}
        for entry in record.entries:
            data = json.loads(graph.nodes[entry.fact.node_id()]["data"])
            assert data == json.loads(json.dumps(entry.fact.fields(), default=str))
        for firing in result.firings:
            for node in (*firing.premises, *firing.because):
                assert node in graph and graph.nodes[node]["kind"] in (
                    "fact",
                    "absence",
                    "conclusion",
                ), node
        exchange = expected_exchange(self.doc)
        for request, conferrals in exchange.items():
            fact = result.facts[f"fact:request:{request}"]
            assert {item.conferral for item in fact["exchange"]} == conferrals, request
        assert nx.is_directed_acyclic_graph(graph)
        self.last = (decision.to_json(), to_json(graph))

    def teardown(self) -> None:
        """After all the changes, the running engine still decides as a fresh one does."""
        if not self.doc:
            return
        case = load(self.doc)
        fresh_decision, fresh = decide_fresh(
            case, rule_sets_for(case.model.case.court), RULES_VERSION
        )
        assert self.last == (fresh_decision.to_json(), to_json(build_graph(fresh)))


RunningEngine.TestCase.settings = settings(
    max_examples={"ci": 100, "mutation": 4}.get(PROFILE, 6), stateful_step_count=8
)
TestRunningEngine = RunningEngine.TestCase
