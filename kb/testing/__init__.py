"""Generated case files for property-based testing of a rule base, and for ``kb generate``.

Two ways to draw valid, varied case files (format 1, as plain data), from one builder
(:func:`build_case`):

- hypothesis strategies, for property tests (needs the ``testing`` extra, or hypothesis)::

      from hypothesis import given
      from kb.testing import case_files

      @given(case_files(system="california", motion="compel_further", never_raised=True))
      def test_a_request_never_raised_is_never_granted(doc): ...

- seeded generation, reproducible byte for byte (``kb generate``; no hypothesis needed)::

      from kb.testing import generate, jurisdiction_knobs
      docs = list(generate(100, seed=7, knobs=jurisdiction_knobs("federal/ndcal")))

Knobs (:class:`Knobs`) fix the system, district and motion, the number of requests, sets and
communications, and force patterns in or out: requests never raised, offers never answered,
late notice, deadlines near weekends and holidays, service methods, pro se and incarcerated
movants, pro se opponents, missing or deficient papers, demand-only letters, findings,
supplemental responses, documents produced just before the hearing, sanctions (and requests
that name no one), standing orders (informal discovery conferences, joint statements, chambers
joint motions). Each motion kind also varies its own patterns (answers refused at a
deposition, a deponent's objection, no statement of compliance, a response served in time or
before the hearing): see :class:`Knobs`.

Mutation strategies change one thing about an existing case file: ``dropped_conferral``,
``shifted_date``, ``added_request``, ``renamed_ids``, ``reordered``, and ``mutated`` (any).
"""

from __future__ import annotations

from typing import Any

from kb.testing.builders import build_case
from kb.testing.generate import generate, to_json, to_yaml
from kb.testing.knobs import Knobs, jurisdiction_knobs
from kb.testing.source import RandomSource, Source

_STRATEGIES = (
    "case_files",
    "dropped_conferral",
    "shifted_date",
    "added_request",
    "renamed_ids",
    "reordered",
    "mutated",
    "from_builder",
    "DrawSource",
)

__all__ = [
    "Knobs",
    "RandomSource",
    "Source",
    "build_case",
    "generate",
    "jurisdiction_knobs",
    "to_json",
    "to_yaml",
    *_STRATEGIES,
]


def __getattr__(name: str) -> Any:
    """The hypothesis strategies, imported on first use so that ``kb generate`` and the rest of
    this package work without hypothesis installed."""
    if name not in _STRATEGIES:
        raise AttributeError(f"module 'kb.testing' has no attribute {name!r}")
    try:
        from kb.testing import strategies
    except ModuleNotFoundError as exc:
        if exc.name != "hypothesis":
            raise
        raise ModuleNotFoundError(
            f"kb.testing.{name} needs hypothesis: install the testing extra "
            "(pip install 'discovery-kb[testing]', or uv sync --extra testing)",
            name="hypothesis",
        ) from None
    return getattr(strategies, name)
