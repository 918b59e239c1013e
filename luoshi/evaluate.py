"""Score measures and headline targets against gold annotations.

The semantics are exactly those of ``shared/gold/score.py`` (measures) and
``shared/gold/score_targets.py`` (headline targets), so that ``luoshi eval``
and the reference scripts report the same numbers for the same predictions
(a test checks this):

- a predicted measure matches a gold one when the document is the same, the
  spans overlap, the values are equal (relative tolerance 1e-9) and the units
  are equal as written; predictions are matched in order, each to the
  unmatched gold measure it overlaps most, and predictions for documents
  without gold are ignored;
- a headline target matches when doc, indicator key, value (rounded to 6
  places), unit and comparator are equal, as multisets.
"""
from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from luoshi.errors import UsageError

KINDS = {"target", "achievement"}
COMPARATORS = {"=", ">=", "<=", "~", "range", ">", "<"}


@dataclass(frozen=True, slots=True)
class Gold:
    """Gold rows found under a folder, split by what they annotate."""

    measures: tuple[dict, ...]
    targets: tuple[dict, ...]

    @property
    def documents(self) -> list[str]:
        return sorted({row["doc"] for row in (*self.measures, *self.targets)})


def load_jsonl(path: Path) -> list[dict]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise UsageError(f"line {n} is not JSON ({exc.msg})", path=str(path)) from None
    return rows


def load_gold(folder: str | Path) -> Gold:
    """Every ``*.jsonl`` under ``folder``: rows with a ``kind`` are measures, the others headline targets."""
    folder = Path(folder)
    if not folder.is_dir():
        raise UsageError("the gold folder does not exist", path=str(folder))
    measures, targets = [], []
    for path in sorted(folder.rglob("*.jsonl")):
        rows = load_jsonl(path)
        (measures if any("kind" in row for row in rows) else targets).extend(rows)
    if not measures and not targets:
        raise UsageError("no gold *.jsonl files in this folder", path=str(folder))
    return Gold(tuple(measures), tuple(targets))


def check_gold(gold: Iterable[dict], texts: Mapping[str, str | None]) -> list[str]:
    """Problems in measure gold rows (``score.py --check``); ``texts`` maps doc → text or None."""
    problems = []
    for g in gold:
        doc = g.get("doc")
        text = texts.get(doc)
        if text is None:
            problems.append(f"{doc}: document not found")
            continue
        where = f"{doc}[{g.get('start')}:{g.get('end')}]"
        if not isinstance(g.get("start"), int) or not isinstance(g.get("end"), int):
            problems.append(f"{where}: start/end must be integers")
            continue
        if text[g["start"]:g["end"]] != g.get("quote"):
            problems.append(f"{where}: quote mismatch: text has {text[g['start']:g['end']]!r}, quote is {g.get('quote')!r}")
        if g.get("kind") not in KINDS:
            problems.append(f"{where}: kind {g.get('kind')!r} not in {sorted(KINDS)}")
        if g.get("comparator") not in COMPARATORS:
            problems.append(f"{where}: comparator {g.get('comparator')!r} not in {sorted(COMPARATORS)}")
        if not isinstance(g.get("value"), (int, float)):
            problems.append(f"{where}: value must be a number")
        if not isinstance(g.get("unit"), str):
            problems.append(f"{where}: unit missing (use \"\" when the text writes none)")
    return problems


def same_value(a, b) -> bool:
    try:
        return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-12)
    except (TypeError, ValueError):
        return False


def _overlap(a: dict, b: dict) -> int:
    return min(a["end"], b["end"]) - max(a["start"], b["start"])


