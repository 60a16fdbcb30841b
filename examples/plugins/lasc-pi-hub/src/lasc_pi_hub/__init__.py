"""The LASC Personal Injury Hub courts: no motion to compel further responses without an IDC."""

from __future__ import annotations

import datetime as dt
from typing import Any

from experta import MATCH, Rule

from jurisdictions.plugins import Plugin
from kb.facts import Absence, Court, Ground, Motion, Requirement
from kb.rules import Effective, rule

HUB_DEPARTMENTS = ("27", "28", "29", "31", "32")
STANDING_ORDER = Effective(
    since=dt.date(2022, 12, 1),
    note="Eighth Amended Standing Order for the PI Hub Courts, as quoted in rulings of "
    "Dec. 2022 and Mar. 2023; earlier versions not checked",
)


class PersonalInjuryHub:
    """The Hub's standing order, as rules."""

    @rule(
        id="lasc_pi_hub.idc.required",
        authorities=("ccp:128(a)(3)",),
        statement="The Personal Injury Hub courts hear no motion to compel further responses "
        "until the parties have had an informal discovery conference.",
        effective=STANDING_ORDER,
        derives=(Requirement,),
    )
    @Rule(Motion(system="california", kind="compel_further"), Court(department=MATCH.department))
    def idc_required(self: Any, department: str) -> None:
        """Standing order: "PI Hub Courts will not hear Motions to Compel Further Discovery
        Responses to Discovery until the parties have engaged in an Informal Discovery
        Conference (IDC)"; CCP 128(a)(3) gives every court power to provide for the orderly
        conduct of proceedings before it."""
        self.conclude(Requirement(requirement="informal_conference"))

    @rule(
        id="lasc_pi_hub.idc.not_held",
        authorities=("ccp:128(a)(3)",),
        statement="No informal discovery conference was held, as the Personal Injury Hub's "
        "standing order requires: the motion is taken off calendar.",
        effective=STANDING_ORDER,
        overrides=("ca.idc.not_held",),
        derives=(Ground,),
    )
    @Rule(Absence(kind="informal_conference"), Court(department=MATCH.department))
    def idc_not_held(self: Any, department: str) -> None:
        """The standing order lets the Hub courts deny or continue such a motion; the Hub
        departments take it off calendar (LASC Dept. 29, Mar. 9, 2023)."""
        self.conclude(
            Ground(rule="lasc_pi_hub.idc.not_held", gate="calendar", effect="off_calendar")
        )


PLUGIN = Plugin(
    name="lasc-pi-hub",
    mixins=(PersonalInjuryHub,),
    system="california",
    county="Los Angeles",
    departments=HUB_DEPARTMENTS,
    description="LASC Personal Injury Hub: IDC before a motion to compel further responses",
)
