"""The explanation graph (DESIGN.md section 5), built from a run's firings.

Nodes: ``fact`` (from the case file, with its YAML path and record cite), ``absence``
(something shown not to exist), ``rule`` (one firing), ``conclusion`` and ``authority``.
Edges: ``premise`` (fact/absence/conclusion -> firing), ``derives`` (firing -> conclusion),
``cites`` (firing -> authority), ``overrides`` (firing -> firing it defeats) and ``part_of``
(a conferral -> the record of conferrals; an addition to DESIGN.md, so that "no communication
raised No. 34" can point at the whole record without one edge per communication).

All attribute values are strings, numbers or booleans, so every export (GraphML included)
carries them unchanged. The graph is built after the run, from the firing records, so a run
that needs no explanation never pays for one.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from engine.engine import Firing, Result
from engine.gcpause import paused
from engine.statements import phrase, render
from kb.authorities import resolve
from kb.facts import KBFact

if TYPE_CHECKING:  # networkx is imported when a graph is built: `kb decide` needs none
    import networkx as nx

_JSON = json.JSONEncoder(sort_keys=True, default=str, ensure_ascii=False, check_circular=False)
"""One encoder for every fact (``json.dumps`` with options builds a new one per call). Facts
hold frozen values built from parsed data, which cannot contain themselves: no cycle check."""


def _one_shot_encoder() -> Any:
    """``_JSON``'s own C encoder, made once: ``JSONEncoder.encode`` builds it anew for every
    call, which is most of the cost of encoding a small dict (tens of thousands per graph).
    None when this Python has no C encoder or makes it differently (the argument list is
    ``json.encoder``'s, not a public API): then ``_JSON.encode`` is used."""
    from json import encoder

    make = getattr(encoder, "c_make_encoder", None)
    if make is None:
        return None
    try:
        made = make(None, str, encoder.encode_basestring, None, ": ", ", ", True, False, True)
        probe = {"b": (1, 2.5, None), "a": "é\n", "c": [True, {"y": 1, "x": float("nan")}]}
        if "".join(made(probe, 0)) != _JSON.encode(probe):
            return None
    except (TypeError, ValueError):
        return None
    return made


_ENCODE = _one_shot_encoder()


def _data(fields: dict[str, Any]) -> str:
    """The fact's fields as compact, sorted JSON (GraphML needs scalar attributes)."""
    if _ENCODE is None:
        return _JSON.encode(fields)
    return "".join(_ENCODE(fields, 0))


def firing_requests(result: Result, firing: Firing) -> tuple[str, ...]:
    """The requests a firing is about: those of its conclusions, or of its bound request."""
    # the decision, the graph and the narrative each ask, for thousands of firings
    known = result.requests_of.get(firing.id)
    if known is None:
        known = result.requests_of[firing.id] = _firing_requests(result, firing)
    return known


def _firing_requests(result: Result, firing: Firing) -> tuple[str, ...]:
    found: list[str] = []
    for node in firing.derived:
        fact = result.facts.get(node) or result.defeated.get(node)
        if fact is not None and fact.get("request"):
            found.append(str(fact["request"]))
        elif fact is not None and fact.get("requests"):
            found.extend(str(r) for r in fact["requests"])
    if not found and firing.context.get("request"):
        found.append(str(firing.context["request"]))
    return tuple(dict.fromkeys(found))


def firing_statement(result: Result, firing: Firing) -> str:
    return render(
        firing.meta.statement, firing.context, firing_requests(result, firing), result.record
    )


def _conclusion_label(
    fact: KBFact, result: Result, statement: str, fields: dict[str, Any] | None = None
) -> str:
    name = type(fact).__name__
    fields = fact.fields() if fields is None else fields
    if name == "Absence":
        return statement
    if name == "RequestDisposition":
        disposition = fields["disposition"].replace("_", " ")
        return f"{phrase(result.record, [fields['request']])}: {disposition}"
    if name == "MotionDisposition":
        return f"the motion: {fields['disposition'].replace('_', ' ')}"
    if name == "Ground":
        subject = fields.get("request") or fields.get("set") or "the motion"
        if fields.get("request"):
            subject = phrase(result.record, [fields["request"]])
        return f"ground ({fields['gate']}) for {subject}: {fields['effect'].replace('_', ' ')}"
    return statement


def build_graph(result: Result) -> nx.MultiDiGraph:
    """The full explanation graph of a run."""
    with paused():
        return _build_graph(result)


class _GraphData:
    """The dictionaries of a networkx ``MultiDiGraph`` (its documented "dict of dicts"
    structure: ``_node``, ``_succ``/``_adj`` and ``_pred`` sharing one key dict per edge),
    filled with the same semantics and order as ``add_node``/``add_edge`` but without a
    method call, a node check and a cache reset per edge: a large motion's graph has tens of
    thousands of each."""

    def __init__(self) -> None:
        self.node: dict[str, dict[str, Any]] = {}
        self.succ: dict[str, dict[str, dict[str, dict[str, Any]]]] = {}
        self.pred: dict[str, dict[str, dict[str, dict[str, Any]]]] = {}

    def add_node(self, node: str, attrs: dict[str, Any]) -> None:
        found = self.node.get(node)
        if found is None:
            self.node[node] = attrs
            self.succ[node] = {}
            self.pred[node] = {}
        else:
            found.update(attrs)

    def add_edge(self, u: str, v: str, key: str) -> None:
        """An edge whose ``kind`` attribute is its key (every edge of the graph is so)."""
        out = self.succ.get(u)
        if out is None:
            self.add_node(u, {})
            out = self.succ[u]
        keys = out.get(v)
        if keys is None:
            into = self.pred.get(v)
            if into is None:
                self.add_node(v, {})
                into = self.pred[v]
            out[v] = into[u] = {key: {"kind": key}}
        elif key not in keys:  # a repeated edge: add_edge would set the same kind again
            keys[key] = {"kind": key}

    def graph(self) -> nx.MultiDiGraph:
        import networkx as nx

        graph = nx.MultiDiGraph()
        # networkx's setters for these attributes reset its cached views (see its
        # _CachedPropertyResetter descriptors): the graph is then as add_node/add_edge leave it.
        graph._node = self.node
        graph._adj = self.succ
        graph._pred = self.pred
        return graph


def _build_graph(result: Result) -> nx.MultiDiGraph:
    data = _GraphData()
    record = result.record
    nodes = list(result.case_nodes)  # each entry's node id, in the record's order
    for node, entry in zip(nodes, record.entries, strict=True):
        data.add_node(
            node,
            {
                "kind": "fact",
                "fact_type": type(entry.fact).__name__,
                "label": entry.label,
                "path": entry.path,
                "record": entry.record or "",
                "data": _data(entry.fact.fields()),
            },
        )
    for node, entry in zip(nodes, record.entries, strict=True):
        if entry.part_of:
            data.add_edge(node, entry.part_of, "part_of")
    rules: dict[int, tuple[str, str]] = {}
    cites: dict[tuple[str, ...], str] = {}
    for firing in result.firings:
        _add_firing(data, result, firing, rules, cites)
    return data.graph()


def _add_firing(
    data: _GraphData,
    result: Result,
    firing: Firing,
    rules: dict[int, tuple[str, str]],
    cites: dict[tuple[str, ...], str],
) -> None:
    meta = firing.meta
    statement = firing_statement(result, firing)
    cited = meta.cited(firing.context)
    # What every firing of a rule, or of a set of authorities, shares: worked out once.
    constant = rules.get(id(meta))
    if constant is None:
        constant = rules[id(meta)] = (meta.kind, meta.effective.describe())
    authorities = cites.get(cited)
    if authorities is None:
        authorities = cites[cited] = " ".join(cited)
    firing_id = firing.id
    data.add_node(
        firing_id,
        {
            "kind": "rule",
            "rule": meta.id,
            "statement": statement,
            "authorities": authorities,
            "rule_kind": constant[0],
            "effective": constant[1],
            "status": "defeated" if firing.defeated_by else "fired",
            "label": f"{meta.id}: {statement}",
        },
    )
    known = data.node
    for node in (*firing.premises, *firing.because):
        data.add_edge(node, firing_id, "premise")
    for node in firing.derived:
        if node not in known:
            fact = result.facts.get(node) or result.defeated.get(node)
            assert fact is not None
            fields = fact.fields()
            attrs = {
                "kind": fact.node_kind,
                "fact_type": type(fact).__name__,
                "label": _conclusion_label(fact, result, statement, fields),
                "data": _data(fields),
                "defeated": node in result.defeated,
            }
            if fact.get("where"):
                attrs["where"] = str(fact["where"])
            data.add_node(node, attrs)
        data.add_edge(firing_id, node, "derives")
    for authority_id in cited:
        node = f"auth:{authority_id}"
        if node not in known:
            authority = resolve(authority_id)
            data.add_node(
                node,
                {
                    "kind": "authority",
                    "authority": authority_id,
                    "label": authority.citation,
                    "title": authority.title,
                    "url": authority.url,
                },
            )
        data.add_edge(firing_id, node, "cites")
    if firing.defeated_by:
        data.add_edge(firing.defeated_by, firing_id, "overrides")


def ancestors_subgraph(graph: nx.MultiDiGraph, targets: list[str]) -> nx.MultiDiGraph:
    """The part of the graph that explains ``targets``: their ancestors, plus the authorities
    the firings among them cite and the parts of any aggregate fact they rely on."""
    import networkx as nx

    keep: set[str] = set()
    for target in targets:
        keep.add(target)
        keep.update(nx.ancestors(graph, target))
    extra: set[str] = set()
    for node in keep:
        if graph.nodes[node].get("kind") == "rule":
            extra.update(v for _, v, k in graph.out_edges(node, data="kind") if k == "cites")
    return graph.subgraph(keep | extra).copy()


def node_attrs(graph: nx.MultiDiGraph, node: str) -> dict[str, Any]:
    return dict(graph.nodes[node])
