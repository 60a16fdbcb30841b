"""The 45-day limit on motions to compel further responses, and its extensions.

CCP 2030.300(c), 2031.310(c), 2033.290(c): "Unless notice of this motion is given within 45
days of the service of the verified response, or any supplemental verified response, or on or
before any specific later date to which the propounding party and the responding party have
agreed in writing, the propounding party waives any right to compel a further response."
The period is extended for the method by which the response was served (CCP 1013(a): 5 days by
mail within California; 1013(c): 2 court days by overnight delivery; 1010.6: 2 court days by
electronic service), and a last day that is not a court day moves to the next court day
(CCP 2016.060). The limit is mandatory: a late motion must be denied (Sexton), before anything
else is considered.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from experta import MATCH, TEST, Rule

from jurisdictions.california.calendar import add_court_days, holiday_name, next_court_day
from jurisdictions.california.sections import CIVIL_DISCOVERY_ACT, NOTICE_WITHIN_45_DAYS
from kb.facts import Agreement, Deadline, DiscoverySet, Exemption, Ground, Motion
from kb.rules import Select, rule

EXTENSION_CITES = {
    "mail": "ccp:1013(a)",
    "overnight": "ccp:1013(c)",
    "electronic": "ccp:1010.6(a)(3)(B)",
    "electronic_before_2023": "ccp:1010.6(a)(4)(B)",
}
RENUMBERED_1010_6 = dt.date(2023, 1, 1)


def _court_day_note(day: dt.date) -> str:
    if day.weekday() >= 5:
        return day.strftime("%A")
    return holiday_name(day) or "a court holiday"


def extend_for_service(
    day: dt.date, start: dt.date, method: str, parameters: Any, as_of: dt.date
) -> tuple[dt.date, list[str], str]:
    """Extend a period that ran from service on ``start`` by ``method`` (CCP 1013, 1010.6):
    the extended day, the arithmetic as readable steps, and the extension's key."""
    steps: list[str] = []
    key = method
    if method == "mail":
        extra = parameters.value("mail_extension_days", as_of)
        day += dt.timedelta(days=extra)
        steps.append(
            f"+ {extra} calendar days for service by mail (Code Civ. Proc., § 1013(a)) "
            f"= {day.isoformat()}"
        )
    elif method == "electronic":
        extra = parameters.value("electronic_extension_court_days", as_of)
        key = "electronic" if start >= RENUMBERED_1010_6 else "electronic_before_2023"
        cite = "1010.6(a)(3)(B)" if key == "electronic" else "1010.6(a)(4)(B)"
        day = add_court_days(day, extra)
        steps.append(
            f"+ {extra} court days for electronic service (Code Civ. Proc., § {cite}) "
            f"= {day.isoformat()}"
        )
    elif method == "overnight":
        extra = parameters.value("overnight_extension_court_days", as_of)
        day = add_court_days(day, extra)
        steps.append(
            f"+ {extra} court days for overnight delivery (Code Civ. Proc., § 1013(c)) "
            f"= {day.isoformat()}"
        )
    return day, steps, key


def roll_to_court_day(day: dt.date, steps: list[str]) -> dt.date:
    """A last day that is not a court day moves to the next court day (CCP 12a, 2016.060)."""
    rolled = next_court_day(day)
    if rolled != day:
        steps.append(
            f"{day.isoformat()} is {_court_day_note(day)}: next court day "
            f"{rolled.isoformat()} (Code Civ. Proc., § 2016.060)"
        )
    return rolled


def notice_deadline(
    start: dt.date, method: str, parameters: Any, as_of: dt.date
) -> tuple[dt.date, tuple[str, ...], str]:
    """Last day to give notice, the arithmetic as readable steps, and the extension's key."""
    days = parameters.value("motion_notice_days", as_of)
    day = start + dt.timedelta(days=days)
    steps = [f"{start.isoformat()} + {days} days = {day.isoformat()}"]
    day, more, key = extend_for_service(day, start, method, parameters, as_of)
    steps += more
    return roll_to_court_day(day, steps), tuple(steps), key


