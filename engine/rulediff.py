"""What a change to the rules (or to the date the law is taken from) does to decisions.

A :class:`Snapshot` is what one rule base decided for one case: the decision (DESIGN.md §3, as
JSON data) and its rule firings (read from the explanation graph's node-link data, §5), so a
snapshot can come from this process or from another checkout's ``kb decide``/``kb explain``.
:func:`compare` lines two snapshots of a case up request by request: the dispositions and
grounds that changed, and for each the firings that appear, disappear or now say something
else. :func:`render_text` prints that for a reviewer.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

Firing = tuple[str, str, str]
"""(rule id, status, statement) of one firing."""


@dataclass(frozen=True)
class Snapshot:
    """One rule base's decision of one case, with its firings by subject."""

    case: str
    decision: dict[str, Any]
    firings: dict[str, list[Firing]]

    @property
    def title(self) -> str:
        return f"{self.decision.get('title', '?')} ({self.decision.get('case', '?')})"


def snapshot(case: str, decision: dict[str, Any], graph: dict[str, Any]) -> Snapshot:
    """A snapshot from decision JSON data and node-link graph data."""
    firings: dict[str, list[Firing]] = {}
    for node in graph.get("nodes", []):
        if node.get("kind") != "rule":
            continue
        subject = str(node["id"]).split("#", 1)[1].split("~", 1)[0]
        firings.setdefault(subject, []).append(
            (str(node["rule"]), str(node.get("status", "fired")), str(node.get("statement", "")))
        )
    return Snapshot(case, decision, {k: sorted(v) for k, v in sorted(firings.items())})


@dataclass
class FiringChanges:
    """Firings on one subject: only in the new rule base, only in the old, or saying another
    thing (same rule and status, another statement)."""

    added: list[Firing] = field(default_factory=list)
    removed: list[Firing] = field(default_factory=list)
    restated: list[tuple[Firing, Firing]] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.restated)


@dataclass
class RequestChange:
    request: str
    old: str | None
    new: str | None
    old_grounds: list[str]
    new_grounds: list[str]
    firings: FiringChanges


@dataclass
class CaseDiff:
    case: str
    title: str
    motion: tuple[str, str] | None
    sanctions: tuple[str, str] | None
    orders: tuple[list[str], list[str]] | None
    motion_firings: FiringChanges
    requests: list[RequestChange]

    @property
    def changed(self) -> bool:
        return bool(
            self.motion or self.sanctions or self.orders or self.motion_firings or self.requests
        )


def _firing_changes(old: Sequence[Firing], new: Sequence[Firing]) -> FiringChanges:
    out = FiringChanges()
    remaining = list(new)
    unmatched: list[Firing] = []
    for firing in old:
        if firing in remaining:
            remaining.remove(firing)
        else:
            unmatched.append(firing)
    for firing in unmatched:
        twin = next((f for f in remaining if f[:2] == firing[:2]), None)
        if twin is None:
            out.removed.append(firing)
        else:
            remaining.remove(twin)
            out.restated.append((firing, twin))
    out.added.extend(remaining)
    return out


def _sanctions_words(decision: dict[str, Any]) -> str:
    sanctions = decision.get("sanctions")
    if not sanctions:
        return "none"
    awards = sanctions.get("awards") or []
    parts = []
    for award in awards:
        amount = award.get("amount")
        money = f"${amount:,.2f}" if amount is not None else "amount to be fixed"
        parts.append(f"{money} against {award['against']} ({award['rule']})")
    return "; ".join(parts) or "awarded"


