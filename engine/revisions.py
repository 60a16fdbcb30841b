"""Decide cases with the rule base of another git revision, for ``kb diff --rules``.

The revision is exported with ``git archive`` into a temporary directory (the working tree
and the repository are not touched) and its own ``kb decide`` and ``kb explain`` run there in
subprocesses, with this environment's Python and libraries: the CLI and its JSON formats are
the stable contract (DESIGN.md §6), so any revision that has them can be compared with any
other. A rules version recorded in decisions (``2026.11``) names the newest commit that declares
it.
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from kb.errors import InputError

VERSION_FILE = "jurisdictions/__init__.py"
VERSION_PATTERN = re.compile(r'^RULES_VERSION\s*=\s*"([^"]+)"', re.MULTILINE)


def _git(repo: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, check=False)


def repository(start: Path) -> Path:
    """The top of the git repository holding ``start``."""
    found = _git(start, "rev-parse", "--show-toplevel")
    if found.returncode != 0:
        raise InputError("--rules", "", f"{start} is not inside a git repository")
    return Path(found.stdout.decode().strip())


def _version_at(repo: Path, commit: str) -> str | None:
    text = _git(repo, "show", f"{commit}:{VERSION_FILE}").stdout.decode()
    match = VERSION_PATTERN.search(text)
    return match.group(1) if match else None


def resolve_revision(repo: Path, ref: str) -> str:
    """The commit a git revision names, or for a rules version the newest commit (on the
    current branch) that declares it."""
    found = _git(repo, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    if found.returncode == 0:
        return found.stdout.decode().strip()
    head = _git(repo, "rev-parse", "HEAD").stdout.decode().strip()
    if head and _version_at(repo, head) == ref:
        return head
    # The newest commit declaring it is the parent of the commit that changed it away.
    log = _git(repo, "log", "--format=%H", "--", VERSION_FILE)
    for commit in log.stdout.decode().split():
        if _version_at(repo, f"{commit}^") == ref:
            return _git(repo, "rev-parse", f"{commit}^").stdout.decode().strip()
    raise InputError(
        "--rules", "", f"{ref!r} is neither a git revision nor a rules version of this repository"
    )


@contextmanager
def checkout(repo: Path, commit: str) -> Iterator[Path]:
    """The tree of ``commit`` in a temporary directory, removed afterwards."""
    archive = _git(repo, "archive", "--format=tar", commit)
    if archive.returncode != 0:
        raise InputError("--rules", "", f"git archive {commit} failed: {archive.stderr.decode()}")
    with tempfile.TemporaryDirectory(prefix="kb-rules-") as folder:
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            tar.extractall(folder, filter="data")
        yield Path(folder)


def _cli(tree: Path, args: Sequence[str]) -> Any:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    done = subprocess.run(
        [sys.executable, "-m", "cli", *args],
        capture_output=True,
        text=True,
        cwd=tree,
        env=env,
        check=False,
    )
    if done.returncode == 2:
        line = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "bad input"
        raise InputError(str(tree), "", line.removeprefix("error: "))
    if done.returncode != 0:
        raise RuntimeError(f"kb {' '.join(args)} failed in {tree}: {done.stderr.strip()}")
    return json.loads(done.stdout)


def decide_in(tree: Path, cases: Sequence[Path]) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """(decision data, graph data) for each case, from the CLI of the tree at ``tree``."""
    paths = [str(p.resolve()) for p in cases]
    decisions = _cli(tree, ["decide", *paths, "--format", "json"])
    if len(paths) == 1:
        decisions = [decisions]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        graphs = list(pool.map(lambda p: _cli(tree, ["explain", p, "--format", "json"]), paths))
    return list(zip(decisions, graphs, strict=True))
