"""Request numbers, request lists with ranges, and how requests are written in output.

A request is named ``SET:N`` everywhere in output (``rfp1:34``; ``frog1:15.1`` for a form
interrogatory). Case files may write lists of numbers with integer ranges: ``[1-12, 15, "15.1"]``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, total_ordering

from kb.errors import FieldError, shown
from kb.limits import MAX_NUMBER_DIGITS

Number = int | str
"""An integer request number, or a dotted form-interrogatory number such as ``"15.1"``."""

_DOTTED = re.compile(r"\d+(\.\d+)+", re.ASCII)
_RANGE = re.compile(r"(\d+)\s*-\s*(\d+)", re.ASCII)


def number_key(number: Number) -> tuple[int, ...]:
    """Sort key for a request number: 2 < 10 < 15.1 < 15.2."""
    if isinstance(number, int):
        return (number,)
    return tuple(int(part) for part in number.split("."))


@total_ordering
@dataclass(frozen=True)
class RequestRef:
    """One numbered request of one discovery set."""

    set_id: str
    number: Number
    set_rank: int = 0

    def __str__(self) -> str:
        return self.text

    @cached_property
    def text(self) -> str:
        """``set:number``, as output names the request (made once: a large motion asks often)."""
        return f"{self.set_id}:{self.number}"

    def sort_key(self) -> tuple[int, str, tuple[int, ...]]:
        return (self.set_rank, self.set_id, number_key(self.number))

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, RequestRef):
            return NotImplemented
        return self.sort_key() < other.sort_key()

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RequestRef):
            return NotImplemented
        return (self.set_id, self.number) == (other.set_id, other.number)

    def __hash__(self) -> int:
        return self._hash

    @cached_property
    def _hash(self) -> int:
        # A request is looked up in dicts and sets again and again while a case is read.
        return hash((self.set_id, self.number))


def parse_number(item: object, path: str) -> Number:
    """Validate one request number as written in a case file."""
    if isinstance(item, bool) or not isinstance(item, int | str):
        raise FieldError(
            path,
            f"bad request number {shown(item)}: use an integer, a range such as "
            '"1-5", or a dotted form-interrogatory number such as "15.1"',
        )
    if isinstance(item, int):
        if item < 1:
            raise FieldError(path, f"bad request number {item!r}: request numbers start at 1")
        if item >= 10**MAX_NUMBER_DIGITS:
            raise FieldError(path, f"request number {item} is too large")
        return item
    text = item.strip()
    if _DOTTED.fullmatch(text):
        if any(len(part) > MAX_NUMBER_DIGITS for part in text.split(".")):
            raise FieldError(path, f"request number {shown(item)} has a part that is too long")
        return text
    if text.isdigit():
        raise FieldError(
            path, f"request number {shown(item)} is a string: write it as the integer {text}"
        )
    raise FieldError(path, f"bad request number {shown(item)}")


def expand_list(items: object, path: str, limit: int | None = None) -> list[Number]:
    """Expand ``[1-3, 5, "15.1"]`` into ``[1, 2, 3, 5, "15.1"]``.

    Backwards ranges (``5-3``), overlaps and repeated numbers are errors: a list that names a
    request twice is almost always a typing mistake that would silently change the motion.
    A list that would name more than ``limit`` requests is refused before a range is expanded,
    so ``"1-99999999"`` costs nothing.
    """
    if not isinstance(items, list):
        raise FieldError(path, f"expected a list of request numbers, got {shown(items)}")
    out: list[Number] = []
    seen: set[Number] = set()
    for index, item in enumerate(items):
        item_path = f"{path}[{index}]"
        numbers: Iterable[Number]
        match = _RANGE.fullmatch(item.strip()) if isinstance(item, str) else None
        if match:
            if max(len(match.group(1)), len(match.group(2))) > MAX_NUMBER_DIGITS:
                raise FieldError(item_path, f"range {shown(item)}: a number in it is too large")
            low, high = int(match.group(1)), int(match.group(2))
            if low > high:
                raise FieldError(item_path, f"backwards range {item!r}")
            if low < 1:
                raise FieldError(item_path, f"bad range {item!r}: request numbers start at 1")
            if limit is not None and len(out) + high - low + 1 > limit:
                count = len(out) + high - low + 1
                raise FieldError(item_path, over_limit("the list names", count, limit))
            numbers = range(low, high + 1)
        else:
            numbers = [parse_number(item, item_path)]
        for number in numbers:
            if number in seen:
                raise FieldError(
                    item_path, f"request {number} is listed twice (overlapping ranges?)"
                )
            seen.add(number)
            out.append(number)
        if limit is not None and len(out) > limit:
            raise FieldError(item_path, over_limit("the list names", len(out), limit))
    return out


def over_limit(what: str, count: int, limit: int | None = None) -> str:
    """The message for a request count over ``--max-requests``."""
    bound = f" of {limit}" if limit is not None else ""
    return (
        f"{what} {count} requests, over the limit{bound} "
        "(raise it with --max-requests or DISCOVERY_KB_MAX_REQUESTS)"
    )


def _plus_one(number: Number) -> Number | None:
    return number + 1 if isinstance(number, int) else None


def compress(numbers: Sequence[Number]) -> list[str]:
    """Write sorted numbers compactly: ``[2, 3, 8, 13, 14, 15, 16]`` becomes
    ``["2", "3", "8", "13-16"]``.

    Runs of three or more consecutive integers become a range, as courts write them.
    """
    if len(numbers) == 1:  # most phrases name one request
        return [str(numbers[0])]
    ordered = sorted(set(numbers), key=number_key)
    parts: list[str] = []
    i = 0
    while i < len(ordered):
        current = ordered[i]
        if isinstance(current, int):
            j = i
            while j + 1 < len(ordered) and ordered[j + 1] == _plus_one(ordered[j]):
                j += 1
            if j - i >= 2:
                parts.append(f"{current}-{ordered[j]}")
                i = j + 1
                continue
        parts.append(str(current))
        i += 1
    return parts


def join_words(parts: Sequence[str]) -> str:
    """``["a"]`` -> ``a``; ``["a", "b"]`` -> ``a and b``; ``["a", "b", "c"]`` -> ``a, b and c``."""
    if not parts:
        return ""
    if len(parts) == 1:
        return parts[0]
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def numbers_phrase(numbers: Sequence[Number]) -> str:
    """``No. 34`` or ``Nos. 34 and 35`` or ``Nos. 2, 3, 8 and 13-16``."""
    parts = compress(numbers)
    single = len(parts) == 1 and "-" not in parts[0]
    return ("No. " if single else "Nos. ") + join_words(parts)
