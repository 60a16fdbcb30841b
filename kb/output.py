"""Writing output files without ever leaving a partial file or silently replacing one."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from kb.errors import InputError


def atomic_write(path: Path, text: str, *, force: bool = False) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same directory, then rename.

    An existing file is kept unless ``force``; on any failure the temporary file is removed and
    the original (if any) is untouched.
    """
    if path.exists() and not force:
        raise InputError(str(path), "", "output file exists; use --force to replace it")
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise InputError(str(path), "", f"no such directory: {directory}")
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise
