"""Hostile and broken case files: each defect is one line naming the file and the field or
line, exit code 2, no traceback, and no run out of time or memory on the way there."""

from __future__ import annotations

import json
import time
import tracemalloc
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from cli import main
from kb.casefile import load_case
from kb.errors import InputError
from kb.limits import MAX_TEXT_CHARS, Limits
from tests.helpers import EXAMPLES, ca_further, edit

EXAMPLE = EXAMPLES / "palominos-cervantes-v-gm.yaml"


def dump(doc: Any) -> bytes:
    return yaml.safe_dump(doc, sort_keys=False, allow_unicode=True).encode("utf-8")


def refused(tmp_path: Path, content: bytes, *options: str, name: str = "case.yaml") -> str:
    """Run ``kb decide`` on ``content``; assert the one-line error contract; return the line."""
    path = tmp_path / name
    path.write_bytes(content)
    result = CliRunner().invoke(main, [*options, "decide", str(path)])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    lines = result.output.splitlines()
    assert len(lines) == 1, result.output
    assert lines[0].startswith(f"error: {path}: ")
    return lines[0].removeprefix(f"error: {path}: ")


def billion_laughs(levels: int = 9, width: int = 9) -> bytes:
    lines = ['l0: &l0 "lol"']
    for level in range(1, levels + 1):
        refs = ", ".join([f"*l{level - 1}"] * width)
        lines.append(f"l{level}: &l{level} [{refs}]")
    return ("\n".join(lines) + "\n").encode()


def test_billion_laughs_is_refused_quickly_and_in_little_memory(tmp_path: Path) -> None:
    # 9**9 (387 million) strings if expanded. The bounds below are loose on purpose: they
    # catch expansion (minutes, gigabytes), not small slowdowns.
    path = tmp_path / "lol.yaml"
    path.write_bytes(billion_laughs())
    tracemalloc.start()
    started = time.perf_counter()
    with pytest.raises(InputError, match="aliases expand to more than"):
        load_case(path)
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert elapsed < 10
    assert peak < 50 * 1024 * 1024
    assert refused(tmp_path, billion_laughs()).startswith("line ")


def test_modest_aliases_still_load(tmp_path: Path) -> None:
    text = (
        dump(ca_further())
        .decode()
        .replace("  doe:\n    name: Jane Doe", "  doe: &doe\n    name: Jane Doe", 1)
    )
    text += "agreements: []\n"
    (tmp_path / "ok.yaml").write_text(text, encoding="utf-8")
    assert load_case(tmp_path / "ok.yaml").model.parties["doe"].name == "Jane Doe"


def test_size_limit_by_option_and_environment(tmp_path: Path) -> None:
    content = EXAMPLE.read_bytes()
    message = refused(tmp_path, content, "--max-file-bytes", "100")
    assert message.startswith(f"file is {len(content)} bytes, over the limit of 100 bytes")
    assert "--max-file-bytes" in message
    path = tmp_path / "case.yaml"
    runner = CliRunner()
    small = runner.invoke(main, ["decide", str(path)], env={"DISCOVERY_KB_MAX_FILE_BYTES": "100"})
    assert small.exit_code == 2 and "over the limit of 100 bytes" in small.output
    bad = runner.invoke(main, ["decide", str(path)], env={"DISCOVERY_KB_MAX_FILE_BYTES": "ten"})
    assert bad.exit_code == 2
    assert bad.output.strip() == (
        "error: DISCOVERY_KB_MAX_FILE_BYTES: must be a positive whole number, not 'ten'"
    )
    # The option takes precedence over the environment, malformed or not.
    ok = runner.invoke(
        main,
        ["--max-file-bytes", "1000000", "decide", str(path)],
        env={"DISCOVERY_KB_MAX_FILE_BYTES": "ten"},
    )
    assert ok.exit_code == 0, ok.output


def test_a_device_reporting_no_size_is_still_bounded() -> None:
    with pytest.raises(InputError, match="file is larger, over the limit of 64 bytes"):
        load_case("/dev/zero", Limits(max_file_bytes=64))


