"""A what-if rule module for the ``idc-mandatory`` overlay: an informal discovery conference
before every California motion to compel further responses, in every court.

Not the law: CCP 2016.080 let a court require an informal discovery conference while it was in
force; this module asks what would change if every court had to. The rule only concludes the
requirement; the rule base's own ``ca.idc.not_held`` and ``ca.idc.pending`` decide what follows
when none was held.
"""

from __future__ import annotations

from typing import Any

from experta import Rule

from kb.facts import Motion, Requirement
from kb.rules import rule


class InformalConferenceEverywhere:
    """An IDC before any motion to compel further responses."""

    @rule(
        id="whatif.idc.required_everywhere",
        authorities=("ccp:2016.080",),
        statement="No motion to compel further responses is heard until the parties have "
        "attended an informal discovery conference.",
        derives=(Requirement,),
    )
    @Rule(Motion(system="california", kind="compel_further"))
    def idc_required_everywhere(self: Any) -> None:
        """CCP 2016.080(a), as if it were mandatory: the court "may conduct an informal
        discovery conference upon request by a party or on the court's own motion" (here:
        must, before every motion to compel further responses)."""
        self.conclude(Requirement(requirement="informal_conference"))


RULES = (InformalConferenceEverywhere,)
