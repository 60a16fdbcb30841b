"""Explanations of a run: ``why`` a conclusion was reached and ``why_not`` another was not.

The Python API behind ``kb why`` and ``kb why-not``; every answer is a typed, frozen dataclass
(:mod:`engine.explain_types`) that :func:`as_data` turns into JSON-ready data::

    from engine.api import run
    from engine.explain import why, why_not, render_chain, render_why_not
    from engine.provenance import build_graph

    result = run(case, rule_sets)
    graph = build_graph(result)
    chain = why(graph, resolve_target(graph, "concl:request:34:denied", "rfp1"))
    answer = why_not(result, graph, "concl:request:34:granted", rules_of(*rule_sets))

- :func:`why` returns a :class:`Chain`: the case-file facts (with YAML paths and record cites),
  the absences (with the path where the missing thing would have been), the rule firings in
  dependency order (rule id, statement, authorities, premises) and the conclusion.
- :func:`why_not` returns a :class:`WhyNot`: every rule that could have derived the conclusion
  and, for each, an :class:`Attempt` saying what stood in the way (see :mod:`engine.whynot`).
- Conclusion ids may name a request bare (``concl:request:34:granted``) when the case has one
  discovery set; an id that names nothing raises :class:`UnknownConclusion` with near matches.
"""

from __future__ import annotations

from collections.abc import Sequence

import networkx as nx
from experta import Rule

from engine.chain import why
from engine.conclusion_ids import Subjects, UnknownConclusion, near, parse, vocabulary
from engine.engine import Result
from engine.explain_types import (
    Attempt,
    AuthorityRef,
    Chain,
    FactStep,
    FieldProblem,
    FiringStep,
    Premise,
    Reason,
    WhyNot,
    as_data,
)
from engine.exports.text import render_chain, render_why_not
from engine.whynot import WhyNotAnalysis
from kb.facts import Ground
from kb.rules import rule_meta

__all__ = [
    "Attempt",
    "AuthorityRef",
    "Chain",
    "FactStep",
    "FieldProblem",
    "FiringStep",
    "Premise",
    "Reason",
    "Subjects",
    "UnknownConclusion",
    "WhyNot",
    "as_data",
    "render_chain",
    "render_why_not",
    "resolve_conclusion",
    "resolve_target",
    "subjects_of",
    "why",
    "why_not",
]


def subjects_of(result: Result) -> Subjects:
    """The requests and discovery sets a conclusion id of this run may name."""
    case = result.record.case
    return Subjects(
        requests=tuple(str(r) for r in case.motion_requests),
        sets=tuple(case.model.discovery),
    )


def resolve_target(graph: nx.MultiDiGraph, wanted: str, single_set: str | None) -> str:
    """The node id ``wanted`` names in ``graph``: itself, or, in a one-set case, the bare
    ``concl:request:34:denied`` read as ``concl:request:rfp1:34:denied``."""
    if wanted in graph:
        return wanted
    if single_set:
        for prefix in ("concl:request:", "concl:ground:", "absence:raised:"):
            if wanted.startswith(prefix):
                candidate = f"{prefix}{single_set}:{wanted.removeprefix(prefix)}"
                if candidate in graph:
                    return candidate
    conclusions = sorted(n for n, k in graph.nodes(data="kind") if k in ("conclusion", "absence"))
    raise UnknownConclusion(wanted, near(wanted, conclusions))


def resolve_conclusion(result: Result, graph: nx.MultiDiGraph, wanted: str) -> str:
    """The node id ``wanted`` names in this run's graph (bare request numbers accepted in a
    one-set case); an id of a conclusion the run did not reach raises
    :class:`UnknownConclusion` saying so (``why_not`` explains those)."""
    subjects = subjects_of(result)
    try:
        return resolve_target(graph, wanted, subjects.single_set)
    except UnknownConclusion as exc:
        parsed = parse(wanted, subjects)
        if parsed is not None:
            raise UnknownConclusion(
                wanted, exc.near, f"{parsed.id} was not reached; `kb why-not` explains why"
            ) from None
        raise


def why_not(result: Result, graph: nx.MultiDiGraph, wanted: str, rules: Sequence[Rule]) -> WhyNot:
    """Why ``wanted`` was not concluded in this run.

    ``rules`` are every rule of the case's rule sets (``kb.rules.rules_of(*rule_sets)``), in
    force or not, so that a rule outside its dates is reported as such.
    """
    subjects = subjects_of(result)
    target = parse(wanted, subjects)
    if target is None:
        ground_rules = [rule_meta(r).id for r in rules if Ground in rule_meta(r).derives]
        existing = [n for n, k in graph.nodes(data="kind") if k in ("conclusion", "absence")]
        words = vocabulary(subjects, ground_rules, existing)
        expanded = wanted
        single = subjects.single_set
        if single and wanted.startswith("concl:request:"):
            expanded = f"concl:request:{single}:{wanted.removeprefix('concl:request:')}"
        raise UnknownConclusion(
            wanted,
            near(expanded, words),
            "not a conclusion this case could reach: a request outside the motion, an unknown "
            "disposition, or an id of no known form",
        )
    standing = target.id in graph and not graph.nodes[target.id].get("defeated")
    label = (
        str(graph.nodes[target.id].get("label", ""))
        if target.id in graph
        else _label(target.klass.__name__, dict(target.fields), result)
    )
    if standing:
        return WhyNot(target=target.id, label=label, derived=True, attempts=())
    analysis = WhyNotAnalysis(result, graph, rules)
    return WhyNot(target=target.id, label=label, derived=False, attempts=analysis.attempts(target))


def _label(klass: str, fields: dict[str, object], result: Result) -> str:
    subject = result.record.phrase([str(fields["request"])]) if fields.get("request") else ""
    if "disposition" in fields:
        disposition = str(fields["disposition"]).replace("_", " ")
        return f"{subject or 'the motion'}: {disposition}"
    parts = [f"{k} {v}" for k, v in fields.items() if k != "request"]
    return f"{klass} ({', '.join(parts)})" + (f" for {subject}" if subject else "")
