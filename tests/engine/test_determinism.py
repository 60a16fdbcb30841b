"""Same input, same output: decisions and graphs are identical across processes and hash seeds."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.helpers import EXAMPLES, ROOT


def outputs(seed: str) -> tuple[str, str]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    case = str(EXAMPLES / "palominos-cervantes-v-gm.yaml")
    run = [sys.executable, "-m", "cli"]
    decision = subprocess.run(
        [*run, "decide", case, "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        cwd=ROOT,
    ).stdout
    graph = subprocess.run(
        [*run, "explain", case, "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        cwd=ROOT,
    ).stdout
    return decision, graph


def test_identical_across_hash_seeds() -> None:
    first = outputs("1")
    assert first == outputs("2") == outputs("12345")
    assert first[0] and first[1]
