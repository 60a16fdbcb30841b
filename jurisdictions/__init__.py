"""The registry: which rule sets decide a case, picked by its court."""

from __future__ import annotations

from kb.casefile import Court

RULES_VERSION = "2026.11"
"""Version of the rule base; recorded in every decision. Bump it when rules change."""


def rule_sets_for(court: Court) -> tuple[type, ...]:
    """The rule mixins for a court: the system's rules plus its district's local rules."""
    if court.system == "california":
        from jurisdictions.california import California

        return (California,)
    from jurisdictions.federal import DISTRICTS

    return (DISTRICTS[court.district or "sdcal"],)


def all_rule_sets() -> dict[str, tuple[type, ...]]:
    """Every rule set by name, for listing and checking the whole rule base."""
    from jurisdictions.california import California
    from jurisdictions.federal import DISTRICTS

    out: dict[str, tuple[type, ...]] = {"california": (California,)}
    for district, klass in DISTRICTS.items():
        out[f"federal/{district}"] = (klass,)
    return out
