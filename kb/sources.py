"""Where case files come from: files, directories of them, or a stream on standard input.

Commands that take many cases (``kb coverage``, ``kb export``) accept directories (every
``.yaml``, ``.yml`` and ``.json`` file below them, sorted, expected-outcome files excluded) and
``-`` for standard input (JSON Lines or a ``---``-separated YAML stream, see
:func:`kb.reader.parse_stream`). Cases are loaded one at a time, as they are needed, so a
command can run over any number of them in constant memory.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kb.crossref import Case
    from kb.limits import Limits

CASE_SUFFIXES = (".yaml", ".yml", ".json")
EXPECTED_SUFFIXES = (".expected.yaml", ".expected.json")
STDIN = "-"


def directory_files(folder: Path, suffixes: tuple[str, ...] = CASE_SUFFIXES) -> Iterator[Path]:
    """The files below ``folder`` with one of ``suffixes``, sorted, that can be case files:
    not expected-outcome files, and not in test snapshots (``__snapshots__``), caches or hidden
    folders."""
    for p in sorted(folder.rglob("*")):
        if (
            p.is_file()
            and p.suffix in suffixes
            and not any(part.startswith(("__", ".")) for part in p.relative_to(folder).parts[:-1])
            and not p.name.endswith(EXPECTED_SUFFIXES)
        ):
            yield p


def case_paths(names: Iterable[str]) -> list[str]:
    """The case files the names stand for, directories expanded (sorted) and ``-`` kept."""
    out: list[str] = []
    for name in names:
        path = Path(name)
        if name != STDIN and path.is_dir():
            out.extend(str(p) for p in directory_files(path))
        else:
            out.append(name)
    return out


def iter_cases(names: Iterable[str], limits: Limits | None = None) -> Iterator[tuple[str, Case]]:
    """``(source, case)`` for every case, loaded lazily; raises ``InputError`` on a bad one."""
    from kb.casefile import load_case
    from kb.crossref import resolve
    from kb.reader import parse_stream

    for name in names:
        if name == STDIN:
            for number, document in enumerate(parse_stream(STDIN, sys.stdin), 1):
                source = f"{STDIN}#{number}"
                yield (
                    source,
                    resolve(source, document, limits) if limits else resolve(source, document),
                )
        else:
            yield name, load_case(name, limits)
