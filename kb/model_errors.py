"""Translate pydantic's validation errors into the one-line case-file errors.

pydantic reports a location tuple and a message meant for programmers; a user wants the field
as written in the file (``conferrals[1].metod``) and what to do about it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pydantic import ValidationError

from kb.errors import InputError, shown


def format_loc(loc: Iterable[Any], document: Any, missing: bool = False) -> str:
    """A pydantic location as a case-file path: ``('conferrals', 1, 'metod')`` becomes
    ``conferrals[1].metod``.

    pydantic also puts the names of union branches (``str``, ``function-after[...]``) in a
    location; walking the document alongside tells the keys that are in the file from those.
    ``missing``: the last part names a key that is absent from the file.
    """
    parts = list(loc)
    path, node = "", document
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        if isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            path, node = f"{path}[{part}]", node[part]
        elif isinstance(node, dict) and _has_key(node, part):
            path, node = _join(path, part), node[part]
        elif last and missing:
            path = _join(path, part)
    return path


def _has_key(node: dict[Any, Any], part: Any) -> bool:
    try:
        return part in node
    except TypeError:
        return False


def _join(path: str, part: Any) -> str:
    return f"{path}.{part}" if path else str(part)


def describe(error: Any) -> str:
    """What is wrong, in the words of the case-file format."""
    kind = error["type"]
    value = error.get("input")
    if kind == "extra_forbidden":
        return "unknown key"
    if kind == "missing":
        return "missing required key"
    if kind == "literal_error":
        expected = error["msg"].removeprefix("Input should be ")
        return f"{shown(value)} is not allowed; expected {expected}"
    if kind == "bool_type":
        return f"must be true or false, not {shown(value)}"
    if kind in ("int_type", "int_parsing"):
        return f"must be an integer, not {shown(value)}"
    if kind in ("float_type", "float_parsing"):
        return f"must be a number, not {shown(value)}"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"expected a mapping, got {shown(value)}"
    if kind == "list_type":
        return f"expected a list, got {shown(value)}"
    if kind == "string_type":
        return f"expected text, got {shown(value)}"
    return str(error["msg"]).removeprefix("Value error, ")


_NUMBER_ERRORS = {"int_type", "int_parsing", "float_type", "float_parsing"}


def validation_error(file: str, exc: ValidationError, document: Any) -> InputError:
    """The first of pydantic's errors, as an :class:`InputError`."""
    errors = exc.errors()
    first = errors[0]
    path = format_loc(first["loc"], document, missing=first["type"] == "missing")
    # A field taking an integer or a float reports one error per branch: say "a number".
    same_field = [e for e in errors if format_loc(e["loc"], document) == path]
    kinds = {e["type"] for e in same_field}
    if kinds <= _NUMBER_ERRORS and kinds & {"float_type", "float_parsing"}:
        return InputError(file, path, f"must be a number, not {shown(first.get('input'))}")
    return InputError(file, path, describe(first))
