"""Training records (``kb export --jsonl``): one JSON object per conclusion, one per line.

A record (schema ``kb/schema/training-record.v1.json``, ``schema_version`` 1) is made for each
request's disposition, in the motion's request order, then for the motion's disposition. It
holds the whole case file (the input), the case facts and absences the conclusion rests on
(with YAML paths and record cites), the chain of firings that derived it (rule ids, statements,
authority ids, premises), the authorities resolved to citations, the narrative paragraph, the
disposition and its decisive grounds. Keys are in a fixed order and values are deterministic,
so the same cases give the same bytes. :func:`write_jsonl` streams: one case is decided, its
records written and dropped before the next is read.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TextIO

import networkx as nx

from engine.chain import why
from engine.engine import Result
from engine.exports.narrative import paragraphs
from engine.provenance import build_graph
from kb.authorities import resolve
from kb.crossref import Case
from kb.facts import MotionDisposition, RequestDisposition
from kb.jsonl import encode
from kb.outcomes import Decision

SCHEMA_VERSION = 1


def _facts(graph: nx.MultiDiGraph, chain_facts: Iterable[Any]) -> list[dict[str, Any]]:
    out = []
    for step in chain_facts:
        attrs = graph.nodes[step.id]
        out.append(
            {
                "id": step.id,
                "type": str(attrs.get("fact_type", "")),
                "path": step.path,
                "record": step.record or None,
                "label": step.label,
                "fields": json.loads(str(attrs.get("data") or "{}")),
            }
        )
    return out


def record_for(
    source: str,
    case: Case,
    decision: Decision,
    graph: nx.MultiDiGraph,
    target: str,
    narrative: str,
) -> dict[str, Any]:
    """The training record of one conclusion (a node id of ``graph``)."""
    chain = why(graph, target)
    attrs = graph.nodes[target]
    fields = json.loads(str(attrs.get("data") or "{}"))
    request = fields.get("request")
    cited = sorted({a.id for firing in chain.firings for a in firing.authorities})
    if request is not None:
        grounds = list(fields.get("grounds", []))
    else:
        grounds = sorted({g for o in decision.requests.values() for g in o.grounds})
    model = case.model
    return {
        "schema_version": SCHEMA_VERSION,
        "id": f"{decision.case}/{target}",
        "source": source,
        "case": {
            "number": decision.case,
            "title": decision.title,
            "court": decision.court,
            "as_of": decision.as_of,
            "motion": decision.motion,
            "movant": decision.movant,
            "rules_version": decision.rules_version,
        },
        "conclusion": {
            "id": target,
            "kind": "request_disposition" if request is not None else "motion_disposition",
            "request": request,
            "label": chain.label,
        },
        "disposition": fields["disposition"],
        "grounds": grounds,
        "facts": _facts(graph, chain.facts),
        "absences": [{"id": a.id, "label": a.label, "where": a.path} for a in chain.absences],
        "chain": [
            {
                "id": f.id,
                "rule": f.rule,
                "kind": f.rule_kind,
                "status": f.status,
                "statement": f.statement,
                "authorities": [a.id for a in f.authorities],
                "premises": list(f.premises),
                "derives": list(f.derives),
            }
            for f in chain.firings
        ],
        "authorities": [
            {
                "id": a,
                "citation": resolve(a).citation,
                "title": resolve(a).title,
                "url": resolve(a).url,
            }
            for a in cited
        ],
        "narrative": narrative,
        "case_file": model.model_dump(mode="json", by_alias=True),
    }


def case_records(
    source: str, case: Case, decision: Decision, result: Result
) -> Iterator[dict[str, Any]]:
    """The records of one decided case: each request's disposition, then the motion's."""
    graph = build_graph(result)
    parts = paragraphs(result, graph)
    whole = "\n\n".join(p.text for p in parts)
    by_request = {r: p.text for p in parts for r in p.requests}
    standing = {
        str(f["request"]): node
        for node, f in result.facts.items()
        if isinstance(f, RequestDisposition)
    }
    for ref in case.motion_requests:
        node = standing.get(str(ref))
        if node is not None:
            yield record_for(source, case, decision, graph, node, by_request.get(str(ref), ""))
    for node, fact in sorted(result.facts.items()):
        if isinstance(fact, MotionDisposition):
            yield record_for(source, case, decision, graph, node, whole)


def write_jsonl(
    cases: Iterable[tuple[str, Case]],
    decide: Callable[[Case], tuple[Decision, Result]],
    out: TextIO,
    progress: Callable[[int], None] = lambda n: None,
) -> int:
    """Decide each case and write its records, one JSON object per line; returns the number
    of records. ``progress(1)`` is called after each case."""
    count = 0
    for source, case in cases:
        decision, result = decide(case)
        for record in case_records(source, case, decision, result):
            out.write(encode(record) + "\n")
            count += 1
        progress(1)
    return count
