"""Reading a request's meet-and-confer exchange (a tuple of :class:`kb.facts.Exchange`).

These are the questions both systems ask of the communications about one request; each rule
states what the answer means in its own law.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from kb.facts import Exchange, Ground

DIRECT_METHODS = frozenset({"phone", "video", "in_person"})
"""Methods of conferring in real time: a conversation, not an exchange of writings."""

OFFER_WORDS = {
    "supplement": "offered to supplement its responses",
    "produce": "offered to produce documents",
    "protective_order": "asked for a stipulated protective order",
    "identify_issues": "asked for a list of the specific issues in dispute",
    "search_terms": "asked for search terms",
    "further_conference": "proposed a further conference",
    "extension": "proposed an extension",
    "narrow_request": "proposed narrowing the request",
}


def movant_items(exchange: Sequence[Exchange]) -> list[Exchange]:
    return [item for item in exchange if item.by_movant]


def unanswered_offers(exchange: Sequence[Exchange]) -> list[Exchange]:
    """Communications from the other side that proposed or asked for something and that the
    movant never answered before serving the motion."""
    return [item for item in exchange if not item.by_movant and item.offers and not item.answered]


def only_demands(exchange: Sequence[Exchange]) -> bool:
    """True when the movant wrote about the request, but only to demand compliance: every one of
    its communications is marked ``demand_only`` and none was a conversation."""
    mine = movant_items(exchange)
    return (
        bool(mine)
        and all(item.substance == "demand_only" for item in mine)
        and not any(item.method in DIRECT_METHODS for item in exchange)
    )


def conferred_directly(exchange: Sequence[Exchange]) -> bool:
    """True when the parties spoke about the request (in person, by telephone or by video)."""
    return any(item.method in DIRECT_METHODS for item in exchange)


def movant_never_wrote(exchange: Sequence[Exchange]) -> bool:
    """True when communications about the request exist but none came from the movant."""
    return bool(exchange) and not movant_items(exchange)


def unanswered_attempts(exchange: Sequence[Exchange]) -> bool:
    """True when the movant tried and the other side never answered any of its attempts."""
    mine = movant_items(exchange)
    return (
        bool(mine)
        and not any(item.answered for item in mine)
        and all(item.by_movant for item in exchange)
    )


def offers_phrase(items: Sequence[Exchange]) -> str:
    """``offered to supplement its responses, asked for a stipulated protective order and ...``"""
    words: list[str] = []
    for item in items:
        for offer in item.offers:
            phrase = OFFER_WORDS.get(offer, offer.replace("_", " "))
            if phrase not in words:
                words.append(phrase)
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def conclude_offer_unanswered(
    engine: Any,
    rule_id: str,
    effect: str,
    request: str,
    exchange: Sequence[Exchange],
    **context: Any,
) -> None:
    """Conclude a system's "the movant never answered the other side's offer" ground for one
    request, relying on the offers and on the absence of an answer to each, with the first
    offer's method and date and the offers in words for the rule's statement."""
    offers = unanswered_offers(exchange)
    first = offers[0]
    because = [f"fact:conferral:{o.conferral}" for o in offers]
    because += [
        f"absence:answer:{o.conferral}"
        for o in offers
        if engine.fact(f"absence:answer:{o.conferral}") is not None
    ]
    engine.conclude(
        Ground(rule=rule_id, gate="conferral", effect=effect, request=request),
        because=because,
        method=first.method,
        date=first.date,
        conferral=first.conferral,
        offer_words=offers_phrase(offers),
        **context,
    )


def raised_summary(engine: Any, set_id: str) -> str:
    """What the movant's communications about a set did raise, before the motion: ``X's only
    communication, the letter of 2023-08-17, raised only Nos. 2, 3, 8 and 13-16``."""

    def compute() -> str:
        record = engine.record
        dset = record.model.discovery[set_id]
        movant = record.model.motion.movant
        other = dset.to if dset.from_ == movant else dset.from_
        served = record.model.motion.served.date
        name = record.party_name(movant)
        mine = [
            c
            for c in record.model.conferrals
            if c.date < served and c.from_ == movant and c.to == other
        ]
        if not mine:
            return f"{name} sent no communication about them before the motion"
        raised: dict[str, None] = {}  # an ordered set: a list made this quadratic in requests
        prefix = f"{set_id}:"
        for conferral in mine:
            fact = engine.fact(f"fact:conferral:{conferral.id}")
            raised.update((r, None) for r in fact["raised"] if r.startswith(prefix))
        what = f"raised only {record.phrase(raised)}" if raised else "raised no specific request"
        if len(mine) == 1:
            only = mine[0]
            return (
                f"{name}'s only communication, the {only.method.replace('_', ' ')} of "
                f"{only.date.isoformat()}, {what}"
            )
        return f"{name}'s {len(mine)} communications before the motion {what}"

    return str(engine.memo(("raised_summary", set_id), compute))
