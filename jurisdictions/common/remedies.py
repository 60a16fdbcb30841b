"""Helpers both systems use to phrase orders and sanctions from the facts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from kb.facts import KBFact, RequestDisposition, Sanction


def requests_with(engine: Any, disposition: str) -> tuple[str, ...]:
    """Request ids whose standing disposition is ``disposition``, in motion order."""
    found = [
        f["request"]
        for facts in engine.standing_by(RequestDisposition, "request").values()
        for f in facts
        if f["disposition"] == disposition
    ]
    rank: dict[str, int] = {}
    for index, request in enumerate(engine.record.case.motion_requests):
        rank.setdefault(str(request), index)
    # a position table, not list.index: that made this quadratic in the motion's requests
    return tuple(sorted(found, key=rank.__getitem__))


def targets(request: KBFact, fallback: Sequence[str]) -> tuple[str, tuple[str, ...]]:
    """Who a sanctions request runs against: (the party, everyone else named with it).

    ``against`` lists party ids and ``counsel:<party>``; the award's ``against`` is a party.
    When the request names no one, it runs against ``fallback`` (the other side).
    """
    named = tuple(request["against"]) or tuple(fallback)
    parties = [n for n in named if not n.startswith("counsel:")]
    party = parties[0] if parties else named[0].removeprefix("counsel:")
    others = tuple(n for n in named if n != party)
    return party, others


def award(
    engine: Any,
    by: str,
    fallback: Sequence[str],
    amount: Any,
    *,
    amount_kind: str = "requested",
    **context: Any,
) -> None:
    """Conclude a sanction for the rule now firing, on the request made by ``by`` (``movant``
    or ``opponent``): against whom it names, payable to the party that asked."""
    request = engine.fact(f"fact:sanctions_request:{by}")
    party, others = targets(request, fallback)
    engine.conclude(
        Sanction(
            against=party,
            also_against=others,
            payee=request["party"],
            amount=amount,
            amount_kind=amount_kind,
            basis=engine.current_rule().id,
        ),
        because=[request.node_id()],
        payer=engine.record.party_name(party),
        **context,
    )
