"""`kb decide` as a fresh process: it imports only what deciding needs, and its output is the
same as in-process (the heap frozen at exit loses nothing). The time itself is measured by
`kb bench`, not here; this guards the imports that made it slow from creeping back."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import main
from tests.helpers import EXAMPLES, ROOT

SEEDS = [
    EXAMPLES / "palominos-cervantes-v-gm.yaml",  # California
    EXAMPLES / "millare-v-stratton.yaml",  # federal
]

NOT_NEEDED = {
    "networkx": "explanation graphs only (engine.provenance.build_graph imports it)",
    "holidays.countries": "every country's calendar; the courts need the United States only "
    "(jurisdictions.common.federal_holidays)",
    "distributed": "kb batch --executor dask only",
    "dask": "kb batch --executor dask only",
    "jsonschema": "tests only",
    "hypothesis": "tests only",
    "clips": "the benchmark's CLIPS peer only",
}

_MODULES_AFTER_DECIDE = """
import json, sys
from cli import main
try:
    main(["decide", sys.argv[1]])
except SystemExit as done:
    assert not done.code, done.code
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def _fresh(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, capture_output=True, text=True, check=True
    )


@pytest.mark.parametrize("seed", SEEDS, ids=lambda path: path.stem)
def test_decide_does_not_import_what_it_does_not_need(seed: Path) -> None:
    done = _fresh("-c", _MODULES_AFTER_DECIDE, str(seed))
    modules = set(json.loads(done.stderr.strip().splitlines()[-1]))
    assert "engine.engine" in modules  # the check ran after a decision
    imported = {
        name: why
        for name, why in NOT_NEEDED.items()
        if name in modules or any(m.startswith(name + ".") for m in modules)
    }
    assert not imported, f"kb decide imported modules it does not need: {imported}"


@pytest.mark.parametrize("seed", SEEDS, ids=lambda path: path.stem)
def test_a_fresh_process_prints_what_the_command_returns(seed: Path) -> None:
    for args in (["decide", str(seed)], ["decide", str(seed), "--format", "json"]):
        in_process = CliRunner().invoke(main, args)
        assert in_process.exit_code == 0, in_process.output
        assert _fresh("-m", "cli", *args).stdout == in_process.output
