"""Time another checkout of this project on the same cases: the "before" of docs/performance.md.

    git worktree add /tmp/kb-old c7d668d     # or any copy of an older commit
    python -m benchmarks.before_after /tmp/kb-old .

For each checkout given, in a fresh interpreter with that checkout first on the path (and this
checkout's case generator), prints the median seconds of deciding the generated 500- and
5,000-request motions with their full explanation graphs, and milliseconds per typical case.
The old code needs nothing from this branch but the generator, which is passed as source.
"""

from __future__ import annotations

import inspect
import json
import os
import subprocess
import sys
from pathlib import Path

from benchmarks import generate

PROBE = """
import gc, json, statistics, sys, time, types
generate = types.ModuleType("generate")
exec(sys.stdin.read(), generate.__dict__)
from engine.api import decide
from engine.provenance import build_graph
from jurisdictions import RULES_VERSION, rule_sets_for
from kb.crossref import resolve

def large(n):
    case = resolve("large.yaml", generate.california_further(n, n // 10))
    sets = rule_sets_for(case.model.case.court)
    def run():
        _, result = decide(case, sets, RULES_VERSION)
        build_graph(result)
    run()
    times = []
    for _ in range(3):
        gc.collect()
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)

out = {f"{n} requests, decision + graph (s)": large(n) for n in (500, 5000)}
docs = [generate.typical(i) for i in range(200)]
def typical():
    for doc in docs:
        case = resolve("t.json", doc)
        decide(case, rule_sets_for(case.model.case.court), RULES_VERSION)
typical()
start = time.perf_counter()
typical()
out["typical case (ms)"] = 1000 * (time.perf_counter() - start) / len(docs)
print(json.dumps(out))
"""


def measure(checkout: Path) -> dict[str, float]:
    """The figures for one checkout."""
    env = {**os.environ, "PYTHONPATH": str(checkout.resolve())}
    done = subprocess.run(
        [sys.executable, "-c", PROBE],
        input=inspect.getsource(generate),
        capture_output=True,
        text=True,
        check=True,
        env=env,
        cwd=checkout,
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> None:
    """``python -m benchmarks.before_after CHECKOUT...``: one line of figures per checkout."""
    for name in argv if argv is not None else sys.argv[1:]:
        figures = measure(Path(name))
        print(name, json.dumps({k: round(v, 3) for k, v in figures.items()}))


if __name__ == "__main__":
    main()
