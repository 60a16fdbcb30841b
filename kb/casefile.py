"""The case file, format 1 (DESIGN.md section 2): typed models and the public loader.

Every model forbids unknown keys, so a typo such as ``conferrals[1].metod`` is an error with its
path rather than a silently ignored field. Cross-references (parties, discovery sets, request
numbers, conferral ids, date order) are checked in :mod:`kb.crossref` once the shape is valid.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
)

from kb.errors import shown

if TYPE_CHECKING:
    from kb.crossref import Case
    from kb.limits import Limits

FORMAT_VERSION = 1

System = Literal["california", "federal"]
District = Literal["sdcal", "cdcal", "ndcal", "edcal"]
Side = Literal["plaintiff", "defendant"]
SetKind = Literal[
    "interrogatories",
    "form_interrogatories",
    "production",
    "admissions",
    "initial_disclosures",
    "deposition",
]
ServiceMethod = Literal["personal", "mail", "electronic", "overnight"]
ConferralMethod = Literal["letter", "email", "phone", "video", "in_person"]
ResponseKind = Literal[
    "objections", "full_compliance", "partial_compliance", "inability", "answer", "none"
]
MotionKind = Literal[
    "compel_initial",
    "compel_further",
    "compel_compliance",
    "compel_attendance",
    "deem_admitted",
    "protective_order",
]
Substance = Literal["specific", "demand_only"]
Offer = Literal[
    "supplement",
    "produce",
    "protective_order",
    "identify_issues",
    "search_terms",
    "further_conference",
    "extension",
    "narrow_request",
]
Requirement = Literal[
    "meet_and_confer", "certification", "separate_statement", "joint_statement", "timeliness"
]
ExcuseReason = Literal[
    "no_telephone_access",
    "incarcerated",
    "pro_se",
    "opponent_unresponsive",
    "futility",
    "time_pressure",
    "other",
]
OrderKind = Literal[
    "meet_and_confer",
    "joint_motion",
    "joint_statement",
    "informal_discovery_conference",
    "serve_responses",
    "further_responses",
    "produce",
    "pay_sanctions",
]
StandingOrder = Literal[
    "idc_before_discovery_motion", "joint_statement_for_discovery_motions", "chambers_joint_motion"
]
PaperDefect = Literal["not_full_text", "no_reasons", "missing_requests", "not_separate"]


_YMD = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")


def _iso_date(value: Any) -> Any:
    """Accept a date or an ISO ``YYYY-MM-DD`` string; never a number or a datetime.

    The YAML reader hands dates over as text (:mod:`kb.yaml_strict`), so that an impossible
    date such as ``2023-02-30`` is reported here, with its field path. ``2023-2-3`` is read as
    YAML reads a date, for the files that relied on it.
    """
    if isinstance(value, dt.datetime):
        raise ValueError("expected a date (YYYY-MM-DD), not a date and time")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        match = _YMD.fullmatch(text)
        try:
            if match:
                return dt.date(*(int(part) for part in match.groups()))
            if len(text) <= 32 and "T" not in text.upper():
                return dt.date.fromisoformat(text)
        except ValueError as exc:
            raise ValueError(f"not a valid date: {shown(value)} ({exc})") from None
        raise ValueError(f"not a valid date: {shown(value)} (write YYYY-MM-DD)")
    raise ValueError(f"not a date: {shown(value)} (write YYYY-MM-DD)")


Date = Annotated[dt.date, BeforeValidator(_iso_date)]
RequestSpec = Any
"""A request list: ``all``, a list with ranges, or ``{set_id: list | all}``; see kb.crossref."""


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Court(Strict):
    system: System
    county: str | None = None
    district: District | None = None
    department: str | None = None
    judge: str | None = None
    standing_orders: list[StandingOrder] = Field(default_factory=list)


class CaseInfo(Strict):
    title: str
    number: str
    court: Court
    decided: Date


class Party(Strict):
    name: str
    side: Side
    counsel: StrictBool
    incarcerated: StrictBool = False


class Service(Strict):
    date: Date
    method: ServiceMethod


class ResponseItem(Strict):
    kind: ResponseKind
    record: str | None = None


class Response(Strict):
    served: Service
    verified: StrictBool | None = None
    default: ResponseKind | None = None
    items: dict[StrictInt | str, ResponseItem] = Field(default_factory=dict)


class Supplemental(Strict):
    served: Service
    verified: StrictBool | None = None
    items: dict[StrictInt | str, ResponseItem] = Field(default_factory=dict)
    record: str | None = None


class DiscoverySet(Strict):
    kind: SetKind
    set: StrictInt
    from_: str = Field(alias="from")
    to: str
    served: Service
    requests: RequestSpec
    response: Response | None = None
    supplemental: list[Supplemental] = Field(default_factory=list)
    # for a deposition: the date it was set for (when the deponent failed to appear)
    scheduled: Date | None = None


class Paper(Strict):
    filed: StrictBool
    record: str | None = None
    compliant: StrictBool | None = None
    defects: list[PaperDefect] = Field(default_factory=list)


class Papers(Strict):
    meet_and_confer_declaration: Paper | None = None
    certification: Paper | None = None
    separate_statement: Paper | None = None
    joint_statement: Paper | None = None


class SanctionsRequest(Strict):
    requested: StrictBool
    against: str | list[str] | None = None
    amount: StrictInt | StrictFloat | None = None


class Motion(Strict):
    kind: MotionKind
    movant: str
    opponent: str | list[str]
    served: Service
    requests: RequestSpec
    papers: Papers = Field(default_factory=Papers)
    sanctions: SanctionsRequest | None = None
    opposition_sanctions: SanctionsRequest | None = None


class Agreement(Strict):
    kind: str
    until: Date | None = None
    record: str | None = None


class Conferral(Strict):
    id: str
    date: Date
    from_: str = Field(alias="from")
    to: str
    method: ConferralMethod
    requests: RequestSpec = None
    substance: Substance | None = None
    record: str | None = None
    replying_to: str | None = None
    offers: list[Offer] = Field(default_factory=list)


class PriorOrder(Strict):
    kind: OrderKind
    by: Date | None = None
    method: ConferralMethod | None = None
    record: str | None = None


class InformalConference(Strict):
    date: Date
    held: StrictBool
    requests: RequestSpec = None
    record: str | None = None


class Excuse(Strict):
    by: str
    requirement: Requirement
    reason: ExcuseReason
    record: str | None = None


class ObjectionFindings(Strict):
    overruled: RequestSpec = None
    sustained: RequestSpec = None


class Findings(Strict):
    good_cause: StrictBool | None = None
    objections: ObjectionFindings | None = None
    substantial_justification: StrictBool | None = None
    sanctions_unjust: StrictBool | None = None


class CaseFile(Strict):
    """A whole case file, format 1."""

    format: Literal[1]
    case: CaseInfo
    parties: dict[str, Party]
    discovery: dict[str, DiscoverySet]
    motion: Motion
    agreements: list[Agreement] = Field(default_factory=list)
    conferrals: list[Conferral] = Field(default_factory=list)
    prior_orders: list[PriorOrder] = Field(default_factory=list)
    informal_conferences: list[InformalConference] = Field(default_factory=list)
    excuses: list[Excuse] = Field(default_factory=list)
    findings: Findings = Field(default_factory=Findings)


def load_case(path: str | Path, limits: Limits | None = None) -> Case:
    """Load, validate and resolve a case file (YAML or JSON); see :class:`kb.crossref.Case`.

    ``limits`` bounds the file's size and its number of requests; by default
    :meth:`kb.limits.Limits.from_env`. Raises :class:`kb.errors.InputError` with the file, the
    field path and the problem.
    """
    from kb.crossref import resolve
    from kb.limits import Limits
    from kb.reader import read_document

    bounds = limits if limits is not None else Limits.from_env()
    file = str(path)
    document = read_document(Path(path), limits=bounds)
    return resolve(file, document, bounds)
