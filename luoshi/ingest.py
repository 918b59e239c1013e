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
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Literal

from luoshi.errors import FileUnavailable, LuoshiError
from luoshi.model import Document, Source
from luoshi.options import Options
from luoshi.pipeline import process
from luoshi.read import FORMATS, TABULAR, read_path
from luoshi.store import Saved, Store

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
    stored_as: str | None = None  # the name stored under when it is not ``name`` (another document has that)

    @property
    def failed(self) -> bool:
        return self.status == "error"

    def line(self) -> str:
        """The line ``luoshi ingest`` prints for this result."""
        if self.error is not None:
            return self.error
        where = str(Path(self.path).with_name(self.name)) if self.name else self.path
        detail = f"version {self.version}, id {self.id}" if self.status == "new version" else f"id {self.id}"
        if self.stored_as is not None:
            detail += f"; stored as {self.stored_as}: a document of another region, year or type has its name"
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
           on_file: Callable[[Path], None] | None = None, workers: int = 1) -> Iterator[IngestResult]:
    """Read, process and store every document named by ``inputs``; one result each, in input order.

    ``on_file`` is called after each file is done (for progress bars).
    ``workers`` > 1 reads and analyses files in that many worker processes
    while this process stores the documents they send back (``auto_workers``
    picks a number; the CLI uses it). Results are the same as with one
    process. Workers are spawned, so a script calling this with
    ``workers`` > 1 needs the usual ``if __name__ == "__main__":`` guard.
    """
    batch = inputs if isinstance(inputs, Batch) else find_inputs(inputs)
    yield from batch.problems
    if workers > 1 and len(batch.files) > 1 and store.shareable:
        analysed = _analyse_in_workers(batch.files, store, options, min(workers, len(batch.files)))
    else:
        analysed = ((path, analyse_file(path, store, options)) for path in batch.files)
    for path, items in analysed:
        for item in items:
            yield item if isinstance(item, IngestResult) else _save(item, store, options)
        if on_file is not None:
            on_file(path)


@dataclass(frozen=True, slots=True)
class Analysed:
    """A document read and processed, not stored yet."""

    where: str
    document: Document


def analyse_file(path: Path, store: Store, options: Options) -> Iterator[IngestResult | Analysed]:
    """Read and process the documents of one file, writing nothing.

    Documents the store already holds unchanged are not processed again;
    they, and every failure, come out as results; the rest as ``Analysed``.
    """
    where = str(path)
    bad_rows: list[LuoshiError] = []
    try:
        for source in read_path(path, options, on_error=bad_rows.append):
            yield from _drain(bad_rows, where)
            yield _analyse(source, where, store, options)
    except Exception as exc:  # one bad file must not end the batch
        yield from _drain(bad_rows, where)
        yield _failure(where, exc)
    yield from _drain(bad_rows, where)


def _analyse(source: Source, where: str, store: Store, options: Options) -> IngestResult | Analysed:
    try:
        saved = store.find_unchanged(source.name, source.sha256, options)
        if saved is not None:
            return _result(where, source.name, saved)
        return Analysed(where, process(source, options))
    except Exception as exc:  # a failure in analysis is this document's alone
        return _failure(where, exc, name=source.name)


def _save(item: Analysed, store: Store, options: Options) -> IngestResult:
    name = item.document.name
    try:
        saved = store.save_document(item.document, options)
    except Exception as exc:  # a failure to store is this document's alone
        return _failure(item.where, exc, name=name)
    return _result(item.where, name, saved)


def _result(where: str, name: str, saved: Saved) -> IngestResult:
    return IngestResult(where, saved.status, name, saved.id, saved.version,
                        stored_as=saved.name if saved.name != name else None)


def _drain(errors: list[LuoshiError], where: str) -> Iterator[IngestResult]:
    """Results for the rows the reader has skipped so far, in order."""
    while errors:
        yield _failure(where, errors.pop(0))


# --- worker processes ------------------------------------------------------------

