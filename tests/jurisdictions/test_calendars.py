"""The court calendars' base: the United States holidays of the ``holidays`` package, loaded
without the package's other countries, are the package's own, day for day and name for name."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import holidays

from jurisdictions.california.calendar import judicial_holidays
from jurisdictions.common.federal_holidays import federal_holidays
from jurisdictions.federal.calendar import legal_holidays
from tests.helpers import ROOT


def test_federal_holidays_are_the_packages_own() -> None:
    for year in range(1950, 2081):
        expected = list(holidays.country_holidays("US", years=year).items())
        assert list(federal_holidays(year).items()) == expected, year


def test_a_fresh_process_loads_only_the_united_states() -> None:
    code = (
        "import sys\n"
        "from jurisdictions.common.federal_holidays import _calendar_class, federal_holidays\n"
        "assert federal_holidays(2024)\n"
        "print(_calendar_class().__module__, 'holidays.countries' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == ["_kb_holidays_united_states", "False"]


def test_california_judicial_holidays_of_2023() -> None:
    # The Judicial Council's list for 2023; Veterans Day (Saturday) is kept beside its observed
    # Friday, as the federal calendar lists both.
    days = judicial_holidays(2023)
    closed = {d for d in days if d.weekday() < 5}
    assert closed == {
        dt.date(2023, 1, 2),
        dt.date(2023, 1, 16),
        dt.date(2023, 2, 13),  # Lincoln Day, Sunday the 12th observed
        dt.date(2023, 2, 20),
        dt.date(2023, 3, 31),
        dt.date(2023, 5, 29),
        dt.date(2023, 6, 19),  # Juneteenth, a judicial holiday from 2023
        dt.date(2023, 7, 4),
        dt.date(2023, 9, 4),
        dt.date(2023, 9, 22),  # Native American Day
        dt.date(2023, 11, 10),
        dt.date(2023, 11, 23),
        dt.date(2023, 11, 24),
        dt.date(2023, 12, 25),
    }


def test_changes_of_2022_and_neighbouring_years() -> None:
    assert dt.date(2021, 10, 11) in judicial_holidays(2021)  # Columbus Day, until 2021
    assert not any("Columbus" in name for name in judicial_holidays(2022).values())
    assert not any("Juneteenth" in name for name in judicial_holidays(2022).values())
    # New Year's Day 2022 fell on a Saturday: observed on Friday, December 31, 2021.
    assert judicial_holidays(2021)[dt.date(2021, 12, 31)] == "New Year's Day (observed)"
    # A federal court in California closes on the state's judicial holidays too.
    assert legal_holidays(2023)[dt.date(2023, 3, 31)] == "Cesar Chavez Day (California)"
    assert legal_holidays(2022)[dt.date(2022, 10, 10)] == "Columbus Day"
