"""Every authority a rule can cite resolves to a citation, a title and a source."""

from __future__ import annotations

import pytest

from jurisdictions import all_rule_sets
from kb.authorities import ID_PATTERN, UnknownAuthority, known_ids, resolve
from kb.rules import catalog


def test_every_rule_authority_resolves() -> None:
    for entry in catalog(all_rule_sets(include_plugins=False)):
        if entry["kind"] == "law":
            assert entry["authorities"], f"{entry['id']} cites no authority"
        for authority_id in entry["authorities"]:
            authority = resolve(authority_id)
            assert authority.citation and authority.url.startswith("http"), authority_id


def test_listed_ids_fit_the_grammar() -> None:
    for authority_id in known_ids():
        assert ID_PATTERN.match(authority_id), authority_id


@pytest.mark.parametrize(
    ("authority_id", "citation"),
    [
        ("ccp:2016.040", "Code Civ. Proc., § 2016.040"),
        ("frcp:37(a)(5)(A)(iii)", "Fed. R. Civ. P. 37(a)(5)(A)(iii)"),
        ("crc:3.1345(b)(1)", "Cal. Rules of Court, rule 3.1345(b)(1)"),
        ("sdcal-civlr:26.1(a)", "S.D. Cal. Civ. L.R. 26.1(a)"),
        ("case:clement-v-alegre-2009", "Clement v. Alegre (2009) 177 Cal.App.4th 1277"),
    ],
)
def test_citation_forms(authority_id: str, citation: str) -> None:
    assert resolve(authority_id).citation == citation


def test_child_ids_fall_back_to_their_parent() -> None:
    assert resolve("frcp:37(a)(5)(A)(iii)").via == "frcp:37(a)(5)(A)"


@pytest.mark.parametrize("bad", ["ccp:9999.999", "case:nobody-v-nothing-2020", "Rule 37", "frcp:"])
def test_unknown_ids_are_refused(bad: str) -> None:
    with pytest.raises(UnknownAuthority):
        resolve(bad)
