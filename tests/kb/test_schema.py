"""The checked-in JSON Schema is current, and every example validates against it."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import yaml

from kb.schema import CASEFILE_SCHEMA_FILE, casefile_schema
from tests.helpers import EXAMPLES


def checked_in() -> dict[str, object]:
    text = resources.files("kb.schema").joinpath(CASEFILE_SCHEMA_FILE).read_text(encoding="utf-8")
    loaded: dict[str, object] = json.loads(text)
    return loaded


def test_checked_in_schema_is_current() -> None:
    assert checked_in() == casefile_schema(), "run: uv run kb schema > kb/schema/casefile.v1.json"


def test_examples_validate() -> None:
    validator = jsonschema.Draft202012Validator(casefile_schema())
    for path in sorted(EXAMPLES.glob("*.yaml")):
        document = json.loads(
            json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str)
        )
        errors = sorted(validator.iter_errors(document), key=str)
        assert not errors, f"{path.name}: {errors[0].message}"
