"""Read a case file's bytes into plain Python data, safely.

The file is refused before parsing when it is too large, not UTF-8, starts with a byte-order
mark or is empty; YAML goes through :mod:`kb.yaml_strict`, JSON through :mod:`json` with
duplicate keys and non-numbers (``NaN``) refused; then every value is checked for nesting depth
and text length. Each problem is one :class:`InputError` naming the field or the line.
"""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from kb.errors import InputError, shown
from kb.limits import MAX_DEPTH, MAX_TEXT_CHARS, Limits
from kb.yaml_strict import load_yaml

_BOMS = (
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\xef\xbb\xbf", "UTF-8"),
    (b"\xfe\xff", "UTF-16"),
    (b"\xff\xfe", "UTF-16"),
)


class _JsonDuplicate(ValueError):
    pass


def _json_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _JsonDuplicate(f"duplicate key {shown(key)}")
        out[key] = value
    return out


def _json_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number a case file can hold")


def _load_json(file: str, text: str) -> Any:
    try:
        return json.loads(text, object_pairs_hook=_json_pairs, parse_constant=_json_constant)
    except json.JSONDecodeError as exc:
        raise InputError(
            file, f"line {exc.lineno}, column {exc.colno}", f"invalid JSON: {exc.msg}"
        ) from None
    except RecursionError:
        raise InputError(file, "", f"nested more than {MAX_DEPTH} levels deep") from None
    except _JsonDuplicate as exc:
        raise _locate_duplicate(file, text) or InputError(
            file, "", f"invalid JSON: {exc}"
        ) from None
    except ValueError as exc:  # NaN, or an integer too long to read
        raise InputError(file, "", f"invalid JSON: {exc}") from None


def _locate_duplicate(file: str, text: str) -> InputError | None:
    """The field path and line of a duplicate JSON key, found by reading the text as YAML
    (which JSON nearly always is); ``None`` when that reading fails otherwise."""
    try:
        load_yaml(file, text)
    except InputError as exc:
        if exc.message.startswith("duplicate key"):
            return exc
    return None


def check_values(file: str, data: Any) -> None:
    """Refuse nesting deeper than ``MAX_DEPTH``, text longer than ``MAX_TEXT_CHARS`` and
    non-finite floats, naming the field. Iterative, so depth cannot exhaust the stack."""
    stack: list[tuple[Any, str, int]] = [(data, "", 0)]
    # A YAML alias puts one container at several places; walk it again only where it sits
    # deeper than before, so that depth is bounded wherever it is used.
    deepest: dict[int, int] = {}
    while stack:
        value, path, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise InputError(file, path, f"nested more than {MAX_DEPTH} levels deep")
        if isinstance(value, str):
            if len(value) > MAX_TEXT_CHARS:
                raise InputError(
                    file,
                    path,
                    f"text of {len(value)} characters, over the limit of {MAX_TEXT_CHARS}",
                )
        elif isinstance(value, float) and not math.isfinite(value):
            raise InputError(file, path, f"{value} is not a number a case file can hold")
        elif isinstance(value, dict | list):
            if deepest.get(id(value), -1) >= depth:
                continue
            deepest[id(value)] = depth
            if isinstance(value, dict):
                for key, item in value.items():
                    child = f"{path}.{key}" if path else str(key)
                    if isinstance(key, str) and len(key) > MAX_TEXT_CHARS:
                        raise InputError(
                            file,
                            path,
                            f"a key of {len(key)} characters, over the limit of {MAX_TEXT_CHARS}",
                        )
                    stack.append((item, child, depth + 1))
            else:
                stack.extend((item, f"{path}[{i}]", depth + 1) for i, item in enumerate(value))


def parse_text(file: str, text: str, *, as_json: bool) -> Any:
    """Parse already-decoded text as JSON or YAML, with the safety rules of this module."""
    data = _load_json(file, text) if as_json else load_yaml(file, text)
    check_values(file, data)
    return data


def _read_bytes(path: Path, limit: int) -> bytes:
    file = str(path)
    try:
        if path.is_dir():
            raise InputError(file, "", "is a directory, not a case file")
        size = path.stat().st_size
        if size > limit:
            raise InputError(file, "", _too_large(size, limit))
        with path.open("rb") as handle:
            # Read one byte past the limit: a device or a growing file reports no true size.
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise InputError(file, "", "no such file") from None
    except PermissionError:
        raise InputError(file, "", "permission denied") from None
    except OSError as exc:
        raise InputError(file, "", f"cannot read: {exc.strerror or exc}") from None
    if len(data) > limit:
        raise InputError(file, "", _too_large(None, limit))
    return data


def _too_large(size: int | None, limit: int) -> str:
    what = f"file is {size} bytes" if size is not None else "file is larger"
    return (
        f"{what}, over the limit of {limit} bytes "
        "(raise it with --max-file-bytes or DISCOVERY_KB_MAX_FILE_BYTES)"
    )


def decode(file: str, data: bytes) -> str:
    """The file's text: UTF-8 without a byte-order mark, and not empty."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            raise InputError(
                file,
                "",
                f"file starts with a {encoding} byte-order mark; save it as UTF-8 without a BOM",
            )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError(
            file,
            f"line {line}, column {column}",
            f"not UTF-8 text (byte 0x{data[exc.start]:02x}); save the file as UTF-8",
        ) from None
    if not text.strip():
        raise InputError(file, "", "empty file")
    return text


def read_document(path: Path, max_bytes: int | None = None, *, limits: Limits | None = None) -> Any:
    """Read a YAML or JSON case file into plain data, or raise :class:`InputError`.

    ``limits`` defaults to :meth:`Limits.from_env`; ``max_bytes``, when given, overrides its
    file-size bound.
    """
    bounds = limits if limits is not None else Limits.from_env()
    limit = max_bytes if max_bytes is not None else bounds.max_file_bytes
    file = str(path)
    text = decode(file, _read_bytes(path, limit))
    data = parse_text(file, text, as_json=path.suffix.lower() == ".json")
    if data is None:
        raise InputError(file, "", "no case file in it: only comments or an empty document")
    return data


def parse_stream(file: str, stream: IO[str]) -> Iterator[Any]:
    """Case documents read one by one from a text stream (standard input, say), so that any
    number of them pass in constant memory.

    A stream whose first non-blank character is ``{`` is JSON Lines, one case per line;
    anything else is a YAML stream of documents separated by ``---`` lines. Each document is
    read with the rules of this module (:func:`parse_text`); errors name ``FILE#N``.
    """
    lines = iter(stream.readline, "")
    first = next((line for line in lines if line.strip()), "")
    if not first:
        return
    if first.lstrip().startswith("{"):
        body = (line for line in itertools.chain([first], lines) if line.strip())
        for number, line in enumerate(body, 1):
            yield parse_text(f"{file}#{number}", line, as_json=True)
        return
    number = 0
    document: list[str] = []
    for line in itertools.chain([first], lines, ["---\n"]):
        if line.rstrip() in ("---", "...") or line.startswith("--- "):
            if any(part.strip() and not part.lstrip().startswith("#") for part in document):
                number += 1
                yield parse_text(f"{file}#{number}", "".join(document), as_json=False)
            document = [line[4:]] if line.startswith("--- ") else []
        else:
            document.append(line)
