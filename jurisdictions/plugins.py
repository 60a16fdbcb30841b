"""Jurisdiction plugins: rule modules from other packages, picked by court.

A third-party package registers a :class:`Plugin` under the entry-point group
``discovery_kb.jurisdictions``::

    [project.entry-points."discovery_kb.jurisdictions"]
    lasc_pi_hub = "lasc_pi_hub:PLUGIN"

The plugin names the courts it applies to (system, and optionally district, county and
departments) and the rule mixins to add for them; :func:`jurisdictions.rule_sets_for` adds the
mixins of every installed plugin that applies to a case's court.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.metadata import entry_points

from kb.casefile import Court

ENTRY_POINT_GROUP = "discovery_kb.jurisdictions"


class PluginError(RuntimeError):
    """An installed plugin that cannot be loaded or is not a :class:`Plugin`."""


@dataclass(frozen=True)
class Plugin:
    """Rule mixins for some courts."""

    name: str
    mixins: tuple[type, ...]
    system: str
    district: str | None = None
    county: str | None = None
    departments: tuple[str, ...] = ()
    description: str = ""

    def applies(self, court: Court) -> bool:
        """True when the plugin's selectors all match the court."""
        if court.system != self.system:
            return False
        if self.district is not None and court.district != self.district:
            return False
        if self.county is not None and (court.county or "").casefold() != self.county.casefold():
            return False
        return not self.departments or (court.department or "") in self.departments


@cache
def installed() -> tuple[Plugin, ...]:
    """Every plugin registered through the entry-point group, sorted by name."""
    found: list[Plugin] = []
    for entry_point in entry_points(group=ENTRY_POINT_GROUP):
        try:
            plugin = entry_point.load()
        except Exception as exc:
            raise PluginError(f"plugin {entry_point.name!r} failed to load: {exc}") from exc
        if not isinstance(plugin, Plugin):
            raise PluginError(f"plugin {entry_point.name!r} is not a jurisdictions.plugins.Plugin")
        found.append(plugin)
    return tuple(sorted(found, key=lambda p: p.name))
