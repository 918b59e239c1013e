"""Pinyin glosses printed after characters by mirror sites: found exactly, left out of the normalised view."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from luoshi.normalise import normalise
from luoshi.pipeline import process
from luoshi.read import read_bytes
from luoshi.read.pinyin import find_pinyin_glosses


def test_each_toned_gloss_after_a_character_is_a_repair_dropping_it():
    text = "經(jīng)濟發（fā）展(GDP)增長(a)6%"
    repairs = find_pinyin_glosses(text)
    assert [(r.before, r.after, r.status, r.method) for r in repairs] == [
        ("(jīng)", "", "repaired", "pinyin"), ("（fā）", "", "repaired", "pinyin")]
    assert all(text[r.span.start:r.span.end] == r.before for r in repairs)
    assert normalise(text, repairs).text == "经济发展(GDP)增长(a)6%"


def test_a_glossed_page_gives_its_targets_and_words_as_written():
    page = "二、今年工作安排\n經(jīng)濟社會發(fā)展的主要預(yù)期目標(biāo)是：地區(qū)生產(chǎn)總值增長8%；城鎮(zhèn)登記失業(yè)率控制在4.3%以內(nèi)。\n"
    doc = process(read_bytes(page.encode(), "report.txt")[0])
    assert [(t.indicator, t.value, t.comparator) for t in doc.targets] == [
        ("gdp_growth", 8, "="), ("registered_unemployment", 4.3, "<=")]
    assert [doc.normalised.written(doc.source.text, *doc.normalised.from_source(m.span.start, m.span.end))
            for m in doc.measures] == ["地區生產總值增長8%", "城鎮登記失業率控制在4.3%以內"]
    assert [m.indicator for m in doc.measures] == ["地區生產總值", "城鎮登記失業率"]


HAN = st.sampled_from("经济社会发展目标产业农村增长")
GLOSS = st.sampled_from(["(jīng)", "(jì)", "（fā）", "(zhǎn)", "(lǜ)"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(HAN, st.one_of(st.none(), GLOSS)), max_size=30),
       st.text(alphabet="abc()12% ，。", max_size=10))
def test_the_view_of_a_glossed_text_is_the_view_of_the_text_without_glosses(pairs, tail):
    glossed = "".join(c + (g or "") for c, g in pairs) + tail
    plain = "".join(c for c, _ in pairs) + tail
    repairs = find_pinyin_glosses(glossed)
    assert len(repairs) == sum(g is not None for _, g in pairs)
    assert normalise(glossed, repairs).text == normalise(plain).text
