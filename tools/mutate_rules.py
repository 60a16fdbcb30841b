"""Mutation check of the rule base: which rules could be deleted, or say the opposite, without
any test noticing?

    uv run python -m tools.mutate_rules                      # every rule, 2 jobs
    uv run python -m tools.mutate_rules --module jurisdictions.california --jobs 1
    uv run python -m tools.mutate_rules --rule ca.meet_confer.demand_only

Each rule is deleted (it concludes nothing) and, when its conclusions have an opposite (grounds
and excuse rulings), negated (engine/mutation.py). For each mutant the fast tests run (the
rule-case tables, the end-to-end cases and their golden snapshots, the property suites under
the small ``mutation`` hypothesis profile) until one fails. Mutants are shared among ``--jobs``
pytest processes. Exit status 1 if any mutant survives: a surviving rule is one the tests do not
pin down, so add a case or a property that would notice (docs/testing-rules.md).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
FAST_TESTS = ("tests/jurisdictions", "tests/cases", "tests/golden", "tests/properties")
SKIPPED_TESTS = (
    # Its worker processes decide with the rule base unmutated, so it would fail for every
    # mutant without saying anything about the rule.
    "tests/properties/test_determinism.py",
)


def all_mutants(modules: list[str], rules: list[str]) -> list[tuple[str, str]]:
    from engine.mutation import mutants
    from jurisdictions import all_rule_sets
    from kb.rules import rule_meta, rules_of

    metas = {}
    for mixins in all_rule_sets().values():
        for experta_rule in rules_of(*mixins):
            meta = rule_meta(experta_rule)
            metas[meta.id] = meta
    chosen = [
        m
        for m in metas.values()
        if (not modules or any(m.module.startswith(p) for p in modules))
        and (not rules or m.id in rules)
    ]
    return [(rule_id, str(operator)) for rule_id, operator in mutants(chosen)]


def run_shards(mutants: list[tuple[str, str]], jobs: int, tests: list[str]) -> list[Any]:
    folder = Path(tempfile.mkdtemp(prefix="kb-mutants-"))
    processes = []
    for shard in range(jobs):
        part = mutants[shard::jobs]
        if not part:
            continue
        listing, report = folder / f"mutants-{shard}.json", folder / f"report-{shard}.json"
        listing.write_text(json.dumps(part))
        env = {
            **os.environ,
            "KB_MUTANTS": str(listing),
            "KB_MUTATION_REPORT": str(report),
            "KB_HYPOTHESIS_PROFILE": "mutation",
        }
        command = [sys.executable, "-m", "pytest", "-q", "-p", "tools.mutation_plugin"]
        command += ["-p", "no:cacheprovider", *tests]
        command += [f"--ignore={path}" for path in SKIPPED_TESTS]
        processes.append(
            (subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL), report)
        )
    reports = []
    for process, report in processes:
        process.wait()
        if not report.exists():
            raise SystemExit(f"a mutation job exited with {process.returncode} and no report")
        reports.append(json.loads(report.read_text()))
    return reports


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--module", action="append", default=[], help="rules of this module")
    parser.add_argument("--rule", action="append", default=[], help="this rule id only")
    parser.add_argument("--jobs", type=int, default=2, help="pytest processes (default 2)")
    parser.add_argument("--tests", nargs="*", default=list(FAST_TESTS), help="tests to run")
    parser.add_argument("--report", help="write the results as JSON to this file")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    mutants = all_mutants(args.module, args.rule)
    if not mutants:
        print("no rules match", file=sys.stderr)
        return 2
    started = time.perf_counter()
    print(f"{len(mutants)} mutants, {args.jobs} jobs, tests: {' '.join(args.tests)}")
    reports = run_shards(mutants, max(1, args.jobs), args.tests)
    errors = [r["error"] for r in reports if r.get("error")]
    if errors:
        print("\n".join(errors), file=sys.stderr)
        return 2
    results = sorted((x for r in reports for x in r["results"]), key=lambda x: x["rule"])
    survivors = [x for x in results if not x["killed_by"]]
    for result in results:
        verdict = result["killed_by"] or "SURVIVED: no test noticed"
        print(f"{result['operator']:6}  {result['rule']:55}  {verdict}")
    elapsed = time.perf_counter() - started
    print(
        f"\n{len(results)} mutants of {len({x['rule'] for x in results})} rules: "
        f"{len(results) - len(survivors)} killed, {len(survivors)} survived ({elapsed:.0f} s)"
    )
    if args.report:
        Path(args.report).write_text(json.dumps(results, indent=2) + "\n")
    return 1 if survivors else 0


if __name__ == "__main__":
    sys.exit(main())
