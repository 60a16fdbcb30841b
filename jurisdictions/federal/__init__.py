"""U.S. district courts in California: the FRCP and each district's local rules."""

from __future__ import annotations

from typing import ClassVar

from jurisdictions.common.deadlines import OrderDeadlines
from jurisdictions.common.dispositions import DispositionRules
from jurisdictions.common.record import RecordRules
from jurisdictions.federal.cdcal import CentralDistrict
from jurisdictions.federal.chambers import ChambersProcedure
from jurisdictions.federal.conferral import FederalConferral
from jurisdictions.federal.deadlines import FederalDeadlines
from jurisdictions.federal.edcal import EasternDistrict
from jurisdictions.federal.expenses import FederalExpenses
from jurisdictions.federal.merits import FederalMerits
from jurisdictions.federal.ndcal import NorthernDistrict
from jurisdictions.federal.orders import FederalOrders
from jurisdictions.federal.sdcal import SouthernDistrict
from jurisdictions.federal.waiver import UntimelyObjections
from kb.parameters import Parameters


class Federal(
    FederalConferral,
    ChambersProcedure,
    FederalMerits,
    UntimelyObjections,
    FederalOrders,
    FederalExpenses,
    FederalDeadlines,
    OrderDeadlines,
    RecordRules,
    DispositionRules,
):
    """The Federal Rules of Civil Procedure, in the order a court walks a motion
    (law/federal.md §5)."""

    parameters: ClassVar[Parameters] = Parameters.load("jurisdictions.federal")
    GATES: ClassVar[tuple[str, ...]] = (
        "timeliness",
        "calendar",
        "mootness",
        "certification",
        "conferral",
        "papers",
        "merits",
    )


class FederalSouthern(SouthernDistrict, Federal):
    """S.D. Cal.: FRCP plus Civil Local Rule 26.1."""


class FederalCentral(CentralDistrict, Federal):
    """C.D. Cal.: FRCP plus Local Rules 37-1 to 37-4."""


class FederalNorthern(NorthernDistrict, Federal):
    """N.D. Cal.: FRCP plus Civil Local Rules 37-1 and 1-5(n)."""


class FederalEastern(EasternDistrict, Federal):
    """E.D. Cal.: FRCP plus Local Rule 251."""


DISTRICTS: dict[str, type] = {
    "sdcal": FederalSouthern,
    "cdcal": FederalCentral,
    "ndcal": FederalNorthern,
    "edcal": FederalEastern,
}
