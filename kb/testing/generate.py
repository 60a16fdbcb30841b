"""Seeded, reproducible case files for ``kb generate`` (no hypothesis needed).

Case ``i`` of seed ``S`` is built by :func:`kb.testing.build_case` from a
:class:`~kb.testing.source.RandomSource` seeded with ``"S:i"``: the same seed gives the same
files, byte for byte, in any process and whatever ``--n`` is (the first ten of ``--n 100`` are
``--n 10``).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from typing import Any

import yaml

from kb.testing.builders import build_case
from kb.testing.knobs import Knobs
from kb.testing.source import RandomSource

DATE_KEYS = frozenset({"date", "decided", "until", "by"})
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def generate(n: int, seed: int, knobs: Knobs | None = None) -> Iterator[dict[str, Any]]:
    """``n`` case files (plain data) for ``seed``; case ``i`` depends only on ``seed``, ``i`` and
    the knobs."""
    for index in range(n):
        yield build_case(RandomSource(f"{seed}:{index}"), knobs)


def _with_dates(value: Any, key: str = "") -> Any:
    """ISO date strings under date keys become dates, so YAML writes them unquoted."""
    if isinstance(value, dict):
        return {k: _with_dates(v, str(k)) for k, v in value.items()}
    if isinstance(value, list):
        return [_with_dates(v) for v in value]
    if key in DATE_KEYS and isinstance(value, str) and ISO_DATE.fullmatch(value):
        return dt.date.fromisoformat(value)
    return value


def to_yaml(doc: dict[str, Any]) -> str:
    """The case file as YAML: sections in order, short lists inline, dates unquoted."""
    text: str = yaml.safe_dump(
        _with_dates(doc),
        sort_keys=False,
        default_flow_style=None,
        allow_unicode=True,
        width=100,
    )
    return text


def to_json(doc: dict[str, Any]) -> str:
    """The case file as JSON (response item keys become strings, as JSON requires)."""
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
