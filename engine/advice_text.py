"""Plain-text renderings of the advice, deadlines and checklist reports (``--format text``).

Each renders the same plain-data object the JSON output prints, so text and JSON never disagree.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

STATUS_MARKS = {"met": "[x]", "not_met": "[ ]", "unknown": "[?]", "not_required": "[-]"}


def compact(requests: Iterable[str]) -> str:
    """``rfp1:13-16, rfp1:34-35, rog1:2``: runs of consecutive numbers of a set as ranges."""
    out: list[str] = []
    run: list[tuple[str, int]] = []

    def flush() -> None:
        if run:
            first, last = run[0], run[-1]
            out.append(f"{first[0]}:{first[1]}" + (f"-{last[1]}" if last != first else ""))
            run.clear()

    for request in requests:
        set_id, _, number = request.rpartition(":")
        if not number.isdigit():
            flush()
            out.append(request)
            continue
        if run and (run[-1][0] != set_id or run[-1][1] + 1 != int(number)):
            flush()
        run.append((set_id, int(number)))
    flush()
    return ", ".join(out)


def _words(value: str | None) -> str:
    return (value or "undetermined").replace("_", " ")


def _changes(changes: Sequence[dict[str, Any]], indent: str) -> list[str]:
    lines = []
    for change in changes:
        where = ", ".join(x for x in (change["path"], change["date"]) if x)
        summary = change["summary"] or change["key"]
        lines.append(f"{indent}- {summary}" + (f"  [{where}]" if where else ""))
    return lines


def render_advice(report: dict[str, Any]) -> str:
    """The advice as text: requests not granted with their cures, each cure re-decided and
    explained, the combined plan, impossible changes, and the search's size."""
    motion = report["motion"]
    lines = [
        f"{report['title']}, No. {report['case']}: advice as of {report['as_of']} "
        f"(rules {report['rules_version']})"
        + (f"; today {report['today']}" if report["today"] else ""),
        f"The motion as filed: {_words(motion['disposition']).upper()}"
        + (
            f"; with the plan below: {_words(motion['with_plan']).upper()}"
            if motion["with_plan"]
            else ""
        ),
        "",
    ]
    if not report["requests"]:
        lines += ["Every request is granted (or moot): nothing to cure.", ""]
    groups: dict[str, list[dict[str, Any]]] = {}
    for entry in report["requests"]:
        signature = repr(
            (
                entry["disposition"],
                entry["gate"],
                entry["grounds"],
                entry["cures"],
                entry["impossible"],
            )
        )
        groups.setdefault(signature, []).append(entry)
    lines.append("Requests not granted")
    for entries in groups.values():
        first = entries[0]
        lines.append(
            f"  {compact(e['request'] for e in entries)}: {_words(first['disposition'])} at the "
            f"{first['gate']} gate ({', '.join(first['grounds']) or 'no ground'})"
        )
        if first["cures"]:
            lines.append(f"    cures: {', '.join(first['cures'])}")
        if first["advances"]:
            lines.append(
                "    no cure found; changes that get past this gate (the request then fails "
                f"later): {', '.join(first['advances'])}"
            )
        elif not first["cures"]:
            lines.append("    no cure found among the changes the rules suggest")
        reasons = [report["impossible"][index]["reason"] for index in first["impossible"]]
        for reason in dict.fromkeys(reasons):  # a letter and a call fail for the same reason
            lines.append(f"    impossible: {reason}")
    lines.append("")
    if report["cures"]:
        lines.append("Cures, each re-decided by the engine")
    before = {e["request"]: e for e in report["requests"]}
    for cure in report["cures"]:
        flips = cure["flips"]
        size = f"{cure['size']} change{'s' if cure['size'] > 1 else ''}"
        moved = f"{_words(flips[0]['from'])} -> {_words(flips[0]['to'])}"
        lines.append(
            f"  {cure['id']} ({size}, cost {cure['cost']}): "
            f"{compact(f['request'] for f in flips)} {moved}"
        )
        lines += _changes(cure["changes"], "    ")
        old = before[flips[0]["request"]]["grounds"] if flips[0]["request"] in before else []
        lines.append(f"    decided before by: {', '.join(old) or 'no ground'}")
        lines.append(f"    decided now by: {', '.join(flips[0]['grounds'])}")
        explanation = cure["explanations"][0]
        lines.append(f"    why {explanation['request']} is now {_words(flips[0]['to'])}:")
        for index, step in enumerate(explanation["chain"], 1):
            lines.append(f"      {index}. {step['rule']}: {step['statement']}")
    if report["advances"]:
        lines += ["", "Advances: past the deciding gate, but still lost at a later one"]
    for advance in report["advances"]:
        moves = advance["moves"]
        lines.append(
            f"  {advance['id']}: {compact(m['request'] for m in moves)} then "
            f"{_words(moves[0]['to'])} at the {moves[0]['gate']} gate "
            f"({', '.join(moves[0]['grounds'])})"
        )
        lines += _changes(advance["changes"], "    ")
    plan = report["plan"]
    if plan is not None:
        lines += ["", "Plan: the best cure for every request, applied together"]
        lines += _changes(plan["changes"], "  ")
        if plan["impossible"]:
            lines.append(f"  impossible together: {plan['impossible']}")
        else:
            lines.append(f"  re-decided: the motion is {_words(plan['disposition']).upper()}")
    lines += ["", f"Search: {report['search']['runs']} engine runs"]
    if not report["search"]["complete"]:
        lines[-1] += " (budget exhausted: some pairs were not tried)"
    return "\n".join(_single_blank(lines)) + "\n"


