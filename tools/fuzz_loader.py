"""Coverage-guided fuzzing of the case-file loader with atheris, for runs longer than CI's.

Not run in CI and not a dependency of the project; run it with::

    uv run --with atheris python tools/fuzz_loader.py -atheris_runs=200000 [CORPUS_DIR]

It starts from the examples (copied into CORPUS_DIR when that is given and empty) and
mutates bytes, guided by coverage of kb/. Any exception other than an InputError whose
message is one line is a finding: atheris stops and writes the input to ``crash-*``. Feed a
crash file back to ``kb decide`` to see it, and add it to tests/kb as a regression test.
"""

from __future__ import annotations

import importlib
import sys
import tempfile
from pathlib import Path

import atheris

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# The loader imports these lazily; import them here so that they are instrumented too.
LOADER_MODULES = ("kb.reader", "kb.yaml_strict", "kb.crossref", "kb.resolver", "kb.consistency")

with atheris.instrument_imports(include=["kb", "yaml"]):
    for name in LOADER_MODULES:
        importlib.import_module(name)
    from kb.casefile import load_case
    from kb.errors import InputError

_DIR = Path(tempfile.mkdtemp(prefix="kb-fuzz-"))


def one_input(data: bytes) -> None:
    """Load ``data`` as a YAML case file (and, when the first byte is odd, as JSON)."""
    suffix = ".json" if data[:1] and data[0] % 2 else ".yaml"
    path = _DIR / f"input{suffix}"
    path.write_bytes(data[1:])
    try:
        load_case(path)
    except InputError as exc:
        line = exc.line()
        if "\n" in line or "\r" in line:
            raise AssertionError(f"error message is not one line: {line!r}") from None


def _seed_corpus(argv: list[str]) -> None:
    directories = [Path(a) for a in argv[1:] if not a.startswith("-")]
    for directory in directories:
        directory.mkdir(parents=True, exist_ok=True)
        if not any(directory.iterdir()):
            for example in sorted((ROOT / "examples").glob("*.yaml")):
                (directory / example.name).write_bytes(b"\x00" + example.read_bytes())


if __name__ == "__main__":
    _seed_corpus(sys.argv)
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
