"""A graph node's ``data`` attribute is the fact's fields as ``json.dumps`` writes them.

engine.provenance calls the standard library's C encoder directly (built once, instead of once
per fact); these properties hold it to ``json.dumps`` with the same options, for the values
facts hold, and check the fallback when no C encoder can be made.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from engine import provenance
from kb.facts import Exchange

_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()  # NaN and infinities included: json writes them as NaN and Infinity
    | st.text()
    | st.dates()
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4).map(tuple)
        | st.lists(inner, max_size=4)
        | st.dictionaries(st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=12,
)
_FIELDS = st.dictionaries(st.text(max_size=10), _VALUES, max_size=8)


def _dumps(fields: dict[str, Any]) -> str:
    return json.dumps(fields, sort_keys=True, default=str, ensure_ascii=False)


@given(_FIELDS)
def test_fact_data_is_what_json_dumps_writes(fields: dict[str, Any]) -> None:
    assert provenance._data(fields) == _dumps(fields)


def test_exchanges_and_dates_are_written_as_json_dumps_writes_them() -> None:
    exchange = Exchange(
        conferral="c1",
        date=dt.date(2023, 2, 14),
        by_movant=True,
        method="letter",
        substance="specific",
        offers=(),
        answered=False,
    )
    fields = {"exchange": (exchange,), "served": dt.date(2023, 1, 9), "é": "naïve\n"}
    assert provenance._data(fields) == _dumps(fields)
    assert '"served": "2023-01-09"' in provenance._data(fields)
    assert '["c1", "2023-02-14", true, "letter"' in provenance._data(fields)


def test_without_a_c_encoder_the_python_one_writes_the_same(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fields = {"b": (1, 2.5, None), "a": "x", "d": dt.date(2020, 1, 2)}
    made = provenance._ENCODE
    assert made is not None  # CPython has one: the fast path is what the tests above held
    monkeypatch.setattr(json.encoder, "c_make_encoder", None)
    assert provenance._one_shot_encoder() is None
    monkeypatch.setattr(provenance, "_ENCODE", None)
    assert provenance._data(fields) == _dumps(fields)
