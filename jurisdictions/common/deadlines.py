"""Dates the court has already set: compliance with a prior order (both systems).

An order made earlier in the case (``prior_orders`` in the case file) that fixes a date by which
something must be done is itself the deadline; the rule states no law of its own, so it reads the
record (``kind="record"``) and cites nothing.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from experta import MATCH, TEST, Rule

from kb.facts import Deadline, PriorOrder
from kb.rules import rule


class OrderDeadlines:
    """Deadlines for complying with orders already made in the case."""

    @rule(
        id="common.deadline.prior_order",
        kind="record",
        derives=(Deadline,),
        statement="The court's order ({order_words}) must be complied with by {last_day}.",
    )
    @Rule(
        PriorOrder(index=MATCH.index, kind=MATCH.kind, by=MATCH.by),
        TEST(lambda by: by is not None),
    )
    def prior_order(self: Any, index: int, kind: str, by: dt.date) -> None:
        """A prior order that says "by" a date sets the last day to comply with it."""
        order = f"prior_orders[{index}]"
        self.conclude(
            Deadline(
                deadline="order_compliance",
                subject=order,
                order_kind=kind,
                last_day=by,
                steps=(f"the order of the court fixes {by.isoformat()} ({order}.by)",),
                governs=None,
            ),
            order_words=kind.replace("_", " "),
            last_day=by,
        )
