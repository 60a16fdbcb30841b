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
import threading
from collections.abc import Iterable, Mapping
from typing import Any

from kb.record import Record
from kb.requests import join_words

_SCALARS = frozenset({str, int, float, bool, type(None), dt.date})


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


class _Phrases(threading.local):
    """Phrases and statements of one record, computed once: a large motion renders thousands
    of statements about the same requests and parties. Holds the record it belongs to (not its
    id, which a later record could reuse); one per thread, so that threads deciding different
    cases (e.g. a Dask worker's) never share it."""

    def __init__(self) -> None:
        self.record: Record | None = None
        self.phrases: dict[tuple[str, ...], str] = {}
        self.rendered: dict[Any, str] = {}
        self.parties: tuple[str, str] = ("", "")

    def of(self, record: Record) -> _Phrases:
        if self.record is not record:
            self.record = record
            self.phrases = {}
            self.rendered = {}
            opponents = join_words([record.party_name(o) for o in record.case.opponents])
            self.parties = (record.party_name(record.model.motion.movant), opponents)
        return self


_PHRASES = _Phrases()


def phrase(record: Record, requests: Iterable[str]) -> str:
    """``record.phrase(requests)``, remembered for the record."""
    key = tuple(requests)
    cache = _PHRASES.of(record).phrases
    found = cache.get(key)
    if found is None:
        found = cache[key] = record.phrase(key)
    return found


def render(
    template: str, context: Mapping[str, Any], requests: Iterable[str], record: Record
) -> str:
    """Fill ``template``; ``requests`` are request ids such as ``rfp1:34``."""
    refs = tuple(r for r in requests if r)
    # Many firings share a statement and values (grouping renders each with the request
    # blanked out): remember results per record, when the values can be a dictionary key.
    cache = _PHRASES.of(record).rendered
    key: Any = None
    found = None
    if all(type(v) in _SCALARS for v in context.values()):
        # Types are part of the key: True == 1, but one renders "yes" and the other "1".
        key = (template, tuple((k, type(v), v) for k, v in context.items()), refs)
        found = cache.get(key)
    if found is None:
        found = _render(template, context, refs, record)
        if key is not None:
            cache[key] = found
    return found


def _render(
    template: str, context: Mapping[str, Any], refs: tuple[str, ...], record: Record
) -> str:
    values = _Keep({k: _show(v, record) for k, v in context.items()})
    values["requests"] = phrase(record, refs) if refs else "the requests at issue"
    values.setdefault("request", values["requests"])
    movant, opponent = _PHRASES.of(record).parties
    values.setdefault("movant", movant)
    values.setdefault("opponent", opponent)
    try:
        if "!u" in template or "!c" in template:
            return _Formatter().vformat(template, (), values)
        # str.format_map is string.Formatter().vformat in C, with the same syntax and errors.
        return template.format_map(values)
    except (ValueError, IndexError, AttributeError, KeyError):
        return template
