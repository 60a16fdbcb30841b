"""Conclusion ids read back into what they name: the fact class, its fields and its subject.

Node ids are written by each fact class (``kb.facts``): ``concl:request:rfp1:34:granted`` is a
:class:`~kb.facts.RequestDisposition` with ``request="rfp1:34"`` and ``disposition="granted"``.
``why-not`` asks about conclusions that were never derived, so it cannot look them up in the
graph; it reads the id instead. In a case with one discovery set the request may be bare
(``concl:request:34:granted``).
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from kb import facts as F
from kb.outcomes import MOTION_DISPOSITIONS, REQUEST_DISPOSITIONS


class UnknownConclusion(KeyError):
    """A conclusion id that names nothing in this case; carries the nearest matches."""

    def __init__(self, wanted: str, near: list[str], reason: str = "") -> None:
        super().__init__(wanted)
        self.wanted = wanted
        self.near = near
        self.reason = reason

    def __str__(self) -> str:
        why = f" ({self.reason})" if self.reason else ""
        hint = f"; did you mean {', '.join(self.near)}?" if self.near else ""
        return f"no conclusion {self.wanted!r} in this case{why}{hint}"


@dataclass(frozen=True)
class Wanted:
    """A conclusion by its content: ``klass(**fields)``, about ``scope``."""

    id: str
    klass: type[F.KBFact]
    fields: tuple[tuple[str, Any], ...]
    scope: tuple[str, ...]

    def get(self, name: str) -> Any:
        return dict(self.fields).get(name)


@dataclass(frozen=True)
class Subjects:
    """What a case's ids may refer to: its motion's requests and its discovery sets."""

    requests: tuple[str, ...]
    sets: tuple[str, ...]

    @property
    def single_set(self) -> str | None:
        return self.sets[0] if len(self.sets) == 1 else None

    def scope(self, subject: str) -> tuple[str, ...]:
        if subject in self.requests:
            return ("request", subject)
        if subject in self.sets:
            return ("set", subject)
        return ("motion",)

    def request(self, text: str) -> str | None:
        """``rfp1:34``, or a bare ``34`` in a one-set case."""
        if text in self.requests:
            return text
        if self.single_set and f"{self.single_set}:{text}" in self.requests:
            return f"{self.single_set}:{text}"
        return None


def _subject_fields(subjects: Subjects, subject: str) -> tuple[tuple[str, Any], ...] | None:
    request = subjects.request(subject)
    if request is not None:
        return (("request", request),)
    if subject in subjects.sets:
        return (("set", subject),)
    if subject == "motion":
        return ()
    return None


def _request(rest: str, s: Subjects) -> Wanted | None:
    subject, _, disposition = rest.rpartition(":")
    request = s.request(subject)
    if request is None or disposition not in REQUEST_DISPOSITIONS:
        return None
    return Wanted(
        f"concl:request:{request}:{disposition}",
        F.RequestDisposition,
        (("request", request), ("disposition", disposition)),
        ("request", request),
    )


def _motion(rest: str, s: Subjects) -> Wanted | None:
    if rest not in MOTION_DISPOSITIONS:
        return None
    return Wanted(
        f"concl:motion:{rest}", F.MotionDisposition, (("disposition", rest),), ("motion",)
    )


def _ground(rest: str, s: Subjects) -> Wanted | None:
    subject, _, rule_id = rest.rpartition(":")
    fields = _subject_fields(s, subject)
    if fields is None or not rule_id:
        return None
    value = dict(fields).get("request") or dict(fields).get("set") or "motion"
    return Wanted(
        f"concl:ground:{value}:{rule_id}",
        F.Ground,
        (("rule", rule_id), *fields),
        s.scope(str(value)),
    )


def _absence(rest: str, s: Subjects) -> Wanted | None:
    kind, _, subject = rest.partition(":")
    if not kind or not subject:
        return None
    request = s.request(subject)
    subject = request or subject
    extra = (("request", request),) if request else ()
    return Wanted(
        f"absence:{kind}:{subject}",
        F.Absence,
        (("kind", kind), ("subject", subject), *extra),
        s.scope(subject),
    )


def _requirement(rest: str, s: Subjects) -> Wanted | None:
    name, _, set_id = rest.partition(":")
    if not name or (set_id and set_id not in s.sets):
        return None
    fields = (("requirement", name), *((("set", set_id),) if set_id else ()))
    return Wanted(f"concl:requirement:{rest}", F.Requirement, fields, s.scope(set_id or "motion"))


def _simple(
    klass: type[F.KBFact], prefix: str, names: tuple[str, ...]
) -> Callable[[str, Subjects], Wanted | None]:
    """Ids of the form ``prefix:a:b`` naming fields ``names`` (the last takes the rest)."""

    def parse(rest: str, s: Subjects) -> Wanted | None:
        parts = rest.split(":", len(names) - 1)
        if len(parts) != len(names) or not all(parts):
            return None
        fields = tuple(zip(names, parts, strict=True))
        subject = next((v for k, v in fields if k in ("request", "set")), "motion")
        return Wanted(f"{prefix}{rest}", klass, fields, s.scope(subject))

    return parse


PARSERS: tuple[tuple[str, Callable[[str, Subjects], Wanted | None]], ...] = (
    ("concl:request:", _request),
    ("concl:motion:", _motion),
    ("concl:ground:", _ground),
    ("absence:", _absence),
    ("concl:order:", _simple(F.Order, "concl:order:", ("order",))),
    ("concl:sanction:", _simple(F.Sanction, "concl:sanction:", ("basis", "against"))),
    (
        "concl:sanction_refused:",
        _simple(F.SanctionRefused, "concl:sanction_refused:", ("by", "basis")),
    ),
    ("concl:requirement:", _requirement),
    ("concl:deadline:", _simple(F.Deadline, "concl:deadline:", ("deadline", "set"))),
    ("concl:open:", _simple(F.OpenQuestion, "concl:open:", ("finding",))),
)


def vocabulary(subjects: Subjects, rule_ids: Iterable[str], existing: Iterable[str]) -> list[str]:
    """Ids a user may plausibly mean: the graph's conclusions and every disposition id."""
    words = set(existing)
    words.update(f"concl:motion:{d}" for d in MOTION_DISPOSITIONS)
    for request in subjects.requests:
        words.update(f"concl:request:{request}:{d}" for d in REQUEST_DISPOSITIONS)
    ground_rules = sorted(rule_ids)
    for subject in (*subjects.requests, *subjects.sets, "motion"):
        words.update(f"concl:ground:{subject}:{r}" for r in ground_rules)
    return sorted(words)


def near(wanted: str, words: list[str]) -> list[str]:
    """Up to five ids close to ``wanted`` (bare request numbers expanded first)."""
    return difflib.get_close_matches(wanted, words, n=5, cutoff=0.6)


def parse(wanted: str, subjects: Subjects) -> Wanted | None:
    """What ``wanted`` names, or None if it names nothing this case could have concluded."""
    for prefix, parser in PARSERS:
        if wanted.startswith(prefix):
            return parser(wanted.removeprefix(prefix), subjects)
    return None
