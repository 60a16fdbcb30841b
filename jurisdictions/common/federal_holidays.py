"""The United States federal holidays, from the ``holidays`` package, loaded cheaply.

``holidays.country_holidays("US", years=...)`` is the base calendar of both court calendars.
It imports ``holidays.countries``, whose ``__init__`` imports every country the package knows
(about 250 modules: 70 to 90 ms of a ~0.5 s ``kb decide``), although the United States module
needs none of the others. So the module that defines the calendar,
``holidays/countries/united_states.py``, is executed here on its own, as a private module, and
its ``US`` class (the class ``country_holidays("US")`` instantiates) is called with
``country_holidays``'s defaults. The days and names are the package's own;
``tests/jurisdictions/test_calendars.py`` compares them with ``country_holidays`` year by year.
If that file is not where it has been in every release, or does not load on its own, or
``holidays.countries`` is already imported anyway, ``country_holidays`` itself is used.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

_MODULE = "holidays.countries.united_states"


@cache
def _calendar_class() -> Callable[..., Mapping[dt.date, str]]:
    """The callable that builds the United States calendar for some years."""
    import holidays

    loaded = sys.modules.get(_MODULE)
    if loaded is not None:
        return loaded.US  # type: ignore[no-any-return]
    path = Path(holidays.__file__).parent / "countries" / "united_states.py"
    spec = importlib.util.spec_from_file_location("_kb_holidays_united_states", path)
    if spec is not None and spec.loader is not None and path.is_file():
        module = importlib.util.module_from_spec(spec)
        try:
            spec.loader.exec_module(module)
            return module.US  # type: ignore[no-any-return]
        except Exception:  # a layout this module does not know: the package's own way
            pass

    def country(**options: Any) -> Mapping[dt.date, str]:
        return holidays.country_holidays("US", **options)

    return country


@cache
def federal_holidays(year: int) -> dict[dt.date, str]:
    """``holidays.country_holidays("US", years=year)``, as a dict (in the package's order).

    Observed days are included (Saturday -> Friday, Sunday -> Monday), so a holiday of
    ``year + 1`` can be observed on December 31 of ``year`` and appears in ``year + 1``'s
    calendar. Callers must not change the returned dict (it is cached).
    """
    return dict(_calendar_class()(years=year).items())
