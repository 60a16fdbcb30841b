"""California superior courts: the Civil Discovery Act, CCP 1013/1010.6, the Rules of Court."""

from __future__ import annotations

from typing import ClassVar

from jurisdictions.california.compliance import CaliforniaCompliance
from jurisdictions.california.court_reporter import CaliforniaCourtReporterStatement
from jurisdictions.california.crc import CaliforniaSeparateStatement
from jurisdictions.california.deadlines import CaliforniaDeadlines
from jurisdictions.california.deposition import CaliforniaDepositions
from jurisdictions.california.initial import CaliforniaInitialResponses
from jurisdictions.california.meet_confer import CaliforniaMeetAndConfer
from jurisdictions.california.merits import CaliforniaMerits
from jurisdictions.california.orders import CaliforniaOrders
from jurisdictions.california.response_time import CaliforniaResponseTime
from jurisdictions.california.sanctions import CaliforniaSanctions
from jurisdictions.california.sanctions_misuse import CaliforniaMisuseSanctions
from jurisdictions.california.sanctions_motions import CaliforniaMotionSanctions
from jurisdictions.california.sanctions_notice import CaliforniaSanctionsNotice
from jurisdictions.california.standing_orders import CaliforniaStandingOrders
from jurisdictions.california.timeliness import CaliforniaTimeliness
from jurisdictions.common.deadlines import OrderDeadlines
from jurisdictions.common.dispositions import DispositionRules
from jurisdictions.common.record import RecordRules
from kb.parameters import Parameters


class California(
    CaliforniaTimeliness,
    CaliforniaStandingOrders,
    CaliforniaMeetAndConfer,
    CaliforniaCourtReporterStatement,
    CaliforniaSeparateStatement,
    CaliforniaInitialResponses,
    CaliforniaResponseTime,
    CaliforniaDepositions,
    CaliforniaCompliance,
    CaliforniaMerits,
    CaliforniaOrders,
    CaliforniaSanctions,
    CaliforniaDeadlines,
    OrderDeadlines,
    CaliforniaMotionSanctions,
    CaliforniaMisuseSanctions,
    CaliforniaSanctionsNotice,
    RecordRules,
    DispositionRules,
):
    """The California rule set, in the order a court walks a motion (law/california.md §8)."""

    GATES: ClassVar[tuple[str, ...]] = (
        "timeliness",
        "calendar",
        "mootness",
        "conferral",
        "papers",
        "merits",
    )
    parameters: ClassVar[Parameters] = Parameters.load("jurisdictions.california")
