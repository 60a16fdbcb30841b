"""Shared pieces of the fuzz tests: the seed corpus, mutations, and the checks.

Two environment variables steer them: ``FUZZ_SCALE`` (default 1) multiplies every example
count, and ``FUZZ_SEED`` fixes hypothesis's seed (default: random, or ``--hypothesis-seed``).
CI sets both (``.ci/run``), so its run tries the same inputs every time and reports how many.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import os
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import yaml
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, seed, settings
from hypothesis import strategies as st

from cli import main
from kb.casefile import load_case
from kb.crossref import Case
from kb.errors import InputError
from tests.helpers import EXAMPLES, SHARED, ca_further, ca_initial, federal

T = TypeVar("T")

TRIED: Counter[str] = Counter()
"""Inputs tried, per fuzz test; printed at the end of the run (conftest.py)."""

SCALE = float(os.environ.get("FUZZ_SCALE", "1"))
SEED = int(os.environ["FUZZ_SEED"]) if os.environ.get("FUZZ_SEED") else None

LOAD_SECONDS = 10.0
DECIDE_SECONDS = 60.0
"""Loose bounds on one input: they catch a hang or an exponential blow-up, not a slowdown
(performance is measured in benchmarks, not here)."""


def fuzz_settings(examples: int) -> Callable[[T], T]:
    """Settings for one fuzz test: no example database (so a fixed seed always tries the same
    inputs), no deadline (the bound above is checked instead), ``examples`` times the scale,
    and ``FUZZ_SEED`` when set."""
    chosen = settings(
        max_examples=max(1, int(examples * SCALE)),
        database=None,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )

    def apply(test: T) -> T:
        configured = chosen(test)
        return seed(SEED)(configured) if SEED is not None else configured

    return apply


def _seed_documents() -> list[dict[str, Any]]:
    docs: list[dict[str, Any]] = [ca_further(), ca_initial()]
    docs += [federal(district) for district in ("sdcal", "cdcal", "ndcal", "edcal")]
    files = sorted(EXAMPLES.glob("*.yaml")) + sorted((SHARED / "practice/cases").glob("*.yaml"))
    docs += [yaml.safe_load(path.read_text(encoding="utf-8")) for path in files]
    return docs


SEEDS = _seed_documents()
SEED_TEXTS = [yaml.safe_dump(doc, sort_keys=False, allow_unicode=True) for doc in SEEDS[:8]]

WEIRD: list[Any] = [
    None,
    "",
    " ",
    0,
    -1,
    1,
    2,
    2**31,
    10**12,
    1.5,
    float("inf"),
    True,
    False,
    "all",
    "none",
    "1-3",
    "3-1",
    "1-99999999",
    "15.1",
    "2023-02-30",
    "2024-02-29",
    "1900-01-01",
    "9999-12-31",
    "2024-01-01T10:00:00",
    [],
    {},
    [1, 1],
    ["1-3", 2],
    ["1-5", "3-4"],
    {"rfp1": "all"},
    {"nope": [1]},
    "counsel:doe",
    "x" * 300,
    "\u202e\u0000\n",
    [[[[[]]]]],
]


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out: list[tuple[Any, ...]] = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, value in node.items():
            out += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            out += _paths(value, (*prefix, index))
    return out


def _get(doc: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        doc = doc[part]
    return doc


def _scalars(doc: Any) -> list[Any]:
    return [v for p in _paths(doc) if not isinstance(v := _get(doc, p), dict | list)]


def _nudge(value: Any, amount: int) -> Any:
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + amount
    as_date = value if isinstance(value, dt.date) else None
    if isinstance(value, str):
        try:
            as_date = dt.date.fromisoformat(value)
        except ValueError:
            return value + str(amount)
    if as_date is not None:
        return (as_date + dt.timedelta(days=amount * 7)).isoformat()
    return value


ROUGH = ("delete", "weird", "borrow", "nudge", "repeat")
GENTLE = ("nudge", "nudge", "nudge", "borrow", "borrow", "delete", "repeat")
"""Edits for files meant to stay valid more often, so that the engine sees odd facts."""


@st.composite
def mutated_documents(
    draw: st.DrawFn, operations: tuple[str, ...] = ROUGH, edits: int = 4
) -> dict[str, Any]:
    """A seed case file with random edits: a key deleted, a value replaced by an odd one or
    by another value of the same type from the same file (an id, a date), a number or date
    moved, a list item repeated."""
    doc = copy.deepcopy(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, edits))):
        paths = _paths(doc)
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent, last = _get(doc, path[:-1]), path[-1]
        operation = draw(st.sampled_from(operations))
        if operation == "delete":
            del parent[last]
        elif operation == "weird":
            parent[last] = copy.deepcopy(draw(st.sampled_from(WEIRD)))
        elif operation == "borrow":
            same = [v for v in _scalars(doc) if type(v) is type(parent[last])]
            parent[last] = copy.deepcopy(draw(st.sampled_from(same or [None])))
        elif operation == "nudge":
            parent[last] = _nudge(parent[last], draw(st.integers(-30, 30)))
        elif isinstance(parent, list):
            parent.append(copy.deepcopy(parent[last]))
    return doc


def serialize(doc: Any, as_json: bool) -> bytes:
    if as_json:
        return json.dumps(doc, default=str, ensure_ascii=False).encode("utf-8")
    return yaml.safe_dump(doc, sort_keys=False, allow_unicode=True).encode("utf-8")


def load_or_refuse(path: Path) -> Case | None:
    """Load ``path``: a case, or ``None`` after a proper one-line refusal. Anything else
    (another exception, a multi-line message, a run past the bound) fails the test."""
    started = time.perf_counter()
    try:
        case = load_case(path)
    except InputError as exc:
        line = exc.line()
        assert "\n" not in line and "\r" not in line
        assert line.startswith(f"error: {path}")
        case = None
    assert time.perf_counter() - started < LOAD_SECONDS
    return case


def run_cli(*args: str) -> Result:
    """Run ``kb`` in-process: exit 0, or exit 2 with one ``error:`` line; never a traceback."""
    started = time.perf_counter()
    result = CliRunner().invoke(main, list(args))
    assert time.perf_counter() - started < DECIDE_SECONDS
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert "Traceback" not in result.output
    assert result.exit_code in (0, 2), result.output
    if result.exit_code == 2:
        lines = result.output.splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: "), result.output
    return result