def _single_blank(lines: list[str]) -> list[str]:
    """Sections are separated by one blank line, however many sections are empty."""
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return out


def render_deadlines(report: dict[str, Any]) -> str:
    """Every deadline with its arithmetic, authority and status."""
    lines = [
        f"{report['title']}, No. {report['case']}: deadlines (rules {report['rules_version']})",
        "",
    ]
    if not report["deadlines"]:
        lines.append("No deadline the rules know about applies to this case.")
    for entry in report["deadlines"]:
        status = {
            "met": f"met ({entry['actual']})",
            "late": f"LATE: {entry['actual']}, {entry['days_late']} day(s) after",
            "not_done": "not done (no date in the case file)",
            "fixed": "set by the court",
        }[entry["status"]]
        lines.append(f"{entry['last_day']}  {entry['label']}: {status}")
        for step in entry["steps"]:
            lines.append(f"      {step}")
        citations = "; ".join(a["citation"] for a in entry["authorities"])
        lines.append(f"    {entry['rule']}" + (f": {citations}" if citations else ""))
        for excuse in entry["excused_by"]:
            lines.append(f"    set aside: {excuse}")
    return "\n".join(lines) + "\n"


def render_checklist(report: dict[str, Any]) -> str:
    """The pre-filing checklist: each requirement with its status and the facts behind it."""
    counts = report["summary"]
    lines = [
        f"{report['title']}, No. {report['case']}: pre-filing checklist for {report['movant']} "
        f"(rules {report['rules_version']})",
        f"{counts['met']} met, {counts['not_met']} not met, {counts['unknown']} unknown, "
        f"{counts['not_required']} not required",
        "",
    ]
    for item in report["items"]:
        lines.append(f"{STATUS_MARKS[item['status']]} {item['title']}: {_words(item['status'])}")
        citations = "; ".join(a["citation"] for a in item["rule"]["authorities"])
        lines.append(f"    {item['rule']['id']}" + (f" ({citations})" if citations else ""))
        for reason in item["because"]:
            where = reason.get("path") or ""
            record = reason.get("record") or ""
            suffix = "".join(f" [{x}]" for x in (where, record) if x)
            lines.append(f"    - {reason['text']}{suffix}")
    return "\n".join(lines) + "\n"
