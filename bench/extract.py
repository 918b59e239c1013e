"""End-to-end throughput against a segment-first baseline, and memory on a long stream.

Default mode: read → normalise → structure → metadata → extract → store on
the seed + dev corpus, median MB/s of --runs runs, side by side with a
baseline that does the same and also segments every sentence of the
normalised text with jieba (``jieba.lcut``), as a tokenise-first pipeline
must. Prints both figures and their ratio.

``--stream-gb N``: writes about N GB of documents (copies of the corpus under
varied names) to a temporary folder, ingests them with ``luoshi.ingest`` and
reports the resident memory after 10%, 50% and 100% of the bytes: it should
stay flat, because documents are read, stored and dropped one at a time.

    python bench/extract.py [--runs 5]
    python bench/extract.py --stream-gb 1
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from luoshi.ingest import find_inputs, ingest
from luoshi.model import Document, Source
from luoshi.options import Options
from luoshi.pipeline import process
from luoshi.read import read_path
from luoshi.store import Store

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = (SHARED / "corpus" / "seeds", SHARED / "corpus" / "dev" / "zhumadian")


def process_segmenting_first(source: Source, options: Options = Options()) -> Document:
    """The baseline: ``pipeline.process`` plus jieba segmentation of every sentence of the normalised text.

    A segment-first pipeline pays for ``jieba.lcut`` on each sentence before
    extracting; the stages themselves are the same, so they are not copied here.
    """
    import jieba

    doc = process(source, options)
    for sentence in doc.sentences:
        start, end = doc.normalised.from_source(sentence.span.start, sentence.span.end)
        jieba.lcut(doc.normalised.text[start:end])
    return doc


def timed_run(files: tuple[Path, ...], pipeline: Callable[[Source, Options], Document]) -> float:
    options = Options()
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.db") as store:
        start = time.perf_counter()
        for path in files:
            for source in read_path(path, options):
                store.save_document(pipeline(source, options), options)
        return time.perf_counter() - start


def compare(runs: int) -> None:
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()  # load the dictionary before timing
    files = find_inputs(CORPUS).files
    megabytes = sum(p.stat().st_size for p in files) / 1e6
    print(f"corpus: {len(files)} files, {megabytes:.3f} MB; median of {runs} runs, read → … → extract → store")
    timed_run(files, process), timed_run(files, process_segmenting_first)  # warm-up
    ours, baseline = [], []
    for _ in range(runs):  # interleaved, so both see the same machine load
        ours.append(timed_run(files, process))
        baseline.append(timed_run(files, process_segmenting_first))
    a, b = megabytes / statistics.median(ours), megabytes / statistics.median(baseline)
    print(f"luoshi:                   {a:6.2f} MB/s")
    print(f"jieba-first baseline:     {b:6.2f} MB/s")
    print(f"ratio luoshi / baseline:  {a / b:6.2f}x")


def rss_mib() -> tuple[float, float]:
    """(current, peak) resident set size in MiB (Linux: ru_maxrss is in KiB)."""
    with open("/proc/self/statm") as fh:
        current = int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    return current, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**10


def stream(gigabytes: float) -> None:
    originals = find_inputs(CORPUS).files
    contents = [(p.name, p.read_bytes()) for p in originals]
    target = gigabytes * 1e9
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        written, copies = 0, 0
        while written < target:
            for name, data in contents:
                (folder / f"{copies:06d}_{name}").write_bytes(data)
                written += len(data)
            copies += 1
        batch = find_inputs([folder])
        sizes = {p: p.stat().st_size for p in batch.files}
        print(f"stream: {len(batch.files)} files, {written / 1e6:.0f} MB ({copies} copies of the corpus)")
        current, peak = rss_mib()
        print(f"before ingest: rss {current:6.0f} MiB, peak {peak:6.0f} MiB")
        marks = iter((0.1, 0.5, 1.0))
        mark = next(marks)
        done = 0.0
        start = time.perf_counter()

        def on_file(path: Path) -> None:
            nonlocal done, mark
            done += sizes[path]
            while mark is not None and done >= mark * written:
                current, peak = rss_mib()
                elapsed = time.perf_counter() - start
                print(f"after {mark:4.0%}: rss {current:6.0f} MiB, peak {peak:6.0f} MiB, "
                      f"{done / 1e6 / elapsed:5.2f} MB/s so far", flush=True)
                mark = next(marks, None)

        with Store(Path(tmp) / "stream.db") as store:
            failed = sum(r.failed for r in ingest(batch, store, Options(), on_file=on_file))
        print(f"{failed} failures; {written / 1e6 / (time.perf_counter() - start):.2f} MB/s overall")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--stream-gb", type=float, help="ingest about this many GB and report memory")
    args = parser.parse_args()
    if args.stream_gb:
        stream(args.stream_gb)
    else:
        compare(args.runs)


if __name__ == "__main__":
    main()
