"""Loading case files: shapes, cross-references, and the one-line errors for bad input."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from kb.casefile import load_case
from kb.errors import InputError
from tests.helpers import DELETE, EXAMPLES, ca_further, edit, load


def error_of(doc: Any) -> str:
    with pytest.raises(InputError) as info:
        load(doc)
    return f"{info.value.path}: {info.value.message}"


def test_examples_load() -> None:
    for path in sorted(EXAMPLES.glob("*.yaml")):
        case = load_case(path)
        assert case.motion_requests


def test_ranges_and_set_shorthand_resolve() -> None:
    case = load(edit(ca_further(), motion__requests=["1-3", 7]))
    assert [str(r) for r in case.motion_requests] == ["rfp1:1", "rfp1:2", "rfp1:3", "rfp1:7"]


def test_json_and_yaml_give_the_same_case(tmp_path: Path) -> None:
    doc = ca_further()
    (tmp_path / "c.yaml").write_text(yaml.safe_dump(doc), encoding="utf-8")
    (tmp_path / "c.json").write_text(json.dumps(doc), encoding="utf-8")
    a, b = load_case(tmp_path / "c.yaml"), load_case(tmp_path / "c.json")
    assert a.model == b.model and a.motion_requests == b.motion_requests


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"conferrals__0__metod": "x"}, "conferrals[0].metod: unknown key"),
        ({"motion__kind": "compel_everything"}, "motion.kind: 'compel_everything' is not allowed"),
        ({"case__decided": "2023-02-30"}, "case.decided: not a valid date"),
        ({"case__decided": 20230230}, "case.decided: not a date"),
        ({"parties__doe__counsel": "yes"}, "parties.doe.counsel: must be true or false"),
        ({"motion__opponent": "nobody"}, "motion.opponent: unknown party id 'nobody'"),
        (
            {"motion__opponent": "doe"},
            "motion.opponent: the moving party cannot also be the opponent",
        ),
        (
            {"motion__requests": ["1-30"]},
            "motion.requests: request 11 is not in discovery set rfp1",
        ),
        ({"motion__requests": ["5-3"]}, "motion.requests[0]: backwards range '5-3'"),
        ({"motion__requests": ["1-3", 2]}, "motion.requests[1]: request 2 is listed twice"),
        ({"motion__requests": ["3"]}, "motion.requests[0]: request number '3' is a string"),
        ({"motion__requests": {"rfp9": "all"}}, "motion.requests.rfp9: unknown discovery set"),
        (
            {"conferrals__1__replying_to": "ghost"},
            "conferrals[1].replying_to: unknown conferral id",
        ),
        (
            {"conferrals__1__replying_to": "call-1"},
            "conferrals[1].replying_to: a conferral cannot reply to itself",
        ),
        (
            {"conferrals__1__date": "2024-02-01"},
            "conferrals[1].replying_to: reply dated 2024-02-01, before",
        ),
        ({"conferrals__1__id": "letter-1"}, "conferrals[1].id: duplicate conferral id"),
        (
            {"discovery__rfp1__response__served__date": "2023-12-01"},
            "discovery.rfp1.response.served.date: response served 2023-12-01, before the discovery",
        ),
        (
            {"motion__served__date": "2024-07-01"},
            "motion.served.date: motion served 2024-07-01, after",
        ),
        ({"case__court__county": DELETE}, "case.court.county: a California case needs the county"),
        (
            {"findings": {"objections": {"overruled": [1], "sustained": [1]}}},
            "findings.objections: objections both overruled and sustained for rfp1:1",
        ),
        (
            {"motion__sanctions": {"requested": True, "against": "ghost"}},
            "motion.sanctions.against: unknown party id 'ghost'",
        ),
        ({"format": 2}, "format: unsupported format 2"),
    ],
)
def test_bad_input_is_named(changes: dict[str, Any], expected: str) -> None:
    assert error_of(edit(ca_further(), **changes)).startswith(expected)


def test_plain_list_needs_one_set() -> None:
    doc = ca_further()
    doc["discovery"]["rog1"] = {
        "kind": "interrogatories",
        "set": 1,
        "from": "doe",
        "to": "acme",
        "served": {"date": "2024-01-08", "method": "mail"},
        "requests": [1],
    }
    assert "needs exactly one discovery set" in error_of(doc)


def test_reply_cycle_is_an_error() -> None:
    doc = ca_further()
    doc["conferrals"][0]["replying_to"] = "call-1"
    doc["conferrals"][0]["date"] = "2024-02-27"
    assert "cycle" in error_of(doc)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "empty file"),
        (b"\xef\xbb\xbfformat: 1\n", "byte-order mark"),
        (b"format: 1\nformat: 1\n", "duplicate key 'format'"),
        (b"format: [1\n", "invalid YAML"),
        (b"\xff\xfe\x00", "UTF-16 byte-order mark"),
        (b"format: 1\ncase: \xff\n", "line 2, column 7: not UTF-8 text (byte 0xff)"),
        (b"- 1\n- 2\n", "expected a mapping at the top level"),
        (
            b'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n'
            b"c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
            b"e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n",
            "aliases expand",
        ),
    ],
)
def test_unreadable_files(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        load_case(path)
    assert expected in str(info.value)
    assert info.value.line().startswith(f"error: {path}")


def test_duplicate_keys_in_json(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"format": 1, "format": 1}', encoding="utf-8")
    with pytest.raises(InputError, match="duplicate key"):
        load_case(path)
