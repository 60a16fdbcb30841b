"""Conditions of a rule's left-hand side in words, for why-not answers.

``Request(request=?request, exchange=[])``, ``"compel_initial" or "deem_admitted"``,
``lambda exchange: only_demands(exchange)``: how :mod:`engine.lhs` describes what a pattern
wanted and what a fact had. Values print as compact JSON (dates as ISO text, named tuples as
objects) so that answers read the same in text and JSON.
"""

from __future__ import annotations

import datetime as dt
import inspect
import json
from collections.abc import Callable, Mapping
from typing import Any

from experta.fact import Fact
from experta.fieldconstraint import ANDFC, NOTFC, ORFC, L, P, W

from kb.facts import KBFact


def describe_constraint(value: Any) -> str:
    """A field constraint in words: ``'denied'``, ``?request``, ``is_late(...)``, ``a or b``."""
    if isinstance(value, L):
        return show(value.value)
    if isinstance(value, W):
        return f"?{value.__bind__}" if value.__bind__ else "anything"
    if isinstance(value, P):
        return f"{getattr(value.match, '__name__', 'predicate')}(...)"
    if isinstance(value, ORFC):
        return " or ".join(describe_constraint(v) for v in value)
    if isinstance(value, ANDFC):
        return " and ".join(describe_constraint(v) for v in value)
    if isinstance(value, NOTFC):
        return f"not {describe_constraint(value[0])}"
    return show(value)


def describe_pattern(pattern: Fact) -> str:
    """``Request(request=?request, exchange=())``."""
    fields = ", ".join(
        f"{k}={describe_constraint(v)}"
        for k, v in pattern.items()
        if isinstance(k, str) and not (k.startswith("__") and k.endswith("__"))
    )
    return f"{type(pattern).__name__}({fields})"


def describe_test(function: Callable[..., Any]) -> str:
    """The source of a ``TEST`` lambda (``lambda exchange: only_demands(exchange)``)."""
    try:
        source = inspect.getsource(function).strip()
    except (OSError, TypeError):
        return getattr(function, "__name__", "test")
    start = source.find("lambda")
    if start < 0:
        return getattr(function, "__name__", "test")
    colon = source.find(":", start)
    depth, end = 0, len(source)
    for index in range(colon + 1 if colon > 0 else start, len(source)):
        char = source[index]
        if char in "([{":
            depth += 1
        elif char in ")]}":
            if depth == 0:
                end = index
                break
            depth -= 1
        elif char == "," and depth == 0:
            end = index
            break
    return source[start:end].strip()


def literal_fields(pattern: Fact, bindings: Mapping[Any, Any]) -> tuple[tuple[str, Any], ...]:
    """The fields a pattern pins down: literals, and bindings already known."""
    out: list[tuple[str, Any]] = []
    for key, value in pattern.items():
        if not isinstance(key, str) or (key.startswith("__") and key.endswith("__")):
            continue
        if isinstance(value, L):
            out.append((key, value.value))
        elif isinstance(value, W) and value.__bind__ in bindings:
            out.append((key, bindings[value.__bind__]))
        elif not isinstance(value, W | P | ORFC | ANDFC | NOTFC):
            out.append((key, value))
    return tuple(out)


def literal_keys(pattern: Fact) -> set[str]:
    """The fields a pattern pins to literal values (``kind="raised"``, ``L("a") | L("b")``)."""
    keys: set[str] = set()
    for key, value in pattern.items():
        if not isinstance(key, str) or (key.startswith("__") and key.endswith("__")):
            continue
        literals = isinstance(value, ORFC) and all(isinstance(v, L) for v in value)
        if literals or isinstance(value, L) or not isinstance(value, W | P | ORFC | ANDFC | NOTFC):
            keys.add(key)
    return keys


def plain(value: Any) -> Any:
    """A fact value as plain JSON data: dates as ISO text, named tuples as objects."""
    if isinstance(value, KBFact):
        return value.node_id()
    if hasattr(value, "_asdict"):
        return {k: plain(v) for k, v in value._asdict().items()}
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [plain(v) for v in value]
    if isinstance(value, frozenset | set):
        return sorted((plain(v) for v in value), key=str)
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    return value


def show(value: Any) -> str:
    """A value as compact JSON, cut at 300 characters."""
    text = json.dumps(plain(value), ensure_ascii=False, default=str)
    return text if len(text) <= 300 else text[:297] + "..."


def wanted_words(value: Any, bindings: Mapping[Any, Any]) -> str:
    if isinstance(value, W) and value.__bind__ in bindings:
        return f"{describe_constraint(L(bindings[value.__bind__]))} (as bound earlier)"
    return describe_constraint(value)
