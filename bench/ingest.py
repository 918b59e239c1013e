"""Ingest throughput: read → normalise → structure → metadata → [extract] → store.

Prints MB/s (UTF-8 bytes of input per second, median of --runs runs, each
into a fresh SQLite database) on the seed + dev corpus, with extraction off
and on. A figure, not a test:

    python bench/ingest.py [--runs 5] [PATH ...]
"""
from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from luoshi.ingest import Batch, find_inputs, ingest
from luoshi.options import Options
from luoshi.store import Store

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = (SHARED / "corpus" / "seeds", SHARED / "corpus" / "dev" / "zhumadian")


def timed_run(batch: Batch, options: Options) -> float:
    """Seconds to ingest ``batch`` into a new database (opening it is not timed)."""
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.db") as store:
        start = time.perf_counter()
        results = list(ingest(batch, store, options))
        elapsed = time.perf_counter() - start
    failed = [r.line() for r in results if r.failed]
    if failed:
        raise SystemExit("\n".join(failed))
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", type=Path, default=list(CORPUS))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    batch = find_inputs(args.paths)
    megabytes = sum(p.stat().st_size for p in batch.files) / 1e6
    print(f"corpus: {len(batch.files)} files, {megabytes:.3f} MB; median of {args.runs} runs")
    timed_run(batch, Options())  # warm-up: imports, OpenCC dictionaries, regex compilation
    for extract in (False, True):
        times = [timed_run(batch, Options(extract=extract)) for _ in range(args.runs)]
        median = statistics.median(times)
        print(f"extraction {'on ' if extract else 'off'}: {megabytes / median:6.2f} MB/s  "
              f"(median {median:.3f} s, runs {', '.join(f'{t:.3f}' for t in times)})")


if __name__ == "__main__":
    main()