def test_request_limit_by_option_and_environment(tmp_path: Path) -> None:
    doc = edit(ca_further(), discovery__rfp1__requests=["1-40"])
    message = refused(tmp_path, dump(doc), "--max-requests", "30")
    assert message.startswith("discovery.rfp1.requests[0]: the list names 40 requests, over")
    result = CliRunner().invoke(
        main,
        ["decide", str(tmp_path / "case.yaml")],
        env={"DISCOVERY_KB_MAX_REQUESTS": "30"},
    )
    assert result.exit_code == 2 and "over the limit of 30" in result.output
    several = edit(doc, discovery__rfp1__requests=["1-20"])
    several["discovery"]["rfp2"] = dict(several["discovery"]["rfp1"], set=2)
    several["motion"]["requests"] = {"rfp1": ["1-3"]}
    several["conferrals"][0]["requests"] = {"rfp1": ["1-3"]}
    several["conferrals"][1]["requests"] = {"rfp1": ["1-3"]}
    message = refused(tmp_path, dump(several), "--max-requests", "30")
    assert message.startswith("discovery.rfp2.requests: the discovery sets name more than 30")


@pytest.mark.parametrize(
    "changes",
    [
        {"discovery__rfp1__requests": ["1-99999999"]},
        {"motion__requests": ["1-99999999"]},
        {"conferrals__0__requests": ["1-99999999"]},
        {"discovery__rfp1__requests": ["1-999999999999999999999999999"]},
    ],
)
def test_huge_ranges_are_refused_before_they_are_expanded(
    tmp_path: Path, changes: dict[str, Any]
) -> None:
    tracemalloc.start()
    message = refused(tmp_path, dump(edit(ca_further(), **changes)))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert "over the limit" in message or "too large" in message
    assert peak < 50 * 1024 * 1024


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "empty file"),
        (b"  \n\n", "empty file"),
        (b"# only a comment\n", "no case file in it: only comments or an empty document"),
        (b"---\n", "no case file in it"),
        (b"\xef\xbb\xbfformat: 1\n", "file starts with a UTF-8 byte-order mark"),
        (b"\xff\xfef\x00", "file starts with a UTF-16 byte-order mark"),
        (b"\x00\x00\xfe\xff", "file starts with a UTF-32 byte-order mark"),
        (b"format: 1\ncase: caf\xe9\n", "line 2, column 10: not UTF-8 text (byte 0xe9)"),
        (b"format: 1\ncase:\n\ttitle: x\n", "line 3: a tab indents this line"),
        (b"format: 1\ncase: a\tb\n", "line 2, column 8: a tab character here"),
        (b"format: 1\nformat: 1\n", "format: duplicate key 'format' on line 2, first on line 1"),
        (b"format: 1\nx: \x07\n", "line 2: control character U+0007 is not allowed in YAML"),
        (b"a: " + b"[" * 10_000 + b"]" * 10_000 + b"\n", "line 1: nested more than 64 levels"),
        (b"a: !!python/object:os.system {}\n", "a: invalid value: the tag"),
        (b"a: !!binary aGk=\n", "a: invalid value: the tag 'tag:yaml.org,2002:binary'"),
        (b"a: " + b"9" * 5000 + b"\n", "a: invalid value: Exceeds the limit"),
        (b"format: [1\n", "line 2, column 1: invalid YAML"),
        (b"- 1\n", "expected a mapping at the top level, got list"),
    ],
)
def test_unreadable_yaml(tmp_path: Path, content: bytes, expected: str) -> None:
    assert refused(tmp_path, content).startswith(expected)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('{"format": 1, "format": 1}', "format: duplicate key 'format' on line 1, first on"),
        ('{"a": [{"b": 1,\n "b": 2}]}', "a[0].b: duplicate key 'b' on line 2, first on line 1"),
        ('{\n\t"a": 1,\n\t"a": 2}', "invalid JSON: duplicate key 'a'"),  # not YAML: no line
        ('{"format": NaN}', "invalid JSON: NaN is not a number"),
        ("[" * 100_000 + "]" * 100_000, "nested more than 64 levels deep"),
        ('{"a": ' + "[" * 100 + "]" * 100 + "}", "a" + "[0]" * 64 + ": nested more than 64"),
        ('{"format": 1,}', "line 1, column 14: invalid JSON"),
    ],
)
def test_unreadable_json(tmp_path: Path, content: str, expected: str) -> None:
    message = refused(tmp_path, content.encode(), name="case.json")
    assert message.startswith(expected)


