"""Request numbers: ranges, ordering and how they are written."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kb.errors import FieldError
from kb.requests import compress, expand_list, numbers_phrase


def test_expand_ranges_and_dotted() -> None:
    assert expand_list(["1-3", 5, "15.1"], "x") == [1, 2, 3, 5, "15.1"]


@pytest.mark.parametrize("bad", [[True], [1.5], ["abc"], [0], ["0-2"], "1-3"])
def test_expand_rejects(bad: object) -> None:
    with pytest.raises(FieldError):
        expand_list(bad, "x")


@pytest.mark.parametrize(
    ("numbers", "phrase"),
    [
        ([34], "No. 34"),
        ([34, 35], "Nos. 34 and 35"),
        ([2, 3, 8, 13, 14, 15, 16], "Nos. 2, 3, 8 and 13-16"),
        ([13, 14, 15, 16, 34, 35], "Nos. 13-16, 34 and 35"),
        (["15.1", "15.2"], "Nos. 15.1 and 15.2"),
    ],
)
def test_phrases(numbers: list[int | str], phrase: str) -> None:
    assert numbers_phrase(numbers) == phrase


@given(st.sets(st.integers(min_value=1, max_value=400), min_size=1))
def test_compress_then_expand_is_identity(numbers: set[int]) -> None:
    parts = compress(sorted(numbers))
    written: list[int | str] = [int(p) if p.isdigit() else p for p in parts]
    assert expand_list(written, "x") == sorted(numbers)
