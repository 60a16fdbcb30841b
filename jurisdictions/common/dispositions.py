"""From grounds to dispositions: the part of the decision procedure both systems share.

A court walks a motion gate by gate (timeliness, calendar, conferral, papers, merits; each
system lists its own order in ``GATES``). A request's disposition is the one called for by the
first gate that decides it; within one gate, the strongest effect wins (a denial over a denial
without prejudice over a continuance). Grounds from later gates stay in the record as
alternative reasons, marked non-decisive in the decision.
"""

from __future__ import annotations

from functools import cache
from typing import Any, ClassVar

from experta import MATCH, Rule

from kb.facts import Ground, Motion, MotionDisposition, OpenQuestion, Request, RequestDisposition
from kb.rules import rule

EFFECT_STRENGTH: dict[str, int] = {
    "denied": 6,
    "denied_without_prejudice": 5,
    "off_calendar": 4,
    "continued": 3,
    "moot": 2,
    "granted": 1,
    "undetermined": 0,
}


@cache
def _gate_ranks(gates: tuple[str, ...]) -> dict[str, int]:
    return {gate: i for i, gate in enumerate(gates)}


def decisive_grounds(grounds: list[Ground], gates: tuple[str, ...]) -> list[Ground]:
    """The grounds that decide: those of the earliest gate, with that gate's strongest effect."""
    if not grounds:
        return []
    rank = _gate_ranks(gates)
    first = min(rank.get(g["gate"], len(gates)) for g in grounds)
    in_gate = [g for g in grounds if rank.get(g["gate"], len(gates)) == first]
    strongest = max(EFFECT_STRENGTH[g["effect"]] for g in in_gate)
    return [g for g in in_gate if EFFECT_STRENGTH[g["effect"]] == strongest]


def motion_disposition(dispositions: list[str]) -> str:
    """Aggregate per-request dispositions into the motion's disposition.

    All granted: granted. Some granted: granted in part (requests found moot count as neither).
    Otherwise a continuance or an order off calendar governs the hearing; then a denial; then
    a denial without prejudice; a motion whose every request is moot is moot.
    """
    present = set(dispositions)
    if not present or "undetermined" in present:
        return "undetermined"
    decided = present - {"moot"}
    if "granted" in decided:
        return "granted" if decided == {"granted"} else "granted_in_part"
    for name in ("continued", "off_calendar", "denied", "denied_without_prejudice"):
        if name in decided:
            return name
    return "moot"


class DispositionRules:
    """Per-request and motion dispositions, drawn from the standing grounds."""

    GATES: ClassVar[tuple[str, ...]] = ()

    @rule(
        id="common.disposition.request",
        derives=(RequestDisposition, OpenQuestion),
        consumes=(Ground,),
        kind="procedure",
        statement="{requests}: {disposition_words}, on the first ground the court reaches "
        "({gate}).",
        narrative="The motion is {disposition_words!u} as to {requests}.",
    )
    @Rule(Request(request=MATCH.request_id, set=MATCH.set_id))
    def request_disposition(self: Any, request_id: str, set_id: str) -> None:
        """A request takes the disposition called for by the first gate that decides it."""
        by_request = self.standing_by(Ground, "request")
        by_set = self.standing_by(Ground, "set")
        grounds = [g for g in by_request.get(request_id, [])]
        grounds += [g for g in by_set.get(set_id, []) if not g.get("request")]
        grounds += [g for g in by_request.get(None, []) if not g.get("set")]
        decisive = decisive_grounds(grounds, self.GATES)
        if not decisive:
            self.conclude(
                RequestDisposition(
                    request=request_id, disposition="undetermined", gate="none", grounds=()
                ),
                disposition_words="undetermined",
                gate="no rule reached it",
            )
            self.conclude(
                OpenQuestion(
                    finding="disposition",
                    request=request_id,
                    question="No rule reached a disposition for this request.",
                )
            )
            return
        effect = decisive[0]["effect"]
        self.conclude(
            RequestDisposition(
                request=request_id,
                disposition=effect,
                gate=decisive[0]["gate"],
                grounds=tuple(sorted(g["rule"] for g in decisive)),
            ),
            because=[g.node_id() for g in decisive],
            disposition_words=effect.replace("_", " "),
            gate=decisive[0]["gate"],
        )

    @rule(
        id="common.disposition.motion",
        derives=(MotionDisposition,),
        consumes=(RequestDisposition,),
        kind="procedure",
        statement="The motion is {disposition_words}: {summary}.",
        narrative="The motion is {disposition_words!u}.",
    )
    @Rule(Motion())
    def motion_disposition(self: Any) -> None:
        """The motion's disposition aggregates its requests' dispositions."""
        standing = [
            f for facts in self.standing_by(RequestDisposition, "request").values() for f in facts
        ]
        result = motion_disposition([f["disposition"] for f in standing])
        counts: dict[str, int] = {}
        for fact in standing:
            counts[fact["disposition"]] = counts.get(fact["disposition"], 0) + 1
        summary = ", ".join(f"{n} {d.replace('_', ' ')}" for d, n in sorted(counts.items()))
        self.conclude(
            MotionDisposition(disposition=result),
            because=[f.node_id() for f in standing],
            disposition_words=result.replace("_", " "),
            summary=summary or "no requests",
        )
