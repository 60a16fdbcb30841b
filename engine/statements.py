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
from functools import cache
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
    return _phrase(_PHRASES.of(record), record, tuple(requests))


def _phrase(state: _Phrases, record: Record, key: tuple[str, ...]) -> str:
    found = state.phrases.get(key)
    if found is None:
        found = state.phrases[key] = record.phrase(key)
    return found


@cache
def placeholders(template: str) -> tuple[str, ...] | None:
    """The names ``template`` reads (``{a.b!u}`` reads ``a``), or None when it cannot be
    parsed or nests fields in a format spec: then every value is offered, as before."""
    names: dict[str, None] = {}
    try:
        for _, field, spec, _ in string.Formatter().parse(template):
            if field is None:
                continue
            if spec and "{" in spec:
                return None
            names.setdefault(field.split(".", 1)[0].split("[", 1)[0], None)
    except ValueError:
        return None
    return tuple(names)


@cache
def _conversions(template: str) -> bool:
    """True if ``template`` uses ``!u`` or ``!c`` (which need :class:`_Formatter`)."""
    return "!u" in template or "!c" in template


def render(
    template: str, context: Mapping[str, Any], requests: Iterable[str], record: Record
) -> str:
    """Fill ``template``; ``requests`` are request ids such as ``rfp1:34``."""
    refs = (
        tuple(requests)
        if type(requests) is tuple and all(requests)
        else tuple(r for r in requests if r)
    )
    state = _PHRASES.of(record)
    # Only the values the template reads are shown: a firing's context also holds whatever
    # its patterns bound (e.g. a request's whole exchange), which no statement prints.
    names = placeholders(template)
    if names is None:
        items = list(context.items())
    else:
        items = [(k, context[k]) for k in names if k in context]
    # Many firings share a statement and values (grouping renders each with the request
    # blanked out): remember results per record, when the values can be a dictionary key.
    # A statement naming requests is about those requests, which few others share (every
    # firing about one request): not worth remembering.
    key: Any = None
    if not refs and all(type(v) in _SCALARS for _, v in items):
        # Types are part of the key: True == 1, but one renders "yes" and the other "1".
        key = (template, tuple([(k, type(v), v) for k, v in items]))
        found = state.rendered.get(key)
        if found is not None:
            return found
    found = _render(template, items, refs, record, state)
    if key is not None:
        state.rendered[key] = found
    return found


def _render(
    template: str,
    items: list[tuple[str, Any]],
    refs: tuple[str, ...],
    record: Record,
    state: _Phrases,
) -> str:
    values = _Keep()
    for k, v in items:
        values[k] = v if type(v) is str else _show(v, record)
    requests = _phrase(state, record, refs) if refs else "the requests at issue"
    values["requests"] = requests
    values.setdefault("request", requests)
    movant, opponent = state.parties
    values.setdefault("movant", movant)
    values.setdefault("opponent", opponent)
    try:
        if _conversions(template):
            return _Formatter().vformat(template, (), values)
        # str.format_map is string.Formatter().vformat in C, with the same syntax and errors.
        return template.format_map(values)
    except (ValueError, IndexError, AttributeError, KeyError):
        return template