def test_impossible_dates_name_their_field(tmp_path: Path) -> None:
    text = dump(ca_further()).decode().replace("decided: '2024-06-03'", "decided: 2023-02-30")
    assert "decided: 2023-02-30" in text  # unquoted: YAML would read it as a timestamp
    message = refused(tmp_path, text.encode())
    assert message == "case.decided: not a valid date: '2023-02-30' (day is out of range for month)"
    json_doc = edit(ca_further(), conferrals__1__date="2024-13-01")
    message = refused(tmp_path, json.dumps(json_doc).encode(), name="case.json")
    assert message.startswith("conferrals[1].date: not a valid date: '2024-13-01'")


def test_unpadded_yaml_dates_still_load(tmp_path: Path) -> None:
    text = dump(ca_further()).decode().replace("decided: '2024-06-03'", "decided: 2024-6-3")
    (tmp_path / "ok.yaml").write_text(text, encoding="utf-8")
    assert str(load_case(tmp_path / "ok.yaml").model.case.decided) == "2024-06-03"


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"motion__requests": ["3"]}, "motion.requests[0]: request number '3' is a string"),
        ({"discovery__rfp1__set": "1"}, "discovery.rfp1.set: must be an integer, not '1'"),
        (
            {"motion__sanctions": {"requested": True, "against": "acme", "amount": "2500"}},
            "motion.sanctions.amount: must be a number, not '2500'",
        ),
        ({"parties__doe__counsel": "true"}, "parties.doe.counsel: must be true or false"),
        ({"format": "1"}, "format: unsupported format '1'; this version reads format 1; write"),
        ({"format": True}, "format: unsupported format True"),
        ({"format": 1.0}, "format: unsupported format 1.0"),
    ],
)
def test_numbers_as_strings_and_other_wrong_types(
    tmp_path: Path, changes: dict[str, Any], expected: str
) -> None:
    assert refused(tmp_path, dump(edit(ca_further(), **changes))).startswith(expected)


@pytest.mark.parametrize("value", [float("inf"), float("nan")])
def test_non_finite_amounts(tmp_path: Path, value: float) -> None:
    doc = edit(ca_further(), motion__sanctions={"requested": True, "amount": value})
    assert "is not a number a case file can hold" in refused(tmp_path, dump(doc))


def test_very_long_strings_are_refused_and_not_echoed(tmp_path: Path) -> None:
    doc = edit(ca_further(), case__title="x" * (MAX_TEXT_CHARS + 1))
    message = refused(tmp_path, dump(doc))
    limit = MAX_TEXT_CHARS
    assert message == f"case.title: text of {limit + 1} characters, over the limit of {limit}"
    long_value = edit(ca_further(), motion__kind="k" * 5000)
    message = refused(tmp_path, dump(long_value))
    assert message.startswith("motion.kind: 'kkkk") and len(message) < 300


def test_control_characters_in_keys_stay_on_one_line(tmp_path: Path) -> None:
    doc = ca_further()
    doc["case"]["ti\ntle\r\x1b[31m"] = "x"
    message = refused(tmp_path, json.dumps(doc).encode(), name="case.json")
    assert message == "case.ti\\ntle\\r\\x1b[31m: unknown key"


def test_every_example_and_practice_case_still_loads() -> None:
    from tests.helpers import SHARED

    files = sorted(EXAMPLES.glob("*.yaml")) + sorted((SHARED / "practice/cases").glob("*.yaml"))
    assert len(files) >= 20
    for path in files:
        assert load_case(path).motion_requests


def test_depth_through_an_alias_counts_where_the_alias_is_used(tmp_path: Path) -> None:
    # The anchored list is 60 deep where it is defined (allowed); used 10 levels down it is
    # 70 deep, which is over the bound wherever the file puts it.
    content = b"a: &a " + b"[" * 60 + b"1" + b"]" * 60 + b"\nb: " + b"[" * 10 + b"*a"
    content += b"]" * 10 + b"\nc: *a\n"  # c is walked first, with the list at its shallowest
    assert "nested more than 64 levels deep" in refused(tmp_path, content)