# When worker processes pay: each costs ~1.5 s to start (it imports luoshi), so a batch must take a few
# seconds in one process. Measured on 2 cores: ~2 ms per small file plus ~4 MB/s of text.
PARALLEL_MIN_SECONDS = 3.0
SECONDS_PER_FILE = 0.002
SECONDS_PER_MB = 0.25
CHUNK_FILES = 16  # files per task
IN_FLIGHT_PER_WORKER = 3  # tasks handed out ahead: workers never wait, and memory stays bounded


def auto_workers(batch: Batch) -> int:
    """One worker per available CPU when the batch would take a few seconds in one process, else 1."""
    megabytes = sum(path.stat().st_size for path in batch.files if path.is_file()) / 1e6
    if len(batch.files) * SECONDS_PER_FILE + megabytes * SECONDS_PER_MB < PARALLEL_MIN_SECONDS:
        return 1
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _analyse_in_workers(files: tuple[Path, ...], store: Store, options: Options,
                        workers: int) -> Iterator[tuple[Path, Iterable[IngestResult | Analysed]]]:
    """``analyse_file`` of each file in worker processes, in input order.

    Only this process writes, so writers never wait for each other's locks.
    Files go out in small chunks (one task per file costs more in
    inter-process traffic than a small file takes to analyse). Tabular
    files (one document per row, possibly millions) are streamed here
    instead, so that no worker holds a whole table of documents. Workers
    are spawned, not forked: none inherits an open database connection;
    each opens the database to look up unchanged documents.
    """
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_open_worker_store,
                             initargs=(store.url,)) as pool:
        tasks = iter(_chunks(files))

        def submit(chunk: tuple[Path, ...]):
            if _is_tabular(chunk[0]):
                return chunk, None  # analysed here, when its turn comes
            try:
                return chunk, pool.submit(_analyse_in_worker, chunk, options)
            except BrokenProcessPool:  # noticed below, at the first chunk that was in the dead worker's hands
                return chunk, None

        pending = deque(submit(chunk) for chunk in islice(tasks, workers * IN_FLIGHT_PER_WORKER))
        try:
            while pending:
                chunk, future = pending.popleft()
                if future is None:
                    yield from ((path, analyse_file(path, store, options)) for path in chunk)
                else:
                    try:
                        results = future.result()
                    except BrokenProcessPool:  # a worker died (killed, out of memory) on this chunk
                        break
                    yield from zip(chunk, results)
                pending.extend(submit(chunk) for chunk in islice(tasks, 1))
            else:
                return  # every chunk done, no worker died
        finally:
            pool.shutdown(cancel_futures=True)
    # The pool is broken: the chunk that broke it fails, everything after it runs here.
    died = LuoshiError("the worker process analysing this file died (out of memory?); ingest it on its own")
    yield from ((path, [_failure(str(path), died)]) for path in chunk)
    for path in (p for c, _ in pending for p in c):
        yield path, analyse_file(path, store, options)
    for path in (p for c in tasks for p in c):
        yield path, analyse_file(path, store, options)


def _is_tabular(path: Path) -> bool:
    return FORMATS.get(path.suffix.lower()) in TABULAR


def _chunks(files: Iterable[Path]) -> Iterator[tuple[Path, ...]]:
    """Up to ``CHUNK_FILES`` files at a time; a tabular file always alone."""
    chunk: list[Path] = []
    for path in files:
        if _is_tabular(path):
            if chunk:
                yield tuple(chunk)
                chunk = []
            yield (path,)
        else:
            chunk.append(path)
            if len(chunk) == CHUNK_FILES:
                yield tuple(chunk)
                chunk = []
    if chunk:
        yield tuple(chunk)


_worker_store: list[Store] = []  # in a worker process: the database it reads (opened once, at start)


def _open_worker_store(url: str) -> None:
    _worker_store.append(Store(url, create=False))


def _analyse_in_worker(chunk: tuple[Path, ...], options: Options) -> list[list[IngestResult | Analysed]]:
    return [list(analyse_file(path, _worker_store[0], options)) for path in chunk]


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
