"""The skeleton of a generated case: court, parties, discovery sets and the timeline.

:func:`draw_plan` makes every structural choice (which motion, which sets, which requests,
when things were served); :mod:`kb.testing.builders` and :mod:`kb.testing.conferrals` then write
the case file from it. Dates come in the order litigation produces them: discovery, response,
meet and confer, motion, hearing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from kb.requests import Number
from kb.testing.knobs import DISTRICTS, MOTION_WEIGHTS, MOTIONS, RECENT_YEARS, Knobs
from kb.testing.source import Source, day, subset
from kb.testing.vocab import (
    FORM_INTERROGATORIES,
    HOLIDAY_ANCHORS,
    INDIVIDUALS,
    OFFICERS,
    ORGANIZATIONS,
    PEOPLE,
    SET_PREFIX,
)

SET_KINDS_BY_MOTION = {
    "compel_further": ("production", "interrogatories", "form_interrogatories", "admissions"),
    "compel_initial": ("production", "interrogatories", "form_interrogatories"),
    "deem_admitted": ("admissions",),
    "protective_order": ("production", "interrogatories", "admissions", "deposition"),
    "compel_compliance": ("production",),
    "compel_attendance": ("deposition",),
}
"""The discovery devices each kind of motion concerns."""

DEPOSITION_FURTHER = 0.12
"""How often a California motion to compel further responses is one to compel answers or
production at a deposition (CCP 2025.480), when the knobs leave the motion open to it."""
ATTENDANCE_OBJECTED = 0.35
"""How often the deponent of a motion to compel attendance had served an objection to the
notice (CCP 2025.410) before not appearing."""


@dataclass
class SetPlan:
    """One discovery set: who propounded it to whom, its requests, and when it was served."""

    id: str
    kind: str
    number: int
    propounder: str
    responder: str
    numbers: list[Number]
    at_issue: list[Number]
    served: dt.date
    response: dt.date | None


@dataclass
class Plan:
    """Every structural choice of one generated case."""

    system: str
    district: str | None
    motion: str
    movant: str
    opponent: str
    parties: dict[str, tuple[str, str]]  # id -> (name, side)
    pro_se: bool
    incarcerated: bool
    sets: list[SetPlan]
    pro_se_opponent: bool
    served: dt.date
    decided: dt.date
    timing: str  # timely | near | late | none
    flags: dict[str, bool] = field(default_factory=dict)

    @property
    def window(self) -> tuple[dt.date, dt.date]:
        """The days meet and confer could happen before the motion was served."""
        first = min(s.response or s.served + dt.timedelta(days=30) for s in self.sets)
        last = self.served - dt.timedelta(days=1)
        if first > last:
            first = min(s.served for s in self.sets) + dt.timedelta(days=1)
        return first, max(first, last)

    def at_issue(self) -> list[tuple[str, Number]]:
        return [(s.id, n) for s in self.sets for n in s.at_issue]


def pattern(source: Source, knob: bool | None, probability: float) -> bool:
    """A three-valued knob: forced on, forced off, or drawn."""
    return knob if knob is not None else source.chance(probability)


def _motion(source: Source, knobs: Knobs) -> str:
    if knobs.motion is not None:
        return knobs.motion
    weighted = [m for m in MOTIONS for _ in range(MOTION_WEIGHTS[m])]
    return source.choice(weighted)


def _parties(
    source: Source, knobs: Knobs, motion: str
) -> tuple[dict[str, tuple[str, str]], str, str, str, bool, bool, bool]:
    """Parties by id, the movant, the opponent, who propounded the discovery, and the parties'
    status (movant pro se, movant incarcerated, opponent pro se)."""
    incarcerated = pattern(source, knobs.incarcerated, 0.1)
    pro_se = pattern(source, knobs.pro_se, 0.6 if incarcerated else 0.1)
    pro_se_opponent = pattern(source, knobs.pro_se_opponent, 0.1)
    plaintiff = source.choice(PEOPLE)
    # Only a natural person may appear without counsel: a self-represented opponent is one.
    defendants = OFFICERS if incarcerated else INDIVIDUALS if pro_se_opponent else ORGANIZATIONS
    defendant = source.choice(defendants)
    parties = {plaintiff[0]: (plaintiff[1], "plaintiff"), defendant[0]: (defendant[1], "defendant")}
    if source.chance(0.15):
        other = source.choice([o for o in ORGANIZATIONS + OFFICERS if o[0] != defendant[0]])
        parties[other[0]] = (other[1], "defendant")
    plaintiff_moves = incarcerated or pro_se or source.chance(0.75)
    movant, opponent = (
        (plaintiff[0], defendant[0]) if plaintiff_moves else (defendant[0], plaintiff[0])
    )
    # A protective order is sought by the party the discovery is directed to.
    propounder = opponent if motion == "protective_order" else movant
    return parties, movant, opponent, propounder, pro_se, incarcerated, pro_se_opponent


def _numbers(source: Source, kind: str, wanted: int) -> tuple[list[Number], list[Number]]:
    """A set's request numbers and the ones at issue in the motion."""
    if kind == "form_interrogatories":
        size = min(len(FORM_INTERROGATORIES), wanted + source.integer(0, 6))
        numbers: list[Number] = list(FORM_INTERROGATORIES[:size])
    elif kind == "deposition":
        numbers = list(range(1, max(1, wanted) + source.integer(0, 3) + 1))
    else:
        numbers = list(range(1, wanted + source.integer(0, 30) + 1))
    at_issue = subset(source, numbers, min(wanted, len(numbers)), min(wanted, len(numbers)))
    return numbers, at_issue


