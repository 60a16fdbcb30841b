"""CCP 2016.040 as amended by AB 711 (Chen), Stats. 2025, ch. 64: the court-reporter statement.

From 2026-01-01 the meet-and-confer declaration must also state whether the parties conferred
(electronic communication allowed) about retaining a certified shorthand reporter for the
hearing (law/california.md § 1). The chapter is verified (BillTrack50 record); the effective date
is the default for a regular-session statute, as the catalog infers; the enacted wording and any
consequence of omitting the statement are UNVERIFIED (bill summaries only). Format 1 has no field
for the statement, so the rule asks the question and decides nothing: the catalog calls it a
"low-weight element", and no ruling yet gives it a consequence.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from experta import Rule

from kb.facts import Motion, OpenQuestion, Requirement
from kb.rules import Effective, rule

AB_711 = Effective(
    since=dt.date(2026, 1, 1),
    note="CCP 2016.040 amended by AB 711 (Stats. 2025, ch. 64); wording UNVERIFIED",
)


class CaliforniaCourtReporterStatement:
    """The 2026 element of the meet-and-confer declaration."""

    @rule(
        id="ca.meet_confer.reporter_statement",
        authorities=("ccp:2016.040",),
        statement="Since 2026-01-01 the meet-and-confer declaration must also state whether the "
        "parties conferred about retaining a certified shorthand reporter for the hearing; the "
        "case file does not say.",
        effective=AB_711,
        derives=(OpenQuestion,),
    )
    @Rule(Motion(system="california"), Requirement(requirement="meet_and_confer_declaration"))
    def reporter_statement(self: Any) -> None:
        """CCP 2016.040 (as amended by AB 711, operative 2026-01-01): the declaration states
        whether the parties met and conferred about a certified shorthand reporter (substance
        per bill summaries; exact text UNVERIFIED)."""
        self.conclude(
            OpenQuestion(
                # Its own finding: whether a declaration was filed at all is another question
                # (common.record.paper_not_stated), and the two may both be open.
                finding="motion.papers.meet_and_confer_declaration.reporter_statement",
                question="Does the meet-and-confer declaration state whether the parties "
                "conferred about retaining a certified shorthand reporter (CCP 2016.040 as "
                "amended by AB 711)?",
                assumed="it does; the amendment's consequence for an omission is unsettled",
            )
        )
