"""Facts that contradict each other are input errors, never silently decided.

Each check here is a pair of facts that cannot both be true of one record: a court could not
have read them together, so any decision drawn from them would rest on a mistake in the file.
The checks are deliberately narrow. What the law makes of a fact that is merely unusual (a
conferral after the motion was served, a supplemental response after the hearing) is for the
rules to decide, not for the loader to refuse.
"""

from __future__ import annotations

from collections.abc import Collection

from kb.casefile import CaseFile, Response, SanctionsRequest, Supplemental
from kb.errors import FieldError
from kb.requests import RequestRef

# Motions by which the party that served the discovery seeks answers to it: there must be
# discovery served before such a motion can be made.
_SEEKING_MOTIONS = {
    "compel_initial",
    "compel_further",
    "compel_compliance",
    "compel_attendance",
    "deem_admitted",
}


def check_supplemental_order(model: CaseFile) -> None:
    """A supplemental response supplements a response served before it. (Supplementals may be
    listed in any order; the record builder orders them by date.)"""
    for set_id, dset in model.discovery.items():
        if dset.response is None:
            continue
        for index, sup in enumerate(dset.supplemental):
            if sup.served.date < dset.response.served.date:
                raise FieldError(
                    f"discovery.{set_id}.supplemental[{index}].served.date",
                    f"supplemental response served {sup.served.date}, before the response it "
                    "supplements",
                )


def check_response_items(model: CaseFile) -> None:
    """A response answers each request once: ``34`` and ``"34"`` name the same request."""
    for set_id, dset in model.discovery.items():
        responses: list[tuple[str, Response | Supplemental]] = (
            [("response", dset.response)] if dset.response else []
        )
        responses += [(f"supplemental[{i}]", s) for i, s in enumerate(dset.supplemental)]
        for name, response in responses:
            seen: set[str] = set()
            for key in response.items:
                number = str(key).strip()
                if number in seen:
                    raise FieldError(
                        f"discovery.{set_id}.{name}.items.{key}",
                        f"request {number} is listed twice",
                    )
                seen.add(number)


def _targets(request: SanctionsRequest) -> list[tuple[int | None, str]]:
    if request.against is None:
        return []
    if isinstance(request.against, list):
        return list(enumerate(request.against))
    return [(None, request.against)]


def check_sanctions_parties(model: CaseFile, opponents: Collection[str]) -> None:
    """Nobody asks for sanctions against itself (or its own counsel)."""
    motion = model.motion
    requests = (
        ("motion.sanctions", motion.sanctions, {motion.movant}, "the moving party"),
        ("motion.opposition_sanctions", motion.opposition_sanctions, set(opponents), "opposing"),
    )
    for path, request, own, who in requests:
        if request is None:
            continue
        for index, target in _targets(request):
            where = f"{path}.against" + (f"[{index}]" if index is not None else "")
            party = target.removeprefix("counsel:")
            if party in own:
                raise FieldError(
                    where,
                    f"{party} made this request ({who} side) and cannot be its target",
                )


def check_conference_dates(model: CaseFile) -> None:
    """An informal conference marked as held took place by the decision date."""
    decided = model.case.decided
    for index, conference in enumerate(model.informal_conferences):
        if conference.held and conference.date > decided:
            raise FieldError(
                f"informal_conferences[{index}].date",
                f"conference dated {conference.date} is marked held, but the motion was "
                f"decided on {decided}",
            )


def check_motion_sets(model: CaseFile, motion_requests: Collection[RequestRef]) -> None:
    """The discovery a motion is about was served before the motion (for a motion seeking
    answers to it) and in any case before the decision."""
    motion = model.motion
    for set_id in sorted({ref.set_id for ref in motion_requests}):
        served = model.discovery[set_id].served.date
        path = f"discovery.{set_id}.served.date"
        if served > model.case.decided:
            raise FieldError(
                path,
                f"served {served}, after the motion about it was decided ({model.case.decided})",
            )
        if motion.kind in _SEEKING_MOTIONS and served > motion.served.date:
            raise FieldError(
                path,
                f"served {served}, after the motion to compel answers to it was served "
                f"({motion.served.date})",
            )
