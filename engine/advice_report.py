"""The advice of :func:`engine.counterfactual.advise` as plain data (``kb advise --format json``;
the format is documented in docs/reference/advice.md and checked against
``kb/schema/advice.v1.json``).

Every cure carries, for each request it flips, the explanation of the new decision: the chain of
rule firings behind the request's disposition in the re-decided run (:func:`engine.explain.why`).
"""

from __future__ import annotations

from typing import Any

from engine.counterfactual import Advice, Outcome
from engine.explain import why
from engine.provenance import build_graph
from kb.facts import MotionDisposition


def _motion(outcome: Outcome | None) -> str | None:
    if outcome is None or outcome.result is None:
        return None
    found = outcome.result.live(MotionDisposition)
    return str(found[0]["disposition"]) if found else "undetermined"


def _changes(outcome: Outcome) -> list[dict[str, Any]]:
    if outcome.applied:
        return [
            {
                "key": a.change.key,
                "action": a.change.action,
                "summary": a.summary,
                "path": a.path,
                "date": a.date.isoformat() if a.date else None,
                "cost": a.change.cost,
                "source": a.change.source,
                "requests": list(a.change.targets),
            }
            for a in outcome.applied
        ]
    return [
        {
            "key": c.key,
            "action": c.action,
            "summary": None,
            "path": None,
            "date": None,
            "cost": c.cost,
            "source": c.source,
            "requests": list(c.targets),
        }
        for c in outcome.changes
    ]


def _explanations(outcome: Outcome, requests: tuple[str, ...]) -> list[dict[str, Any]]:
    assert outcome.result is not None
    graph = build_graph(outcome.result)
    out = []
    for request in requests:
        disposition = outcome.disposition(request)
        target = f"concl:request:{request}:{disposition}"
        chain = why(graph, target)
        out.append(
            {
                "request": request,
                "conclusion": target,
                "chain": [
                    {"firing": f.id, "rule": f.rule, "statement": f.statement}
                    for f in chain.firings
                ],
            }
        )
    return out


def _decided(outcome: Outcome, request: str) -> dict[str, Any]:
    disposition, gate, grounds = outcome.dispositions[request]
    return {"disposition": disposition, "gate": gate, "grounds": list(grounds)}


def _flip(base: Outcome, outcome: Outcome, request: str) -> dict[str, Any]:
    after = _decided(outcome, request)
    return {
        "request": request,
        "from": base.dispositions[request][0],
        "to": after["disposition"],
        "gate": after["gate"],
        "grounds": after["grounds"],
    }


def _motion_order(outcome: Outcome) -> Any:
    assert outcome.result is not None
    order = {str(r): i for i, r in enumerate(outcome.result.record.case.motion_requests)}
    return lambda pair: order.get(pair[0], len(order))


def _plan(plan: Outcome | None) -> dict[str, Any] | None:
    if plan is None:
        return None
    return {
        "changes": _changes(plan),
        "cost": plan.cost,
        "impossible": plan.impossible,
        "disposition": _motion(plan),
        "requests": {
            r: d[0] for r, d in sorted(plan.dispositions.items(), key=_motion_order(plan))
        },
    }


def advice_report(advice: Advice, rules_version: str) -> dict[str, Any]:
    """The ``kb advise --format json`` object."""
    model = advice.case.model
    base = advice.base
    cures = []
    for cure in advice.cures:
        cures.append(
            {
                "id": cure.id,
                "size": len(cure.outcome.changes),
                "cost": cure.outcome.cost,
                "changes": _changes(cure.outcome),
                "flips": [_flip(base, cure.outcome, r) for r in cure.flips],
                "motion": _motion(cure.outcome),
                "explanations": _explanations(cure.outcome, cure.flips),
            }
        )
    order = {str(r): i for i, r in enumerate(advice.case.motion_requests)}
    advances = [
        {
            "id": a.id,
            "size": len(a.outcome.changes),
            "cost": a.outcome.cost,
            "changes": _changes(a.outcome),
            "moves": [_flip(base, a.outcome, r) for r in a.requests],
        }
        for a in advice.advances
    ]
    impossible: list[dict[str, Any]] = [
        {
            "changes": _changes(o),
            "reason": o.impossible,
            "requests": sorted({r for c in o.changes for r in c.targets}, key=order.__getitem__),
        }
        for o in advice.impossible
    ]
    requests = []
    for request in advice.targets:
        requests.append(
            {
                "request": request,
                **_decided(base, request),
                "cures": [c.id for c in advice.cures if request in c.flips],
                "advances": [a.id for a in advice.advances if request in a.requests],
                "impossible": [
                    index for index, entry in enumerate(impossible) if request in entry["requests"]
                ],
                "suggested": advice.suggested.get(request, []),
            }
        )
    plan = advice.plan
    return {
        "format": 1,
        "kind": "advice",
        "case": model.case.number,
        "title": model.case.title,
        "as_of": model.case.decided.isoformat(),
        "today": advice.today.isoformat() if advice.today else None,
        "rules_version": rules_version,
        "motion": {
            "kind": model.motion.kind,
            "movant": model.motion.movant,
            "disposition": _motion(base),
            "with_plan": _motion(plan),
        },
        "requests": requests,
        "cures": cures,
        "advances": advances,
        "impossible": impossible,
        "plan": _plan(plan),
        "search": {"runs": advice.runs, "complete": advice.complete},
    }
