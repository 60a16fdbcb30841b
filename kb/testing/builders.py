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

STATEMENTS = ("full_compliance", "partial_compliance")
"""Responses that are a statement of compliance (CCP 2031.220, 2031.320(a))."""
REQUIREMENTS = ("meet_and_confer", "joint_statement")
DEFICIENT_PAPERS = ("meet_and_confer_declaration", "separate_statement")
"""Papers a generated case may state as filed but not compliant (``papers_deficient``)."""

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
    if pattern(source, knobs.standing_orders, 0.2):
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


def _late_shape(source: Source, plan: Plan) -> int:
    """How a party said to have failed to respond did respond, for the whole motion (a party
    answers its sets together): 7 timely, 8 after the motion, 9 unverified, else not at all."""
    # Admissions come up less often: give their rarer shapes a larger share.
    return source.integer(2, 9) if plan.motion == "compel_initial" else source.integer(4, 9)


def _response(
    source: Source, knobs: Knobs, plan: Plan, dset: SetPlan, shape: int
) -> dict[str, Any] | None:
    kinds = RESPONSE_KINDS[dset.kind]
    if dset.response is None:
        if plan.motion not in ("compel_initial", "deem_admitted"):
            return None
        if shape == 7:
            # A verified response within the 30 days: there was nothing to move on.
            timely = dset.served + dt.timedelta(days=source.integer(10, 28))
            return {
                "served": _service(source, knobs, timely),
                "verified": True,
                "default": source.choice(kinds[1:]),
            }
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
        # Mostly a statement of compliance (what the motion enforces); now and then a response
        # of objections or inability, which the motion does not reach (CCP 2031.320(a)).
        statement = source.chance(0.7)
        kinds = STATEMENTS if statement else ("objections", "inability")
    response: dict[str, Any] = {"served": _service(source, knobs, dset.response)}
    verified = source.integer(0, 9)
    if dset.kind == "deposition":
        pass  # objections to a notice, or refusals on the record: nothing to verify
    elif verified < 8:
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


def _late_production(source: Source, knobs: Knobs, plan: Plan, dset: SetPlan) -> list[Any]:
    """Documents produced after the motion was served, within a week before the hearing."""
    if dset.kind != "production" or dset.response is None:
        return []
    if plan.motion not in ("compel_further", "compel_compliance"):
        return []
    if not pattern(source, knobs.late_production, 0.25):
        return []
    served = plan.decided - dt.timedelta(days=source.integer(0, 7))
    kinds = ("full_compliance", "full_compliance", "partial_compliance")
    items = {n: {"kind": source.choice(kinds)} for n in subset(source, dset.at_issue, 1)}
    return [{"served": _service(source, knobs, served), "verified": True, "items": items}]


def _supplemental(source: Source, knobs: Knobs, plan: Plan, dset: SetPlan) -> list[Any]:
    late = _late_production(source, knobs, plan, dset)
    if late:
        return late
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
    shape = _late_shape(source, plan)
    for dset in plan.sets:
        if source.chance(0.2):
            shape = _late_shape(source, plan)  # now and then, a set answered otherwise
        entry: dict[str, Any] = {
            "kind": dset.kind,
            "set": dset.number,
            "from": dset.propounder,
            "to": dset.responder,
            "served": _service(source, knobs, dset.served),
            "requests": set_requests(source, dset),
        }
        response = _response(source, knobs, plan, dset, shape)
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
        # A joint paper by local rule (C.D., E.D. Cal.) or by the judge's chambers rules.
        chambers = "chambers_joint_motion" in court.get("standing_orders", [])
        if plan.district in ("cdcal", "edcal") or chambers:
            names.append("joint_statement")
    missing = None
    # A joint statement (both sides' paper) is the one most often left out.
    joint = "joint_statement" in names
    if names and pattern(source, knobs.papers_missing, 0.3 if joint else 0.15):
        missing = "joint_statement" if joint and source.chance(0.6) else source.choice(names)
    judged = [n for n in names if n in DEFICIENT_PAPERS and n != missing]
    deficient = (
        source.choice(judged) if judged and pattern(source, knobs.papers_deficient, 0.1) else None
    )
    papers: dict[str, Any] = {}
    for name in names:
        if name not in (missing, deficient) and source.chance(0.08):
            continue  # the file does not say: unknown, not absent
        paper: dict[str, Any] = {"filed": name != missing}
        if paper["filed"] and source.chance(0.6):
            paper["record"] = (
                f"ECF {source.integer(10, 120)}"
                if plan.system == "federal"
                else (f"{plan.parties[plan.movant][0].split()[-1]} Decl.")
            )
        if name == deficient:
            paper["compliant"] = False
            if name == "separate_statement":
                paper["defects"] = subset(source, PAPER_DEFECTS, 1, 2)
        papers[name] = paper
    return papers


