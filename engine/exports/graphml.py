"""GraphML of an explanation graph (opens in Gephi and yEd), byte-for-byte deterministic.

Written by networkx's GraphML writer from the sorted copy of the graph (node_link.sorted_copy),
so nodes, edges and attribute keys come out in the same order whatever order the graph was
built in. Every attribute is a string or a boolean, so GraphML carries each unchanged: read it
back with ``networkx.read_graphml(path, force_multigraph=True)`` and the graph is the same
(same node ids and attributes, same edges with their keys and kinds).
"""

from __future__ import annotations

import networkx as nx

from engine.exports.node_link import sorted_copy


def to_graphml(graph: nx.MultiDiGraph) -> str:
    """The GraphML document, with a trailing newline."""
    return "\n".join(nx.generate_graphml(sorted_copy(graph), prettyprint=True)) + "\n"
