"""When answers, responses and objections to written discovery were due: Fed. R. Civ. P.
33(b)(2), 34(b)(2)(A), 36(a)(3), with time computed under Rule 6.

Rule 33(b)(2): "The responding party must serve its answers and any objections within 30 days
after being served with the interrogatories"; 34(b)(2)(A) says the same of requests for
production, and under 36(a)(3) a matter is admitted unless answered or objected to within 30
days after being served. Rule 6(a)(1): exclude the day of the event, count every day, and if the
last day is a Saturday, Sunday or legal holiday the period runs until the next day that is not.
Rule 6(d): when service was made by mail (and, until 2016-12-01, electronically), "3 days are
added after the period would otherwise expire under Rule 6(a)".
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from experta import MATCH, TEST, Rule

from jurisdictions.federal.calendar import closed_reason, next_open_day
from kb.facts import Deadline, DiscoverySet
from kb.parameters import Parameters
from kb.rules import Effective, Select, rule

RESPONSE_TIME = {
    "interrogatories": "frcp:33(b)(2)",
    "production": "frcp:34(b)(2)(A)",
    "admissions": "frcp:36(a)(3)",
}
"""The rule that fixes the time to respond, by kind of discovery."""

TIME_RULES = Effective(
    note="30 days since the 1970 amendments; Rule 6(a) as amended 2009-12-01 counts a period of "
    "30 days as the earlier rule did (every day counted, a closed last day rolls forward)"
)
EXTENSION_PARAMETER = {"mail": "mail_extension_days", "electronic": "electronic_extension_days"}
EXTENSION_CITES = {"mail": "frcp:6(d)", "electronic": "frcp:6(d)"}


def _roll(day: dt.date, steps: list[str]) -> dt.date:
    rolled = next_open_day(day)
    if rolled != day:
        steps.append(
            f"{day.isoformat()} is {closed_reason(day)}: the period runs until "
            f"{rolled.isoformat()} (Fed. R. Civ. P. 6(a)(1)(C))"
        )
    return rolled


def response_period(
    start: dt.date, method: str, parameters: Parameters
) -> tuple[dt.date, tuple[str, ...], bool]:
    """The last day to respond to discovery served on ``start`` by ``method``; the arithmetic;
    and whether Rule 6(d) added days. Parameters are read as of the day of service."""
    days = parameters.value("response_days", start)
    day = start + dt.timedelta(days=days)
    steps = [f"{start.isoformat()} + {days} days = {day.isoformat()} (Fed. R. Civ. P. 6(a)(1))"]
    day = _roll(day, steps)
    name = EXTENSION_PARAMETER.get(method)
    extra = parameters.value(name, start) if name else 0
    if extra:
        day += dt.timedelta(days=extra)
        steps.append(
            f"+ {extra} days after service by {method} (Fed. R. Civ. P. 6(d)) = {day.isoformat()}"
        )
        day = _roll(day, steps)
    return day, tuple(steps), bool(extra)


class FederalDeadlines:
    """Response due dates for each set of written discovery."""

    parameters: ClassVar[Parameters] = Parameters.load("jurisdictions.federal")

    @rule(
        id="frcp.deadline.response_due",
        authorities=(
            Select("set_kind", RESPONSE_TIME),
            "frcp:6(a)(1)",
            Select("extended", EXTENSION_CITES),
        ),
        statement="The answers or objections to {set_words}, served {start} ({method} service), "
        "were due within {days} days after service: last day {last_day} ({arithmetic}).",
        effective=TIME_RULES,
        derives=(Deadline,),
    )
    @Rule(
        DiscoverySet(
            set=MATCH.set, kind=MATCH.set_kind, served=MATCH.start, served_method=MATCH.method
        ),
        TEST(lambda set_kind: set_kind in RESPONSE_TIME),
    )
    def response_due(self: Any, set: str, set_kind: str, start: dt.date, method: str) -> None:
        """Rule 33(b)(2): answers and objections "within 30 days after being served"; Rule
        34(b)(2)(A) and 36(a)(3) alike; Rule 6(d) adds 3 days after service by mail."""
        last_day, steps, extended = response_period(start, method, self.parameters)
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
            days=self.parameters.value("response_days", start),
            extended=method if extended else None,
            last_day=last_day,
            arithmetic="; ".join(steps),
        )
