"""When a federal discovery response is due: Rules 33(b)(2), 34(b)(2)(A), 36(a)(3) and 6(d).

Answers, objections and written responses are due 30 days after service; Rule 6(d) adds 3 days
after service by mail (and, until 2016-12-01, after electronic service); the parties may
stipulate to a longer time (Rule 29(b)), which a case file records as an agreement of kind
``extend_response_deadline`` with its ``until`` date. The numbers live in parameters.yaml.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from jurisdictions.federal.deadlines import response_period

EXTENSION_AGREEMENT = "extend_response_deadline"


def response_deadline(engine: Any, discovery_set: Any) -> dt.date:
    """The last day to serve a response to ``discovery_set`` (a DiscoverySet fact): the Rule 6
    arithmetic of :func:`jurisdictions.federal.deadlines.response_period`, extended to any later
    date the parties stipulated to in writing."""
    due, _, _ = response_period(
        discovery_set["served"], discovery_set["served_method"], engine.parameters
    )
    for agreement in engine.record.model.agreements:
        if agreement.kind == EXTENSION_AGREEMENT and agreement.until and agreement.until > due:
            due = agreement.until
    return due


def deadline_nodes(engine: Any, set_id: str) -> list[str]:
    """The response-due Deadline behind a timing decision, when the rules derived one."""
    node = f"concl:deadline:response_due:{set_id}"
    return [node] if engine.fact(node) is not None else []


def served_late(engine: Any, discovery_set: Any) -> bool:
    """True when a response was served, and served after its deadline."""
    answered = discovery_set["response_served"]
    return answered is not None and answered > response_deadline(engine, discovery_set)
