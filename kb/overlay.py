"""Overlays: what-if law for one run, read from a YAML or JSON file (``kb decide --overlay``).

Like an OpenFisca reform, an overlay changes the rule base without touching it: it can switch
rules off, give a dated parameter a new value (the 45-day limit, the $1,000 sanction), and add
rule modules. Format 1::

    overlay: 1
    id: notice-60-days                 # names the run: decisions say rules "2026.11+notice-60-days"
    description: What if notice of a motion to compel further could be given within 60 days?
    disable: [ca.meet_confer.offer_unanswered]
    parameters:
      california:
        motion_notice_days: 60                               # from the beginning of time
        document_misconduct_sanction: {value: 2500, since: 2025-01-01}   # or from a date
    add:
      - module: rules/idc_everywhere.py    # a file beside the overlay, or a dotted module name
        system: california                 # optional selectors, as for plugins

This module reads and shape-checks the file; :mod:`jurisdictions.overlays` checks it against the
rule base and applies it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    StrictStr,
    ValidationError,
)

from kb.errors import InputError

FORMAT_VERSION = 1

Scalar = StrictBool | StrictInt | StrictFloat | StrictStr


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ParameterChange(_Strict):
    """A parameter's new value, in force from ``since`` (or always, when ``since`` is absent)."""

    value: Scalar
    since: dt.date | None = None


class AddedModule(_Strict):
    """A rule module to add, and (optionally) the courts it applies to."""

    module: Annotated[str, Field(min_length=1)]
    system: Literal["california", "federal"] | None = None
    district: Literal["sdcal", "cdcal", "ndcal", "edcal"] | None = None
    county: str | None = None
    departments: tuple[str, ...] = ()


class Overlay(_Strict):
    """A change to the rule base for one run."""

    overlay: Literal[1]
    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9._-]*$", max_length=64)]
    description: str = ""
    disable: tuple[Annotated[str, Field(min_length=1)], ...] = ()
    parameters: dict[Literal["california", "federal"], dict[str, Scalar | ParameterChange]] = Field(
        default_factory=dict
    )
    add: tuple[AddedModule, ...] = ()


class LoadedOverlay:
    """An overlay as read from ``file``: the model, where it lives, and a content digest."""

    def __init__(self, file: str, model: Overlay, digest: str) -> None:
        self.file = file
        self.model = model
        self.digest = digest
        self.base = Path(file).resolve().parent

    @property
    def id(self) -> str:
        return self.model.id

    def changes(self, system: str) -> dict[str, ParameterChange]:
        """The parameter changes for one system, each as a :class:`ParameterChange`."""
        out: dict[str, ParameterChange] = {}
        for name, change in sorted(self.model.parameters.get(system, {}).items()):  # type: ignore[call-overload]
            out[name] = (
                change if isinstance(change, ParameterChange) else ParameterChange(value=change)
            )
        return out

    def version(self, rules_version: str) -> str:
        """The rules version decisions made under this overlay record (``2026.11+ID``)."""
        return f"{rules_version}+{self.model.id}"


def load_overlay(path: str | Path) -> LoadedOverlay:
    """Read and shape-check an overlay file; raises :class:`InputError` (one line, with the path
    of the field) when it is not a valid overlay."""
    from kb.model_errors import validation_error
    from kb.reader import read_document

    file = str(path)
    document = read_document(Path(path))
    if not isinstance(document, dict):
        raise InputError(
            file, "", f"expected a mapping at the top level, got {type(document).__name__}"
        )
    if document.get("overlay") != FORMAT_VERSION:
        raise InputError(
            file,
            "overlay",
            f"must be {FORMAT_VERSION} (the overlay format version), "
            f"got {document.get('overlay')!r}",
        )
    try:
        model = Overlay.model_validate(document)
    except ValidationError as exc:
        raise validation_error(file, exc, document) from None
    canonical = json.dumps(model.model_dump(mode="json"), sort_keys=True).encode()
    return LoadedOverlay(file, model, hashlib.sha256(canonical).hexdigest()[:16])
