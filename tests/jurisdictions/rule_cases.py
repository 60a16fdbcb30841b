"""Shared machinery for the per-system rule-case tables (see tests/jurisdictions/*/).

Each system's module maps rule ids to (fires, near_miss) case files; ``check_fires`` and
``check_near_miss`` are what its tests call. test_rule_coverage.py checks every rule is listed.
"""

from __future__ import annotations

from typing import Any

from tests.helpers import edit, fired, run

Doc = dict[str, Any]


def also(doc: Doc, **changes: Any) -> Doc:
    """``edit`` under the name the tables read best with."""
    return edit(doc, **changes)


def check_fires(rule_id: str, doc: Doc) -> None:
    _, result = run(doc)
    assert rule_id in fired(result), f"{rule_id} did not fire; fired: {sorted(fired(result))}"


def check_near_miss(rule_id: str, doc: Doc) -> None:
    _, result = run(doc)
    assert rule_id not in fired(result), f"{rule_id} fired on its near miss"
