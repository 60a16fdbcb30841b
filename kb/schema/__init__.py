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
