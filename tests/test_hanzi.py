"""The common-hanzi yardstick: its data file, its Traditional forms, and what it calls plausible."""
from __future__ import annotations

import pytest

from luoshi.read.hanzi import COMMON_RANK, RANK_FILE, common_hanzi, is_common, plausibility


def test_rank_file_holds_gb2312_hanzi_once_each():
    from luoshi.data.build_hanzi_rank import gb2312_hanzi

    ranked = RANK_FILE.read_text(encoding="utf-8").strip()
    assert len(ranked) == len(set(ranked)) > 6500
    assert set(ranked) <= gb2312_hanzi()
    assert ranked[:3] == "一是人"  # the most frequent come first


def test_rank_file_is_reproducible():
    jieba = pytest.importorskip("jieba")
    from pathlib import Path

    from luoshi.data.build_hanzi_rank import ranked_hanzi

    assert ranked_hanzi(Path(jieba.__file__).with_name("dict.txt")) + "\n" == RANK_FILE.read_text(encoding="utf-8")


def test_traditional_forms_of_common_characters_are_common():
    for simplified, traditional in [("县", "縣"), ("医", "醫"), ("学", "學"), ("东", "東"), ("设", "設"), ("为", "為")]:
        assert is_common(simplified) and is_common(traditional)
    assert len(common_hanzi()) > COMMON_RANK


def test_shifted_decodings_are_rare():
    """Characters seed 002's garbled runs are made of, and ones a dropped byte pair produced."""
    assert [c for c in "褒堉鬯髺緦崿茖籰吮痪" if is_common(c)] == []


def test_plausibility_tells_text_from_a_wrong_decoding(shared):
    text = (shared / "corpus" / "seeds" / "000_04df038d627074af.txt").read_text(encoding="utf-8")
    assert plausibility(text) > 0.99
    assert plausibility(text.encode("utf-8").decode("gb18030", errors="replace")) < 0.5
    assert plausibility(text.encode("gbk").decode("big5", errors="replace")) < 0.5
    assert plausibility("") == 0.0
