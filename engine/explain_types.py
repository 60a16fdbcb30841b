"""The typed answers of the explanation queries (``why`` and ``why_not``), as frozen dataclasses.

They are plain data: :func:`as_data` turns any of them into JSON-ready dictionaries, with
fields in declaration order, so the JSON form of an answer is as deterministic as the answer.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Literal


@dataclass(frozen=True)
class FactStep:
    """A node of the chain that is not a firing: a case-file fact (``path`` is its YAML path,
    ``record`` its record cite), an absence (``path`` is where the missing thing would have
    been in the case file) or a derived conclusion."""

    id: str
    kind: str
    label: str
    path: str = ""
    record: str = ""


@dataclass(frozen=True)
class AuthorityRef:
    """An authority a firing cites: its id, the citation in court form, and a source URL."""

    id: str
    citation: str
    url: str


@dataclass(frozen=True)
class FiringStep:
    """One rule firing: the rule id, its statement rendered with the case's values, what it
    relied on (``premises``), what it derived, and the firings that defeated it, if any."""

    id: str
    rule: str
    statement: str
    rule_kind: str
    status: str
    authorities: tuple[AuthorityRef, ...]
    premises: tuple[str, ...]
    derives: tuple[str, ...]
    overridden_by: tuple[str, ...] = ()


@dataclass(frozen=True)
class Chain:
    """Everything that explains one conclusion, in dependency order."""

    target: str
    label: str
    facts: tuple[FactStep, ...]
    absences: tuple[FactStep, ...]
    firings: tuple[FiringStep, ...]
    conclusions: tuple[FactStep, ...] = field(default=())


PremiseKind = Literal["missing", "mismatch", "blocked", "test", "derived"]


@dataclass(frozen=True)
class FieldProblem:
    """A field of an existing fact that is not what the rule needs."""

    field: str
    wanted: str
    actual: str


@dataclass(frozen=True)
class Premise:
    """The premise of a rule that failed.

    ``missing``: nothing of the kind exists; shown as an absence, with ``where`` the case-file
    path it would have come from (a case fact) or ``derivable_by`` the rules that could have
    derived it (a conclusion), and ``attempts`` saying why they did not. ``mismatch``: the fact
    ``node`` exists but ``problems`` lists its fields that are not what the rule needs.
    ``blocked``: the rule requires that nothing like ``node`` exist, and it does. ``test``:
    the rule's test ``condition`` was false for ``values`` (read from ``node``). ``derived``:
    a standing conclusion that decided the matter otherwise (see :class:`Reason`).
    """

    kind: PremiseKind
    condition: str
    node: str = ""
    label: str = ""
    where: str = ""
    record: str = ""
    problems: tuple[FieldProblem, ...] = ()
    values: tuple[tuple[str, str], ...] = ()
    derivable_by: tuple[str, ...] = ()
    attempts: tuple[Attempt, ...] = ()


@dataclass(frozen=True)
class Reason:
    """A standing conclusion that made a rule conclude something else, with the firing that
    derived it and the facts and absences it rests on."""

    conclusion: FactStep
    firing: FiringStep | None
    basis: tuple[FactStep, ...]
    decisive: bool = True


AttemptStatus = Literal[
    "not_in_force", "premise_failed", "derived_otherwise", "defeated", "declined"
]


@dataclass(frozen=True)
class Attempt:
    """One rule that could have derived the conclusion, and why it did not.

    ``not_in_force``: outside its effective dates on the case's date. ``premise_failed``:
    ``failed`` is the first premise nothing satisfied. ``derived_otherwise``: it fired for
    this subject and derived ``instead``, for the ``reasons`` given. ``defeated``: it derived
    the conclusion but ``defeated_by`` (an exception) defeated it. ``declined``: its
    conditions held (on ``matched``) but its body concluded nothing of the kind.
    """

    rule: str
    rule_kind: str
    statement: str
    authorities: tuple[AuthorityRef, ...]
    status: AttemptStatus
    summary: str
    failed: Premise | None = None
    instead: tuple[FactStep, ...] = ()
    reasons: tuple[Reason, ...] = ()
    defeated_by: str = ""
    matched: tuple[str, ...] = ()


@dataclass(frozen=True)
class WhyNot:
    """Why a conclusion was not reached: every rule that could have derived it, and for each
    what stood in the way. ``derived`` is true when it was in fact reached (then see ``why``)."""

    target: str
    label: str
    derived: bool
    attempts: tuple[Attempt, ...]


def as_data(value: Any) -> Any:
    """A dataclass answer as JSON-ready data (dicts in field order, tuples as lists)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: as_data(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [as_data(v) for v in value]
    return value
