"""GBK read one byte out of step: seed 002's runs, the rest of the corpus, and simulated runs."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from luoshi.read.mojibake import LOST, find_repairs

SEED_002 = "seeds/002_ab862bf384cb27d5.txt"

# Read off seed 002 by hand: each run is the decoder's "?" for a lost lead byte and the
# characters read out of step after it. What the text was (context: 問題。“依托縣域, 專科醫院,
# 規模化發展, 縮小;) is noted where the bytes say it; "—" where a byte is unrecoverable.
RUNS_002 = [
    (741, "?!耙劳锌h", "repaired", LOST + "“依托縣"),  # 問題。“依托縣域
    (2220, "?!褒堉鬯逼陂g", "flagged", None),  # 。“龍舟水”期間: the pair 水|” was dropped → 吮
    (3104, "?!按髺|", "repaired", LOST + "“大東"),  # 初顯。“大東山溫泉”
    (4106, "?!?", "flagged", None),  # 學校”。 — the trail byte of ” stood alone
    (4237, "?;緦崿F", "flagged", None),  # 。基本實現: the pair 基|本 was dropped → 痪
    (12631, "??平ㄔO", "repaired", LOST + "科建設"),  # 特色專科建設
    (12710, "??漆t", "repaired", LOST + "科醫"),  # 特色專科醫院
    (13231, "??茖W", "repaired", LOST + "科學"),  # 規范。科學民主
    (13411, "?!?", "flagged", None),  # 保“三保”</span> — the trail byte of ” stood alone
    (14528, "?;l", "flagged", None),  # 規模化發展: the pair 化|發 was dropped → 籰
    (15178, "??", "flagged", None),  # 縮小; — 小 lost whole
]


@pytest.fixture(scope="module")
def corpus(shared: Path) -> dict[str, str]:
    files = sorted((shared / "corpus").glob("seeds/*.txt")) + sorted((shared / "corpus").glob("dev/*/*.txt"))
    return {str(f.relative_to(shared / "corpus")): f.read_text(encoding="utf-8") for f in files}


def test_seed_002_runs_are_found_exactly(corpus):
    text = corpus[SEED_002]
    found = [(r.span.start, r.before, r.status, r.after) for r in find_repairs(text)]
    assert found == RUNS_002
    for start, before, _, _ in RUNS_002:
        assert text[start:start + len(before)] == before


def test_every_question_mark_of_seed_002_is_inside_a_run(corpus):
    text = corpus[SEED_002]
    spans = [r.span for r in find_repairs(text)]
    marks = [m.start() for m in re.finditer(r"\?", text)]
    assert len(marks) == 17
    assert all(any(s.start <= at < s.end for s in spans) for at in marks)


def test_no_repairs_in_the_other_nine_documents(corpus):
    others = {name: find_repairs(text) for name, text in corpus.items() if name != SEED_002}
    assert len(others) == 9
    assert all(repairs == () for repairs in others.values())


def test_question_marks_in_clean_text_are_left_alone(corpus):
    """Sentence and list marks turned into ASCII "?" (as a folded ？ would be) are no mojibake."""
    for name, text in corpus.items():
        if name == SEED_002:
            continue
        for mark in "。，,、":
            assert find_repairs(text.replace(mark, "?")) == (), (name, mark)


def test_real_questions_are_left_alone():
    text = "为什么要这样做?我们的回答是:发展才是硬道理。怎么办?!办法总比困难多。是吗??当然。"
    assert find_repairs(text) == ()


FOLD = str.maketrans("！；？", "!;?")


def garble(text: str, cut: int) -> tuple[str, int] | None:
    """What an out-of-step GBK decoder makes of ``text`` cut inside character ``cut``.

    Returns the garbled text (full-width ！；？ folded to ASCII, as in seed 002)
    and the garbled run's length, or None when the bytes never fall back in step.
    """
    raw = text[cut:].encode("gbk")
    run, i = ["?"], 1
    while i < len(raw):
        if raw[i] < 0x80:  # a trail byte read on its own: back in step after it
            run.append(chr(raw[i]))
            break
        run.append(raw[i:i + 2].decode("gbk"))
        i += 2
    else:
        return None
    garbled = text[:cut] + "".join(run) + raw[i + 1:].decode("gbk")
    return garbled.translate(FOLD), len(run)


def _clean_paragraphs(text: str) -> list[str]:
    paragraphs = []
    for line in text.split("\n"):
        try:
            line.encode("gbk")
        except UnicodeEncodeError:
            continue
        if len(line) > 40 and "?" not in line:
            paragraphs.append(line)
    return paragraphs


def test_simulated_runs_are_never_repaired_wrongly(corpus):
    """Cut seed 002's clean paragraphs at every point: a repair lies inside the garbled run
    and restores the original characters (a run with a second ``?`` may be repaired in part).

    Exhaustive rather than sampled, so the check is the same on every run.
    """
    checked = 0
    for paragraph in _clean_paragraphs(corpus[SEED_002]):
        for cut in range(1, len(paragraph) - 1):
            try:
                garbled = garble(paragraph, cut)
            except UnicodeDecodeError:  # an out-of-step pair that is not GBK: such bytes get dropped
                continue
            if garbled is None:
                continue
            text, length = garbled
            # The garbled run covers text[cut:cut + length] and stands for paragraph[cut:resume].
            resume = len(paragraph) - (len(text) - (cut + length))
            for r in find_repairs(text):
                assert cut <= r.span.start < r.span.end <= cut + length, (paragraph, cut, r)
                if r.status == "repaired":
                    assert r.after.startswith(LOST), (paragraph, cut, r)
                    assert r.after[1:] in paragraph[cut:resume], (paragraph, cut, r)
            checked += 1
    assert checked > 1000


def test_simulated_runs_are_mostly_found(corpus):
    """Recall on every cut of seed 002's clean paragraphs whose run starts with a non-ASCII character."""
    cases = found = 0
    for paragraph in _clean_paragraphs(corpus[SEED_002]):
        for cut in range(1, len(paragraph) - 1):
            try:
                garbled = garble(paragraph, cut)
            except UnicodeDecodeError:
                continue
            if garbled is None or garbled[0][cut + 1] < "\x80" and garbled[0][cut + 1] not in "!;?":
                continue
            cases += 1
            found += any(r.span.start == cut for r in find_repairs(garbled[0]))
    assert cases > 1000
    assert found / cases > 0.6
