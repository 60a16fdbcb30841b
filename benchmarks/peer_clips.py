"""The per-request meet-and-confer rules in CLIPS (through clipspy), as a peer for our engine.

Both sides get the same generated California motion (``benchmarks.generate``) as the same
case facts (``kb.record``): the motion, its discovery sets, each request with the
communications that raised it. The CLIPS program states what our rules state:

- a motion concerning a discovery set must be preceded by meet and confer (CCP 2016.040);
- a request no communication raised is denied (``request_never_raised``);
- an opposing offer the movant never answered denies it (``offer_unanswered``);
- only the opponent wrote about it: denied (``movant_never_engaged``);
- the movant only demanded compliance, with no conversation: continued (``demand_only``);

and a request's meet-and-confer outcome is the strongest effect among those grounds (denied
over continued; ``none`` when no ground applies). Our side runs the same five rules (and the
two record rules they rest on) as a rule set of its own, with provenance recorded as always.
:func:`compare` times both and asserts that every request gets the same outcome.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from jurisdictions.california.meet_confer import CaliforniaMeetAndConfer
from jurisdictions.common.exchange import DIRECT_METHODS
from jurisdictions.common.record import RecordRules
from kb.facts import DiscoverySet, Ground, Motion, Request
from kb.record import Record

PROGRAM = """
(deftemplate motion (slot system) (slot kind))
(deftemplate discovery-set (slot set) (slot in-motion))
(deftemplate requirement (slot kind) (slot set))
(deftemplate request (slot id) (slot set))
(deftemplate item (slot request) (slot conferral) (slot by-movant) (slot substance)
  (slot direct) (slot offers) (slot answered))
(deftemplate ground (slot request) (slot rule) (slot effect))
(deftemplate outcome (slot request) (slot effect))

(defrule meet-and-confer-required
  (motion (system "california"))
  (discovery-set (set ?s) (in-motion "yes"))
  =>
  (assert (requirement (kind "meet_and_confer") (set ?s))))

(defrule request-never-raised
  (requirement (kind "meet_and_confer") (set ?s))
  (request (id ?r) (set ?s))
  (not (item (request ?r)))
  =>
  (assert (ground (request ?r) (rule "request_never_raised") (effect "denied"))))

(defrule offer-unanswered
  (requirement (kind "meet_and_confer") (set ?s))
  (request (id ?r) (set ?s))
  (exists (item (request ?r) (by-movant "no") (offers "yes") (answered "no")))
  =>
  (assert (ground (request ?r) (rule "offer_unanswered") (effect "denied"))))

(defrule movant-never-engaged
  (requirement (kind "meet_and_confer") (set ?s))
  (request (id ?r) (set ?s))
  (exists (item (request ?r)))
  (not (item (request ?r) (by-movant "yes")))
  (not (item (request ?r) (by-movant "no") (offers "yes") (answered "no")))
  =>
  (assert (ground (request ?r) (rule "movant_never_engaged") (effect "denied"))))

(defrule demand-only
  (requirement (kind "meet_and_confer") (set ?s))
  (request (id ?r) (set ?s))
  (exists (item (request ?r) (by-movant "yes")))
  (not (item (request ?r) (by-movant "yes") (substance ~"demand_only")))
  (not (item (request ?r) (direct "yes")))
  =>
  (assert (ground (request ?r) (rule "demand_only") (effect "continued"))))

(defrule outcome-denied
  (declare (salience -10))
  (request (id ?r))
  (exists (ground (request ?r) (effect "denied")))
  =>
  (assert (outcome (request ?r) (effect "denied"))))

(defrule outcome-continued
  (declare (salience -10))
  (request (id ?r))
  (exists (ground (request ?r) (effect "continued")))
  (not (ground (request ?r) (effect "denied")))
  =>
  (assert (outcome (request ?r) (effect "continued"))))
