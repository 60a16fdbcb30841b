"""Same case, same bytes: in two other processes (different hash seeds, fresh engines) and in
this one (a running :class:`engine.session.Session`), the decision JSON and the explanation
graph's node-link JSON are identical."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from typing import IO, Any

import pytest
from hypothesis import given

from engine.exports.node_link import to_json
from kb.testing import case_files
from tests.helpers import ROOT
from tests.properties.support import Doc, explained


class Worker:
    """tests/properties/worker.py in a subprocess with its own PYTHONHASHSEED."""

    def __init__(self, hash_seed: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.properties.worker"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": hash_seed},
        )

    def send(self, doc: Doc) -> None:
        stdin: IO[str] | None = self.process.stdin
        assert stdin is not None
        stdin.write(json.dumps(doc) + "\n")
        stdin.flush()

    def receive(self) -> Any:
        stdout: IO[str] | None = self.process.stdout
        assert stdout is not None
        line = stdout.readline()
        assert line, f"worker exited with {self.process.wait()}"
        return json.loads(line)

    def close(self) -> None:
        if self.process.stdin:
            self.process.stdin.close()
        self.process.wait(timeout=30)


@pytest.fixture(scope="module")
def workers() -> Iterator[tuple[Worker, Worker]]:
    pair = (Worker("1"), Worker("4242"))
    yield pair
    for worker in pair:
        worker.close()


@given(doc=case_files())
def test_same_bytes_in_every_process(workers: tuple[Worker, Worker], doc: Doc) -> None:
    for worker in workers:
        worker.send(doc)  # both decide while this process does
    decision, _, graph = explained(doc)
    here = {"decision": decision.to_json(), "graph": to_json(graph)}
    for worker in workers:
        assert worker.receive() == here
