"""Writing output files without ever leaving a partial file or silently replacing one.

Everything is written to a temporary file in the target's directory and renamed over the
target only once complete, so a reader sees the old file or the new one, never half of one.
Without ``force`` an existing file is never replaced, not even one that appears while the
output is being written (the final step is a hard link, which fails if the name exists).
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from kb.errors import InputError

EXISTS_MESSAGE = "output file exists; use --force to replace it"


def check_target(path: Path, *, force: bool) -> Path:
    """Refuse a target that is a directory, that sits in no directory, or that exists (unless
    ``force``); return the directory the output goes into."""
    if path.is_dir():
        raise InputError(str(path), "", "is a directory; name an output file")
    if path.exists() and not force:
        raise InputError(str(path), "", EXISTS_MESSAGE)
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise InputError(str(path), "", f"no such directory: {directory}")
    return directory


@contextlib.contextmanager
def atomic_writer(path: Path, *, force: bool = False) -> Iterator[TextIO]:
    """Yield a text handle whose contents replace ``path`` only if the block completes.

    On any exception (a rendering error half-way, Ctrl-C) the temporary file is removed and
    ``path`` is untouched; an error of the file system is an :class:`InputError` naming it.
    """
    directory = check_target(path, force=force)
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise _os_error(path, exc) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, 0o666 & ~_umask())  # mkstemp makes 0600; give what open() would
        _install(Path(temp), path, force=force)
    except OSError as exc:
        raise _os_error(path, exc) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)


def atomic_write(path: Path, text: str, *, force: bool = False) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same directory, then rename.

    An existing file is kept unless ``force``; on any failure the temporary file is removed and
    the original (if any) is untouched.
    """
    with atomic_writer(path, force=force) as handle:
        handle.write(text)


def _install(temp: Path, path: Path, *, force: bool) -> None:
    if force:
        os.replace(temp, path)
        return
    try:
        os.link(temp, path)  # atomic, and fails if the name was taken meanwhile
    except FileExistsError:
        raise InputError(str(path), "", EXISTS_MESSAGE) from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EXDEV):
            raise
        # A file system without hard links: check, then rename (a narrow race remains).
        if path.exists():
            raise InputError(str(path), "", EXISTS_MESSAGE) from None
        os.replace(temp, path)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _os_error(path: Path, exc: OSError) -> InputError:
    reason = exc.strerror or type(exc).__name__
    return InputError(str(path), "", f"cannot write: {reason}")
