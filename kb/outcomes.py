"""The disposition vocabulary and the decision object (DESIGN.md section 3, format 1)."""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

MotionDispositionName = Literal[
    "granted",
    "granted_in_part",
    "denied",
    "denied_without_prejudice",
    "continued",
    "off_calendar",
    "moot",
    "undetermined",
]
RequestDispositionName = Literal[
    "granted",
    "denied",
    "denied_without_prejudice",
    "continued",
    "off_calendar",
    "moot",
    "undetermined",
]

MOTION_DISPOSITIONS: tuple[str, ...] = (
    "granted",
    "granted_in_part",
    "denied",
    "denied_without_prejudice",
    "continued",
    "off_calendar",
    "moot",
    "undetermined",
)
REQUEST_DISPOSITIONS: tuple[str, ...] = tuple(
    d for d in MOTION_DISPOSITIONS if d != "granted_in_part"
)
"""Per request, the same vocabulary without ``granted_in_part``.

``undetermined`` (an addition to DESIGN.md's list) is used only when the rules reach no
disposition for a request; the decision then says why in ``open_questions``.
"""

DISPOSITION_WORDS = {
    "granted": "GRANTED",
    "granted_in_part": "GRANTED IN PART AND DENIED IN PART",
    "denied": "DENIED",
    "denied_without_prejudice": "DENIED WITHOUT PREJUDICE",
    "continued": "CONTINUED",
    "off_calendar": "OFF CALENDAR",
    "moot": "MOOT",
    "undetermined": "UNDETERMINED",
}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class RequestOutcome(_Model):
    disposition: RequestDispositionName
    grounds: list[str] = Field(default_factory=list)


class GroundOut(_Model):
    rule: str
    authorities: list[str]
    requests: list[str]
    statement: str
    record: list[str] = Field(default_factory=list)
    effect: str | None = None
    decisive: bool = True


class OrderOut(_Model):
    kind: str
    method: str | None = None
    initiator: str | None = None
    by: str | None = None
    requests: list[str] = Field(default_factory=list)
    statement: str = ""
    authorities: list[str] = Field(default_factory=list)


class SanctionAward(_Model):
    rule: str
    against: str
    also_against: list[str] = Field(default_factory=list)
    payee: str | None = None
    amount: float | None = None
    authorities: list[str] = Field(default_factory=list)
    statement: str = ""


class SanctionsOut(_Model):
    awarded: bool
    against: str
    also_against: list[str] = Field(default_factory=list)
    amount: float | None = None
    payee: str | None = None
    awards: list[SanctionAward] = Field(default_factory=list)


class OpenQuestionOut(_Model):
    finding: str
    question: str
    requests: list[str] = Field(default_factory=list)
    assumed: str | None = None
    rule: str | None = None


class Decision(_Model):
    """The decision object printed by ``kb decide --format json``."""

    format: int = 1
    case: str
    title: str
    court: dict[str, Any]
    as_of: str
    rules_version: str
    motion: str
    movant: str
    disposition: MotionDispositionName
    requests: dict[str, RequestOutcome]
    grounds: list[GroundOut]
    orders: list[OrderOut]
    sanctions: SanctionsOut | None
    open_questions: list[OpenQuestionOut]

    def to_json(self) -> str:
        """Deterministic JSON: fields in model order, requests in motion order, 2-space indent."""
        return json.dumps(self.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"
