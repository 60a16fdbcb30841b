"""Build a whole generated case file (format 1, plain data) from a :class:`Source`.

:func:`build_case` is the one builder behind both the hypothesis strategies
(:func:`kb.testing.case_files`) and ``kb generate``. It returns plain dicts and lists with ISO
date strings, as a JSON case file reads; :func:`kb.testing.generate.to_yaml` writes YAML.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from kb.testing.conferrals import draw_conferrals, request_spec
from kb.testing.knobs import Knobs
from kb.testing.plan import Plan, SetPlan, draw_plan, pattern
from kb.testing.source import Source, day, subset
from kb.testing.vocab import COUNTIES, EXCUSE_REASONS, JUDGES, PAPER_DEFECTS

RESPONSE_KINDS = {
    "production": ("objections", "partial_compliance", "full_compliance", "inability"),
    "interrogatories": ("objections", "answer", "partial_compliance"),
    "form_interrogatories": ("objections", "answer", "partial_compliance"),
    "admissions": ("objections", "answer"),
    "deposition": ("objections",),
}


def _iso(day_: dt.date) -> str:
    return day_.isoformat()


def _service(source: Source, knobs: Knobs, date: dt.date) -> dict[str, Any]:
    return {"date": _iso(date), "method": source.choice(knobs.service_methods)}


def _court(source: Source, plan: Plan, knobs: Knobs) -> dict[str, Any]:
    orders: list[str] = []
    if pattern(source, knobs.standing_orders, 0.15):
        if plan.system == "california":
            options = ["idc_before_discovery_motion", "joint_statement_for_discovery_motions"]
            orders = subset(source, options, 1)
        else:
            orders = ["chambers_joint_motion"]
    court: dict[str, Any] = {"system": plan.system}
    if plan.system == "california":
        court["county"] = source.choice(COUNTIES)
        court["department"] = str(source.integer(1, 99))
    else:
        court["district"] = plan.district
        if source.chance(0.5):
            court["judge"] = source.choice(JUDGES)
    if orders:
        court["standing_orders"] = orders
    return court


def _number(source: Source, plan: Plan) -> str:
    year = plan.sets[0].served.year % 100
    if plan.system == "california":
        return f"{year:02d}{source.choice(('STCV', 'CV', 'CU'))}{source.integer(1, 99999):05d}"
    return f"{year:02d}-cv-{source.integer(1, 9999):04d}"


def _response(source: Source, knobs: Knobs, plan: Plan, dset: SetPlan) -> dict[str, Any] | None:
    kinds = RESPONSE_KINDS[dset.kind]
    if dset.response is None:
        if plan.motion not in ("compel_initial", "deem_admitted"):
            return None
        shape = source.integer(0, 9)
        if shape == 8:
            # A response that came only after the motion was served.
            late = day(source, plan.served, plan.decided)
            after: dict[str, Any] = {"served": _service(source, knobs, late)}
            if source.chance(0.6):
                after["verified"] = True
            after["default"] = source.choice(kinds)
            return after
        if shape == 9:
            # A timely-looking response that nobody verified.
            early = day(source, dset.served + dt.timedelta(days=20), plan.served)
            return {
                "served": _service(source, knobs, early),
                "verified": False,
                "default": source.choice(kinds),
            }
        return None
    if plan.motion == "compel_compliance":
        kinds = ("full_compliance", "partial_compliance")
    response: dict[str, Any] = {"served": _service(source, knobs, dset.response)}
    verified = source.integer(0, 9)
    if verified < 8:
        response["verified"] = True
    elif verified == 8:
        response["verified"] = False
    response["default"] = kinds[0] if source.chance(0.6) else source.choice(kinds)
    items: dict[Any, Any] = {}
    for number in subset(source, dset.at_issue, 0, 3):
        item: dict[str, Any] = {"kind": source.choice(kinds)}
        if source.chance(0.5):
            item["record"] = f"Ex. {source.integer(1, 9)}, p. {source.integer(1, 40)}"
        items[number] = item
    if items:
        response["items"] = items
    return response


def _supplemental(source: Source, knobs: Knobs, plan: Plan, dset: SetPlan) -> list[Any]:
    if dset.response is None or not pattern(source, knobs.supplemental, 0.15):
        return []
    served = day(source, dset.response + dt.timedelta(days=1), plan.decided)
    kinds = ("full_compliance", "partial_compliance", "answer")
    items = {n: {"kind": source.choice(kinds)} for n in subset(source, dset.at_issue, 1)}
    out: dict[str, Any] = {"served": _service(source, knobs, served), "verified": True}
    if source.chance(0.15):
        out["verified"] = False
    out["items"] = items
    return [out]


def _discovery(source: Source, knobs: Knobs, plan: Plan) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for dset in plan.sets:
        entry: dict[str, Any] = {
            "kind": dset.kind,
            "set": dset.number,
            "from": dset.propounder,
            "to": dset.responder,
            "served": _service(source, knobs, dset.served),
            "requests": set_requests(source, dset),
        }
        response = _response(source, knobs, plan, dset)
        if response is not None:
            entry["response"] = response
        supplemental = _supplemental(source, knobs, plan, dset)
        if supplemental:
            entry["supplemental"] = supplemental
        out[dset.id] = entry
    return out


def set_requests(source: Source, dset: SetPlan) -> list[Any]:
    """A set's request numbers: ``[1-N]`` for a numbered set, the dotted list otherwise."""
    if all(isinstance(n, int) for n in dset.numbers) and source.chance(0.8):
        return [f"1-{len(dset.numbers)}"] if len(dset.numbers) > 1 else [1]
    return list(dset.numbers)