class CaliforniaTimeliness:
    """Compute the last day to move, then deny a motion noticed after it."""

    @rule(
        id="ca.timeliness.notice_deadline",
        authorities=(
            Select("set_kind", NOTICE_WITHIN_45_DAYS),
            Select("extension", EXTENSION_CITES),
            "ccp:2016.060",
        ),
        statement="Notice of a motion to compel further responses to {set_words} was due "
        "within 45 days of service of the verified response on {start} "
        "({method} service), extended as the law provides: last day {last_day} "
        "({arithmetic}).",
        effective=CIVIL_DISCOVERY_ACT,
        derives=(Deadline,),
    )
    @Rule(
        Motion(system="california", kind="compel_further"),
        DiscoverySet(
            set=MATCH.set,
            kind=MATCH.set_kind,
            in_motion=True,
            clock_start=MATCH.start,
            clock_method=MATCH.method,
        ),
        TEST(lambda start: start is not None),
        # Depositions have their own limit: 60 days from the record (deposition.py).
        TEST(lambda set_kind: set_kind != "deposition"),
    )
    def notice_deadline(self: Any, set: str, set_kind: str, start: dt.date, method: str) -> None:
        """CCP 2031.310(c) and its twins: notice "within 45 days of the service of the verified
        response, or any supplemental verified response"; CCP 2016.050 applies 1013 and 1010.6."""
        last_day, steps, key = notice_deadline(start, method, self.parameters, self.as_of)
        self.conclude(
            Deadline(
                deadline="motion_notice",
                set=set,
                set_kind=set_kind,
                start=start,
                last_day=last_day,
                steps=steps,
                governs="motion.served.date",
            ),
            set_words=self.record.set_label(set),
            extension=key,
            last_day=last_day,
            arithmetic="; ".join(steps),
        )

    @rule(
        id="ca.timeliness.notice_late",
        authorities=(
            Select("set_kind", NOTICE_WITHIN_45_DAYS),
            "case:sexton-v-superior-court-1997",
        ),
        statement="Notice of the motion as to {set_words} was given on {served}, after the last "
        "day ({last_day}): the right to compel further responses was waived, and the "
        "court must deny the motion as to them.",
        effective=CIVIL_DISCOVERY_ACT,
        derives=(Ground,),
    )
    @Rule(
        Motion(system="california", kind="compel_further", served=MATCH.served),
        Deadline(
            deadline="motion_notice",
            set=MATCH.set,
            set_kind=MATCH.set_kind,
            last_day=MATCH.last_day,
        ),
        TEST(lambda served, last_day: served > last_day),
    )
    def notice_late(self: Any, served: dt.date, set: str, set_kind: str, last_day: dt.date) -> None:
        """Sexton (1997) 58 Cal.App.4th 1403, 1410: the limit is mandatory; a court may not
        entertain a belated motion to compel further responses."""
        self.conclude(
            Ground(rule="ca.timeliness.notice_late", gate="timeliness", effect="denied", set=set),
            set_kind=set_kind,
            set_words=self.record.set_label(set),
        )

    @rule(
        id="ca.timeliness.extended_in_writing",
        authorities=(Select("set_kinds", NOTICE_WITHIN_45_DAYS),),
        statement="The parties agreed in writing to extend the time to move until {until}, "
        "and notice was given by then ({served}).",
        effective=CIVIL_DISCOVERY_ACT,
        overrides=("ca.timeliness.notice_late",),
        derives=(Exemption,),
    )
    @Rule(
        Motion(system="california", kind="compel_further", served=MATCH.served),
        Agreement(index=MATCH.index, kind="extend_motion_deadline", until=MATCH.until),
        TEST(lambda served, until: until is not None and served <= until),
    )
    def extended_in_writing(self: Any, served: dt.date, index: int, until: dt.date) -> None:
        """The statutes allow "any specific later date to which the propounding party and the
        responding party have agreed in writing"; an oral agreement does not count. CCP
        2025.480(b) (answers at a deposition: "no later than 60 days after the completion of the
        record") has no such clause, so an agreement does nothing for a deposition set."""
        discovery = self.record.model.discovery
        kinds = tuple(
            sorted(
                {discovery[s].kind for s in self.fact("fact:motion")["sets"]}
                & set(NOTICE_WITHIN_45_DAYS)
            )
        )
        if not kinds:
            return
        self.conclude(
            Exemption(requirement="timely_notice", reason="written extension"), set_kinds=kinds
        )
