"""Sentence splitting, alone and inside the structure stage."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from luoshi.model import Source
from luoshi.normalise import normalise
from luoshi.options import Options
from luoshi.read import read_path
from luoshi.structure import analyse
from luoshi.structure.headings import find_headings
from luoshi.structure.sentences import split_sentences

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
DOCS = sorted(CORPUS.glob("**/*.txt"))


def pieces(text: str, cuts=()) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, cuts)]


def test_full_stops_exclamations_questions_semicolons_and_line_breaks_end_sentences():
    text = "生产总值增长6%;投资增长8%。各位代表!怎么办?\n一、工作回顾\n正文"
    assert pieces(text) == ["生产总值增长6%;", "投资增长8%。", "各位代表!", "怎么办?", "一、工作回顾", "正文"]


def test_closing_quotes_and_brackets_stay_with_their_sentence():
    assert pieces("他说“要抓落实。”随后散会。(见附件。)完") == ["他说“要抓落实。”", "随后散会。", "(见附件。)", "完"]


def test_ascii_marks_between_ascii_characters_do_not_split():
    assert pieces("访问http://x.cn/a?id=1;b=2查看。下一句") == ["访问http://x.cn/a?id=1;b=2查看。", "下一句"]


def test_cuts_split_a_heading_glued_to_its_first_sentence():
    text = "一、2020年工作回顾刚刚过去的一年,我们奋力拼搏。"
    assert pieces(text, [text.index("刚刚")]) == ["一、2020年工作回顾", "刚刚过去的一年,我们奋力拼搏。"]


def test_whitespace_only_pieces_are_dropped():
    assert pieces("\n。\n ;\n") == ["。", ";"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="甲乙。!?;”)\n a1", max_size=60), st.lists(st.integers(0, 60), max_size=4))
def test_sentences_cover_every_visible_character_once(text, cuts):
    spans = split_sentences(text, cuts)
    covered = []
    for s, e in spans:
        assert 0 <= s < e <= len(text)
        assert not text[s].isspace() and not text[e - 1].isspace()
        assert "\n" not in text[s:e]
        assert not any(s < c < e for c in cuts)
        covered.extend(range(s, e))
    assert covered == sorted(set(covered))
    assert set(covered) >= {i for i, ch in enumerate(text) if not ch.isspace()}


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name)
def test_corpus_sentences_lie_in_their_section_and_headings_stand_alone(path):
    (source,) = read_path(path, Options())
    st_ = analyse(source, normalise(source.text, source.repairs))
    assert st_.sentences
    for i, s in enumerate(st_.sentences):
        assert s.index == i
        sec = st_.sections[s.section]
        assert sec.span.start <= s.span.start and s.span.end <= sec.span.end
        deeper = [c for c in st_.sections if c.parent == sec.index and c.span.start <= s.span.start < c.span.end]
        assert not deeper, "the innermost section"
    norm = normalise(source.text, source.repairs)
    sentence_spans = {s.span for s in st_.sentences}
    for h in find_headings(norm.text):
        assert norm.to_source(h.start, h.end) in sentence_spans, "a heading is a sentence of its own"


def test_a_wrapped_heading_is_one_sentence():
    text = "第五章 把握“双区”机遇，全面参与肇庆“一带一廊\n一区”，推动区域协调高质量发展\n正文。"
    source = Source(name="t.txt", path=None, sha256="", format="txt", encoding="utf-8", text=text)
    spans = [text[s.span.start:s.span.end] for s in analyse(source, normalise(text)).sentences]
    assert spans == ["第五章 把握“双区”机遇，全面参与肇庆“一带一廊\n一区”，推动区域协调高质量发展", "正文。"]
