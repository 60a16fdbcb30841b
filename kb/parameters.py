"""Dated parameters: numbers the law fixes (45 days, +5 mail days, $1,000), with their history.

As in OpenFisca's ``parameters/``, a number the law fixes never appears as a literal in a rule:
it lives in a YAML file beside the rules, each value dated and referenced::

    motion_notice_days:
      description: Days to give notice of a motion to compel further responses
      authority: ccp:2031.310(c)
      values:
        - {since: 2005-07-01, value: 45}

Rules ask for ``self.parameters.value("motion_notice_days", as_of)``; an overlay (what-if law)
can replace a value for one run without touching the rules.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

# libyaml's safe loader when present (same data, several times faster; the tables load on
# every `kb decide`), else PyYAML's own.
_SAFE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Parameter:
    name: str
    description: str
    authority: str
    values: tuple[tuple[dt.date | None, Any], ...]

    def value(self, as_of: dt.date) -> Any:
        """The value in force on ``as_of`` (the latest ``since`` on or before it)."""
        current: Any = None
        found = False
        for since, value in self.values:
            if since is None or since <= as_of:
                current, found = value, True
        if not found:
            raise KeyError(f"parameter {self.name} has no value in force on {as_of.isoformat()}")
        return current


class Parameters:
    """A jurisdiction's parameters, read from ``parameters.yaml`` in its package."""

    def __init__(self, table: dict[str, Parameter]) -> None:
        self.table = table

    @classmethod
    def load(cls, package: str, filename: str = "parameters.yaml") -> Parameters:
        text = resources.files(package).joinpath(filename).read_text(encoding="utf-8")
        data = yaml.load(text, Loader=_SAFE) or {}
        table: dict[str, Parameter] = {}
        for name, entry in data.items():
            values = tuple(
                sorted(
                    ((_date(v.get("since")), v["value"]) for v in entry["values"]),
                    key=lambda pair: pair[0] or dt.date.min,
                )
            )
            table[name] = Parameter(
                name=name,
                description=str(entry.get("description", "")),
                authority=str(entry.get("authority", "")),
                values=values,
            )
        return cls(table)

    def value(self, name: str, as_of: dt.date) -> Any:
        return self.table[name].value(as_of)

    def __getitem__(self, name: str) -> Parameter:
        return self.table[name]

    def with_values(self, changes: dict[str, Any], since: dt.date | None = None) -> Parameters:
        """A copy where each named parameter takes a new value (from ``since``, or always)."""
        table = dict(self.table)
        for name, value in changes.items():
            old = table[name]
            values = ((since, value),) if since is None else (*old.values, (since, value))
            table[name] = Parameter(old.name, old.description, old.authority, values)
        return Parameters(table)


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))
