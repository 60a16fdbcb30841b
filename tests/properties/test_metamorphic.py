"""Changes that are not changes: the same decision up to renaming.

Renaming party and communication ids, putting parties, communications and request lists in
another order, writing the file as YAML or as JSON: none of these is a fact, so none may change
the decision.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from engine.exports.node_link import to_json as graph_json
from engine.provenance import build_graph
from kb.casefile import load_case
from kb.testing import case_files, renamed_ids, reordered, to_json, to_yaml
from tests.properties.support import (
    SESSION,
    Doc,
    canonical_ids,
    decide,
    party_and_conferral_ids,
)


@given(case_files(), st.data())
def test_renaming_ids_changes_nothing_but_the_ids(doc: Doc, data: st.DataObject) -> None:
    renamed, mapping = data.draw(renamed_ids(doc))
    old_ids = party_and_conferral_ids(doc)
    new_ids = [mapping[i] for i in old_ids]
    before = canonical_ids(decide(doc)[0].to_json(), old_ids)
    after = canonical_ids(decide(renamed)[0].to_json(), new_ids)
    assert after == before


@given(case_files(), st.data())
def test_the_order_of_facts_in_the_file_does_not_matter(doc: Doc, data: st.DataObject) -> None:
    shuffled = data.draw(reordered(doc))
    assert decide(shuffled)[0].to_json() == decide(doc)[0].to_json()


@given(case_files())
def test_yaml_and_json_decide_alike(doc: Doc) -> None:
    from jurisdictions import rule_sets_for

    with tempfile.TemporaryDirectory() as folder:
        outputs = []
        for name, text in (("case.yaml", to_yaml(doc)), ("case.json", to_json(doc))):
            path = Path(folder) / name
            path.write_text(text, encoding="utf-8")
            case = load_case(path)
            decision, result = SESSION.decide(case, rule_sets_for(case.model.case.court))
            outputs.append((decision.to_json(), graph_json(build_graph(result))))
    assert outputs[0] == outputs[1]