def _start(source: Source, knobs: Knobs) -> dt.date:
    low, high = knobs.years
    recent = high > low and source.chance(RECENT_YEARS)
    year = source.integer(max(low, high - 1), high) if recent else source.integer(low, high)
    return dt.date(year, 1, 1) + dt.timedelta(days=source.integer(0, 364))


def _timing(source: Source, knobs: Knobs, motion: str) -> str:
    if knobs.late_notice:
        return "late"
    if knobs.near_deadline:
        return "near"
    options = ["timely", "timely", "timely", "timely"]
    if knobs.late_notice is None:
        options.append("late")
    if knobs.near_deadline is None:
        options.append("near")
    return source.choice(options) if motion == "compel_further" else "timely"


def draw_plan(source: Source, knobs: Knobs) -> Plan:
    """Draw the structure of one case."""
    system = knobs.system or source.choice(("california", "federal"))
    district = None
    if system == "federal":
        district = knobs.district or source.choice(DISTRICTS)
    motion = _motion(source, knobs)
    parties, movant, opponent, propounder, pro_se, incarcerated, pro_se_opponent = _parties(
        source, knobs, motion
    )
    responder = movant if propounder == opponent else opponent
    kinds = [
        k
        for k in SET_KINDS_BY_MOTION[motion]
        if not (system == "federal" and k == "form_interrogatories")
    ]
    if system == "california" and motion == "compel_further" and source.chance(DEPOSITION_FURTHER):
        # Answers or production refused at a deposition (CCP 2025.480): the set's response is
        # the day the record was completed.
        kinds = ["deposition"]
    wanted = source.integer(*knobs.requests)
    set_count = min(wanted, source.integer(*knobs.sets)) if len(kinds) > 1 else 1
    shares = [1] * set_count
    for _ in range(wanted - set_count):
        shares[source.integer(0, set_count - 1)] += 1
    timing = _timing(source, knobs, motion)
    served0 = _start(source, knobs)
    objected = motion == "compel_attendance" and source.chance(ATTENDANCE_OBJECTED)
    responded = (
        motion == "compel_compliance"
        or (motion == "compel_further" and source.chance(0.97))
        or (motion == "protective_order" and source.chance(0.3))
        or objected
    )
    # A deponent's objection is served days after the notice, before the deposition date.
    lag0 = source.integer(3, 12) if objected else source.integer(25, 45)
    response0 = served0 + dt.timedelta(days=lag0) if responded else None
    if response0 is not None and timing == "near" and source.chance(0.5):
        # Put day 45 near a fixed-date holiday, so that court days decide the last day.
        month, day_of_month = source.choice(HOLIDAY_ANCHORS)
        target = dt.date(response0.year, month, day_of_month)
        response0 = target - dt.timedelta(days=45 - source.integer(-2, 2))
        served0 = response0 - dt.timedelta(days=source.integer(25, 45))
    sets: list[SetPlan] = []
    used: dict[str, int] = {}
    for index, share in enumerate(shares):
        kind = source.choice(kinds)
        used[kind] = used.get(kind, 0) + 1
        numbers, at_issue = _numbers(source, kind, share)
        lag = dt.timedelta(days=source.integer(0, 14) if index else 0)
        response = response0 + lag if response0 is not None else None
        sets.append(
            SetPlan(
                id=f"{SET_PREFIX[kind]}{used[kind]}",
                kind=kind,
                number=used[kind],
                propounder=propounder,
                responder=responder,
                numbers=numbers,
                at_issue=at_issue,
                served=served0 + lag,
                response=response,
            )
        )
    served = _motion_date(source, sets, timing, motion)
    decided = served + dt.timedelta(days=source.integer(16, 75))
    return Plan(
        system=system,
        district=district,
        motion=motion,
        movant=movant,
        opponent=opponent,
        parties=parties,
        pro_se=pro_se,
        incarcerated=incarcerated,
        sets=sets,
        pro_se_opponent=pro_se_opponent,
        served=served,
        decided=decided,
        timing=timing if sets[0].response is not None else "none",
    )


def _motion_date(source: Source, sets: list[SetPlan], timing: str, motion: str) -> dt.date:
    first = sets[0]
    last_served = max(s.served for s in sets)
    if first.response is None:
        earliest = last_served + dt.timedelta(days=35)
        return day(source, earliest, earliest + dt.timedelta(days=90))
    start = max(s.response or s.served for s in sets)
    if timing == "late":
        return start + dt.timedelta(days=45 + source.integer(15, 90))
    if timing == "near":
        return start + dt.timedelta(days=45 + source.integer(-3, 9))
    return start + dt.timedelta(days=source.integer(10, 44))
