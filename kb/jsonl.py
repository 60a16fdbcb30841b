"""An append-only JSONL writer that survives interruption and resumes without duplicates.

Records go, one per line, to ``FILE.partial``, flushed as each is written; only a complete run
renames ``FILE.partial`` to ``FILE``. So ``FILE`` is always a finished export, and an
interrupted one leaves its records in ``FILE.partial``, from which ``--resume`` continues:
keys already written are skipped, and a last line cut short by a crash is dropped.

How a command uses it (``kb export --jsonl -o FILE [--resume] [--force]``)::

    with JsonlWriter(output, key=lambda r: r["id"], resume=resume, force=force) as out:
        run_all(cases, lambda case: [out.write(r) for r in records_of(case)],
                what="case files", note=out.progress_note)

``--resume`` on a finished ``FILE`` continues it as well (for inputs added since).
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from types import TracebackType
from typing import Any, TextIO

from kb.errors import InputError, Interrupted
from kb.output import check_target
from kb.progress import sigint_deferred

Key = Callable[[Mapping[str, Any]], str]


def encode(record: Mapping[str, Any]) -> str:
    """One record as a JSON line (no newline): compact, in the producer's field order."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def partial_path(path: Path) -> Path:
    """Where the records of an unfinished export to ``path`` are kept."""
    return path.with_name(path.name + ".partial")


def done_keys(path: Path, key: Key) -> set[str]:
    """The keys of the records in a JSONL file, dropping (truncating away) a last line that a
    crash cut short. A complete line that is not a record is an :class:`InputError`."""
    data = path.read_bytes()
    end = data.rfind(b"\n") + 1
    if end < len(data):
        with path.open("r+b") as handle:
            handle.truncate(end)
    keys: set[str] = set()
    for number, line in enumerate(data[:end].splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            keys.add(key(record))
        except (ValueError, KeyError, TypeError):
            raise InputError(
                str(path), f"line {number}", "not a record of this export; cannot resume from it"
            ) from None
    return keys


class JsonlWriter:
    """Write JSON records, one per line, to ``path`` (or standard output when ``None``).

    ``key`` names a record; a record whose key was already written (by an earlier run being
    resumed, or earlier in this run) is skipped, so the output never holds one twice.
    """

    def __init__(
        self,
        path: Path | None,
        *,
        key: Key,
        resume: bool = False,
        force: bool = False,
        stream: TextIO | None = None,
    ) -> None:
        self.path = path
        self.key = key
        self.resume = resume
        self.force = force
        self.stream = stream
        self.done: set[str] = set()
        self.resumed = 0
        self.written = 0
        self.skipped = 0
        self._handle: TextIO | None = None

    def __enter__(self) -> JsonlWriter:
        if self.path is None:
            if self.resume:
                raise InputError("--resume", "", "needs an output file (-o FILE) to continue")
            self._handle = self.stream or sys.stdout
            return self
        partial = partial_path(self.path)
        if self.resume:
            check_target(self.path, force=True)
            if not partial.exists() and self.path.exists():
                shutil.copyfile(self.path, partial)  # continue a finished export; keep it
            if partial.exists():
                self.done = done_keys(partial, self.key)
                self.resumed = len(self.done)
        else:
            check_target(self.path, force=self.force)
            if partial.exists() and not self.force:
                raise InputError(
                    str(partial),
                    "",
                    "an interrupted export is here; use --resume to continue it "
                    "or --force to start over",
                )
            partial.unlink(missing_ok=True)
        check_target(partial, force=True)
        self._handle = partial.open("a", encoding="utf-8", newline="\n")
        return self

    def write(self, record: Mapping[str, Any]) -> bool:
        """Append one record and flush it; False if its key was already written."""
        name = self.key(record)
        if name in self.done:
            self.skipped += 1
            return False
        return self._append(name, encode(record))

    def write_line(self, name: str, line: str) -> bool:
        """Append a record already serialised with :func:`encode`, under the key ``name``;
        False if ``name`` was written."""
        if name in self.done:
            self.skipped += 1
            return False
        return self._append(name, line)

    def _append(self, name: str, text: str) -> bool:
        line = text + "\n"
        assert self._handle is not None, "use JsonlWriter as a context manager"
        # A record is written whole or not at all, and counted if and only if it was written:
        # a Ctrl-C held back during the block is raised when it ends, after the count.
        with sigint_deferred():
            self._handle.write(line)
            self._handle.flush()
            self.done.add(name)
            self.written += 1
        return True

    def progress_note(self, done: int) -> str:
        """Where the records so far are, for the "interrupted after ..." message."""
        if self.path is None:
            return f"{self.written} records written"
        return (
            f"{self.resumed + self.written} records in {partial_path(self.path)}; "
            "run again with --resume to continue"
        )

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        handle, self._handle = self._handle, None
        if self.path is None or handle is None:
            return
        handle.flush()
        os.fsync(handle.fileno())
        handle.close()
        if kind is None:
            os.replace(partial_path(self.path), self.path)
        elif not issubclass(kind, KeyboardInterrupt | Interrupted) and not self.resumed:
            # A run that failed (bad input, a bug) rather than being interrupted leaves nothing
            # behind, unless it was continuing earlier records, which are kept for --resume.
            partial_path(self.path).unlink(missing_ok=True)
