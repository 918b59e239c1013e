"""Errors with stable codes and plain messages.

Every failure a user can cause (a bad file, a bad option) is a ``LuoshiError``
subclass with a code (``L1xx`` read, ``L2xx`` store, ``L3xx`` usage) and a
one-line message that names the file, says what is wrong and what to do.
The CLI prints ``path: [code] message`` and never a traceback.
"""
from __future__ import annotations


class LuoshiError(Exception):
    code = "L000"

    def __init__(self, message: str, *, path: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        return f"{where}[{self.code}] {self.message}"


class ReadError(LuoshiError):
    """The file could not be turned into text."""

    code = "L100"


class EmptyFile(ReadError):
    code = "L101"


class BinaryFile(ReadError):
    code = "L102"


class UndecodableText(ReadError):
    code = "L103"


class UnsupportedFormat(ReadError):
    code = "L104"


class CorruptFile(ReadError):
    """Truncated or malformed PDF/DOCX/HTML/tabular file."""

    code = "L105"


class NeedsOCR(ReadError):
    code = "L106"


class NoBody(ReadError):
    """An HTML page (or other container) without any main text."""

    code = "L107"


class FileUnavailable(ReadError):
    """Missing, deleted mid-batch, or permission denied."""

    code = "L108"


class TooLarge(ReadError):
    code = "L109"


class StoreError(LuoshiError):
    code = "L200"


class SchemaTooNew(StoreError):
    code = "L201"


class NotFound(StoreError):
    code = "L202"


class UsageError(LuoshiError):
    code = "L300"
