"""The ruling-style narrative: one paragraph per request group, cited as courts cite."""

from __future__ import annotations

from engine.exports.narrative import paragraphs, render_narrative
from jurisdictions.common.dispositions import DispositionRules
from kb.rules import rule_meta, rules_of
from tests.engine.support import MILLARE, PALOMINOS, explained
from tests.helpers import ca_further, edit


def test_los_angeles_seed_reads_like_a_tentative_ruling() -> None:
    run = explained(PALOMINOS)
    parts = paragraphs(run.result, run.graph)
    groups = [p for p in parts if p.requests]
    assert [p.requests for p in groups] == [
        ("rfp1:13", "rfp1:14", "rfp1:15", "rfp1:16"),
        ("rfp1:34", "rfp1:35"),
    ]
    never = groups[1].text
    assert never.startswith("Requests for production (set 1), Nos. 34 and 35. ")
    # the rule, with its authorities in California form
    assert "must show a reasonable and good faith attempt at an informal resolution" in never
    assert "(Code Civ. Proc., § 2016.040; Code Civ. Proc., § 2031.310(b)(2).)" in never
    # the facts, with record cites, and the conclusion
    assert "raised only Nos. 2, 3, 8 and 13-16" in never
    assert "(Yashar Decl. ¶ 7, Ex. 3;" in never
    assert "Clement v. Alegre (2009) 177 Cal.App.4th 1277.)" in never
    assert never.endswith("The motion is DENIED as to Nos. 34 and 35.")
    assert parts[-1].text == "The motion is DENIED."
    assert parts[0].text.startswith("Palominos Cervantes v. General Motors LLC, No. 23STCV03596.")


def test_federal_citations_are_citation_sentences() -> None:
    run = explained(MILLARE)
    text = render_narrative(run.result, run.graph)
    assert (
        "(ECF No. 50 at 12 (cites Rule 37 but contains no certification).) Fed. R. Civ. P. "
        "37(a)(1);" in text
    )
    assert "Independently, no in-person or telephone conference" in text
    assert "The motion is DENIED WITHOUT PREJUDICE as to interrogatories (set 1) Nos. 1-10" in text
    assert "Excuses. Moriano Millare offers an excuse (no telephone access)" in text


def test_requests_decided_differently_get_their_own_paragraphs() -> None:
    doc = edit(ca_further(), findings={"objections": {"overruled": [1, 2], "sustained": [3]}})
    run = explained(doc)
    groups = [p for p in paragraphs(run.result, run.graph) if p.requests]
    assert [p.requests for p in groups] == [("rfp1:1", "rfp1:2"), ("rfp1:3",)]
    assert groups[0].text.endswith("The motion is GRANTED as to Nos. 1 and 2.")
    assert groups[1].text.endswith("The motion is DENIED as to No. 3.")


def test_the_words_come_from_the_rules() -> None:
    metas = {rule_meta(r).id: rule_meta(r) for r in rules_of(DispositionRules)}
    assert metas["common.disposition.request"].narrative == (
        "The motion is {disposition_words!u} as to {requests}."
    )
    assert metas["common.disposition.motion"].narrative == "The motion is {disposition_words!u}."
