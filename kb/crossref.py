"""Validate a parsed case file and resolve its cross-references into a :class:`Case`.

The model layer (:mod:`kb.casefile`) checks shapes; this module checks what refers to what:
party ids, discovery sets and their request numbers, conferral replies, and dates that cannot be
in that order. Every problem becomes one :class:`kb.errors.InputError` naming the field.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from kb import consistency
from kb.casefile import CaseFile, Conferral, DiscoverySet, Response, SanctionsRequest, Supplemental
from kb.errors import FieldError, InputError, shown
from kb.limits import Limits
from kb.model_errors import validation_error
from kb.requests import Number, RequestRef
from kb.resolver import RequestResolver


@dataclass(frozen=True)
class Case:
    """A validated case file with every request list resolved to :class:`RequestRef` values."""

    file: str
    model: CaseFile
    set_requests: Mapping[str, tuple[RequestRef, ...]]
    motion_requests: tuple[RequestRef, ...]
    conferral_requests: Mapping[str, tuple[RequestRef, ...] | None]
    conference_requests: tuple[tuple[RequestRef, ...] | None, ...]
    overruled: frozenset[RequestRef] = field(default_factory=frozenset)
    sustained: frozenset[RequestRef] = field(default_factory=frozenset)

    @property
    def opponents(self) -> tuple[str, ...]:
        opponent = self.model.motion.opponent
        return tuple(opponent) if isinstance(opponent, list) else (opponent,)

    def discovery_set(self, ref: RequestRef) -> DiscoverySet:
        return self.model.discovery[ref.set_id]

    @property
    def single_set(self) -> bool:
        return len(self.model.discovery) == 1


def _check_party(model: CaseFile, party: str, path: str) -> None:
    if party not in model.parties:
        raise FieldError(path, f"unknown party id {party!r}")


def _check_sanctions(model: CaseFile, request: SanctionsRequest | None, path: str) -> None:
    if request is None or request.against is None:
        return
    targets = request.against if isinstance(request.against, list) else [request.against]
    for index, who in enumerate(targets):
        party = who.removeprefix("counsel:")
        where = (
            f"{path}.against[{index}]" if isinstance(request.against, list) else f"{path}.against"
        )
        _check_party(model, party, where)
    if request.amount is not None and not math.isfinite(request.amount):
        raise FieldError(f"{path}.amount", f"{request.amount} is not an amount")
    if request.amount is not None and request.amount < 0:
        raise FieldError(f"{path}.amount", "a sanctions amount cannot be negative")


def _check_court(model: CaseFile) -> None:
    court = model.case.court
    if court.system == "california" and not court.county:
        raise FieldError(
            "case.court.county", "a California case needs the county of its superior court"
        )
    if court.system == "federal" and not court.district:
        raise FieldError(
            "case.court.district", "a federal case needs its district: sdcal, cdcal, ndcal or edcal"
        )


def _check_discovery(model: CaseFile, resolver: RequestResolver) -> None:
    for set_id, dset in model.discovery.items():
        path = f"discovery.{set_id}"
        _check_party(model, dset.from_, f"{path}.from")
        _check_party(model, dset.to, f"{path}.to")
        if dset.from_ == dset.to:
            raise FieldError(f"{path}.to", "a party cannot propound discovery to itself")
        if dset.scheduled is not None:
            if dset.kind != "deposition":
                raise FieldError(f"{path}.scheduled", "only a deposition is scheduled")
            if dset.scheduled < dset.served.date:
                raise FieldError(
                    f"{path}.scheduled",
                    f"deposition set for {dset.scheduled}, before its notice was served "
                    f"({dset.served.date})",
                )
        responses: list[tuple[str, Response | Supplemental]] = (
            [(f"{path}.response", dset.response)] if dset.response else []
        )
        responses += [(f"{path}.supplemental[{i}]", s) for i, s in enumerate(dset.supplemental)]
        for rpath, response in responses:
            if response.served.date < dset.served.date:
                raise FieldError(
                    f"{rpath}.served.date",
                    f"response served {response.served.date}, before the discovery "
                    f"itself was served ({dset.served.date})",
                )
            for number in response.items:
                resolver.ref(
                    set_id, _item_number(number, f"{rpath}.items"), f"{rpath}.items.{number}"
                )


def _item_number(number: int | str, path: str) -> Number:
    if isinstance(number, int):
        return number
    text = str(number).strip()
    if text.isdigit():
        return int(text)  # YAML mapping keys such as "34" arrive as text in JSON files
    return text


def _check_motion(model: CaseFile) -> None:
    motion = model.motion
    _check_party(model, motion.movant, "motion.movant")
    opponents = motion.opponent if isinstance(motion.opponent, list) else [motion.opponent]
    for index, party in enumerate(opponents):
        where = (
            f"motion.opponent[{index}]" if isinstance(motion.opponent, list) else "motion.opponent"
        )
        _check_party(model, party, where)
        if party == motion.movant:
            raise FieldError(where, "the moving party cannot also be the opponent")
    if motion.served.date > model.case.decided:
        raise FieldError(
            "motion.served.date",
            f"motion served {motion.served.date}, after the decision date {model.case.decided}",
        )
    _check_sanctions(model, motion.sanctions, "motion.sanctions")
    _check_sanctions(model, motion.opposition_sanctions, "motion.opposition_sanctions")


def _check_conferrals(
    model: CaseFile, resolver: RequestResolver
) -> dict[str, tuple[RequestRef, ...] | None]:
    by_id: dict[str, Conferral] = {}
    for index, conferral in enumerate(model.conferrals):
        if conferral.id in by_id:
            raise FieldError(f"conferrals[{index}].id", f"duplicate conferral id {conferral.id!r}")
        by_id[conferral.id] = conferral
    resolved: dict[str, tuple[RequestRef, ...] | None] = {}
    for index, conferral in enumerate(model.conferrals):
        path = f"conferrals[{index}]"
        _check_party(model, conferral.from_, f"{path}.from")
        _check_party(model, conferral.to, f"{path}.to")
        if conferral.from_ == conferral.to:
            raise FieldError(f"{path}.to", "a conferral needs two different parties")
        if conferral.replying_to is not None:
            target = by_id.get(conferral.replying_to)
            if target is None:
                raise FieldError(
                    f"{path}.replying_to", f"unknown conferral id {conferral.replying_to!r}"
                )
            if target.id == conferral.id:
                raise FieldError(f"{path}.replying_to", "a conferral cannot reply to itself")
            if conferral.date < target.date:
                raise FieldError(
                    f"{path}.replying_to",
                    f"reply dated {conferral.date}, before "
                    f"{target.id} ({target.date}) that it replies to",
                )
        resolved[conferral.id] = (
            None
            if conferral.requests is None
            else resolver.spec(conferral.requests, f"{path}.requests")
        )
    _check_reply_cycles(by_id)
    return resolved


def _check_reply_cycles(by_id: Mapping[str, Conferral]) -> None:
    acyclic: set[str] = set()  # chains already walked to their end: linear time in all
    for start in by_id:
        chain: list[str] = []
        current: str | None = start
        while current is not None and current not in acyclic:
            if current in chain:
                raise FieldError("conferrals", f"replies form a cycle through {current!r}")
            chain.append(current)
            current = by_id[current].replying_to
        acyclic.update(chain)


def _check_others(model: CaseFile) -> None:
    for index, excuse in enumerate(model.excuses):
        _check_party(model, excuse.by, f"excuses[{index}].by")


def _check_format(file: str, document: dict[Any, Any]) -> None:
    if "format" not in document:
        return  # reported by the model as a missing key
    value = document["format"]
    if type(value) is not int or value != 1:  # not True, 1.0 or "1"
        hint = "; write it as the number 1" if str(value).strip() in ("1", "1.0", "True") else ""
        raise InputError(
            file, "format", f"unsupported format {shown(value)}; this version reads format 1{hint}"
        )


def _findings(
    model: CaseFile, resolver: RequestResolver, motion_requests: tuple[RequestRef, ...]
) -> tuple[tuple[RequestRef, ...], tuple[RequestRef, ...]]:
    objections = model.findings.objections
    if objections is None:
        return (), ()
    found: dict[str, tuple[RequestRef, ...]] = {}
    for name in ("overruled", "sustained"):
        spec = getattr(objections, name)
        if spec is not None:
            path = f"findings.objections.{name}"
            found[path] = resolver.spec(spec, path, within=motion_requests)
    overruled = found.get("findings.objections.overruled", ())
    sustained = found.get("findings.objections.sustained", ())
    both = sorted(set(overruled) & set(sustained))
    if both:
        raise FieldError(
            "findings.objections",
            "objections both overruled and sustained for " + ", ".join(str(r) for r in both),
        )
    return overruled, sustained


def resolve(file: str, document: Any, limits: Limits | None = None) -> Case:
    """Validate plain data from a case file and return the resolved :class:`Case`.

    ``limits`` bounds the number of requests (default: :meth:`Limits.from_env`).
    """
    if not isinstance(document, dict):
        raise InputError(
            file, "", f"expected a mapping at the top level, got {type(document).__name__}"
        )
    _check_format(file, document)
    bounds = limits if limits is not None else Limits.from_env()
    try:
        model = CaseFile.model_validate(document)
    except ValidationError as exc:
        raise validation_error(file, exc, document) from None
    try:
        _check_court(model)
        resolver = RequestResolver(model, bounds.max_requests)
        _check_discovery(model, resolver)
        consistency.check_supplemental_order(model)
        consistency.check_response_items(model)
        _check_motion(model)
        motion_requests = resolver.spec(model.motion.requests, "motion.requests")
        if not motion_requests:
            raise FieldError("motion.requests", "the motion names no requests")
        consistency.check_motion_sets(model, motion_requests)
        opponents = model.motion.opponent
        consistency.check_sanctions_parties(
            model, opponents if isinstance(opponents, list) else [opponents]
        )
        conferral_requests = _check_conferrals(model, resolver)
        conference_requests = tuple(
            None
            if c.requests is None
            else resolver.spec(c.requests, f"informal_conferences[{i}].requests")
            for i, c in enumerate(model.informal_conferences)
        )
        consistency.check_conference_dates(model)
        _check_others(model)
        overruled, sustained = _findings(model, resolver, motion_requests)
    except FieldError as exc:
        raise InputError(file, exc.path, exc.message) from None
    return Case(
        file=file,
        model=model,
        set_requests=resolver.sets,
        motion_requests=motion_requests,
        conferral_requests=conferral_requests,
        conference_requests=conference_requests,
        overruled=frozenset(overruled),
        sustained=frozenset(sustained),
    )
