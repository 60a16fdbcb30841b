"""A department's own procedures for discovery motions: informal discovery conferences and
joint statements (``court.standing_orders`` in the case file).

CCP 2016.080 (in force 2018-01-01 to 2022-12-31) let a court hold an informal discovery
conference; after its repeal, courts still require one by department or standing order under
their power "to provide for the orderly conduct of proceedings before it" (CCP 128(a)(3)). A
department that will not hear a discovery motion until an IDC has been held continues (or takes
off calendar) a motion brought without one: when no conference is on calendar the motion
comes off calendar (the moving party must reserve one and re-set the hearing); when one is set
for a date on or after the hearing, the hearing is continued until after it. Reserving an IDC
does not extend the 45-day limit (LASC PI Hub standing order). Likewise a department that
requires a joint statement in place of the separate statement (CRC 3.1345(b)) continues a motion
filed without it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from experta import MATCH, TEST, Rule

from kb.facts import Absence, Court, Ground, InformalConference, Motion, Requirement
from kb.rules import Effective, rule

IDC_STATUTE = Effective(
    since=dt.date(2018, 1, 1),
    until=dt.date(2023, 1, 1),
    note="CCP 2016.080 (AB 383, Stats. 2017) repealed by its own terms",
)


def _has(order: str) -> Any:
    return TEST(lambda standing_orders: order in standing_orders)


class CaliforniaStandingOrders:
    """Department procedures that must be followed before a discovery motion is heard."""

    @rule(
        id="ca.idc.required_by_department",
        authorities=("ccp:128(a)(3)",),
        statement="This department hears no discovery motion until the parties have attended "
        "an informal discovery conference.",
        derives=(Requirement,),
    )
    @Rule(
        Motion(system="california"),
        Court(standing_orders=MATCH.standing_orders),
        _has("idc_before_discovery_motion"),
    )
    def idc_required(self: Any, standing_orders: tuple[str, ...]) -> None:
        """CCP 128(a)(3): every court has power "to provide for the orderly conduct of
        proceedings before it"; departments use it to require an IDC first."""
        self.conclude(Requirement(requirement="informal_conference"))

    @rule(
        id="ca.idc.authorized_by_2016_080",
        authorities=("ccp:2016.080",),
        statement="While CCP 2016.080 was in force the court could require an informal "
        "discovery conference before hearing a discovery motion.",
        effective=IDC_STATUTE,
        derives=(Requirement,),
    )
    @Rule(
        Motion(system="california"),
        Court(standing_orders=MATCH.standing_orders),
        _has("idc_before_discovery_motion"),
    )
    def idc_statute(self: Any, standing_orders: tuple[str, ...]) -> None:
        """CCP 2016.080(a) (2018-2022): the court may conduct an informal discovery conference
        on request or on its own motion before a discovery motion is heard."""
        self.conclude(Requirement(requirement="informal_conference"))

    @rule(
        id="ca.idc.not_held",
        authorities=("ccp:128(a)(3)",),
        statement="The parties have not attended the informal discovery conference this "
        "department requires before it hears a discovery motion, and none is on calendar: the "
        "motion is taken off calendar.",
        derives=(Ground,),
    )
    @Rule(Absence(kind="informal_conference"))
    def idc_not_held(self: Any) -> None:
        """LASC PI Hub standing order § 9E: the courts "will not hear" a motion to compel further
        responses until the parties have had an IDC; with none held or pending, the motion comes
        off calendar (Murillo, LASC No. 21STCV28882, Mar. 9, 2023, as the catalog records)."""
        self.conclude(Ground(rule="ca.idc.not_held", gate="calendar", effect="off_calendar"))

    @rule(
        id="ca.idc.pending",
        authorities=("ccp:128(a)(3)",),
        statement="An informal discovery conference is set for {conference_date}, on or after "
        "the hearing: the hearing is continued until the parties have attended it.",
        overrides=("ca.idc.not_held",),
        derives=(Ground,),
    )
    @Rule(
        Absence(kind="informal_conference"),
        Motion(system="california", as_of=MATCH.as_of),
        InformalConference(index=MATCH.index, held=False, date=MATCH.conference_date),
        TEST(lambda conference_date, as_of: conference_date >= as_of),
    )
    def idc_pending(self: Any, index: int, conference_date: dt.date, as_of: dt.date) -> None:
        """The standing orders let the court "continue" a motion until the parties have
        participated in the IDC; where one is already set, that is the course that remains."""
        self.conclude(
            Ground(rule="ca.idc.pending", gate="calendar", effect="continued"),
            because=[f"fact:informal_conference:{index}"],
            conference_date=conference_date,
        )

    @rule(
        id="ca.joint_statement.required_by_department",
        authorities=("crc:3.1345(b)", "ccp:128(a)(3)"),
        statement="This department requires the parties to present discovery disputes in a "
        "joint statement.",
        derives=(Requirement,),
    )
    @Rule(
        Motion(system="california"),
        Court(standing_orders=MATCH.standing_orders),
        _has("joint_statement_for_discovery_motions"),
    )
    def joint_statement_required(self: Any, standing_orders: tuple[str, ...]) -> None:
        """CRC 3.1345(b) lets a court allow a format other than the separate statement; a
        department order that requires a joint statement is such a direction."""
        self.conclude(Requirement(requirement="joint_statement"))

    @rule(
        id="ca.joint_statement.not_filed",
        authorities=("crc:3.1345(b)", "ccp:128(a)(3)"),
        statement="The parties did not prepare the joint statement this department requires: "
        "the hearing is continued for them to meet and confer and file one.",
        derives=(Ground,),
    )
    @Rule(Absence(kind="paper", subject="joint_statement"), Motion(system="california"))
    def joint_statement_not_filed(self: Any) -> None:
        """A department's joint-statement procedure is enforced by continuing the motion."""
        self.conclude(
            Ground(rule="ca.joint_statement.not_filed", gate="calendar", effect="continued")
        )
