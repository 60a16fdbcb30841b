"""Reading the judge's findings, when a rule turns on one the case file may not give."""

from __future__ import annotations

from typing import Any

from kb.facts import Ground, OpenQuestion


def good_cause_ground(engine: Any, rule_id: str, request: str, **context: Any) -> None:
    """Grant or deny protection from a request on the finding of good cause; the movant bears
    the burden, so without the finding the motion fails and the question is reported."""
    finding = engine.fact("fact:finding:good_cause")
    shown = finding is not None and finding["value"] is True
    engine.conclude(
        Ground(
            rule=rule_id, gate="merits", effect="granted" if shown else "denied", request=request
        ),
        because=[finding.node_id()] if finding is not None else [],
        verdict="was shown" if shown else "was not shown",
        **context,
    )
    if finding is None:
        engine.conclude(
            OpenQuestion(
                finding="findings.good_cause",
                question="Did the movant show good cause for protection?",
                assumed="not shown (the movant's burden)",
            )
        )
