"""The decision as text, for people: the ruling, request by request, then the reasons."""

from __future__ import annotations

from kb.authorities import resolve
from kb.outcomes import DISPOSITION_WORDS, Decision

MOTION_WORDS = {
    "compel_initial": "motion to compel responses",
    "compel_further": "motion to compel further responses",
    "compel_compliance": "motion to compel compliance",
    "compel_attendance": "motion to compel attendance",
    "deem_admitted": "motion to deem requests for admission admitted",
    "protective_order": "motion for a protective order",
}
COURT_WORDS = {"sdcal": "Southern", "cdcal": "Central", "ndcal": "Northern", "edcal": "Eastern"}


def court_words(decision: Decision) -> str:
    """The court, in words: \"Superior Court of California, County of ..., Dept. 52\"."""
    court = decision.court
    if court["system"] == "california":
        text = f"Superior Court of California, County of {court.get('county', '?')}"
    else:
        district = COURT_WORDS.get(court.get("district", ""), "?")
        text = f"U.S. District Court, {district} District of California"
    if court.get("department"):
        text += f", Dept. {court['department']}"
    return text


def render_decision(decision: Decision, movant_name: str) -> str:
    """A readable ruling: disposition, a table of requests, grounds with authorities, orders."""
    lines = [
        f"{decision.title}, No. {decision.case}",
        f"{court_words(decision)}; decided as of {decision.as_of} (rules {decision.rules_version})",
        "",
        f"{movant_name}'s {MOTION_WORDS.get(decision.motion, decision.motion)}: "
        f"{DISPOSITION_WORDS[decision.disposition]}",
        "",
    ]
    width = max((len(r) for r in decision.requests), default=7)
    lines.append(f"  {'request'.ljust(width)}  {'disposition'.ljust(24)}  grounds")
    for request, outcome in decision.requests.items():
        lines.append(
            f"  {request.ljust(width)}  {outcome.disposition.ljust(24)}  "
            f"{', '.join(outcome.grounds) or '-'}"
        )
    lines += ["", "Grounds"]
    if not decision.grounds:
        lines.append("  none")
    for index, ground in enumerate(decision.grounds, 1):
        tag = f"[{ground.effect.replace('_', ' ')}] " if ground.effect else ""
        also = "" if ground.decisive else " (also found; not decisive)"
        lines.append(f"  {index}. {tag}{ground.statement}{also}")
        citations = "; ".join(resolve(a).citation for a in ground.authorities)
        lines.append(f"     {ground.rule}: {citations}")
        if ground.record:
            lines.append(f"     Record: {'; '.join(ground.record)}")
    lines += ["", "Orders"]
    if not decision.orders:
        lines.append("  none")
    for order in decision.orders:
        details = ", ".join(
            x
            for x in (
                order.method and f"by {order.method}",
                order.initiator and f"{order.initiator} to initiate",
                order.by and f"by {order.by}",
            )
            if x
        )
        lines.append(f"  - {order.kind}{f' ({details})' if details else ''}: {order.statement}")
    lines += ["", "Sanctions"]
    if decision.sanctions is None:
        lines.append("  none")
    else:
        s = decision.sanctions
        amount = f"${s.amount:,.2f}" if s.amount is not None else "amount for the court to fix"
        lines.append(
            f"  against {s.against}{' and ' + ', '.join(s.also_against) if s.also_against else ''}"
            f", payable to {s.payee}: {amount}"
        )
        for award in s.awards:
            lines.append(f"    {award.rule}: {award.statement}")
    if decision.open_questions:
        lines += ["", "Open questions (findings the case file does not give)"]
        for question in decision.open_questions:
            where = f" [{', '.join(question.requests)}]" if question.requests else ""
            assumed = f" Assumed: {question.assumed}." if question.assumed else ""
            lines.append(f"  - {question.finding}{where}: {question.question}{assumed}")
    return "\n".join(lines) + "\n"
