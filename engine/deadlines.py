"""Every deadline the rules computed for a case (``kb deadlines``), with its arithmetic, its
authority and how the case file's own dates compare with it.

Deadlines are :class:`kb.facts.Deadline` conclusions; this module only reports them. A deadline
that ``governs`` a date of the case file (``motion.served.date``,
``discovery.rfp1.response.served.date``) is compared with that date: ``met``, ``late`` or ``not
done`` (the file has no such date). A deadline some exception set aside (a written extension)
says so, with the exception's statement.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from engine.edits import get_path
from engine.engine import Firing, Result
from engine.provenance import firing_statement
from kb.authorities import resolve
from kb.facts import Deadline


def _authorities(firing: Firing) -> list[dict[str, str]]:
    return [{"id": a, "citation": resolve(a).citation} for a in firing.meta.cited(firing.context)]


def _as_date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def deadline_entries(result: Result) -> list[dict[str, Any]]:
    """The deadlines of a run as plain data, by last day (then node id)."""
    doc = result.record.model.model_dump(by_alias=True, exclude_none=True)
    by_id = {f.id: f for f in result.firings}
    entries = []
    for fact in result.live(Deadline):
        node = fact.node_id()
        firing = next(f for f in result.firings_for(node) if f.defeated_by is None)
        last_day: dt.date = fact["last_day"]
        governs = fact.get("governs")
        actual = _as_date(get_path(doc, governs)) if governs else None
        if not governs:
            status = "fixed"
        elif actual is None:
            status = "not_done"
        else:
            status = "met" if actual <= last_day else "late"
        excused = sorted(
            {
                firing_statement(result, by_id[f.defeated_by])
                for f in result.firings
                if f.defeated_by and node in (*f.premises, *f.because)
            }
        )
        subject = fact.get("set") or fact.get("subject") or "motion"
        about = (
            result.record.set_label(str(subject))
            if subject in result.record.model.discovery
            else subject
        )
        entries.append(
            {
                "id": node,
                "deadline": fact["deadline"],
                "label": f"{str(fact['deadline']).replace('_', ' ')}: {about}",
                "subject": subject,
                "start": fact["start"].isoformat() if fact.get("start") else None,
                "last_day": last_day.isoformat(),
                "steps": list(fact["steps"]),
                "rule": firing.rule_id,
                "statement": firing_statement(result, firing),
                "authorities": _authorities(firing),
                "governs": governs,
                "actual": actual.isoformat() if actual else None,
                "status": status,
                "days_late": (actual - last_day).days if status == "late" and actual else 0,
                "excused_by": excused,
            }
        )
    return sorted(entries, key=lambda e: (e["last_day"], e["id"]))


def deadlines_report(result: Result, rules_version: str) -> dict[str, Any]:
    """The ``kb deadlines --format json`` object (docs/reference/advice.md)."""
    model = result.record.model
    return {
        "format": 1,
        "kind": "deadlines",
        "case": model.case.number,
        "title": model.case.title,
        "as_of": result.as_of.isoformat(),
        "rules_version": rules_version,
        "deadlines": deadline_entries(result),
    }
