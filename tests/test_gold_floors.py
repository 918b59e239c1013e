"""Gold floors: the whole pipeline on the seeds and the dev corpus may not score below pinned values.

``tests/gold_floors.json`` holds the scores reached when it was last raised,
rounded down; a change that lowers any of them fails here (floors only rise).
The figures come from ``luoshi.evaluate``; the test also runs the reference
scorers (``shared/gold/score.py`` and ``score_targets.py``) as subprocesses
on the same prediction files and checks that their last lines agree, so the
floors are the reference numbers.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from luoshi.evaluate import evaluate, load_gold, predict_from_files
from luoshi.options import Options

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
ZHUMADIAN = SHARED / "corpus" / "dev" / "zhumadian"
FLOORS = json.loads((REPO / "tests" / "gold_floors.json").read_text(encoding="utf-8"))
# The bars of the measures issue: the floors may not be set below them.
BARS = {("measures_seeds", "strict_f1"): 0.95, ("measures_seeds", "indicator_char_f1"): 0.90,
        ("targets", "f1"): 0.95}


def _write(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def _last_line(args: list[str]) -> str:
    done = subprocess.run([sys.executable, *args], capture_output=True, text=True, check=True)
    return done.stdout.strip().splitlines()[-1]


@pytest.fixture(scope="module")
def scores(tmp_path_factory) -> dict[str, dict]:
    out = tmp_path_factory.mktemp("gold_floors")
    gold_measures = load_gold(SHARED / "gold" / "seeds")
    gold_targets = load_gold(SHARED / "gold" / "targets")
    predicted = predict_from_files(sorted({*gold_measures.documents, *gold_targets.documents}),
                                   (SEEDS, ZHUMADIAN), Options())
    measures = evaluate(gold_measures, predicted)
    targets = evaluate(gold_targets, predicted)
    assert not measures.missing and not targets.missing and not measures.problems

    m, t = measures.measures, targets.targets
    pred_m = _write(out / "measures.jsonl", [r for p in predicted.values() for r in p.measures])
    pred_t = _write(out / "targets.jsonl", [r for p in predicted.values() for r in p.targets])
    assert _last_line([str(SHARED / "gold" / "score.py"), "--gold", str(SHARED / "gold" / "seeds"),
                       "--docs", str(SEEDS), "--pred", str(pred_m)]) == (
        f"f1={m['f1']:.4f} strict_f1={m['strict_f1']:.4f} indicator={m['indicator_char_f1']:.4f}")
    assert _last_line([str(SHARED / "gold" / "score_targets.py"), "--gold", str(SHARED / "gold" / "targets"),
                       "--pred", str(pred_t)]) == f"targets_f1={t['f1']:.4f}"
    return {"measures_seeds": m, "targets": t}


@pytest.mark.parametrize("group, figure", [(g, f) for g, figs in FLOORS.items() if not g.startswith("_")
                                           for f in figs])
def test_score_is_at_least_its_floor(scores, group: str, figure: str) -> None:
    assert scores[group][figure] >= FLOORS[group][figure], f"{group} {figure} fell below its floor"


@pytest.mark.parametrize("group, figure", sorted(BARS))
def test_issue_bars_hold(scores, group: str, figure: str) -> None:
    assert FLOORS[group][figure] >= BARS[(group, figure)]
    assert scores[group][figure] >= BARS[(group, figure)]