def _papers(source: Source, knobs: Knobs, plan: Plan, court: dict[str, Any]) -> dict[str, Any]:
    names: list[str] = []
    if plan.system == "california":
        if plan.motion in ("compel_further", "protective_order", "compel_attendance"):
            names.append("meet_and_confer_declaration")
        if plan.motion == "compel_further":
            names.append("separate_statement")
        if "joint_statement_for_discovery_motions" in court.get("standing_orders", []):
            names.append("joint_statement")
    else:
        names.append("certification")
        if plan.district in ("cdcal", "edcal"):
            names.append("joint_statement")
    missing = (
        source.choice(names) if names and pattern(source, knobs.papers_missing, 0.15) else None
    )
    papers: dict[str, Any] = {}
    for name in names:
        if name != missing and source.chance(0.08):
            continue  # the file does not say: unknown, not absent
        paper: dict[str, Any] = {"filed": name != missing}
        if paper["filed"] and source.chance(0.6):
            paper["record"] = (
                f"ECF {source.integer(10, 120)}"
                if plan.system == "federal"
                else (f"{plan.parties[plan.movant][0].split()[-1]} Decl.")
            )
        if name == "separate_statement" and paper["filed"] and source.chance(0.1):
            paper["compliant"] = False
            paper["defects"] = subset(source, PAPER_DEFECTS, 1, 2)
        papers[name] = paper
    return papers


def _sanctions(source: Source, knobs: Knobs, plan: Plan) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if not pattern(source, knobs.sanctions, 0.5):
        return out
    if source.chance(0.8):
        against: Any = source.choice(
            (plan.opponent, f"counsel:{plan.opponent}", [plan.opponent, f"counsel:{plan.opponent}"])
        )
        request: dict[str, Any] = {"requested": True, "against": against}
        if source.chance(0.8):
            request["amount"] = 250 * source.integer(2, 30)
        out["sanctions"] = request
    if source.chance(0.35) or not out:
        out["opposition_sanctions"] = {
            "requested": True,
            "against": plan.movant,
            "amount": 250 * source.integer(2, 20),
        }
    return out


def _motion(source: Source, knobs: Knobs, plan: Plan, court: dict[str, Any]) -> dict[str, Any]:
    refs = plan.at_issue()
    everything = all(set(s.at_issue) == set(s.numbers) for s in plan.sets)
    requests: Any = "all" if everything and source.chance(0.5) else None
    if requests is None:
        requests = request_spec(plan, refs, source)
    opponent: Any = plan.opponent
    extra = [p for p in plan.parties if p not in (plan.movant, plan.opponent)]
    if extra and plan.parties[extra[0]][1] == plan.parties[plan.opponent][1] and source.chance(0.3):
        opponent = [plan.opponent, extra[0]]
    motion: dict[str, Any] = {
        "kind": plan.motion,
        "movant": plan.movant,
        "opponent": opponent,
        "served": _service(source, knobs, plan.served),
        "requests": requests,
    }
    papers = _papers(source, knobs, plan, court)
    if papers:
        motion["papers"] = papers
    motion.update(_sanctions(source, knobs, plan))
    return motion


