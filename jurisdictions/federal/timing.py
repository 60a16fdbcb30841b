"""When a federal discovery response is due: Rules 33(b)(2), 34(b)(2)(A), 36(a)(3) and 6(d).

Answers, objections and written responses are due 30 days after service; Rule 6(d) adds 3 days
after service by mail (and, until 2016-12-01, after electronic service); the parties may
stipulate to a longer time (Rule 29(b)), which a case file records as an agreement of kind
``extend_response_deadline`` with its ``until`` date. The numbers live in parameters.yaml.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

import holidays

EXTENSION_AGREEMENT = "extend_response_deadline"
MAILED = frozenset({"mail", "overnight"})


@cache
def _legal_holidays(year: int) -> frozenset[dt.date]:
    return frozenset(holidays.country_holidays("US", years=year))


def next_open_day(day: dt.date) -> dt.date:
    """Rule 6(a)(1)(C): a last day on a Saturday, Sunday or legal holiday runs on to the next
    day that is none of these (federal legal holidays from the maintained ``holidays`` package)."""
    while day.weekday() >= 5 or day in _legal_holidays(day.year):
        day += dt.timedelta(days=1)
    return day


def response_deadline(engine: Any, discovery_set: Any) -> dt.date:
    """The last day to serve a response to ``discovery_set`` (a DiscoverySet fact)."""
    served: dt.date = discovery_set["served"]
    params = engine.parameters
    due = next_open_day(served + dt.timedelta(days=params.value("response_days", served)))
    method = discovery_set["served_method"]
    # Rule 6(d): the 3 days are added "after the period would otherwise expire under Rule 6(a)".
    if method in MAILED:
        due = next_open_day(due + dt.timedelta(days=params.value("mail_extension_days", served)))
    elif method == "electronic":
        extra = params.value("electronic_extension_days", served)
        if extra:
            due = next_open_day(due + dt.timedelta(days=extra))
    for agreement in engine.record.model.agreements:
        if agreement.kind == EXTENSION_AGREEMENT and agreement.until and agreement.until > due:
            due = agreement.until
    return due


def served_late(engine: Any, discovery_set: Any) -> bool:
    """True when a response was served, and served after its deadline."""
    answered = discovery_set["response_served"]
    return answered is not None and answered > response_deadline(engine, discovery_set)
