"""Node-link JSON (networkx's format) of an explanation graph, byte-for-byte deterministic.

Nodes are written sorted by id and edges by (source, target, key), whatever order the graph was
built in, so the same case always gives the same bytes. The edge list is under ``"links"``
(networkx's classic key), passed explicitly so that networkx's change of default cannot change
the format; read it back with ``networkx.node_link_graph(data, edges="links")``.
"""

from __future__ import annotations

import json
from typing import Any

import networkx as nx

EXPLANATION_SCHEMA_VERSION = 1


def sorted_copy(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The same graph with nodes and edges inserted in sorted order."""
    ordered = nx.MultiDiGraph()
    ordered.graph.update(sorted(graph.graph.items()))
    for node in sorted(graph.nodes):
        ordered.add_node(node, **dict(sorted(graph.nodes[node].items())))
    for source, target, key, data in sorted(
        graph.edges(keys=True, data=True), key=lambda e: (e[0], e[1], str(e[2]))
    ):
        ordered.add_edge(source, target, key=key, **dict(sorted(data.items())))
    return ordered


def to_data(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """The node-link dictionary of the graph (sorted)."""
    data: dict[str, Any] = nx.node_link_data(sorted_copy(graph), edges="links")
    return data


def to_json(graph: nx.MultiDiGraph) -> str:
    """The node-link JSON text, with a trailing newline."""
    return json.dumps(to_data(graph), indent=2, ensure_ascii=False, sort_keys=False) + "\n"
