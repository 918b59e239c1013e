#!/usr/bin/env python3
"""Dev tool: build the headline-targets table for the seeds and the dev corpus, then score it.

    python bench/score_targets_dev.py [--errors 30] [--out /tmp/targets.jsonl]

Runs the whole pipeline (``luoshi.read_documents``) on every document in
``shared/corpus/seeds`` and ``shared/corpus/dev/zhumadian``, writes one JSON
line per headline target in ``shared/gold/score_targets.py``'s format
({doc, indicator, indicator_text?, value, unit, comparator, start, end,
quote}) and runs that scorer against ``shared/gold/targets``. Its last line
is ``targets_f1=<value>``.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPORA = (SHARED / "corpus" / "seeds", SHARED / "corpus" / "dev" / "zhumadian")
sys.path.insert(0, str(ROOT))


def target_rows(paths):
    """Score-format rows for every headline target of every document in ``paths``."""
    from luoshi import read_documents

    for path in paths:
        for doc in read_documents(path):
            for t in doc.targets:
                row = {"doc": doc.name, "indicator": t.indicator}
                if t.indicator == "other":
                    row["indicator_text"] = t.indicator_text
                row.update(value=t.value, unit=t.unit, comparator=t.comparator,
                           start=t.span.start, end=t.span.end, quote=doc.quote(t.span))
                if t.value_max is not None:
                    row["value_max"] = t.value_max
                yield row


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--errors", type=int, default=30, help="misses and spurious rows to list")
    ap.add_argument("--out", type=Path, help="where to write the predicted table (default: a temporary file)")
    args = ap.parse_args()
    if args.out:
        return write_and_score(args.out, args.errors)
    with tempfile.TemporaryDirectory(prefix="luoshi-targets-") as tmp:  # removed afterwards, unlike mkdtemp
        return write_and_score(Path(tmp) / "targets.jsonl", args.errors)


def write_and_score(out: Path, errors: int) -> int:
    """Write the predicted table to ``out`` and run the gold scorer on it; the scorer's exit status."""
    paths = sorted(p for corpus in CORPORA for p in corpus.glob("*.txt"))
    with out.open("w", encoding="utf-8") as fh:
        for row in target_rows(paths):
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(paths)} documents → {out}")
    return subprocess.call([
        sys.executable, str(SHARED / "gold" / "score_targets.py"),
        "--gold", str(SHARED / "gold" / "targets"), "--pred", str(out), "--errors", str(errors),
    ])


if __name__ == "__main__":
    sys.exit(main())
