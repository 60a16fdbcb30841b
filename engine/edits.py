"""Apply candidate changes (:mod:`engine.cures`) to a case file, with their dates.

A case file is plain data (``kb.crossref.resolve`` validates it); each change edits a copy. A
change that adds an act gets a date inside its *window*, the days on which the act would still
count:

- a communication must come after what it is about (the discovery it discusses, the message it
  answers) and before the motion is served, for only communications before the motion count,
  and by any day the court ordered it by;
- an informal discovery conference must be held by the day the motion is served;
- an act limited by a deadline (serving notice of the motion) must come by the deadline's last
  day and not before its clock started (notice cannot be given before the responses);
- with ``today``, nothing can be done before today.

An empty window makes the change impossible (:class:`Impossible`, with the reason). Within its
window an act is dated on the last day that still counts, so that it is what must be done *by*
then. Changes that move the motion's date are applied first, so that the others fit around it.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from engine.cures import Change
from kb.record import Record

PHASES = ("act_by", "agreement", "file", "paper", "informal_conference", "answer", "confer")
"""The order changes are applied in: what moves the motion first, acts that fit around it last."""

WRITTEN = frozenset({"letter", "email"})
METHOD_WORDS = {
    "letter": "a letter",
    "email": "an email",
    "phone": "a telephone conference",
    "video": "a video conference",
    "in_person": "an in-person meeting",
}


class Impossible(Exception):
    """A change that cannot be made in time; ``reason`` says why."""

    def __init__(self, change: Change, reason: str) -> None:
        super().__init__(reason)
        self.change = change
        self.reason = reason


@dataclass(frozen=True)
class Applied:
    """A change as made: the sentence that describes it, where it edits the file, its date."""

    change: Change
    summary: str
    path: str
    date: dt.date | None = None


def _date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def get_path(doc: dict[str, Any], path: str) -> Any:
    """The value at a dotted case-file path (``motion.served.date``), or None."""
    node: Any = doc
    for part in path.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def _set_path(doc: dict[str, Any], path: str, value: Any) -> None:
    parts = path.split(".")
    node = doc
    for part in parts[:-1]:
        node = node.setdefault(part, {})
    node[parts[-1]] = value


class _Editor:
    def __init__(self, doc: dict[str, Any], record: Record, today: dt.date | None) -> None:
        self.doc = copy.deepcopy(doc)
        self.record = record
        self.today = today
        self.serial = 0

    @property
    def motion_served(self) -> dt.date:
        return _date(self.doc["motion"]["served"]["date"])

    def window(
        self, change: Change, act: str, after: tuple[dt.date, str], last: tuple[dt.date, str]
    ) -> dt.date:
        """The last day an ``act`` still counts: no earlier than ``after`` (nor today), no later
        than ``last``; each comes with the reason for it. Raises :class:`Impossible`."""
        first = max(after[0], self.today) if self.today else after[0]
        if first <= last[0]:
            return last[0]
        if self.today and self.today > last[0] and self.today >= after[0]:
            raise Impossible(
                change,
                f"{act} is no longer possible: it {last[1]}, and the last such day "
                f"({last[0].isoformat()}) has passed",
            )
        raise Impossible(
            change,
            f"{act} is not possible: it must come after {after[1]} ({after[0].isoformat()}), "
            f"but it also {last[1]}, by {last[0].isoformat()}",
        )

    def after_discovery(self, requests: Sequence[str]) -> tuple[dt.date, str]:
        """The day the discovery these requests belong to was served (the latest set's)."""
        days = [
            _date(self.doc["discovery"][r.rsplit(":", 1)[0]]["served"]["date"]) for r in requests
        ]
        return max(days), "the discovery it is about was served"

    def before_motion(self) -> tuple[dt.date, str]:
        """The last day a communication counts: the day before the motion is served."""
        served = self.motion_served.isoformat()
        last = self.motion_served - dt.timedelta(days=1)
        return last, f"must come before the motion is served ({served}) to count"

    def new_id(self, stem: str) -> str:
        taken = {c["id"] for c in self.doc.get("conferrals", [])}
        while True:
            self.serial += 1
            candidate = f"advice-{stem}-{self.serial}"
            if candidate not in taken:
                return candidate

    def apply(self, change: Change) -> Applied:
        return getattr(self, f"_{change.action}")(change)  # type: ignore[no-any-return]

    # --- one method per action ----------------------------------------------------------

    def _confer(self, change: Change) -> Applied:
        requests: tuple[str, ...] = change.get("requests")
        method, other = change.get("method"), change.get("to")
        act = f"a conferral raising {self.record.phrase(requests)}"
        last = self.before_motion()
        by = change.get("by")
        if by is not None and by < last[0]:
            last = (by, "must come by the day the court ordered")
        day = self.window(change, act, self.after_discovery(requests), last)
        by_set: dict[str, list[Any]] = {}
        for request in requests:
            set_id, _, number = request.rpartition(":")
            by_set.setdefault(set_id, []).append(int(number) if number.isdigit() else number)
        self.doc.setdefault("conferrals", []).append(
            {
                "id": self.new_id(method),
                "date": day,
                "from": self.doc["motion"]["movant"],
                "to": other,
                "method": method,
                "requests": by_set,
                "substance": "specific",
            }
        )
        when = (
            "the day the court ordered"
            if by == day
            else f"before the motion is served on {self.motion_served.isoformat()}"
        )
        summary = (
            f"{METHOD_WORDS[method]} {'to' if method in WRITTEN else 'with'} "
            f"{self.record.party_name(other)} raising "
            f"{self.record.phrase(requests)}, saying why each response is deficient, no later "
            f"than {day.isoformat()} ({when})"
        )
        return Applied(change, summary, f"conferrals[{len(self.doc['conferrals']) - 1}]", day)

    def _answer(self, change: Change) -> Applied:
        target_id = change.get("conferral")
        original = next(c for c in self.doc.get("conferrals", []) if c["id"] == target_id)
        written = original["method"] if original["method"] in WRITTEN else "letter"
        after = (_date(original["date"]), "the communication it answers")
        day = self.window(change, f"an answer to {target_id}", after, self.before_motion())
        self.doc["conferrals"].append(
            {
                "id": self.new_id("answer"),
                "date": day,
                "from": self.doc["motion"]["movant"],
                "to": original["from"],
                "method": written,
                "replying_to": target_id,
                "substance": "specific",
            }
        )
        sender = self.record.party_name(original["from"])
        summary = (
            f"answer {sender}'s {original['method'].replace('_', ' ')} of "
            f"{_date(original['date']).isoformat()} ({target_id}), responding to what it "
            f"proposed, no later than {day.isoformat()} (before the motion is served on "
            f"{self.motion_served.isoformat()})"
        )
        return Applied(change, summary, f"conferrals[{len(self.doc['conferrals']) - 1}]", day)

    def _file(self, change: Change) -> Applied:
        paper = change.get("paper")
        papers = self.doc["motion"].setdefault("papers", {})
        papers[paper] = {**(papers.get(paper) or {}), "filed": True}
        return Applied(
            change, f"file a {paper.replace('_', ' ')} with the motion", f"motion.papers.{paper}"
        )

    def _paper(self, change: Change) -> Applied:
        paper, name, value = change.get("paper"), change.get("field"), change.get("value")
        papers = self.doc["motion"].setdefault("papers", {})
        entry = dict(papers.get(paper) or {"filed": True})
        entry[name] = value
        if name == "compliant" and value:
            entry.pop("defects", None)
        papers[paper] = entry
        words = paper.replace("_", " ")
        if name == "compliant":
            summary = f"{'file a compliant' if value else 'file a'} {words}, correcting its defects"
        else:
            summary = f"{'file' if value else 'do not file'} a {words}"
        return Applied(change, summary, f"motion.papers.{paper}.{name}")

    def _informal_conference(self, change: Change) -> Applied:
        requests = [str(r) for r in self.record.case.motion_requests]
        last = (self.motion_served, "must be held by the day the motion is served")
        act = "an informal discovery conference"
        day = self.window(change, act, self.after_discovery(requests), last)
        self.doc.setdefault("informal_conferences", []).append(
            {"date": day, "held": True, "requests": self.doc["motion"]["requests"]}
        )
        summary = (
            "hold an informal discovery conference with the court on the requests at issue, no "
            f"later than {day.isoformat()} (by the day the motion is served)"
        )
        index = len(self.doc["informal_conferences"]) - 1
        return Applied(change, summary, f"informal_conferences[{index}]", day)

    def _agreement(self, change: Change) -> Applied:
        kind = change.get("kind")
        until = self.motion_served
        self.doc.setdefault("agreements", []).append({"kind": kind, "until": until})
        opponents = ", ".join(self.record.party_name(o) for o in self.record.case.opponents)
        summary = (
            f"obtain {opponents}'s written agreement ({kind.replace('_', ' ')}) until at least "
            f"{until.isoformat()}"
        )
        return Applied(change, summary, f"agreements[{len(self.doc['agreements']) - 1}]", until)

    def _act_by(self, change: Change) -> Applied:
        governs, last_day = change.get("governs"), _date(change.get("last_day"))
        start = change.get("start")
        after = (_date(start) if start else last_day, "the event that starts the clock")
        what = "notice of the motion" if governs == "motion.served.date" else governs
        last = (last_day, "must come by the last day the rules allow")
        day = self.window(change, what, after, last)
        _set_path(self.doc, governs, day)
        if governs == "motion.served.date":
            summary = f"serve notice of the motion by {day.isoformat()}, the last day to do so"
        else:
            summary = f"set {governs} to {day.isoformat()}, the last day allowed"
        return Applied(change, summary, governs, day)


def apply_changes(
    doc: dict[str, Any], changes: Sequence[Change], record: Record, today: dt.date | None = None
) -> tuple[dict[str, Any], tuple[Applied, ...]]:
    """A copy of ``doc`` with the changes made (in :data:`PHASES` order), and what each did.

    Raises :class:`Impossible` for a change whose window is empty."""
    editor = _Editor(doc, record, today)
    ordered = sorted(changes, key=lambda c: (PHASES.index(c.action), c.key))
    applied = tuple(editor.apply(change) for change in ordered)
    return editor.doc, applied
