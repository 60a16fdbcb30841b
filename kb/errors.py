"""Input errors: one line naming the file, the field and what is wrong (DESIGN.md section 6)."""

from __future__ import annotations

import unicodedata

MAX_SHOWN = 80
"""Values quoted in a message are cut to this many characters: a message stays one short line
even when a file holds a megabyte-long string."""


def one_line(text: str, limit: int = 1000) -> str:
    """``text`` with every line break and other control character escaped, cut to ``limit``.

    File names, keys and values all come from the user; whatever they hold, an error message
    must stay a single printable line.
    """
    out: list[str] = []
    for char in text:
        if char.isprintable() or char == " ":
            out.append(char)
        elif unicodedata.category(char) == "Zs":
            out.append(" ")
        else:
            out.append(char.encode("unicode_escape").decode("ascii"))
    joined = "".join(out)
    return joined if len(joined) <= limit else joined[: limit - 3] + "..."


def shown(value: object) -> str:
    """A value as a message quotes it: its ``repr``, on one line, cut to a readable length."""
    text = repr(value)
    if len(text) <= MAX_SHOWN:
        return one_line(text)
    return one_line(text[: MAX_SHOWN - 3]) + f"... ({len(text)} characters)"


class InputError(Exception):
    """A problem with a user's input file, reported as ``error: FILE: path.to.field: message``.

    The CLI prints :meth:`line` and exits with code 2; nothing else is shown unless ``--debug``.
    """

    def __init__(self, file: str, path: str, message: str) -> None:
        super().__init__(f"{file}: {path}: {message}" if path else f"{file}: {message}")
        self.file = file
        self.path = path
        self.message = message

    def line(self) -> str:
        """The one-line error message the CLI prints."""
        return f"error: {one_line(str(self), 2000)}"


class FieldError(Exception):
    """A problem found inside a model, before the file name is known; the loader adds it."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


class Interrupted(Exception):
    """A run over many inputs was stopped (Ctrl-C, SIGINT) after ``done`` of ``total``.

    The CLI prints :meth:`line` and exits with code 130, as shells do for an interrupt.
    """

    def __init__(self, done: int, total: int | None, what: str = "inputs", note: str = "") -> None:
        of = f" of {total}" if total is not None else ""
        super().__init__(f"interrupted after {done}{of} {what}" + (f"; {note}" if note else ""))
        self.done = done
        self.total = total

    def line(self) -> str:
        """The one-line message the CLI prints."""
        return f"error: {one_line(str(self), 2000)}"