def _sanctions(source: Source, knobs: Knobs, plan: Plan) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if not pattern(source, knobs.sanctions, 0.6):
        return out
    unnamed = pattern(source, knobs.sanctions_unnamed, 0.12)
    if source.chance(0.8):
        against: Any = source.choice(
            (plan.opponent, f"counsel:{plan.opponent}", [plan.opponent, f"counsel:{plan.opponent}"])
        )
        request: dict[str, Any] = {"requested": True, "against": against}
        # A party without counsel often names no amount (it paid no attorney).
        if source.chance(0.5 if plan.pro_se else 0.8):
            request["amount"] = 250 * source.integer(2, 30)
        out["sanctions"] = request
    if source.chance(0.5) or not out:
        out["opposition_sanctions"] = {
            "requested": True,
            "against": plan.movant,
            "amount": 250 * source.integer(2, 20),
        }
    if unnamed:
        # The notice names no one the sanction is sought against (CCP 2023.040).
        del out[source.choice(sorted(out))]["against"]
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
    # Good cause for a protective order, the validity of a deponent's objection: motions that
    # turn on a finding come with one more often.
    turns_on_finding = plan.motion in ("protective_order", "compel_attendance")
    if not pattern(source, knobs.findings, 0.5 if turns_on_finding else 0.3):
        return {}
    out: dict[str, Any] = {}
    if plan.motion == "protective_order" and source.chance(0.8):
        out["good_cause"] = source.chance(0.7)
    elif any(s.kind == "production" for s in plan.sets) and source.chance(0.4):
        out["good_cause"] = source.chance(0.6)
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
    if "idc_before_discovery_motion" in court.get("standing_orders", []):
        shape = source.integer(0, 9)
        if shape < 3:
            # Reserved, but set for the hearing date or later (the hearing is continued).
            later = plan.decided + dt.timedelta(days=source.integer(0, 45))
            doc["informal_conferences"] = [{"date": _iso(later), "held": False}]
        else:
            doc["informal_conferences"] = [
                {"date": _iso(day(source, first, last)), "held": shape < 8}
            ]
    elif source.chance(0.05):
        doc["informal_conferences"] = [
            {"date": _iso(day(source, first, last)), "held": source.chance(0.6)}
        ]
    excuses: list[dict[str, Any]] = []
    if (plan.pro_se or plan.incarcerated) and source.chance(0.5):
        reason = source.choice(EXCUSE_REASONS)
        excuses.append({"by": plan.movant, "requirement": "meet_and_confer", "reason": reason})
    papers = doc["motion"].get("papers", {})
    joint_missing = papers.get("joint_statement", {}).get("filed") is False
    if source.chance(0.3 if joint_missing else 0.08):
        # The movant says the other side would not join or confer.
        requirement = "joint_statement" if joint_missing else source.choice(REQUIREMENTS)
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
        elif party_id == plan.opponent and plan.pro_se_opponent:
            party["counsel"] = False
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
