"""Ingest throughput: read → normalise → structure → metadata → [extract] → store.

Prints MB/s (UTF-8 bytes of input per second, median of --runs runs, each
into a fresh SQLite database) on the seed + dev corpus, with extraction off
and on, in one process. ``--small-files N`` instead times a folder of N small
reports ingested as ``luoshi ingest`` does it (worker processes when the
batch is big enough). ``--store`` times the store alone: the documents are
processed once, then each run saves them into a fresh database, so the
store's share of a pass can be followed apart from the analysis stages.
Figures, not tests:

    python bench/ingest.py [--runs 5] [PATH ...]
    python bench/ingest.py --small-files 10000
    python bench/ingest.py --store [--runs 5] [PATH ...]
"""
from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from luoshi.ingest import Batch, auto_workers, find_inputs, ingest
from luoshi.options import Options
from luoshi.pipeline import process
from luoshi.read import read_path
from luoshi.store import Store

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = (SHARED / "corpus" / "seeds", SHARED / "corpus" / "dev" / "zhumadian")


def timed_run(batch: Batch, options: Options, workers: int = 1) -> float:
    """Seconds to ingest ``batch`` into a new database (opening it is not timed)."""
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.db") as store:
        start = time.perf_counter()
        results = list(ingest(batch, store, options, workers=workers))
        elapsed = time.perf_counter() - start
    failed = [r.line() for r in results if r.failed]
    if failed:
        raise SystemExit("\n".join(failed))
    return elapsed


def small_files(count: int) -> None:
    """A folder of ``count`` small reports (100 per subfolder), ingested with the CLI's choice of workers."""
    with tempfile.TemporaryDirectory() as tmp:
        for n in range(count):
            folder = Path(tmp, "docs", f"batch{n // 100:04d}")
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"r{n:06d}.txt").write_text(
                f"政府工作报告\n一、{2000 + n % 24}年工作回顾\n全年地区生产总值增长{3 + n % 70 / 10}%。\n"
                f"二、{2001 + n % 24}年工作安排\n今年主要预期目标是:地区生产总值增长{4 + n % 50 / 10}%左右。\n",
                encoding="utf-8")
        batch = find_inputs([Path(tmp, "docs")])
        workers = auto_workers(batch)
        elapsed = timed_run(batch, Options(), workers)
    print(f"{count} small files, {workers} worker process(es): {elapsed:.1f} s ({count / elapsed:.0f} files/s)")


def store_only(batch: Batch, runs: int, megabytes: float) -> None:
    """Milliseconds per pass of ``Store.save_document`` over the batch's documents, processed beforehand.

    Wall time includes the commits' writes; CPU time (this process) is the figure to compare when other
    processes share the machine.
    """
    options = Options()
    documents = [process(source, options) for path in batch.files for source in read_path(path, options)]
    figures = []
    for run in range(runs + 1):  # the first run is a warm-up
        with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.db") as store:
            wall, cpu = time.perf_counter(), time.process_time()
            for document in documents:
                store.save_document(document, options)
            if run:
                figures.append((time.perf_counter() - wall, time.process_time() - cpu))
    wall, cpu = (statistics.median(f[i] for f in figures) for i in (0, 1))
    print(f"store alone: {megabytes / wall:6.2f} MB/s  (median {wall * 1000:.0f} ms wall, {cpu * 1000:.0f} ms CPU "
          f"per pass of {len(documents)} documents)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", type=Path, default=list(CORPUS))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--small-files", type=int, metavar="N", help="time a folder of N small files instead")
    parser.add_argument("--store", action="store_true", help="time the store alone, on documents processed once")
    args = parser.parse_args()
    if args.small_files:
        small_files(args.small_files)
        return
    batch = find_inputs(args.paths)
    megabytes = sum(p.stat().st_size for p in batch.files) / 1e6
    print(f"corpus: {len(batch.files)} files, {megabytes:.3f} MB; median of {args.runs} runs")
    if args.store:
        store_only(batch, args.runs, megabytes)
        return
    timed_run(batch, Options())  # warm-up: imports, OpenCC dictionaries, regex compilation
    for extract in (False, True):
        times = [timed_run(batch, Options(extract=extract)) for _ in range(args.runs)]
        median = statistics.median(times)
        print(f"extraction {'on ' if extract else 'off'}: {megabytes / median:6.2f} MB/s  "
              f"(median {median:.3f} s, runs {', '.join(f'{t:.3f}' for t in times)})")


if __name__ == "__main__":
    main()
