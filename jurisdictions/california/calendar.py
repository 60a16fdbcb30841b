"""California court days: weekends and judicial holidays (CCP 135, CRC 1.11).

The base calendar is the maintained ``holidays`` package's United States federal holidays,
with their observed days (Saturday -> Friday, Sunday -> Monday, as CRC 1.11 also provides).
California's judicial holidays differ from the federal list, so the differences are applied
here with their dates of change:

- added: Lincoln Day (Feb. 12), Cesar Chavez Day (Mar. 31), the day after Thanksgiving, and
  Native American Day (4th Friday of September) from 2022 (AB 855, Stats. 2021, ch. 283);
- removed: Columbus Day from 2022 (same bill), and Juneteenth before 2023 (it became a state
  and judicial holiday in 2023 by AB 1655, Stats. 2022, ch. 753).
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from jurisdictions.common.federal_holidays import federal_holidays

_NATIVE_AMERICAN_DAY_FROM = 2022
_COLUMBUS_DAY_UNTIL = 2021
_JUNETEENTH_FROM = 2023


def _observed(day: dt.date) -> dt.date:
    """CRC 1.11: a holiday on Saturday is observed on Friday, on Sunday on Monday."""
    if day.weekday() == 5:
        return day - dt.timedelta(days=1)
    if day.weekday() == 6:
        return day + dt.timedelta(days=1)
    return day


def _fourth_friday_of_september(year: int) -> dt.date:
    first = dt.date(year, 9, 1)
    offset = (4 - first.weekday()) % 7
    return first + dt.timedelta(days=offset + 21)


@cache
def judicial_holidays(year: int) -> dict[dt.date, str]:
    """California judicial holidays of one year, on the days courts are closed."""
    base = federal_holidays(year)
    days: dict[dt.date, str] = {}
    for day, name in sorted(base.items()):
        if "Columbus" in name and year > _COLUMBUS_DAY_UNTIL:
            continue
        if "Juneteenth" in name and year < _JUNETEENTH_FROM:
            continue
        days[day] = name
    added = {
        _observed(dt.date(year, 2, 12)): "Lincoln Day",
        _observed(dt.date(year, 3, 31)): "Cesar Chavez Day",
    }
    thanksgiving = next(d for d, n in base.items() if n.startswith("Thanksgiving"))
    added[thanksgiving + dt.timedelta(days=1)] = "Day after Thanksgiving"
    if year >= _NATIVE_AMERICAN_DAY_FROM:
        added[_fourth_friday_of_september(year)] = "Native American Day"
    for day, name in added.items():
        days.setdefault(day, name)
    # A federal "observed" day can fall in the neighbouring year (New Year's Day on a Saturday).
    following = federal_holidays(year + 1)
    for day, name in following.items():
        if day.year == year:
            days.setdefault(day, name)
    return days


def is_court_day(day: dt.date) -> bool:
    """A day the courts are open: not a Saturday, Sunday or judicial holiday."""
    return day.weekday() < 5 and day not in judicial_holidays(day.year)


def next_court_day(day: dt.date) -> dt.date:
    """``day`` itself if it is a court day, else the next one (CCP 12a, 2016.060)."""
    while not is_court_day(day):
        day += dt.timedelta(days=1)
    return day


def add_court_days(day: dt.date, count: int) -> dt.date:
    """The date ``count`` court days after ``day``."""
    current = day
    remaining = count
    while remaining > 0:
        current += dt.timedelta(days=1)
        if is_court_day(current):
            remaining -= 1
    return current


def holiday_name(day: dt.date) -> str | None:
    """The judicial holiday on ``day``, if any."""
    return judicial_holidays(day.year).get(day)
