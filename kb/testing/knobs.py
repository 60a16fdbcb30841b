"""What a generated case file may look like: the knobs of :func:`kb.testing.build_case`.

A pattern knob is three-valued: ``True`` forces the pattern into every case, ``False`` keeps it
out of every case, ``None`` (the default) lets each case have it or not. Ranges are inclusive.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

SYSTEMS = ("california", "federal")
DISTRICTS = ("sdcal", "cdcal", "ndcal", "edcal")
SERVICE_METHODS = ("electronic", "mail", "personal", "overnight")
CONFERRAL_METHODS = ("letter", "email", "phone", "video", "in_person")
MOTIONS = (
    "compel_further",
    "compel_initial",
    "deem_admitted",
    "protective_order",
    "compel_compliance",
    "compel_attendance",
)
MOTION_WEIGHTS = {
    "compel_further": 8,
    "compel_initial": 3,
    "deem_admitted": 2,
    "protective_order": 2,
    "compel_compliance": 2,
    "compel_attendance": 2,
}
"""How often each motion kind comes up when the knobs leave it open (compel-further motions
are most of what courts see; the rarer kinds come up often enough that their own patterns, such
as a deponent's objection or a response served before the hearing, are reached)."""
RECENT_YEARS = 0.35
"""The share of cases served in the last two years of ``Knobs.years``: the law changes (CCP
2023.050 from 2020 and 2024, for instance) are reached often, the older law still is."""


@dataclass(frozen=True)
class Knobs:
    """The shape of the case files to generate.

    - ``system``/``district``/``motion``: fixed, or ``None`` to vary (a district is drawn for a
      federal case; ``motion`` is drawn with :data:`MOTION_WEIGHTS`).
    - ``requests``: how many requests the motion names; ``sets``: how many discovery sets;
      ``conferrals``: how many meet-and-confer communications before any the patterns add.
    - ``never_raised``: some request at issue was raised by no communication before the motion.
    - ``unanswered_offers``: the opponent proposed or asked for something and the movant never
      replied before serving the motion.
    - ``late_notice``: the motion was served long after the 45-day period any response started
      (the generator knows no law; it only places the date well past day 45 + extensions).
    - ``near_deadline``: the motion was served within days of day 45 after the response, often
      with day 45 near a fixed-date court holiday, so weekends and holidays decide.
    - ``service_methods``: how papers are served (drawn from these).
    - ``pro_se``, ``incarcerated``: the movant is self-represented / a prisoner.
    - ``pro_se_opponent``: the opposing party is a natural person without counsel.
    - ``papers_missing``: a paper the motion needs is stated as not filed (with a department's
      or judge's joint-statement order, often the joint statement).
    - ``papers_deficient``: a filed meet-and-confer declaration or separate statement is stated
      as not compliant.
    - ``demands_only``: before the motion the movant only wrote (letters, emails) demanding
      compliance without reasons, and nobody spoke by telephone, video or in person.
    - ``findings``: the judge's findings on objections, good cause and sanctions are given.
    - ``supplemental``: a supplemental response was served.
    - ``late_production``: documents were produced (a supplemental response to a production
      set) after the motion was served, within a week before the hearing.
    - ``sanctions``: sanctions are requested.
    - ``sanctions_unnamed``: a sanctions request names no one it is sought against.
    - ``standing_orders``: the department or judge has standing orders for discovery motions
      (an informal discovery conference first: held, not held, or set for after the hearing;
      a joint statement or joint motion).
    - ``years``: the range of years the discovery was served in (the last two of them drawn
      more often, :data:`RECENT_YEARS`).

    Each motion kind also varies its own patterns: a California motion to compel further
    answers at a deposition (CCP 2025.480, the record completed on the set's response date); a
    deponent who objected to the notice before not appearing; a motion to compel compliance
    with a response that was no statement of compliance; a motion to compel responses or to
    deem admissions admitted after a timely response, or a response served before the hearing.
    """

    system: str | None = None
    district: str | None = None
    motion: str | None = None
    requests: tuple[int, int] = (1, 6)
    sets: tuple[int, int] = (1, 2)
    conferrals: tuple[int, int] = (0, 5)
    never_raised: bool | None = None
    unanswered_offers: bool | None = None
    late_notice: bool | None = None
    near_deadline: bool | None = None
    service_methods: tuple[str, ...] = SERVICE_METHODS
    pro_se: bool | None = None
    incarcerated: bool | None = None
    pro_se_opponent: bool | None = None
    papers_missing: bool | None = None
    papers_deficient: bool | None = None
    demands_only: bool | None = None
    findings: bool | None = None
    supplemental: bool | None = None
    late_production: bool | None = None
    sanctions: bool | None = None
    sanctions_unnamed: bool | None = None
    standing_orders: bool | None = None
    years: tuple[int, int] = (2012, 2025)

    def __post_init__(self) -> None:
        if self.system is not None and self.system not in SYSTEMS:
            raise ValueError(f"unknown system {self.system!r}; choose from {', '.join(SYSTEMS)}")
        if self.district is not None:
            if self.district not in DISTRICTS:
                raise ValueError(
                    f"unknown district {self.district!r}; choose from {', '.join(DISTRICTS)}"
                )
            if self.system == "california":
                raise ValueError("a California case has no federal district")
        if self.motion is not None and self.motion not in MOTIONS:
            raise ValueError(f"unknown motion {self.motion!r}; choose from {', '.join(MOTIONS)}")
        for name in ("requests", "sets", "conferrals", "years"):
            low, high = getattr(self, name)
            if low > high or low < 0:
                raise ValueError(f"{name}: bad range ({low}, {high})")
        if self.requests[0] < 1 or self.sets[0] < 1:
            raise ValueError("a motion needs at least one request in at least one set")
        unknown = [m for m in self.service_methods if m not in SERVICE_METHODS]
        if unknown or not self.service_methods:
            raise ValueError(f"service_methods must be some of {', '.join(SERVICE_METHODS)}")

    def with_(self, **changes: Any) -> Knobs:
        """A copy with some knobs changed."""
        return replace(self, **changes)


def jurisdiction_knobs(jurisdiction: str, **changes: Any) -> Knobs:
    """Knobs for ``california``, ``federal`` or ``federal/<district>`` (as ``kb generate`` and
    ``kb rules`` spell a jurisdiction)."""
    system, _, district = jurisdiction.partition("/")
    if system not in SYSTEMS or (district and system != "federal"):
        raise ValueError(
            f"unknown jurisdiction {jurisdiction!r}; use california, federal or "
            f"federal/<{'|'.join(DISTRICTS)}>"
        )
    return Knobs(system=system, district=district or None, **changes)
