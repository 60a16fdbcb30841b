"""When a federal discovery response is due: Rules 33(b)(2), 34(b)(2)(A), 36(a)(3) and 6(d).

Answers, objections and written responses are due 30 days after service; Rule 6(d) adds 3 days
after service by mail (and, until 2016-12-01, after electronic service); the parties may
stipulate to a longer time (Rule 29(b)), which a case file records as an agreement of kind
``extend_response_deadline`` with its ``until`` date. The numbers live in parameters.yaml.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

EXTENSION_AGREEMENT = "extend_response_deadline"
MAILED = frozenset({"mail", "overnight"})


def response_deadline(engine: Any, discovery_set: Any) -> dt.date:
    """The last day to serve a response to ``discovery_set`` (a DiscoverySet fact)."""
    served: dt.date = discovery_set["served"]
    params = engine.parameters
    due = served + dt.timedelta(days=params.value("response_days", served))
    method = discovery_set["served_method"]
    if method in MAILED:
        due += dt.timedelta(days=params.value("mail_extension_days", served))
    elif method == "electronic":
        due += dt.timedelta(days=params.value("electronic_extension_days", served))
    for agreement in engine.record.model.agreements:
        if agreement.kind == EXTENSION_AGREEMENT and agreement.until and agreement.until > due:
            due = agreement.until
    return due


def served_late(engine: Any, discovery_set: Any) -> bool:
    """True when a response was served, and served after its deadline."""
    answered = discovery_set["response_served"]
    return answered is not None and answered > response_deadline(engine, discovery_set)
