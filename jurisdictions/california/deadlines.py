"""When responses to written discovery were due: CCP 2030.260, 2031.260, 2033.250.

CCP 2030.260(a): "Within 30 days after service of interrogatories, the party to whom the
interrogatories are propounded shall serve the original of the response to them"; 2031.260(a)
and 2033.250(a) say the same of inspection demands and requests for admission. The period runs
from service of the discovery and is extended for the method of that service (CCP 2016.050
applies CCP 1013 and 1010.6: 5 calendar days by mail within California, 2 court days by
overnight delivery or electronic service); a last day that is not a court day moves to the next
court day (CCP 2016.060). The motion-notice deadline is in :mod:`timeliness`.

Which comes first, the service extension or the roll to a court day, is UNVERIFIED (law
catalog, california.md section 4, E6): as the motion-notice deadline does, the extension is
added to the period and the resulting last day then rolls forward once.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from experta import MATCH, TEST, Rule

from jurisdictions.california.sections import CIVIL_DISCOVERY_ACT
from jurisdictions.california.timeliness import (
    EXTENSION_CITES,
    extend_for_service,
    roll_to_court_day,
)
from kb.facts import Deadline, DiscoverySet
from kb.rules import Select, rule

RESPONSE_TIME = {
    "interrogatories": "ccp:2030.260(a)",
    "form_interrogatories": "ccp:2030.260(a)",
    "production": "ccp:2031.260(a)",
    "admissions": "ccp:2033.250(a)",
}
"""The section that fixes the time to respond, by kind of discovery."""

RESPONSE_EXTENSION = "extend_response_deadline"
"""``agreements[].kind`` for a written extension of the time to respond (with ``until``)."""


def period_after_service(
    start: dt.date, days: int, method: str, parameters: Any, as_of: dt.date
) -> tuple[dt.date, tuple[str, ...], str]:
    """The last day of a period of ``days`` after service on ``start`` by ``method``: the day,
    the arithmetic as readable steps, and the key of the service extension applied (the same
    arithmetic as the motion-notice deadline, :mod:`jurisdictions.california.timeliness`)."""
    day = start + dt.timedelta(days=days)
    steps = [f"{start.isoformat()} + {days} days = {day.isoformat()} (Code Civ. Proc., § 12)"]
    day, more, key = extend_for_service(day, start, method, parameters, as_of)
    steps += more
    return roll_to_court_day(day, steps), tuple(steps), key


def agreed_extension(
    agreements: Any, day: dt.date, steps: tuple[str, ...]
) -> tuple[dt.date, tuple[str, ...]]:
    """A later date to respond that the parties agreed to in writing (CCP 2030.270,
    2031.270, 2033.260) replaces the statutory last day."""
    out = list(steps)
    for agreement in agreements:
        if agreement.kind == RESPONSE_EXTENSION and agreement.until and agreement.until > day:
            day = agreement.until
            out.append(f"extended by written agreement to {day.isoformat()}")
    return day, tuple(out)


class CaliforniaDeadlines:
    """Response due dates for each set of written discovery."""

    @rule(
        id="ca.deadline.response_due",
        authorities=(
            Select("set_kind", RESPONSE_TIME),
            "ccp:2016.050",
            Select("extension", EXTENSION_CITES),
            "ccp:2016.060",
        ),
        statement="The response to {set_words}, served {start} ({method} service), was due "
        "within {days} days after service, extended as the law provides (and as the parties "
        "agreed in writing): last day {last_day} ({arithmetic}).",
        effective=CIVIL_DISCOVERY_ACT,
        derives=(Deadline,),
    )
    @Rule(
        DiscoverySet(
            set=MATCH.set, kind=MATCH.set_kind, served=MATCH.start, served_method=MATCH.method
        ),
        TEST(lambda set_kind: set_kind in RESPONSE_TIME),
    )
    def response_due(self: Any, set: str, set_kind: str, start: dt.date, method: str) -> None:
        """CCP 2030.260(a), 2031.260(a), 2033.250(a): the response is due "[w]ithin 30 days
        after service"; CCP 2016.050 extends the period for the method of service."""
        days = self.parameters.value("response_days", start)
        last_day, steps, key = period_after_service(start, days, method, self.parameters, start)
        last_day, steps = agreed_extension(self.record.model.agreements, last_day, steps)
        self.conclude(
            Deadline(
                deadline="response_due",
                set=set,
                set_kind=set_kind,
                start=start,
                last_day=last_day,
                steps=steps,
                governs=f"discovery.{set}.response.served.date",
            ),
            set_words=self.record.set_label(set),
            days=days,
            extension=key,
            last_day=last_day,
            arithmetic="; ".join(steps),
        )
