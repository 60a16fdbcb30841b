"""Resolve the request lists of a case file against its discovery sets.

Every list (``all``, ``[1-5, 8]``, ``{rfp1: [1-5], rog1: all}``) becomes a tuple of
:class:`RequestRef`, and every request named must exist in its set. The number of requests is
bounded (``--max-requests``) for all the sets together, before any range is expanded.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from kb.casefile import CaseFile
from kb.errors import FieldError, shown
from kb.requests import Number, RequestRef, expand_list, over_limit


class RequestResolver:
    """Resolve request lists against the discovery sets, naming the field on any error."""

    def __init__(self, model: CaseFile, max_requests: int) -> None:
        self.model = model
        self.limit = max_requests
        self.sets: dict[str, tuple[RequestRef, ...]] = {}
        self.rank: dict[str, int] = {}
        budget = max_requests  # for all the sets together: many small sets add up too
        for rank, (set_id, dset) in enumerate(model.discovery.items()):
            path = f"discovery.{set_id}.requests"
            try:
                numbers = expand_list(dset.requests, path, budget)
            except FieldError as exc:
                if "over the limit" not in exc.message or budget == max_requests:
                    raise
                raise FieldError(
                    path, over_limit("the discovery sets name more than", max_requests)
                ) from None
            if not numbers:
                raise FieldError(path, "a discovery set needs at least one request")
            budget -= len(numbers)
            self.sets[set_id] = tuple(RequestRef(set_id, n, rank) for n in numbers)
            self.rank[set_id] = rank
        self.members = {set_id: {r.number for r in refs} for set_id, refs in self.sets.items()}

    def ref(self, set_id: str, number: Number, path: str) -> RequestRef:
        if number not in self.members[set_id]:
            raise FieldError(path, f"request {number} is not in discovery set {set_id}")
        return RequestRef(set_id, number, self.rank[set_id])

    def spec(
        self, spec: Any, path: str, within: Collection[RequestRef] | None = None
    ) -> tuple[RequestRef, ...]:
        """Resolve ``all``, a plain list (one set only) or ``{set: list | all}``.

        ``within``, when given, is what ``all`` means (for findings: the motion's requests).
        """
        if spec == "all":
            if within is not None:
                return tuple(sorted(within))
            return tuple(ref for refs in self.sets.values() for ref in refs)
        if isinstance(spec, list):
            if len(self.sets) != 1:
                raise FieldError(
                    path,
                    "a plain list of requests needs exactly one discovery set; "
                    "name the set: {set_id: [...]}",
                )
            (set_id,) = self.sets
            numbers = expand_list(spec, path, self.limit)
            return tuple(sorted(self.ref(set_id, n, path) for n in numbers))
        if isinstance(spec, dict):
            out: list[RequestRef] = []
            for set_id, sub in spec.items():
                sub_path = f"{path}.{set_id}"
                if set_id not in self.sets:
                    raise FieldError(sub_path, "unknown discovery set")
                if sub == "all":
                    every = self.sets[set_id]
                    out.extend(r for r in every if within is None or r in within)
                else:
                    numbers = expand_list(sub, sub_path, self.limit)
                    out.extend(self.ref(set_id, n, sub_path) for n in numbers)
            return tuple(sorted(set(out)))
        raise FieldError(
            path, f"expected a list of requests, `all`, or {{set_id: list}}; got {shown(spec)}"
        )
