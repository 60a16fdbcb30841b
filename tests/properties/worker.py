"""A separate process that decides case files with fresh engines, for the determinism property.

Reads one case file (JSON) per line on standard input; writes one JSON line per case with the
decision JSON and the explanation graph's node-link JSON, exactly as ``kb decide --format json``
and ``kb explain --format json`` print them.
"""

from __future__ import annotations

import json
import sys

from engine.api import decide
from engine.exports.node_link import to_json
from engine.provenance import build_graph
from jurisdictions import RULES_VERSION, rule_sets_for
from kb.crossref import resolve


def main() -> None:
    for line in sys.stdin:
        case = resolve("generated.yaml", json.loads(line))
        decision, result = decide(case, rule_sets_for(case.model.case.court), RULES_VERSION)
        answer = {"decision": decision.to_json(), "graph": to_json(build_graph(result))}
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
