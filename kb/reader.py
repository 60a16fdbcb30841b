"""Read a case file's bytes into plain Python data, safely.

YAML is read with a safe loader only, duplicate keys are errors (not last-wins), and alias
expansion is bounded so that a "billion laughs" file fails fast instead of exhausting memory.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import yaml

from kb.errors import InputError

MAX_FILE_BYTES = 10 * 1024 * 1024
"""Files larger than this are refused (override with ``DISCOVERY_KB_MAX_FILE_BYTES``)."""

MAX_ALIAS_NODES = 10_000
"""How many nodes alias references may expand to, in total, before the file is refused."""


class _StrictSafeLoader(yaml.SafeLoader):
    """SafeLoader that rejects duplicate keys and bounds alias expansion."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._alias_budget = MAX_ALIAS_NODES

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            anchor = event.anchor
            if anchor in self.anchors:
                self._alias_budget -= _expanded_size(self.anchors[anchor], self._alias_budget)
                if self._alias_budget < 0:
                    raise yaml.constructor.ConstructorError(
                        None,
                        None,
                        "aliases expand to too many nodes (a 'billion laughs' file?)",
                        event.start_mark,
                    )
        return super().compose_node(parent, index)


def _expanded_size(node: yaml.Node, limit: int) -> int:
    """Count the nodes a node expands to, stopping as soon as the count passes ``limit``."""
    count, stack = 0, [node]
    while stack:
        current = stack.pop()
        count += 1
        if count > limit:
            break
        if isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
        elif isinstance(current, yaml.MappingNode):
            for key, value in current.value:
                stack.extend((key, value))
    return count


def _construct_mapping(
    loader: _StrictSafeLoader, node: yaml.MappingNode, deep: bool = False
) -> Any:
    loader.flatten_mapping(node)
    keys: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            duplicate = key in keys
        except TypeError:
            raise yaml.constructor.ConstructorError(
                "while constructing a mapping",
                node.start_mark,
                "unhashable key",
                key_node.start_mark,
            ) from None
        if duplicate:
            raise yaml.constructor.ConstructorError(
                "while constructing a mapping",
                node.start_mark,
                f"duplicate key {key!r}",
                key_node.start_mark,
            )
        keys.add(key)
    return yaml.SafeLoader.construct_mapping(loader, node, deep=deep)


_StrictSafeLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping
)


def _yaml_error(file: str, exc: yaml.YAMLError) -> InputError:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    where = f"line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
    return InputError(file, where, f"invalid YAML: {problem}")


def _json_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"duplicate key {key!r}")
        out[key] = value
    return out


def parse_text(file: str, text: str, *, as_json: bool) -> Any:
    """Parse already-decoded text as JSON or YAML, with the safety rules of this module."""
    if as_json:
        try:
            return json.loads(text, object_pairs_hook=_json_pairs)
        except json.JSONDecodeError as exc:
            raise InputError(
                file, f"line {exc.lineno}, column {exc.colno}", f"invalid JSON: {exc.msg}"
            ) from None
        except ValueError as exc:
            raise InputError(file, "", f"invalid JSON: {exc}") from None
    try:
        return yaml.load(text, Loader=_StrictSafeLoader)
    except yaml.YAMLError as exc:
        raise _yaml_error(file, exc) from None
    except ValueError as exc:  # e.g. a timestamp such as 2023-02-30
        raise InputError(file, "", f"invalid value: {exc}") from None


def read_document(path: Path, max_bytes: int | None = None) -> Any:
    """Read a YAML or JSON case file into plain data, or raise :class:`InputError`."""
    import os

    file = str(path)
    limit = (
        max_bytes
        if max_bytes is not None
        else int(os.environ.get("DISCOVERY_KB_MAX_FILE_BYTES", MAX_FILE_BYTES))
    )
    try:
        size = path.stat().st_size
        if size > limit:
            raise InputError(file, "", f"file is {size} bytes, over the limit of {limit} bytes")
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(file, "", "no such file") from None
    except IsADirectoryError:
        raise InputError(file, "", "is a directory, not a case file") from None
    except PermissionError:
        raise InputError(file, "", "permission denied") from None
    if data.startswith(b"\xef\xbb\xbf"):
        raise InputError(
            file, "", "file starts with a byte-order mark; save it as UTF-8 without BOM"
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(file, "", f"not UTF-8 text (bad byte at offset {exc.start})") from None
    if not text.strip():
        raise InputError(file, "", "empty file")
    as_json = path.suffix.lower() == ".json"
    return parse_text(file, text, as_json=as_json)


def parse_stream(file: str, stream: IO[str]) -> Iterator[Any]:
    """Case documents read one by one from a text stream (standard input, say), so that any
    number of them pass in constant memory.

    A stream whose first character (after blanks) is ``{`` is JSON Lines, one case per line;
    anything else is a YAML stream of documents separated by ``---``. Each document is checked
    with the rules of this module (duplicate keys, alias bombs); errors name ``FILE#N``.
    """
    first = ""
    while True:
        char = stream.read(1)
        if not char or not char.isspace():
            first = char
            break
    if not first:
        return
    if first == "{":
        lines = itertools.chain([first + stream.readline()], stream)
        for number, line in enumerate((ln for ln in lines if ln.strip()), 1):
            yield parse_text(f"{file}#{number}", line, as_json=True)
        return
    text = itertools.chain([first], iter(lambda: stream.read(65536), ""))
    loader = _StrictSafeLoader(_Chunks(text))  # type: ignore[arg-type]
    number = 0
    try:
        while loader.check_data():  # type: ignore[no-untyped-call]
            number += 1
            loader._alias_budget = MAX_ALIAS_NODES  # the bound is per document
            yield loader.get_data()
    except yaml.YAMLError as exc:
        raise _yaml_error(f"{file}#{number + 1}", exc) from None
    except ValueError as exc:
        raise InputError(f"{file}#{number + 1}", "", f"invalid value: {exc}") from None
    finally:
        loader.dispose()


class _Chunks:
    """A file-like reader over an iterator of text chunks (PyYAML reads with ``read(size)``)."""

    def __init__(self, chunks: Iterator[str]) -> None:
        self.chunks = chunks
        self.buffer = ""

    def read(self, size: int = -1) -> str:
        while size < 0 or len(self.buffer) < size:
            chunk = next(self.chunks, "")
            if not chunk:
                break
            self.buffer += chunk
        if size < 0:
            out, self.buffer = self.buffer, ""
        else:
            out, self.buffer = self.buffer[:size], self.buffer[size:]
        return out