def compare(old: Snapshot, new: Snapshot) -> CaseDiff:
    """How ``new`` decides the case differently from ``old``."""
    od, nd = old.decision, new.decision
    motion = (od["disposition"], nd["disposition"])
    sanctions = (_sanctions_words(od), _sanctions_words(nd))
    orders = (sorted(o["kind"] for o in od["orders"]), sorted(o["kind"] for o in nd["orders"]))
    subjects = set(old.firings) | set(new.firings)
    requests: list[RequestChange] = []
    order = list(dict.fromkeys([*od["requests"], *nd["requests"]]))
    used: set[str] = set()
    for request in order:
        before = od["requests"].get(request) or {}
        after = nd["requests"].get(request) or {}
        on = [s for s in (request, request.rsplit(":", 1)[0]) if s in subjects]
        used.update(on)
        changes = _firing_changes(
            [f for s in on for f in old.firings.get(s, [])],
            [f for s in on for f in new.firings.get(s, [])],
        )
        if before != after or changes:
            requests.append(
                RequestChange(
                    request,
                    before.get("disposition"),
                    after.get("disposition"),
                    list(before.get("grounds", [])),
                    list(after.get("grounds", [])),
                    changes,
                )
            )
    rest = sorted(subjects - used)
    motion_firings = _firing_changes(
        [f for s in rest for f in old.firings.get(s, [])],
        [f for s in rest for f in new.firings.get(s, [])],
    )
    return CaseDiff(
        case=old.case,
        title=new.title,
        motion=motion if motion[0] != motion[1] else None,
        sanctions=sanctions if sanctions[0] != sanctions[1] else None,
        orders=orders if orders[0] != orders[1] else None,
        motion_firings=motion_firings,
        requests=requests,
    )


def _firing_lines(changes: FiringChanges, indent: str) -> list[str]:
    lines = [f"{indent}+ {rule} ({status}): {text}" for rule, status, text in changes.added]
    lines += [f"{indent}- {rule} ({status}): {text}" for rule, status, text in changes.removed]
    for before, after in changes.restated:
        lines.append(f"{indent}~ {before[0]} ({before[1]}):")
        lines.append(f"{indent}    was: {before[2]}")
        lines.append(f"{indent}    now: {after[2]}")
    return lines


def render_text(diffs: Sequence[CaseDiff], old_label: str, new_label: str) -> str:
    """The differences as text: per case, the motion, sanctions, orders, motion-wide firings,
    then each request whose decision or firings changed."""
    lines = [f"kb diff: {old_label} -> {new_label}", ""]
    for diff in diffs:
        lines.append(f"{diff.case}: {diff.title}")
        if not diff.changed:
            lines += ["  no change", ""]
            continue
        if diff.motion:
            lines.append(f"  motion: {diff.motion[0]} -> {diff.motion[1]}")
        if diff.sanctions:
            lines.append(f"  sanctions: {diff.sanctions[0]}")
            lines.append(f"         ->  {diff.sanctions[1]}")
        if diff.orders:
            old_orders = ", ".join(diff.orders[0]) or "none"
            lines.append(f"  orders: {old_orders} -> {', '.join(diff.orders[1]) or 'none'}")
        if diff.motion_firings:
            lines.append("  firings on the motion as a whole:")
            lines += _firing_lines(diff.motion_firings, "    ")
        for change in diff.requests:
            if change.old == change.new:
                head = f"  {change.request}: {change.new} (unchanged)"
            else:
                head = f"  {change.request}: {change.old or 'not at issue'} -> "
                head += change.new or "not at issue"
            lines.append(head)
            if change.old_grounds != change.new_grounds:
                lines.append(
                    f"    grounds: {', '.join(change.old_grounds) or '-'} -> "
                    f"{', '.join(change.new_grounds) or '-'}"
                )
            lines += _firing_lines(change.firings, "    ")
        lines.append("")
    changed = [d for d in diffs if d.changed]
    requests = sum(1 for d in changed for r in d.requests if r.old != r.new)
    lines.append(
        f"{len(diffs)} case(s): {len(changed)} changed, {len(diffs) - len(changed)} unchanged; "
        f"{requests} request disposition(s) changed"
    )
    return "\n".join(lines) + "\n"


def to_json(diffs: Sequence[CaseDiff], old_label: str, new_label: str) -> str:
    """The differences as JSON: ``{"old": ..., "new": ..., "cases": [...]}``."""
    body = {
        "old": old_label,
        "new": new_label,
        "cases": [{**asdict(d), "changed": d.changed} for d in diffs],
    }
    return json.dumps(body, indent=2, ensure_ascii=False) + "\n"
