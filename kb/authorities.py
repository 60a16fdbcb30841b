"""Authority ids -> citation, title, source URL and effective dates.

Ids follow the grammar of ``../shared/law/README.md``: ``frcp:37(a)(1)``, ``ccp:2031.310(b)(2)``,
``crc:3.1345(a)``, ``sdcal-civlr:26.1(a)``, ``case:clement-v-alegre-2009``. Statute and rule ids
resolve to their deepest listed ancestor (``frcp:37(a)(5)(A)(iii)`` lies within
``frcp:37(a)(5)``), and their citation is written from the id in the form courts use
("Code Civ. Proc., § 2016.040", "Fed. R. Civ. P. 37(a)(1)"). Case ids must be listed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

# libyaml's safe loader when present (same data, several times faster; the tables load on
# every `kb decide`), else PyYAML's own.
_SAFE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

ID_PATTERN = re.compile(
    r"^(frcp|ccp|crc|evid|sdcal-civlr|cdcal-lr|ndcal-civlr|edcal-lr):\d+([.-]\d+)*(\([0-9A-Za-z]+\))*$"
    r"|^case:[a-z0-9]+(-[a-z0-9]+)*-(19|20)\d{2}$"
)

_CITATION_PREFIX = {
    "frcp": "Fed. R. Civ. P. {}",
    "ccp": "Code Civ. Proc., § {}",
    "crc": "Cal. Rules of Court, rule {}",
    "evid": "Evid. Code, § {}",
    "sdcal-civlr": "S.D. Cal. Civ. L.R. {}",
    "cdcal-lr": "C.D. Cal. L.R. {}",
    "ndcal-civlr": "N.D. Cal. Civ. L.R. {}",
    "edcal-lr": "E.D. Cal. L.R. {}",
}


class UnknownAuthority(KeyError):
    """An authority id that does not resolve."""


@dataclass(frozen=True)
class Authority:
    """A resolved authority."""

    id: str
    citation: str
    title: str
    url: str
    since: str | None = None
    until: str | None = None
    via: str | None = None  # the listed ancestor this id resolved through, if not listed itself

    @property
    def is_case(self) -> bool:
        return self.id.startswith("case:")

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "citation": self.citation,
            "title": self.title,
            "url": self.url,
            "since": self.since,
            "until": self.until,
        }


@cache
def _table() -> dict[str, dict[str, Any]]:
    """Every listed authority, from the YAML files in ``kb/authority_data`` (one per source)."""
    table: dict[str, dict[str, Any]] = {}
    folder = resources.files("kb.authority_data")
    for item in sorted(folder.iterdir(), key=lambda entry: entry.name):
        if not item.name.endswith(".yaml"):
            continue
        data = yaml.load(item.read_text(encoding="utf-8"), Loader=_SAFE) or {}
        for key, value in data.items():
            if not ID_PATTERN.match(key):
                raise ValueError(f"kb/authority_data/{item.name}: {key!r} does not fit the grammar")
            if key in table:
                raise ValueError(f"kb/authority_data/{item.name}: {key!r} is listed twice")
            table[str(key)] = dict(value)
    return table


def parent(authority_id: str) -> str | None:
    """``frcp:37(a)(5)(A)`` -> ``frcp:37(a)(5)``; ``ccp:2016.040`` -> None."""
    if authority_id.startswith("case:") or "(" not in authority_id:
        return None
    return authority_id[: authority_id.rindex("(")]


def citation_for(authority_id: str) -> str:
    """The citation a court would write for a statute or rule id."""
    prefix, _, number = authority_id.partition(":")
    return _CITATION_PREFIX[prefix].format(number)


def resolve(authority_id: str) -> Authority:
    """Resolve an id, falling back to its nearest listed ancestor; raise UnknownAuthority."""
    table = _table()
    if not ID_PATTERN.match(authority_id):
        raise UnknownAuthority(f"{authority_id!r} does not fit the authority-id grammar")
    current: str | None = authority_id
    while current is not None:
        entry = table.get(current)
        if entry is not None:
            listed = current == authority_id
            citation = (
                str(entry["citation"])
                if listed and "citation" in entry
                else citation_for(authority_id)
            )
            return Authority(
                id=authority_id,
                citation=citation,
                title=str(entry["title"]),
                url=str(entry["url"]),
                since=_text(entry.get("since")),
                until=_text(entry.get("until")),
                via=None if listed else current,
            )
        current = parent(current)
    raise UnknownAuthority(f"{authority_id!r} is not in kb/authority_data (nor any parent of it)")


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def known_ids() -> list[str]:
    """Every listed id, sorted."""
    return sorted(_table())


def is_known(authority_id: str) -> bool:
    try:
        resolve(authority_id)
    except UnknownAuthority:
        return False
    return True