"""

STRENGTH = {"denied": 2, "continued": 1}


def _yes(value: Any) -> str:
    return "yes" if value else "no"


def clips_outcomes(record: Record) -> dict[str, str]:
    """Run the CLIPS program over the record's facts: request id -> outcome."""
    import clips  # type: ignore[import-untyped]

    env = clips.Environment()
    for construct in _constructs(PROGRAM):
        env.build(construct)
    templates = {name: env.find_template(name) for name in ("motion", "discovery-set", "request")}
    item = env.find_template("item")
    for entry in record.entries:
        fact = entry.fact
        if isinstance(fact, Motion):
            templates["motion"].assert_fact(system=fact["system"], kind=fact["kind"])
        elif isinstance(fact, DiscoverySet):
            templates["discovery-set"].assert_fact(
                set=fact["set"], **{"in-motion": _yes(fact["in_motion"])}
            )
        elif isinstance(fact, Request):
            templates["request"].assert_fact(id=fact["request"], set=fact["set"])
            for x in fact["exchange"]:
                item.assert_fact(
                    request=fact["request"],
                    conferral=x.conferral,
                    substance=x.substance or "",
                    offers=_yes(x.offers),
                    answered=_yes(x.answered),
                    direct=_yes(x.method in DIRECT_METHODS),
                    **{"by-movant": _yes(x.by_movant)},
                )
    env.run()
    out = {str(f["id"]): "none" for f in env.facts() if f.template.name == "request"}
    for fact in env.facts():
        if fact.template.name == "outcome":
            out[str(fact["request"])] = str(fact["effect"])
    return out


def _constructs(program: str) -> list[str]:
    """Split a program into top-level constructs (clipspy builds one at a time)."""
    out, depth, start = [], 0, None
    for index, char in enumerate(program):
        if char == "(":
            if depth == 0:
                start = index
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0 and start is not None:
                out.append(program[start : index + 1])
    return out


class PerRequestConferral:
    """Our side: the same rules, taken from the California and record rule sets unchanged."""

    conferral_required = CaliforniaMeetAndConfer.conferral_required
    request_not_raised = RecordRules.request_not_raised
    offer_not_answered = RecordRules.offer_unanswered
    request_never_raised = CaliforniaMeetAndConfer.request_never_raised
    offer_unanswered = CaliforniaMeetAndConfer.offer_unanswered
    movant_never_engaged = CaliforniaMeetAndConfer.movant_never_engaged
    demand_only = CaliforniaMeetAndConfer.demand_only


def engine_outcomes(record: Record, as_of: Any, matcher: str = "compiled") -> dict[str, str]:
    """Run our engine with :class:`PerRequestConferral`: request id -> outcome."""
    from engine.engine import engine_for

    result = engine_for((PerRequestConferral,))(as_of, matcher=matcher).decide(record)
    out = {str(f["request"]): "none" for f in result.live(Request)}
    for ground in result.live(Ground):
        request, effect = ground.get("request"), ground["effect"]
        if request and STRENGTH[effect] > STRENGTH.get(out[request], 0):
            out[request] = effect
    return out


@dataclass
class PeerRun:
    requests: int
    engine_seconds: float
    clips_seconds: float
    outcomes: dict[str, int]

    @property
    def ratio(self) -> float:
        return self.engine_seconds / self.clips_seconds


def _timed(run: Callable[[], dict[str, str]]) -> tuple[float, dict[str, str]]:
    start = time.perf_counter()
    out = run()
    return time.perf_counter() - start, out


def compare(requests: int, conferrals: int, repeat: int = 3) -> PeerRun:
    """Time both sides on the same case (medians of ``repeat`` runs, alternating) and assert
    that they reach the same outcome for every request."""
    from statistics import median

    from benchmarks.generate import california_further
    from kb.crossref import resolve
    from kb.record import build_record

    case = resolve("peer.yaml", california_further(requests, conferrals))
    as_of = case.model.case.decided
    ours, theirs = [], []
    expected: dict[str, str] | None = None
    for _ in range(repeat):
        record = build_record(case)  # fresh facts: experta stamps ids on the ones it holds
        seconds, mine = _timed(partial(engine_outcomes, record, as_of))
        ours.append(seconds)
        seconds, peer = _timed(partial(clips_outcomes, record))
        theirs.append(seconds)
        assert mine == peer, _difference(mine, peer)
        expected = mine
    assert expected is not None
    counts: dict[str, int] = {}
    for effect in expected.values():
        counts[effect] = counts.get(effect, 0) + 1
    return PeerRun(requests, median(ours), median(theirs), dict(sorted(counts.items())))


def _difference(mine: dict[str, str], peer: dict[str, str]) -> str:
    diff = [
        f"{r}: engine {mine.get(r)} vs CLIPS {peer.get(r)}" for r in mine if mine[r] != peer.get(r)
    ]
    return "per-request outcomes differ: " + "; ".join(diff[:10])
