"""A strict, safe YAML loader for case files.

Only plain data is built: mappings, lists, text, integers, floats, booleans and null (no
Python objects, sets, binary or timestamps). Dates stay text, so that the case-file model
checks them and names the field of a date such as ``2023-02-30``. Duplicate keys are errors,
not last-wins; alias expansion and nesting depth are bounded, so a "billion laughs" file or a
file nested ten thousand deep fails fast with a message instead of exhausting memory or the
stack. Every error names the field path where it can, and the line.
"""

from __future__ import annotations

from typing import Any

import yaml

from kb.errors import InputError, shown
from kb.limits import MAX_ALIAS_NODES, MAX_DEPTH

_PLAIN_TAGS = {
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:map",
}
_UNRESOLVED = {"tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:value"}


class _Refused(yaml.YAMLError):
    """A bound or rule of this loader broken at a known place in the file."""

    def __init__(self, path: str, message: str, mark: Any = None) -> None:
        super().__init__(message)
        self.path = path
        self.message = message
        self.mark = mark

    def error(self, file: str) -> InputError:
        """The one-line error: the field path when known, and the line either way."""
        place = _line(self.mark)
        if not self.path:
            return InputError(file, place, self.message)
        return InputError(file, self.path, f"{self.message} ({place})" if place else self.message)


def _line(mark: Any) -> str:
    return f"line {mark.line + 1}" if mark is not None else ""


class StrictLoader(yaml.SafeLoader):
    """SafeLoader restricted to plain data, with bounded aliases and depth, and field paths."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._alias_budget = MAX_ALIAS_NODES
        self._depth = 0
        self.paths: dict[int, str] = {}

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            if event.anchor in self.anchors:
                node = self.anchors[event.anchor]
                self._alias_budget -= _expanded_size(node, self._alias_budget)
                if self._alias_budget < 0:
                    raise _Refused(
                        "",
                        f"aliases expand to more than {MAX_ALIAS_NODES} nodes "
                        "(a 'billion laughs' file?)",
                        event.start_mark,
                    )
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                event = self.peek_event()  # type: ignore[no-untyped-call]
                raise _Refused("", f"nested more than {MAX_DEPTH} levels deep", event.start_mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_object(self, node: Any, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep=deep)
        except _Refused:
            raise
        except (ValueError, OverflowError, yaml.constructor.ConstructorError) as exc:
            problem = getattr(exc, "problem", None) or str(exc)
            if "could not determine a constructor" in problem:
                problem = f"the tag {node.tag!r} is not allowed in a case file"
            raise _Refused(
                self.paths.get(id(node), ""), f"invalid value: {problem}", node.start_mark
            ) from None


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


def _key_text(node: yaml.Node) -> str:
    return str(node.value) if isinstance(node, yaml.ScalarNode) else "?"


def _node_paths(root: yaml.Node) -> dict[int, str]:
    """The field path of every node (the first path, for a node reached through aliases)."""
    paths: dict[int, str] = {}
    stack: list[tuple[yaml.Node, str]] = [(root, "")]
    while stack:
        node, path = stack.pop()
        if id(node) in paths:
            continue
        paths[id(node)] = path
        if isinstance(node, yaml.SequenceNode):
            stack.extend((item, f"{path}[{i}]") for i, item in enumerate(node.value))
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                name = _key_text(key)
                child = f"{path}.{name}" if path else name
                stack.append((value, child))
                stack.append((key, child))
    return paths


def _construct_mapping(loader: StrictLoader, node: yaml.MappingNode, deep: bool = False) -> Any:
    # Keys merged in with "<<" may be overridden, as YAML intends; a key written twice may not.
    own = [key for key, _ in node.value if key.tag != "tag:yaml.org,2002:merge"]
    loader.flatten_mapping(node)
    first_seen: dict[Any, yaml.Node] = {}
    for key_node in own:
        key = loader.construct_object(key_node, deep=True)
        where = loader.paths.get(id(key_node), "")
        try:
            earlier = first_seen.get(key)
        except TypeError:
            raise _Refused(where, "a key must be text or a number", key_node.start_mark) from None
        if earlier is not None:
            raise _Refused(
                where,
                f"duplicate key {shown(key)} on {_line(key_node.start_mark)}, "
                f"first on {_line(earlier.start_mark)}",
            )
        first_seen[key] = key_node
    return yaml.SafeLoader.construct_mapping(loader, node, deep=deep)


def _undefined(loader: StrictLoader, node: yaml.Node) -> Any:
    return loader.construct_undefined(node)


StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
StrictLoader.add_constructor(None, _undefined)
# Timestamps are not resolved: dates arrive as text and the model validates them. A lone "="
# (YAML 1.1's "value" key) is text too.
StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in _UNRESOLVED]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
StrictLoader.yaml_constructors = {
    tag: constructor
    for tag, constructor in StrictLoader.yaml_constructors.items()
    if tag in _PLAIN_TAGS or tag is None
}


def _syntax_error(file: str, text: str, exc: yaml.MarkedYAMLError) -> InputError:
    mark = exc.problem_mark or exc.context_mark
    problem = exc.problem or str(exc).splitlines()[0]
    if mark is None:
        return InputError(file, "", f"invalid YAML: {problem}")
    where = f"line {mark.line + 1}, column {mark.column + 1}"
    if "'\\t'" in problem:
        lines = text.splitlines()
        before = lines[mark.line][: mark.column] if mark.line < len(lines) else ""
        if not before.strip():
            return InputError(
                file,
                f"line {mark.line + 1}",
                "a tab indents this line; YAML indents with spaces only",
            )
        return InputError(
            file, where, "a tab character here; YAML allows tabs only inside quoted text"
        )
    return InputError(file, where, f"invalid YAML: {problem}")


def load_yaml(file: str, text: str) -> Any:
    """Parse one YAML document into plain data, or raise :class:`InputError`."""
    loader: StrictLoader | None = None
    try:
        loader = StrictLoader(text)
        node = loader.get_single_node()
        if node is None:
            return None
        loader.paths = _node_paths(node)
        return loader.construct_document(node)
    except _Refused as exc:
        raise exc.error(file) from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        char = (
            exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or " ")
        )
        raise InputError(
            file, f"line {line}", f"control character U+{char:04X} is not allowed in YAML"
        ) from None
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(file, text, exc) from None
    except yaml.YAMLError as exc:
        raise InputError(file, "", f"invalid YAML: {str(exc).splitlines()[0]}") from None
    finally:
        if loader is not None:
            loader.dispose()
