#!/usr/bin/env python3
"""Dev tool: extract measures from the seed documents and score them with the gold scorer.

    python bench/score_seeds.py [--errors 40] [--out /tmp/pred.jsonl] [--speed]

Runs read → normalise → structure → metadata → extract_measures on every
document in ``shared/corpus/seeds``, writes the predictions in score.py's
JSONL format and runs ``shared/gold/score.py`` on them. ``--diff N`` lists
matched pairs with a wrong kind/comparator/change and the worst indicators;
``--speed`` times extraction alone and read→extract on the seed and dev
corpora (MB/s of UTF-8 input, CPU time of one process, i.e. per core).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from luoshi.extract.measures import extract_measures
from luoshi.normalise import normalise
from luoshi.options import Options
from luoshi.read import read_path
from luoshi.structure import analyse
from luoshi.structure.metadata import infer_metadata

SHARED = Path("/work/shared")
SEEDS = SHARED / "corpus" / "seeds"
DEV = SHARED / "corpus" / "dev"
GOLD = SHARED / "gold" / "seeds"
SCORER = SHARED / "gold" / "score.py"


def prepare(path: Path):
    source = next(iter(read_path(path, Options())))
    norm = normalise(source.text, source.repairs)
    structure = analyse(source, norm)
    return source, norm, structure, infer_metadata(source, norm, structure)


def predict(paths: list[Path]) -> list[dict]:
    rows = []
    for path in paths:
        source, norm, structure, metadata = prepare(path)
        for m in extract_measures(source, norm, structure, metadata):
            row = {
                "doc": path.name, "start": m.span.start, "end": m.span.end,
                "quote": source.text[m.span.start:m.span.end], "kind": m.kind, "indicator": m.indicator,
                "value": m.value, "unit": m.unit, "comparator": m.comparator, "change": m.change,
                "period": m.period, "confidence": m.confidence,
            }
            if m.value_max is not None:
                row["value_max"] = m.value_max
            rows.append(row)
    return rows


def speed(paths: list[Path], repeat: int = 5) -> tuple[float, float]:
    """MB/s (CPU time of this process, i.e. per core) of extract_measures alone and of read→extract."""
    prepared = [prepare(p) for p in paths]
    size = sum(len(p.read_bytes()) for p in paths) / 1e6
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        for source, norm, structure, metadata in prepared:
            extract_measures(source, norm, structure, metadata)
        best = min(best, time.process_time() - t0)
    t0 = time.process_time()
    for p in paths:
        source, norm, structure, metadata = prepare(p)
        extract_measures(source, norm, structure, metadata)
    whole = time.process_time() - t0
    return size / best, size / whole


def show_diffs(pred_path: Path, n: int) -> None:
    """Matched pairs that strict F1 or indicator char-F1 count against us (score.py's own matching)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("gold_score", SCORER)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    gold = [g for f in sorted(GOLD.glob("*.jsonl")) for g in scorer.load_jsonl(f)]
    pred = scorer.load_jsonl(pred_path)
    by_doc: dict[str, list[dict]] = {}
    for g in gold:
        by_doc.setdefault(g["doc"], []).append(g)
    used: set[int] = set()
    pairs = []
    for p in pred:
        best, best_ov = None, 0
        for g in by_doc.get(p["doc"], []):
            if id(g) in used:
                continue
            ov = scorer.overlap(p, g)
            if ov > best_ov and scorer.same_value(p["value"], g["value"]) and p["unit"] == g["unit"]:
                best, best_ov = g, ov
        if best is not None:
            used.add(id(best))
            pairs.append((p, best))
    wrong = [(p, g) for p, g in pairs if (p["kind"], p["comparator"], bool(p["change"]))
             != (g["kind"], g["comparator"], bool(g.get("change")))]
    for p, g in wrong[:n]:
        print(f"  strict   {g['doc'][:3]}[{g['start']}:{g['end']}] {g['quote']}  gold {g['kind']}/{g['comparator']}/"
              f"{g.get('change')}  pred {p['kind']}/{p['comparator']}/{p['change']}")
    worst = sorted(pairs, key=lambda pg: scorer.char_f1(pg[0]["indicator"], pg[1]["indicator"]))
    for p, g in worst[:n]:
        f = scorer.char_f1(p["indicator"], g["indicator"])
        print(f"  ind {f:.2f} {g['doc'][:3]}[{g['start']}] gold {g['indicator']!r}  pred {p['indicator']!r}  | {g['quote']}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--errors", type=int, default=40)
    ap.add_argument("--out", type=Path, default=Path("/tmp/luoshi_seed_pred.jsonl"))
    ap.add_argument("--speed", action="store_true")
    ap.add_argument("--diff", type=int, default=0,
                    help="also list N matched pairs with a wrong kind/comparator/change and the N worst indicators")
    args = ap.parse_args()
    seeds = sorted(SEEDS.glob("*.txt"))
    rows = predict(seeds)
    with args.out.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    subprocess.run([sys.executable, str(SCORER), "--gold", str(GOLD), "--docs", str(SEEDS), "--pred", str(args.out),
                    "--errors", str(args.errors)], check=False)
    if args.diff:
        show_diffs(args.out, args.diff)
    if args.speed:
        corpus = seeds + sorted(DEV.rglob("*.txt"))
        extract_rate, pipeline_rate = speed(corpus)
        print(f"speed: extract_measures {extract_rate:.1f} MB/s; read→extract {pipeline_rate:.1f} MB/s "
              f"({len(corpus)} docs)")


if __name__ == "__main__":
    main()
