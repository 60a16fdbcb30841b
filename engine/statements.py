"""Render a rule's statement template with the values of one firing (or a group of them).

Templates are plain ``str.format`` strings written on the rule (kb.rules). Besides the firing's
own values, every template may use ``{requests}`` ("Nos. 34 and 35"), ``{movant}`` and
``{opponent}`` (party names). Dates print as ISO dates; an unknown placeholder stays visible
as ``{name}`` rather than failing, so a typo shows in the output instead of crashing a run.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from kb.record import Record
from kb.requests import join_words


class _Keep(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _show(value: Any, record: Record) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, tuple | list | frozenset | set):
        return join_words([str(_show(v, record)) for v in value])
    return value


class _Phrases:
    """Phrases of one record, computed once: a large motion renders thousands of statements
    about the same requests and parties. Holds the record it belongs to (not its id, which a
    later record could reuse)."""

    record: Record | None = None
    phrases: dict[tuple[str, ...], str] = {}  # noqa: RUF012 (replaced per record)
    parties: tuple[str, str] = ("", "")

    @classmethod
    def of(cls, record: Record) -> type[_Phrases]:
        if cls.record is not record:
            cls.record = record
            cls.phrases = {}
            opponents = join_words([record.party_name(o) for o in record.case.opponents])
            cls.parties = (record.party_name(record.model.motion.movant), opponents)
        return cls


def phrase(record: Record, requests: Iterable[str]) -> str:
    """``record.phrase(requests)``, remembered for the record."""
    key = tuple(requests)
    cache = _Phrases.of(record).phrases
    found = cache.get(key)
    if found is None:
        found = cache[key] = record.phrase(key)
    return found


def render(
    template: str, context: Mapping[str, Any], requests: Iterable[str], record: Record
) -> str:
    """Fill ``template``; ``requests`` are request ids such as ``rfp1:34``."""
    values = _Keep({k: _show(v, record) for k, v in context.items()})
    refs = [r for r in requests if r]
    values["requests"] = phrase(record, refs) if refs else "the requests at issue"
    values.setdefault("request", values["requests"])
    movant, opponent = _Phrases.of(record).parties
    values.setdefault("movant", movant)
    values.setdefault("opponent", opponent)
    try:
        # str.format_map is string.Formatter().vformat in C, with the same syntax and errors.
        return template.format_map(values)
    except (ValueError, IndexError, AttributeError, KeyError):
        return template
