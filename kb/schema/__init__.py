"""JSON Schemas exported from the models; the checked-in files are tested to be current."""

from __future__ import annotations

from typing import Any

from kb.casefile import CaseFile

CASEFILE_SCHEMA_FILE = "casefile.v1.json"


def casefile_schema() -> dict[str, Any]:
    """The JSON Schema of case-file format 1, as editors and other tools validate against.

    Request lists (``requests`` fields) accept ``all``, a list of integers, ranges such as
    ``"1-5"`` and dotted numbers such as ``"15.1"``, or a mapping from set id to such a list.
    """
    schema = CaseFile.model_json_schema(by_alias=True, mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://discovery-kb.example/schema/casefile.v1.json"
    schema["title"] = "discovery-kb case file, format 1"
    return schema


REPORT_SCHEMA_FILES = {
    "advice": "advice.v1.json",
    "deadlines": "deadlines.v1.json",
    "checklist": "checklist.v1.json",
}
"""The JSON Schemas of ``kb advise``, ``kb deadlines`` and ``kb checklist`` (written by hand,
documented in docs/reference/advice.md)."""


def report_schema(kind: str) -> dict[str, Any]:
    """The checked-in JSON Schema of one kind of advice report."""
    import json
    from importlib import resources

    text = resources.files("kb.schema").joinpath(REPORT_SCHEMA_FILES[kind]).read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded
