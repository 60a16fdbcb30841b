"""Fuzzing the loader and the CLI: random bytes, random YAML and mutated valid case files.

Whatever the input, the outcome is a case (and a decision) or one ``error:`` line with exit
code 2: never a traceback, never exit code 1, never a run past a loose time bound. The number
of inputs tried is printed at the end of the run (``fuzz: N inputs tried``); CI runs these
with a fixed seed (``--hypothesis-seed``) and reports the count.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from engine.api import decide
from jurisdictions import RULES_VERSION, rule_sets_for
from tests.helpers import EXAMPLES, ROOT
from tests.properties.fuzzing import (
    DECIDE_SECONDS,
    GENTLE,
    SEED_TEXTS,
    TRIED,
    fuzz_settings,
    load_or_refuse,
    mutated_documents,
    run_cli,
    serialize,
)

YAML_ALPHABET = st.sampled_from(list(":-[]{},&*!|>'\"#%@`?\t\n ") + list("abc123.") + ["\u00e9"])

plain = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20)
structures = st.recursive(
    plain,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=30,
)


def _file(content: bytes, suffix: str) -> Path:
    with tempfile.NamedTemporaryFile(suffix=suffix, delete=False) as handle:
        handle.write(content)
    return Path(handle.name)


def _load(content: bytes, suffix: str) -> Any:
    path = _file(content, suffix)
    try:
        return load_or_refuse(path)
    finally:
        path.unlink()


@fuzz_settings(150)
@given(st.binary(max_size=2000), st.sampled_from([".yaml", ".json"]))
def test_random_bytes(content: bytes, suffix: str) -> None:
    TRIED["random bytes"] += 1
    _load(content, suffix)


@fuzz_settings(150)
@given(st.text(YAML_ALPHABET, max_size=300))
def test_random_yaml_text(text: str) -> None:
    TRIED["random YAML text"] += 1
    _load(text.encode("utf-8"), ".yaml")


@fuzz_settings(100)
@given(structures, st.booleans())
def test_random_yaml_and_json_structures(data: Any, as_json: bool) -> None:
    TRIED["random structures"] += 1
    content = (
        json.dumps(data).encode() if as_json else yaml.safe_dump(data, allow_unicode=True).encode()
    )
    _load(content, ".json" if as_json else ".yaml")


@fuzz_settings(150)
@given(st.sampled_from(SEED_TEXTS), st.data())
def test_byte_edits_of_valid_files(text: str, data: st.DataObject) -> None:
    TRIED["byte edits"] += 1
    content = bytearray(text.encode("utf-8"))
    for _ in range(data.draw(st.integers(1, 8))):
        at = data.draw(st.integers(0, len(content) - 1))
        edit = data.draw(st.sampled_from(["flip", "insert", "delete"]))
        if edit == "flip":
            content[at] = data.draw(st.integers(0, 255))
        elif edit == "insert":
            content[at:at] = data.draw(st.sampled_from([b"\t", b"\n", b":", b"- ", b"&a ", b"*a"]))
        else:
            del content[at : at + data.draw(st.integers(1, 20))]
    _load(bytes(content), ".yaml")


@fuzz_settings(150)
@given(mutated_documents(), st.booleans())
def test_mutated_case_files_load_or_are_refused(doc: dict[str, Any], as_json: bool) -> None:
    TRIED["mutated (load)"] += 1
    _load(serialize(doc, as_json), ".json" if as_json else ".yaml")


@fuzz_settings(60)
@given(mutated_documents(GENTLE, edits=2))
def test_mutated_case_files_that_load_are_decided(doc: dict[str, Any]) -> None:
    TRIED["mutated (decide)"] += 1
    path = _file(serialize(doc, as_json=False), ".yaml")
    try:
        case = load_or_refuse(path)
    finally:
        path.unlink()
    if case is None:
        return
    TRIED["mutated (of which decided)"] += 1
    started = time.perf_counter()
    decision, _ = decide(case, rule_sets_for(case.model.case.court), RULES_VERSION)
    assert time.perf_counter() - started < DECIDE_SECONDS
    assert set(decision.requests) == {str(r) for r in case.motion_requests}


@fuzz_settings(25)
@given(mutated_documents(GENTLE, edits=2), st.sampled_from(["text", "json"]))
def test_cli_on_mutated_case_files(doc: dict[str, Any], fmt: str) -> None:
    TRIED["CLI in-process"] += 1
    path = _file(serialize(doc, as_json=False), ".yaml")
    try:
        result = run_cli("decide", str(path), "--format", fmt)
    finally:
        path.unlink()
    if result.exit_code == 0 and fmt == "json":
        assert json.loads(result.output)["disposition"]


@fuzz_settings(25)
@given(st.binary(max_size=500))
def test_cli_on_random_bytes(content: bytes) -> None:
    TRIED["CLI in-process"] += 1
    path = _file(content, ".yaml")
    try:
        run_cli("explain", str(path))
    finally:
        path.unlink()


HOSTILE = {
    "valid": (EXAMPLES / "millare-v-stratton.yaml").read_bytes(),
    "billion laughs": b"a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    + b"".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n".encode()
        for i in range(8)
    ),
    "deep nesting": b"a: " + b"[" * 50_000 + b"]" * 50_000,
    "binary": bytes(range(256)) * 4,
    "huge range": (EXAMPLES / "millare-v-stratton.yaml")
    .read_bytes()
    .replace(b"requests: [", b"requests: [1-99999999, ", 1),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_real_subprocess(tmp_path: Path, name: str) -> None:
    TRIED["CLI subprocess"] += 1
    path = tmp_path / "case.yaml"
    path.write_bytes(HOSTILE[name])
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    result = subprocess.run(
        [sys.executable, "-m", "cli", "decide", str(path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=DECIDE_SECONDS * 2,
    )
    assert "Traceback" not in result.stderr
    if name == "valid":
        assert result.returncode == 0 and result.stderr == ""
    else:
        assert result.returncode == 2
        (line,) = result.stderr.splitlines()
        assert line.startswith(f"error: {path}: ")
