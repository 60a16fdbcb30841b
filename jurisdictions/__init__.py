"""The registry: which rule sets decide a case, picked by its court."""

from __future__ import annotations

from collections.abc import Iterable

from jurisdictions.plugins import Plugin, installed
from kb.casefile import Court

RULES_VERSION = "2026.11"
"""Version of the rule base; recorded in every decision. Bump it when rules change."""


def rule_sets_for(court: Court, plugins: Iterable[Plugin] | None = None) -> tuple[type, ...]:
    """The rule mixins for a court: the system's rules, its district's local rules, and those of
    every plugin that applies to it (``plugins``: the installed ones unless given)."""
    chosen = installed() if plugins is None else tuple(plugins)
    extra = tuple(m for plugin in chosen if plugin.applies(court) for m in plugin.mixins)
    if court.system == "california":
        from jurisdictions.california import California

        return (*extra, California)
    from jurisdictions.federal import DISTRICTS

    return (*extra, DISTRICTS[court.district or "sdcal"])


def all_rule_sets(include_plugins: bool = True) -> dict[str, tuple[type, ...]]:
    """Every rule set by name, for listing and checking the whole rule base (installed plugins
    as ``plugin/<name>``, unless ``include_plugins`` is false)."""
    from jurisdictions.california import California
    from jurisdictions.federal import DISTRICTS

    out: dict[str, tuple[type, ...]] = {"california": (California,)}
    for district, klass in DISTRICTS.items():
        out[f"federal/{district}"] = (klass,)
    for plugin in installed() if include_plugins else ():
        base = (
            California if plugin.system == "california" else DISTRICTS[plugin.district or "sdcal"]
        )
        out[f"plugin/{plugin.name}"] = (*plugin.mixins, base)
    return out
