"""Input errors: one line naming the file, the field and what is wrong (DESIGN.md section 6)."""

from __future__ import annotations


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
        return f"error: {self}"


class FieldError(Exception):
    """A problem found inside a model, before the file name is known; the loader adds it."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message
