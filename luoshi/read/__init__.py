"""The read stage: a file, or bytes, → ``Source`` objects.

``read_path(path, options)`` yields one ``Source`` per document: one for a
text, HTML, PDF or DOCX file, one per row for a tabular corpus.
``read_bytes`` does the same for bytes already in memory.

Errors. A problem with the file as a whole (missing, unreadable, too
large, empty, binary, undecodable, corrupt, a scan without text, an HTML
page without a body, an unsupported format) raises a ``ReadError``
subclass whose message names the file and what to do. A bad *row* of a
tabular file does not stop the others: it is passed to ``on_error`` (its
``path`` is ``file.csv#row3``) and skipped; without ``on_error`` it is
logged as a warning on the ``luoshi.read`` logger. A batch runner passes
a handler to report each one beside the per-file errors.

Formats are known by suffix (``FORMATS``) or given as ``fmt``.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from pathlib import Path

from luoshi.errors import EmptyFile, FileUnavailable, LuoshiError, ReadError, TooLarge, UnsupportedFormat
from luoshi.model import Source
from luoshi.options import Options
from luoshi.read.docx import extract_docx
from luoshi.read.html import extract_html
from luoshi.read.pdf import extract_pdf
from luoshi.read.sidecar import SUFFIX as SIDECAR_SUFFIX
from luoshi.read.sidecar import read_sidecar
from luoshi.read.source import Extracted, build_source
from luoshi.read.tabular import RowError, read_table
from luoshi.read.text import extract_text

__all__ = ["FORMATS", "ErrorHandler", "read_bytes", "read_path"]

ErrorHandler = Callable[[ReadError], None]

FORMATS = {
    ".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html",
    ".xhtml": "html", ".pdf": "pdf", ".docx": "docx", ".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".parquet": "parquet",
}
EXTRACTORS = {"txt": extract_text, "md": extract_text, "html": extract_html, "pdf": extract_pdf,
              "docx": extract_docx}
TABULAR = frozenset({"csv", "jsonl", "parquet"})
ADVICE = {  # what to do with formats people commonly have instead
    ".doc": "save it as .docx", ".wps": "save it as .docx", ".rtf": "save it as .docx or .txt",
    ".xls": "save the sheet as .csv", ".xlsx": "save the sheet as .csv", ".json": "write one object per line as .jsonl",
    ".tsv": "save it as .csv", ".mhtml": "save the page as .html", ".ofd": "export it as .pdf",
}
SUPPORTED = ", ".join(sorted(set(FORMATS)))

_log = logging.getLogger(__name__)


def read_path(path: str | Path, options: Options = Options(), on_error: ErrorHandler | None = None
              ) -> Iterator[Source]:
    """Every document in the file at ``path`` (see the module docstring for errors)."""
    path = Path(path)
    where = str(path)
    if path.name.endswith(SIDECAR_SUFFIX):
        raise UnsupportedFormat("this is a metadata sidecar; read the file it describes", path=where)
    fmt = _format_of(path.name, where)
    data = _read_file(path, options)
    yield from _sources(data, path.name, where, options, fmt, read_sidecar(path), on_error)


def read_bytes(data: bytes, name: str, options: Options = Options(), fmt: str | None = None,
               on_error: ErrorHandler | None = None) -> list[Source]:
    """The documents in ``data``, a file called ``name`` (``fmt`` overrides its suffix)."""
    if fmt is None:
        fmt = _format_of(name, name)
    elif fmt not in EXTRACTORS and fmt not in TABULAR:
        raise UnsupportedFormat(f"unknown format {fmt!r}; use one of {', '.join(sorted({*EXTRACTORS, *TABULAR}))}",
                                path=name)
    _check_size(len(data), options, name)
    return list(_sources(data, name, None, options, fmt, {}, on_error))


def _format_of(name: str, where: str) -> str:
    suffix = Path(name).suffix.lower()
    if suffix in FORMATS:
        return FORMATS[suffix]
    advice = ADVICE.get(suffix, f"supported: {SUPPORTED}")
    raise UnsupportedFormat(f"cannot read {suffix or 'files without a suffix'}; {advice}", path=where)


def _read_file(path: Path, options: Options) -> bytes:
    where = str(path)
    try:
        if path.is_dir():
            raise FileUnavailable("is a folder, not a file; name the files in it", path=where)
        _check_size(path.stat().st_size, options, where)
        return path.read_bytes()
    except FileNotFoundError:
        raise FileUnavailable("no such file (moved or deleted?); check the path", path=where) from None
    except PermissionError:
        raise FileUnavailable("permission denied; make the file readable", path=where) from None
    except IsADirectoryError:
        raise FileUnavailable("is a folder, not a file; name the files in it", path=where) from None
    except OSError as exc:
        raise FileUnavailable(f"cannot read the file ({exc.strerror or exc})", path=where) from None


def _check_size(size: int, options: Options, where: str) -> None:
    if size == 0:
        raise EmptyFile("empty file (0 bytes)", path=where)
    if size > options.max_bytes:
        raise TooLarge(f"{size:,} bytes is over the {options.max_bytes:,}-byte limit; split the file or "
                       "raise Options.max_bytes", path=where)


def _sources(data: bytes, name: str, path: str | None, options: Options, fmt: str, overrides: dict[str, str],
             on_error: ErrorHandler | None) -> Iterator[Source]:
    where = path or name
    try:
        if fmt not in TABULAR:
            extracted = EXTRACTORS[fmt](data, options)
            yield build_source(extracted, name=name, path=path, fmt=fmt, original=data, overrides=overrides)
            return
        table = read_table(data, fmt, options)
    except LuoshiError as exc:
        exc.path = exc.path or where
        raise
    report = on_error or _log_row_error
    for row in table.rows:
        if isinstance(row, RowError):
            row.error.path = f"{where}#row{row.number}"
            report(row.error)
            continue
        extracted = Extracted(row.text, table.encoding, row.meta, "column")
        yield build_source(extracted, name=f"{name}#row{row.number}", path=path, fmt=fmt,
                           original=row.text.encode("utf-8"), overrides=overrides)


def _log_row_error(error: ReadError) -> None:
    _log.warning("%s (row skipped)", error)