def _findings(source: Source, knobs: Knobs, plan: Plan) -> dict[str, Any]:
    if not pattern(source, knobs.findings, 0.3):
        return {}
    out: dict[str, Any] = {}
    if any(s.kind == "production" for s in plan.sets) and source.chance(0.4):
        out["good_cause"] = source.chance(0.7)
    refs = [(s.id, n) for s in plan.sets if s.response is not None for n in s.at_issue]
    overruled = subset(source, refs, 1 if knobs.findings and "good_cause" not in out else 0)
    rest = [r for r in refs if r not in overruled]
    sustained = subset(source, rest, 0, 2)
    objections: dict[str, Any] = {}
    if overruled:
        objections["overruled"] = request_spec(plan, overruled, source)
    if sustained:
        objections["sustained"] = request_spec(plan, sustained, source)
    if objections:
        out["objections"] = objections
    if source.chance(0.2):
        out["substantial_justification"] = source.chance(0.5)
    if source.chance(0.1) or (knobs.findings and not out):
        out["sanctions_unjust"] = source.chance(0.5)
    return out


def _extras(
    source: Source, knobs: Knobs, plan: Plan, court: dict[str, Any], doc: dict[str, Any]
) -> None:
    first, last = plan.window
    response = plan.sets[0].response
    if plan.motion == "compel_further" and response is not None and source.chance(0.12):
        until = response + dt.timedelta(days=45 + source.integer(5, 60))
        doc["agreements"] = [
            {"kind": "extend_motion_deadline", "until": _iso(until), "record": "Ex. 5"}
        ]
    if plan.system == "federal" and source.chance(0.1):
        doc["prior_orders"] = [
            {
                "kind": "meet_and_confer",
                "by": _iso(day(source, first, last)),
                "method": "phone",
                "record": f"ECF {source.integer(5, 60)}",
            }
        ]
    if "idc_before_discovery_motion" in court.get("standing_orders", []) or source.chance(0.05):
        doc["informal_conferences"] = [
            {"date": _iso(day(source, first, last)), "held": source.chance(0.6)}
        ]
    excuses: list[dict[str, Any]] = []
    if (plan.pro_se or plan.incarcerated) and source.chance(0.5):
        reason = source.choice(EXCUSE_REASONS)
        excuses.append({"by": plan.movant, "requirement": "meet_and_confer", "reason": reason})
    if source.chance(0.06):
        requirement = source.choice(("meet_and_confer", "joint_statement"))
        excuses.append(
            {"by": plan.movant, "requirement": requirement, "reason": "opponent_unresponsive"}
        )
    if excuses:
        doc["excuses"] = excuses


def build_case(source: Source, knobs: Knobs | None = None) -> dict[str, Any]:
    """One valid case file (format 1) as plain data, drawn from ``source`` within ``knobs``."""
    knobs = knobs or Knobs()
    plan = draw_plan(source, knobs)
    court = _court(source, plan, knobs)
    parties: dict[str, Any] = {}
    for party_id, (name, side) in plan.parties.items():
        party: dict[str, Any] = {"name": name, "side": side, "counsel": True}
        if party_id == plan.movant:
            party["counsel"] = not plan.pro_se
            if plan.incarcerated:
                party["incarcerated"] = True
        parties[party_id] = party
    plaintiff = next(p for p, (_, side) in plan.parties.items() if side == "plaintiff")
    defendant = next(p for p, (_, side) in plan.parties.items() if side == "defendant")
    doc: dict[str, Any] = {
        "format": 1,
        "case": {
            "title": f"{plan.parties[plaintiff][0]} v. {plan.parties[defendant][0]}",
            "number": _number(source, plan),
            "court": court,
            "decided": _iso(plan.decided),
        },
        "parties": parties,
        "discovery": _discovery(source, knobs, plan),
        "motion": _motion(source, knobs, plan, court),
    }
    _extras(source, knobs, plan, court, doc)
    conferrals = draw_conferrals(source, plan, knobs)
    if conferrals:
        doc["conferrals"] = conferrals
    findings = _findings(source, knobs, plan)
    if findings:
        doc["findings"] = findings
    return _ordered(doc)


SECTIONS = (
    "format",
    "case",
    "parties",
    "discovery",
    "motion",
    "agreements",
    "conferrals",
    "prior_orders",
    "informal_conferences",
    "excuses",
    "findings",
)


def _ordered(doc: dict[str, Any]) -> dict[str, Any]:
    """Sections in the order DESIGN.md lists them, so that written files read naturally."""
    return {key: doc[key] for key in SECTIONS if key in doc}
