"""Federal legal holidays for computing time (Fed. R. Civ. P. 6(a)(6)).

Rule 6(a)(6) defines a "legal holiday" as the days set aside by statute for the federal
holidays (New Year's Day, Martin Luther King Jr.'s Birthday, Washington's Birthday, Memorial
Day, Juneteenth, Independence Day, Labor Day, Columbus Day, Veterans' Day, Thanksgiving Day,
Christmas Day), any day declared a holiday by the President or Congress, and, for periods
counted forward, "any day declared a holiday by the state where the district court is located".
The federal days come from the maintained ``holidays`` package; California's are the state's
judicial holidays (:mod:`jurisdictions.california.calendar`), which follow its statutory
holidays.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from jurisdictions.california.calendar import judicial_holidays
from jurisdictions.common.federal_holidays import federal_holidays


@cache
def legal_holidays(year: int) -> dict[dt.date, str]:
    """Legal holidays of one year for a district court in California, by day."""
    days: dict[dt.date, str] = dict(sorted(federal_holidays(year).items()))
    for day, name in judicial_holidays(year).items():
        days.setdefault(day, f"{name} (California)")
    return days


def holiday_name(day: dt.date) -> str | None:
    """The legal holiday on ``day``, if any."""
    return legal_holidays(day.year).get(day)


def is_open_day(day: dt.date) -> bool:
    """Not a Saturday, a Sunday or a legal holiday (Rule 6(a)(1)(C))."""
    return day.weekday() < 5 and holiday_name(day) is None


def next_open_day(day: dt.date) -> dt.date:
    """``day`` itself if it is not a Saturday, Sunday or legal holiday, else the next such day."""
    while not is_open_day(day):
        day += dt.timedelta(days=1)
    return day


def closed_reason(day: dt.date) -> str:
    """Why ``day`` is not a day to act: its weekday name or its holiday."""
    return day.strftime("%A") if day.weekday() >= 5 else holiday_name(day) or "a legal holiday"
