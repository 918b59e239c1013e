"""luoshi.evaluate gives exactly the numbers of shared/gold/score.py and score_targets.py."""
from __future__ import annotations

import importlib.util
import json
import random
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from luoshi.errors import UsageError
from luoshi.evaluate import char_f1, check_gold, load_gold, score_measures, score_targets

NUMBERS = ("gold", "pred", "matched", "precision", "recall", "f1", "strict_f1", "kind_accuracy",
           "comparator_accuracy", "change_accuracy", "indicator_char_f1")


@pytest.fixture(scope="module")
def reference(shared):
    spec = importlib.util.spec_from_file_location("reference_score", shared / "gold" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def perturbed(gold: list[dict], seed: int) -> list[dict]:
    """Predictions that get some gold rows right and others wrong in every scored way."""
    rng = random.Random(seed)
    pred = []
    for g in gold:
        roll = rng.random()
        if roll < 0.15:
            continue  # missed
        p = dict(g)
        if roll < 0.25:
            p["value"] = g["value"] + 1  # wrong value: spurious and missed
        elif roll < 0.35:
            p["kind"] = "achievement" if g["kind"] == "target" else "target"
        elif roll < 0.45:
            p["comparator"] = "~"
        elif roll < 0.5:
            p["change"] = not g.get("change")
        elif roll < 0.6:
            p["start"], p["end"] = g["start"] + 2, g["end"] + 5  # still overlapping
            p["indicator"] = g["indicator"][1:] + "率"
        pred.append(p)
        if roll > 0.95:
            pred.append({**g, "start": g["end"] + 50, "end": g["end"] + 60})  # spurious: no overlap
    pred.append({"doc": "not-in-gold.txt", "start": 0, "end": 3, "value": 1, "unit": "%"})
    return pred


def test_measure_scores_equal_the_reference_script(shared, tmp_path):
    gold = load_gold(shared / "gold" / "seeds")
    assert gold.measures and not gold.targets
    pred = perturbed(list(gold.measures), seed=3)
    pred_file = tmp_path / "pred.jsonl"
    pred_file.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in pred), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, str(shared / "gold" / "score.py"), "--gold", str(shared / "gold" / "seeds"),
         "--docs", str(shared / "corpus" / "seeds"), "--pred", str(pred_file), "--json"],
        capture_output=True, text=True, check=True)
    expected = json.loads(run.stdout.splitlines()[0])
    ours = score_measures(list(gold.measures), pred)
    assert {k: ours[k] for k in NUMBERS} == {k: expected[k] for k in NUMBERS}
    assert 0 < ours["matched"] < ours["gold"] and ours["strict_f1"] < ours["f1"] < 1


def test_target_scores_equal_the_reference_script(shared, tmp_path):
    gold = load_gold(shared / "gold" / "targets")
    assert gold.targets and not gold.measures
    rng = random.Random(5)
    pred = [dict(row, value=row["value"] + (rng.random() < 0.3)) for row in gold.targets if rng.random() > 0.2]
    pred_file = tmp_path / "targets.jsonl"
    pred_file.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in pred), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, str(shared / "gold" / "score_targets.py"), "--gold", str(shared / "gold" / "targets"),
         "--pred", str(pred_file)], capture_output=True, text=True, check=True)
    expected = float(run.stdout.strip().splitlines()[-1].removeprefix("targets_f1="))
    ours = score_targets(list(gold.targets), pred)
    assert round(ours["f1"], 4) == expected and 0 < ours["f1"] < 1


def test_the_gold_files_pass_the_same_checks(shared, reference):
    gold = load_gold(shared / "gold" / "seeds")
    texts = {d: (shared / "corpus" / "seeds" / d).read_text(encoding="utf-8") for d in gold.documents}
    assert check_gold(gold.measures, texts) == []
    broken = [dict(gold.measures[0], quote="不是这句"), dict(gold.measures[1], kind="plan")]
    assert check_gold(broken, texts) == reference.check_gold(broken, shared / "corpus" / "seeds")
    assert len(check_gold(broken, texts)) == 2


def test_load_gold_refuses_an_empty_folder(tmp_path):
    with pytest.raises(UsageError):
        load_gold(tmp_path)
    (tmp_path / "x.jsonl").write_text("{not json\n", encoding="utf-8")
    with pytest.raises(UsageError) as err:
        load_gold(tmp_path)
    assert "line 1" in str(err.value) and "x.jsonl" in str(err.value)


rows = st.fixed_dictionaries({
    "doc": st.sampled_from(["a.txt", "b.txt"]),
    "start": st.integers(0, 30), "end": st.integers(0, 40),
    "value": st.sampled_from([1, 2, 2.0, 3.5]), "unit": st.sampled_from(["%", "亿元", ""]),
    "kind": st.sampled_from(["target", "achievement"]), "comparator": st.sampled_from(["=", ">=", "~"]),
    "change": st.booleans(), "indicator": st.text("地区生产总值增长率", max_size=6),
})


@settings(max_examples=200, deadline=None)
@given(gold=st.lists(rows, max_size=8), pred=st.lists(rows, max_size=8))
def test_any_predictions_score_as_the_reference_scores_them(reference, gold, pred):
    ours, theirs = score_measures(gold, pred), reference.score(gold, pred)
    assert {k: ours[k] for k in NUMBERS} == {k: theirs[k] for k in NUMBERS}
    assert ours["missed"] == theirs["missed"] and ours["false_positives"] == theirs["false_positives"]


@given(st.text(max_size=8), st.text(max_size=8))
def test_char_f1_is_the_reference_char_f1(reference, a, b):
    assert char_f1(a, b) == reference.char_f1(a, b)
