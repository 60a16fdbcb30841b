"""kb.record.Record.phrase: how statements name requests, one or many, in one set or several."""

from __future__ import annotations

from benchmarks.generate import california_further
from kb.crossref import resolve
from kb.record import build_record
from tests.helpers import ca_further, load


def test_one_set_case_names_numbers_only() -> None:
    record = build_record(load(ca_further()))
    assert record.case.single_set
    assert record.phrase(["rfp1:34"]) == "No. 34"
    assert record.phrase(["rfp1:34", "rfp1:35"]) == "Nos. 34 and 35"


def test_a_single_request_reads_as_it_does_among_others() -> None:
    """A request alone is named with its set, as it is among others of its set (the graph
    phrases each of a large motion's requests this way)."""
    record = build_record(resolve("large.yaml", california_further(30, 3)))
    assert not record.case.single_set
    for ref in [str(r) for r in record.case.motion_requests]:
        alone = record.phrase([ref])
        set_id, _, number = ref.rpartition(":")
        assert alone == f"{record.set_label(set_id)} No. {number}"
        # the general path (two requests of one set) names the set the same way
        pair = record.phrase([ref, f"{set_id}:9999"])
        assert pair.startswith(f"{record.set_label(set_id)} Nos. ")
