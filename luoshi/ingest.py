"""Batch ingest: paths in, one result per document out, never stopping on a bad file.

``find_inputs`` expands files, folders (recursively) and glob patterns;
``ingest`` reads, processes and stores each document and yields an
``IngestResult`` for each. A file that cannot be read or processed becomes
an ``error`` result with a one-line message naming it, and the batch goes
on; every document is stored in its own transaction, so a failure never
leaves anything half-written or touches what was stored before.
"""
from __future__ import annotations

import glob
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from luoshi.errors import FileUnavailable, LuoshiError
from luoshi.model import Source
from luoshi.options import Options
from luoshi.pipeline import process
from luoshi.read import FORMATS, read_path
from luoshi.store import Store

Status = Literal["ok", "unchanged", "new version", "error"]
GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True, slots=True)
class IngestResult:
    """The outcome for one document (or one file that yielded none)."""

    path: str  # the file
    status: Status
    name: str | None = None  # the source name: the file name, or "file.csv#row12"
    id: int | None = None
    version: int | None = None
    error: str | None = None  # one line: "path: [code] message"

    @property
    def failed(self) -> bool:
        return self.status == "error"

    def line(self) -> str:
        """The line ``luoshi ingest`` prints for this result."""
        if self.error is not None:
            return self.error
        where = str(Path(self.path).with_name(self.name)) if self.name else self.path
        detail = f"version {self.version}, id {self.id}" if self.status == "new version" else f"id {self.id}"
        return f"{where}: {self.status} ({detail})"


@dataclass(frozen=True, slots=True)
class Batch:
    """What a list of paths names: the files to read, and the paths that named none."""

    files: tuple[Path, ...]
    problems: tuple[IngestResult, ...] = ()


def find_inputs(paths: Iterable[str | Path]) -> Batch:
    """Expand files, folders and glob patterns, in order, once each.

    Folders are searched recursively for the formats the read stage knows
    (``luoshi.read.FORMATS``), skipping hidden files and folders; a file
    named explicitly is always tried, so that an unsupported one is reported.
    """
    files: dict[Path, None] = {}
    problems = []
    for given in paths:
        text = str(given)
        path = Path(text)
        if path.is_dir():
            files.update(dict.fromkeys(_walk(path)))
        elif path.exists():
            files[path] = None
        elif GLOB_CHARS & set(text):
            matches = [Path(m) for m in sorted(glob.glob(text, recursive=True))]
            for match in matches:
                files.update(dict.fromkeys(_walk(match) if match.is_dir() else [match]))
            if not matches:
                problems.append(_failure(text, FileUnavailable("no file matches this pattern; check the path")))
        else:
            problems.append(_failure(text, FileUnavailable("no such file or folder; check the path")))
    return Batch(tuple(files), tuple(problems))


def ingest(inputs: Batch | Iterable[str | Path], store: Store, options: Options = Options(), *,
           on_file: Callable[[Path], None] | None = None) -> Iterator[IngestResult]:
    """Read, process and store every document named by ``inputs``; one result each.

    ``on_file`` is called after each file is done (for progress bars).
    """
    batch = inputs if isinstance(inputs, Batch) else find_inputs(inputs)
    yield from batch.problems
    for path in batch.files:
        yield from ingest_file(path, store, options)
        if on_file is not None:
            on_file(path)


def ingest_file(path: Path, store: Store, options: Options = Options()) -> Iterator[IngestResult]:
    """Every document in one file (a tabular file holds one per row; a bad row is an error result)."""
    where = str(path)
    bad_rows: list[LuoshiError] = []
    try:
        for source in read_path(path, options, on_error=bad_rows.append):
            yield from _drain(bad_rows, where)
            yield _store(source, where, store, options)
    except Exception as exc:  # one bad file must not end the batch
        yield from _drain(bad_rows, where)
        yield _failure(where, exc)
    yield from _drain(bad_rows, where)


def _drain(errors: list[LuoshiError], where: str) -> Iterator[IngestResult]:
    """Results for the rows the reader has skipped so far, in order."""
    while errors:
        yield _failure(where, errors.pop(0))


def _store(source: Source, where: str, store: Store, options: Options) -> IngestResult:
    try:
        saved = store.find_unchanged(source.name, source.sha256, options)
        if saved is None:
            saved = store.save_document(process(source, options), options)
    except Exception as exc:  # a failure in analysis or storage is this document's alone
        return _failure(where, exc, name=source.name)
    return IngestResult(where, saved.status, source.name, saved.id, saved.version)


def _failure(where: str, exc: BaseException, name: str | None = None) -> IngestResult:
    label = str(Path(where).with_name(name)) if name else where
    return IngestResult(where, "error", name, error=error_line(exc, label))


def error_line(exc: BaseException, where: str | None = None) -> str:
    """``path: [code] message`` on one line, for luoshi errors and unexpected ones alike."""
    if isinstance(exc, OSError) and not isinstance(exc, LuoshiError):
        reason = exc.strerror or type(exc).__name__
        exc = FileUnavailable(f"cannot read the file ({reason}); check that it exists and is readable")
    if isinstance(exc, LuoshiError):
        text = str(exc) if exc.path or not where else f"{where}: {exc}"
    else:
        detail = f"{type(exc).__name__}: {exc}".strip().rstrip(":")
        text = (f"{where + ': ' if where else ''}[L000] internal error ({detail}); "
                "please report it with the file that caused it")
    return " ".join(text.splitlines())


def _walk(folder: Path) -> list[Path]:
    """Document files under ``folder``, sorted, skipping hidden files and folders."""
    found = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(Path(root, n) for n in sorted(names)
                     if not n.startswith(".") and Path(n).suffix.lower() in FORMATS)
    return found
