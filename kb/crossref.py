"""Validate a parsed case file and resolve its cross-references into a :class:`Case`.

The model layer (:mod:`kb.casefile`) checks shapes; this module checks what refers to what:
party ids, discovery sets and their request numbers, conferral replies, and dates that cannot be
in that order. Every problem becomes one :class:`kb.errors.InputError` naming the field.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from kb.casefile import CaseFile, Conferral, DiscoverySet, Response, SanctionsRequest, Supplemental
from kb.errors import FieldError, InputError
from kb.requests import Number, RequestRef, expand_list

_UNION_TAGS = {"str", "int", "float", "bool", "list", "dict", "date", "none", "any"}


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


def _format_loc(loc: Iterable[Any]) -> str:
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
            continue
        text = str(part)
        if text.lower() in _UNION_TAGS or "[" in text or text.startswith("function-"):
            continue  # pydantic's name for a union branch, not a key in the file
        path += f".{text}" if path else text
    return path


def _describe(error: Any) -> str:
    kind = error["type"]
    value = error.get("input")
    if kind == "extra_forbidden":
        return "unknown key"
    if kind == "missing":
        return "missing required key"
    if kind == "literal_error":
        expected = error["msg"].removeprefix("Input should be ")
        return f"{value!r} is not allowed; expected {expected}"
    if kind == "bool_type":
        return f"must be true or false, not {value!r}"
    if kind in ("int_type", "int_parsing"):
        return f"must be an integer, not {value!r}"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"expected a mapping, got {value!r}"
    if kind == "list_type":
        return f"expected a list, got {value!r}"
    if kind == "string_type":
        return f"expected text, got {value!r}"
    return str(error["msg"]).removeprefix("Value error, ")


def _validation_error(file: str, exc: ValidationError) -> InputError:
    first = exc.errors()[0]
    return InputError(file, _format_loc(first["loc"]), _describe(first))


class _Resolver:
    """Resolve request lists against the discovery sets, naming the field on any error."""

    def __init__(self, model: CaseFile) -> None:
        self.model = model
        self.sets: dict[str, tuple[RequestRef, ...]] = {}
        for rank, (set_id, dset) in enumerate(model.discovery.items()):
            path = f"discovery.{set_id}.requests"
            numbers = expand_list(dset.requests, path)
            if not numbers:
                raise FieldError(path, "a discovery set needs at least one request")
            self.sets[set_id] = tuple(RequestRef(set_id, n, rank) for n in numbers)
        self.members = {set_id: {r.number for r in refs} for set_id, refs in self.sets.items()}

    def ref(self, set_id: str, number: Number, path: str) -> RequestRef:
        if number not in self.members[set_id]:
            raise FieldError(path, f"request {number} is not in discovery set {set_id}")
        rank = list(self.sets).index(set_id)
        return RequestRef(set_id, number, rank)

    def spec(self, spec: Any, path: str) -> tuple[RequestRef, ...]:
        """Resolve ``all``, a plain list (one set only) or ``{set: list | all}``."""
        if spec == "all":
            return tuple(ref for refs in self.sets.values() for ref in refs)
        if isinstance(spec, list):
            if len(self.sets) != 1:
                raise FieldError(
                    path,
                    "a plain list of requests needs exactly one discovery set; "
                    "name the set: {set_id: [...]}",
                )
            (set_id,) = self.sets
            return tuple(sorted(self.ref(set_id, n, path) for n in expand_list(spec, path)))
        if isinstance(spec, dict):
            out: list[RequestRef] = []
            for set_id, sub in spec.items():
                sub_path = f"{path}.{set_id}"
                if set_id not in self.sets:
                    raise FieldError(sub_path, "unknown discovery set")
                if sub == "all":
                    out.extend(self.sets[set_id])
                else:
                    out.extend(self.ref(set_id, n, sub_path) for n in expand_list(sub, sub_path))
            return tuple(sorted(set(out)))
        raise FieldError(
            path, f"expected a list of requests, `all`, or {{set_id: list}}; got {spec!r}"
        )


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


def _check_discovery(model: CaseFile, resolver: _Resolver) -> None:
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
    model: CaseFile, resolver: _Resolver
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
    for start in by_id:
        seen = {start}
        current = by_id[start].replying_to
        while current is not None:
            if current in seen:
                raise FieldError("conferrals", f"replies form a cycle through {current!r}")
            seen.add(current)
            current = by_id[current].replying_to


def _check_others(model: CaseFile) -> None:
    for index, excuse in enumerate(model.excuses):
        _check_party(model, excuse.by, f"excuses[{index}].by")


def resolve(file: str, document: Any) -> Case:
    """Validate plain data from a case file and return the resolved :class:`Case`."""
    if not isinstance(document, dict):
        raise InputError(
            file, "", f"expected a mapping at the top level, got {type(document).__name__}"
        )
    if "format" in document and document["format"] != 1:
        raise InputError(
            file,
            "format",
            f"unsupported format {document['format']!r}; this version reads format 1",
        )
    try:
        model = CaseFile.model_validate(document)
    except ValidationError as exc:
        raise _validation_error(file, exc) from None
    try:
        _check_court(model)
        resolver = _Resolver(model)
        _check_discovery(model, resolver)
        _check_motion(model)
        motion_requests = resolver.spec(model.motion.requests, "motion.requests")
        if not motion_requests:
            raise FieldError("motion.requests", "the motion names no requests")
        conferral_requests = _check_conferrals(model, resolver)
        conference_requests = tuple(
            None
            if c.requests is None
            else resolver.spec(c.requests, f"informal_conferences[{i}].requests")
            for i, c in enumerate(model.informal_conferences)
        )
        _check_others(model)
        overruled: tuple[RequestRef, ...] = ()
        sustained: tuple[RequestRef, ...] = ()
        if model.findings.objections is not None:
            objections = model.findings.objections
            if objections.overruled is not None:
                overruled = resolver.spec(objections.overruled, "findings.objections.overruled")
            if objections.sustained is not None:
                sustained = resolver.spec(objections.sustained, "findings.objections.sustained")
            both = sorted(set(overruled) & set(sustained))
            if both:
                raise FieldError(
                    "findings.objections",
                    "objections both overruled and sustained for "
                    + ", ".join(str(r) for r in both),
                )
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