def char_f1(pred: str, gold: str) -> float:
    """Bag-of-characters F1 between two indicator strings."""
    if not pred or not gold:
        return 0.0
    common = sum((Counter(pred) & Counter(gold)).values())
    if not common:
        return 0.0
    p, r = common / len(pred), common / len(gold)
    return 2 * p * r / (p + r)


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score_measures(gold: list[dict], pred: list[dict]) -> dict:
    """P/R/F1, strict F1, per-field accuracies and indicator char-F1, plus the misses and spurious rows."""
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for g in gold:
        by_doc[g["doc"]].append(g)
    pred = [p for p in pred if p.get("doc") in by_doc]
    used: set[int] = set()
    pairs, spurious = [], []
    for p in pred:
        best, best_ov = None, 0
        for g in by_doc[p["doc"]]:
            if id(g) in used:
                continue
            try:
                ov = _overlap(p, g)
            except (KeyError, TypeError):
                continue
            if ov > best_ov and same_value(p.get("value"), g["value"]) and str(p.get("unit")) == str(g["unit"]):
                best, best_ov = g, ov
        if best is None:
            spurious.append(p)
        else:
            used.add(id(best))
            pairs.append((p, best))
    tp = len(pairs)
    precision = tp / len(pred) if pred else 0.0
    recall = tp / len(gold) if gold else 0.0

    def agree(p: dict, g: dict, field: str) -> bool:
        return bool(p.get(field)) == bool(g.get(field)) if field == "change" else p.get(field) == g[field]

    strict = sum(1 for p, g in pairs if all(agree(p, g, f) for f in ("kind", "comparator", "change")))
    s_p = strict / len(pred) if pred else 0.0
    s_r = strict / len(gold) if gold else 0.0
    indicator = [char_f1(p.get("indicator") or "", g.get("indicator") or "") for p, g in pairs]
    return {
        "gold": len(gold), "pred": len(pred), "matched": tp,
        "precision": precision, "recall": recall, "f1": _f1(precision, recall),
        "strict_f1": _f1(s_p, s_r),
        **{f"{f}_accuracy": (sum(agree(p, g, f) for p, g in pairs) / tp if tp else 0.0)
           for f in ("kind", "comparator", "change")},
        "indicator_char_f1": sum(indicator) / len(indicator) if indicator else 0.0,
        "false_positives": spurious, "missed": [g for g in gold if id(g) not in used],
    }


def _target_key(row: dict) -> tuple:
    try:
        value = round(float(row.get("value")), 6)
    except (TypeError, ValueError):
        value = None
    return (row.get("doc"), row.get("indicator"), value, str(row.get("unit")), row.get("comparator"))


def score_targets(gold: list[dict], pred: list[dict]) -> dict:
    """Row F1 of a headline-targets table; rows of documents without gold are ignored."""
    docs = {row["doc"] for row in gold}
    g = Counter(map(_target_key, gold))
    p = Counter(_target_key(row) for row in pred if row.get("doc") in docs)
    tp = sum((g & p).values())
    precision = tp / sum(p.values()) if p else 0.0
    recall = tp / sum(g.values()) if g else 0.0
    return {
        "gold": sum(g.values()), "pred": sum(p.values()), "matched": tp, "documents": len(docs),
        "precision": precision, "recall": recall, "f1": _f1(precision, recall),
        "missed": list((g - p).elements()), "spurious": list((p - g).elements()),
    }


@dataclass(frozen=True, slots=True)
class Evaluation:
    """What ``luoshi eval`` reports: scores of whichever gold kinds the folder holds."""

    measures: dict | None
    targets: dict | None
    missing: tuple[str, ...]  # gold documents with no predictions source (not stored / not found)
    problems: tuple[str, ...]  # gold rows that do not fit their document


@dataclass(frozen=True, slots=True)
class Predicted:
    text: str
    measures: list[dict]
    targets: list[dict]


def predict_from_files(names: Iterable[str], folders: Iterable[str | Path], options) -> dict[str, Predicted]:
    """Run the pipeline (no database) on each gold document found in ``folders``."""
    from luoshi.pipeline import read
    from luoshi.store.records import measure_record, target_record

    found = {}
    folders = [Path(f) for f in folders]
    for name in names:
        path = next((f / name for f in folders if (f / name).is_file()), None)
        if path is None:
            continue
        doc = read(path, options)
        meta = doc.metadata
        found[name] = Predicted(
            doc.text,
            [measure_record(name, m, doc.quote(m.span)) for m in doc.measures],
            [target_record(name, meta.region, meta.year, h, doc.quote(h.span)) for h in doc.targets],
        )
    return found


def predict_from_store(names: Iterable[str], store) -> dict[str, Predicted]:
    """The stored predictions (latest versions) of each gold document in the database."""
    from luoshi.errors import NotFound

    found = {}
    for name in names:
        try:
            stored = store.get_document(name)
        except NotFound:
            continue
        found[name] = Predicted(stored.source.text, store.measures(stored.id), store.targets(stored.id))
    return found


def evaluate(gold: Gold, predicted: Mapping[str, Predicted]) -> Evaluation:
    measures = [row for p in predicted.values() for row in p.measures]
    targets = [row for p in predicted.values() for row in p.targets]
    texts = {name: p.text for name, p in predicted.items()}
    return Evaluation(
        measures=score_measures(list(gold.measures), measures) if gold.measures else None,
        targets=score_targets(list(gold.targets), targets) if gold.targets else None,
        missing=tuple(name for name in gold.documents if name not in predicted),
        problems=tuple(check_gold([g for g in gold.measures if g["doc"] in texts], texts)),
    )
