#!/usr/bin/env python3
"""Dev tool: extract measures from the seed documents and score them with the gold scorer.

    python bench/score_seeds.py [--errors 40] [--out /tmp/pred.jsonl] [--speed]

Runs read → normalise → structure → metadata → extract_measures on every
document in ``shared/corpus/seeds``, writes the predictions in score.py's
JSONL format and runs ``shared/gold/score.py`` on them. Stages that are not
in the checkout yet are skipped (an empty Structure, a bare Metadata), so
the figure is what extraction achieves with whatever the pipeline has.
``--speed`` also times extraction alone on the seed and dev corpora (MB/s of
UTF-8 input per core).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _stub_missing_stages() -> None:
    """``import luoshi`` imports every stage; stand in for those not written yet."""
    import types

    for _ in range(10):
        try:
            import luoshi  # noqa: F401
            return
        except ImportError as exc:
            name = exc.name or ""
            if not name.startswith("luoshi."):
                raise
            for k in [k for k in sys.modules if k == "luoshi" or k.startswith("luoshi.")]:
                del sys.modules[k]
            stub = types.ModuleType(name)
            stub.__path__ = []  # a package, so submodules can be stubbed too
            stub.LUOSHI_STUB = True
            for attr in ("extract_targets", "read_path", "analyse", "infer_metadata"):
                setattr(stub, attr, None)
            _STUBS[name] = stub


_STUBS: dict = {}


class _StubFinder:
    @staticmethod
    def find_spec(name, path=None, target=None):
        if name in _STUBS:
            import importlib.util

            return importlib.util.spec_from_loader(name, loader=_StubLoader())
        return None


class _StubLoader:
    def create_module(self, spec):
        return _STUBS[spec.name]

    def exec_module(self, module):
        pass


sys.meta_path.insert(0, _StubFinder)
_stub_missing_stages()

from luoshi.extract.measures import extract_measures
from luoshi.model import Metadata, Source, Structure
from luoshi.normalise import normalise

SHARED = Path("/work/shared")
SEEDS = SHARED / "corpus" / "seeds"
DEV = SHARED / "corpus" / "dev"
GOLD = SHARED / "gold" / "seeds"
SCORER = SHARED / "gold" / "score.py"


def _stage(module: str, name: str):
    try:
        mod = __import__(module, fromlist=[name])
        return getattr(mod, name, None)
    except ImportError:
        return None


READ = _stage("luoshi.read", "read_path")
ANALYSE = _stage("luoshi.structure", "analyse")
METADATA = _stage("luoshi.structure.metadata", "infer_metadata")


def load(path: Path) -> Source:
    if READ is not None:
        return next(iter(READ(path, _options())))
    raw = path.read_bytes()
    text = raw.decode("utf-8").replace("\r\n", "\n").lstrip("\ufeff")
    return Source(name=path.name, path=str(path), sha256=hashlib.sha256(raw).hexdigest(), format="txt",
                  encoding="utf-8", text=text)


def _options():
    from luoshi.options import Options

    return Options()


def prepare(path: Path):
    source = load(path)
    norm = normalise(source.text, source.repairs)
    structure = ANALYSE(source, norm) if ANALYSE else Structure()
    metadata = METADATA(source, norm, structure) if METADATA else Metadata()
    return source, norm, structure, metadata


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
    """MB/s (CPU time of this process, i.e. per core) of extract_measures alone and of the stages available."""
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
    stages = [n for n, f in (("read", READ), ("structure", ANALYSE), ("metadata", METADATA)) if f is None]
    if stages:
        print(f"(stages not in the checkout yet, skipped: {', '.join(stages)})")
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
        print(f"speed: extract_measures {extract_rate:.1f} MB/s; normalise→extract {pipeline_rate:.1f} MB/s "
              f"({len(corpus)} docs)")


if __name__ == "__main__":
    main()
