"""Render a rule's statement template with the values of one firing (or a group of them).

Templates are plain ``str.format`` strings written on the rule (kb.rules). Besides the firing's
own values, every template may use ``{requests}`` ("Nos. 34 and 35"), ``{movant}`` and
``{opponent}`` (party names). Dates print as ISO dates; an unknown placeholder stays visible
as ``{name}`` rather than failing, so a typo shows in the output instead of crashing a run.
Besides ``!s`` and ``!r``, a placeholder may end in ``!u`` (upper case: ``{disposition_words!u}``
gives "DENIED", as rulings print dispositions) or ``!c`` (first letter capitalised, to open a
sentence).
"""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Iterable, Mapping
from typing import Any

from kb.record import Record
from kb.requests import join_words


class _Formatter(string.Formatter):
    """``str.format`` with two more conversions: ``!u`` (upper case), ``!c`` (capitalised)."""

    def convert_field(self, value: Any, conversion: str | None) -> Any:
        if conversion == "u":
            return str(value).upper()
        if conversion == "c":
            text = str(value)
            return text[:1].upper() + text[1:]
        return super().convert_field(value, conversion)


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


def render(
    template: str, context: Mapping[str, Any], requests: Iterable[str], record: Record
) -> str:
    """Fill ``template``; ``requests`` are request ids such as ``rfp1:34``."""
    values = _Keep({k: _show(v, record) for k, v in context.items()})
    refs = [r for r in requests if r]
    values["requests"] = record.phrase(refs) if refs else "the requests at issue"
    values.setdefault("request", values["requests"])
    model = record.model
    values.setdefault("movant", record.party_name(model.motion.movant))
    values.setdefault("opponent", join_words([record.party_name(o) for o in record.case.opponents]))
    formatter = _Formatter()
    try:
        return formatter.vformat(template, (), values)
    except (ValueError, IndexError, AttributeError, KeyError):
        return template
