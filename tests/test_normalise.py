"""The normalised view and its offset map.

Guarantees tested here (``n = normalise(source)``):

* shape: ``len(src_start) == len(src_end) == len(n.text)``; every character
  maps to a non-empty source span inside the source; both arrays are
  non-decreasing; two characters' spans are either equal (one *unit*, e.g. a
  repair) or disjoint.
* nothing real is lost: every source character outside all spans is
  whitespace or invisible, or on a line that is a marked page number.
* per character: a character mapped to one source character ``c`` is
  ``fold(c)`` or ``fold(t2s(c))``.
* slices: for a normalised span ``[a, b)`` that cuts no unit and neither
  starts nor ends with whitespace, normalising the source slice it maps to
  gives back exactly ``n.text[a:b]`` — as long as no OpenCC phrase crosses
  ``a`` or ``b``. Random texts therefore draw Chinese characters from an
  alphabet that occurs in no OpenCC phrase; corpus spans start and end at
  punctuation.
* ``from_source(to_source(a, b)) == (a, b)`` for spans that cut no unit, and
  ``from_source`` returns exactly the characters whose spans overlap.
"""
from __future__ import annotations

import itertools
import random
import re
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from luoshi.data.chrome_patterns import PAGE_NUMBER_MARKED
from luoshi.data.punctuation import FOLD
from luoshi.model import Repair, Source, Span
from luoshi.normalise import normalise, to_simplified
from luoshi.pipeline import process

CORPUS = sorted((Path(__file__).resolve().parents[2] / "shared" / "corpus").glob("**/*.txt"))
WHITESPACE_OR_INVISIBLE = re.compile(r"[\s\u200b-\u200f\u2060-\u2064\ufeff\ufffc\ue000-\uf8ff\x00-\x1f\x7f-\x9f\xad]")

# Traditional characters (and their Simplified forms) that occur in no key of
# OpenCC's TSPhrases dictionary, so their conversion does not depend on context.
CONTEXT_FREE_HAN = "政府作報告議經濟展區陂實現設學億總長為與對從這個們時進義廣將產業農鄉村綜合體質環護醫療衛雙興稅財務貸幣價場"
CONTEXT_FREE_HAN += to_simplified(CONTEXT_FREE_HAN)
SYMBOLS = "，。；：、“”（）！？％．０１２３４５６７８９ＡＢＣａｂｃ　\u00a0\u3000\ue7e3\u200b﹝﹞〔〕—"
ASCII = "abcXYZ0123456789 .,:;()%-\t"

texts = st.text(alphabet=st.sampled_from(CONTEXT_FREE_HAN + SYMBOLS + ASCII + "\n"), max_size=120)


def fold(c: str) -> str:
    return FOLD.get(c, c)


def check_shape(source: str, n) -> None:
    assert len(n.src_start) == len(n.src_end) == len(n.text)
    assert n.source_length == len(source)
    prev = (0, 0)
    for s, e in zip(n.src_start, n.src_end):
        assert 0 <= s < e <= len(source)
        assert (s, e) == prev or s >= prev[1], "spans overlap without being one unit"
        prev = (s, e)


PAGE_LINE = re.compile(rf"^{PAGE_NUMBER_MARKED}$", re.MULTILINE)


def check_nothing_lost(source: str, n) -> None:
    covered = bytearray(len(source))
    for s, e in zip(n.src_start, n.src_end):
        covered[s:e] = b"\x01" * (e - s)
    for page in PAGE_LINE.finditer(source):
        covered[page.start():page.end()] = b"\x01" * (page.end() - page.start())
    for i, c in enumerate(source):
        if not covered[i]:
            assert WHITESPACE_OR_INVISIBLE.match(c), f"dropped {c!r} at {i}"


def check_chars(source: str, n) -> None:
    for i, (s, e) in enumerate(zip(n.src_start, n.src_end)):
        if e - s == 1:
            c = source[s]
            assert n.text[i] in {fold(c), to_simplified(fold(c))}, (i, c)


def units(n) -> list[int]:
    """Indices where a new unit starts (plus len(text))."""
    cuts = [i for i in range(len(n.text)) if i == 0 or (n.src_start[i], n.src_end[i]) != (n.src_start[i - 1], n.src_end[i - 1])]
    return cuts + [len(n.text)]


# --- examples ------------------------------------------------------------


def test_letter_spaced_traditional_title_becomes_one_simplified_word():
    n = normalise("  政 府 工 作 報 告\n")
    assert n.text == "政府工作报告"
    assert n.to_source(0, 6) == Span(2, 13)


def test_full_width_digits_letters_and_ascii_punctuation_fold():
    n = normalise("ＧＤＰ增長６．５％，（一）目標：")
    assert n.text == "GDP增长6.5%,(一)目标:"


def test_radicals_compatibility_ideographs_and_japanese_forms_fold_to_the_chinese_character():
    # a PDF font's radicals (U+2F63 ⽣, U+2ED3 ⻓), a compatibility ideograph (U+F9A8 令), an IME's Japanese forms
    source = "地区\u2f63产总值増长6%,\u2ed3期経済,\uf9a8"
    assert normalise(source).text == "地区生产总值增长6%,长期经济,令"
    doc = run("今年主要预期目标:地区\u2f63产总值増长6%左右。")
    assert [(m.indicator_simplified, m.value, m.change) for m in doc.measures] == [("地区生产总值", 6, True)]


def test_chinese_only_punctuation_is_kept_and_note_brackets_unify():
    assert normalise("“十四五”、《規劃》。﹝16﹞〔1〕").text == "“十四五”、《规划》。〔16〕〔1〕"


def test_spaces_next_to_chinese_go_but_separate_ascii_words():
    assert normalise("2035 年 Smart  City 2 3").text == "2035年Smart City 2 3"


def test_blank_lines_and_indents_collapse_to_one_newline():
    n = normalise("\n\n  第一行 \n\u3000\u3000\n\n\u00a0第二行\n\n")
    assert n.text == "第一行\n第二行"


def test_private_use_and_zero_width_characters_are_dropped():
    assert normalise("我的\ue7e3收藏\u200b。").text == "我的收藏。"


def test_tab_between_cells_is_kept_once():
    assert normalise("指标\t\t2025年").text == "指标\t2025年"


def test_repair_replaces_its_span_and_every_char_maps_to_all_of_it():
    source = "依托?耙劳發展"
    rep = Repair(span=Span(2, 5), before="?耙劳", after="縣城", status="repaired")
    n = normalise(source, [rep])
    assert n.text == "依托县城发展"
    assert [n.to_source(i, i + 1) for i in (2, 3)] == [Span(2, 5), Span(2, 5)]
    assert n.from_source(2, 3) == (2, 4)


def test_flagged_repairs_leave_the_text_alone():
    source = "依托?耙劳發展"
    rep = Repair(span=Span(2, 5), before="?耙劳", after=None, status="flagged")
    assert normalise(source, [rep]).text == "依托?耙劳发展"


def test_a_converter_that_changes_lengths_is_redone_per_character():
    def convert(text: str) -> str:  # a phrase that grows, a character that grows
        return text.replace("乾隆", "乾-隆").replace("㐀", "ab")

    source = "年號乾隆。\n甲㐀丁\n尾"
    n = normalise(source, convert=convert)
    assert n.text == "年號乾隆。\n甲ab丁\n尾"
    check_shape(source, n)
    assert [n.to_source(i, i + 1).text(source) for i in range(len(n.text))] == list("年號乾隆。\n甲㐀㐀丁\n尾")


def test_empty_and_whitespace_only_texts():
    assert normalise("").text == ""
    n = normalise(" \n\u3000\n")
    assert (n.text, len(n.src_start)) == ("", 0)
    assert n.to_source(0, 0) == Span(4, 4)


# --- properties on random text ------------------------------------------


@settings(max_examples=300, deadline=None)
@given(texts)
def test_map_shape_and_content_on_random_text(source):
    n = normalise(source)
    check_shape(source, n)
    check_nothing_lost(source, n)
    check_chars(source, n)


@settings(max_examples=300, deadline=None)
@given(texts, st.data())
def test_spans_map_back_to_source_slices_that_normalise_the_same(source, data):
    n = normalise(source)
    cuts = units(n)
    a = data.draw(st.sampled_from(cuts))
    b = data.draw(st.sampled_from(cuts))
    a, b = min(a, b), max(a, b)
    span = n.to_source(a, b)
    if a < b:
        assert n.from_source(span.start, span.end) == (a, b)
        if not n.text[a].isspace() and not n.text[b - 1].isspace():
            assert normalise(source[span.start:span.end]).text == n.text[a:b]


@settings(max_examples=200, deadline=None)
@given(texts, st.integers(0, 130), st.integers(0, 130))
def test_from_source_returns_exactly_the_overlapping_characters(source, s, e):
    s, e = sorted((min(s, len(source)), min(e, len(source))))
    n = normalise(source)
    lo, hi = n.from_source(s, e)
    if s < e:
        overlapping = [i for i in range(len(n.text)) if n.src_start[i] < e and n.src_end[i] > s]
        assert list(range(lo, hi)) == overlapping
    else:
        assert lo == hi


@settings(max_examples=200, deadline=None)
@given(texts, st.data())
def test_repairs_on_random_text(source, data):
    k = data.draw(st.integers(0, 3))
    cut = sorted(data.draw(st.lists(st.integers(0, len(source)), min_size=2 * k, max_size=2 * k)))
    afters = data.draw(st.lists(st.text(alphabet=CONTEXT_FREE_HAN, min_size=0, max_size=4), min_size=k, max_size=k))
    reps = [
        Repair(span=Span(cut[2 * i], cut[2 * i + 1]), before=source[cut[2 * i]:cut[2 * i + 1]], after=afters[i], status="repaired")
        for i in range(k)
    ]
    n = normalise(source, reps)
    check_shape(source, n)
    for r in reps:
        lo, hi = n.from_source(r.span.start, r.span.end)
        inside = [i for i in range(len(n.text)) if (n.src_start[i], n.src_end[i]) == (r.span.start, r.span.end)]
        if r.after and r.span.start < r.span.end:
            assert n.text[inside[0]:inside[-1] + 1] == to_simplified(r.after)
            assert list(range(lo, hi)) == inside


# --- the corpus ---------------------------------------------------------


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_corpus_documents(path):
    source = path.read_text(encoding="utf-8")
    n = normalise(source)
    check_shape(source, n)
    check_nothing_lost(source, n)
    check_chars(source, n)
    # spans between punctuation marks cut no OpenCC phrase: they renormalise identically
    marks = [m.end() for m in re.finditer(r"[,。;:、\n]", n.text)]
    rng = random.Random(path.name)
    for _ in range(200):
        a, b = sorted(rng.sample(marks, 2))
        if a < b and not n.text[a].isspace() and not n.text[b - 1].isspace():
            span = n.to_source(a, b)
            assert normalise(source[span.start:span.end]).text == n.text[a:b]
            assert n.from_source(span.start, span.end) == (a, b)


def test_traditional_report_reads_as_simplified():
    path = next(p for p in CORPUS if p.name.startswith("002_"))
    n = normalise(path.read_text(encoding="utf-8"))
    assert n.text.startswith("政府工作报告\n")
    assert "\n2022年工作回顾\n" in n.text
    assert "2022年工作回顧" in path.read_text(encoding="utf-8")


def test_web_copy_loses_indents_and_icons():
    path = next(p for p in CORPUS if p.name.startswith("003_"))
    source = path.read_text(encoding="utf-8")
    n = normalise(source)
    assert "\ue7e3" in source and "\ue7e3" not in n.text
    assert "\n政府工作报告\n" in n.text
    assert "\n一、过去五年工作回顾\n" in n.text


# --- hard-wrapped documents (PDF copies) ----------------------------------

NO_LINE_START = set("，。、；：！？）”’》％%,.;:!?)…")  # marks a typesetter never puts first on a line
INDENT = "\u3000\u3000"


def rewrap(text: str, width: int, indent: str = INDENT) -> str:
    """Break each paragraph (source line) into lines ``width`` wide, as a PDF does.

    ASCII counts half; a closing mark stays on its line (it hangs); a run of
    ASCII letters/digits is not broken; a space where a line breaks is dropped.
    """
    lines: list[str] = []
    for para in text.split("\n"):
        para = para.strip(" \t\u3000")
        if not para:
            lines.append("")
            continue
        line, used = "", 0.0
        for c in indent + para:
            w = 0.5 if c.isascii() else 1.0
            in_word = line[-1:].isascii() and line[-1:].isalnum() and c.isascii() and c.isalnum()
            if used + w > width and line and c not in NO_LINE_START and not in_word:
                lines.append(line)
                line, used = "", 0.0
                if c == " ":  # a space at a line break is not typeset
                    continue
            line, used = line + c, used + w
        lines.append(line)
    return "\n".join(lines)


def run(text: str):
    return process(Source(name="t.txt", path=None, sha256="0" * 64, format="txt", encoding="utf-8", text=text))


def measure_key(m):
    return (m.value, m.unit, m.comparator, m.kind, m.indicator)


def target_key(t):
    return (t.indicator, t.value, t.unit, t.comparator)


@pytest.mark.parametrize(("name", "width"), [("zhumadian_2019_gwr.txt", 34), ("002_ab862bf384cb27d5.txt", 30)])
def test_a_hard_wrapped_report_reads_as_its_original(name, width):
    source = next(p for p in CORPUS if p.name == name).read_text(encoding="utf-8")
    wrapped = rewrap(source, width)
    assert wrapped.count("\n") > 4 * source.count("\n")
    plain, doc = run(source), run(wrapped)
    assert [measure_key(m) for m in doc.measures] == [measure_key(m) for m in plain.measures]
    assert [target_key(t) for t in doc.targets] == [target_key(t) for t in plain.targets]
    assert len(doc.targets) >= 8
    assert [(s.label, s.title, s.level, s.role) for s in doc.sections] == [
        (s.label, s.title, s.level, s.role) for s in plain.sections
    ]
    quotes = [doc.quote(m.span) for m in doc.measures]
    assert [q.replace("\n", "") for q in quotes] == [plain.quote(m.span) for m in plain.measures]
    assert sum("\n" in q for q in quotes) > 20  # many quotes do cross a wrap
    # nearly every wrap is gone: a paragraph per line, bar a few that wrap right after a sentence
    assert doc.normalised.text.count("\n") <= plain.normalised.text.count("\n") + 10


def test_wrapped_words_join_and_map_back_across_the_break():
    sentence = "今年主要预期目标是：地区生产总值增长6%左右，城镇新增就业5万人，居民人均可支配收入增长7%。"
    body = "\n".join([sentence, "二、重点工作", "坚持稳中求进工作总基调，完整、准确、全面贯彻新发展理念，加快构建新发展格局。"] * 4)
    source = rewrap(body, 27, indent="")  # 27 wide: 今年…城镇新增就|业5万人
    assert "就\n业" in source
    n = normalise(source)
    assert n.text.split("\n")[0] == to_simplified(sentence).replace("：", ":").replace("，", ",")
    assert "\n二、重点工作\n" in n.text  # a heading stays on its own line
    start = n.text.index("就业")
    assert n.to_source(start, start + 2).text(source) == "就\n业"
    assert [m.indicator for m in run(source).measures][:2] == ["地区生产总值", "城镇新增就业"]


def test_documents_that_are_not_hard_wrapped_keep_their_lines():
    short = "今年主要预期目标是：地区生产总\n值增长6%左右，城镇新增就\n业5万人。"  # too few lines to tell
    assert normalise(short).text == "今年主要预期目标是:地区生产总\n值增长6%左右,城镇新增就\n业5万人。"
    for path in CORPUS:  # one paragraph per line: every line stays
        source = path.read_text(encoding="utf-8")
        lines = [line for line in source.split("\n") if normalise(line).text]
        assert normalise(source).text.count("\n") == len(lines) - 1, path.name


paragraphs = st.lists(st.text(alphabet=st.sampled_from(CONTEXT_FREE_HAN + SYMBOLS + ASCII), min_size=40, max_size=240),
                      min_size=3, max_size=12)


@settings(max_examples=150, deadline=None)
@given(paragraphs, st.integers(15, 40), st.sampled_from(["", INDENT, "  "]))
def test_map_invariants_on_random_wrapped_text(paras, width, indent):
    source = rewrap("\n".join(paras), width, indent)
    n = normalise(source)
    check_shape(source, n)
    check_nothing_lost(source, n)
    check_chars(source, n)
    # the text is the unwrapped text but for whitespace (a wrap joins; a break kept between two
    # ASCII words stands where the unwrapped text has their space or tab)
    assert re.sub(r"\s", "", n.text) == re.sub(r"\s", "", normalise("\n".join(paras)).text)
    cuts = units(n)
    for a, b in itertools.pairwise(cuts):
        span = n.to_source(a, b)
        assert n.from_source(span.start, span.end) == (a, b)


def test_a_typeset_pdf_read_back_gives_the_reports_targets(tmp_path):
    """The real thing: a report typeset as a PDF (justified, indented paragraphs), read with pypdf."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from luoshi.options import Options
    from luoshi.read import read_path

    text = next(p for p in CORPUS if p.name == "zhumadian_2019_gwr.txt").read_text(encoding="utf-8")
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("body", fontName="STSong-Light", fontSize=12, leading=18, wordWrap="CJK", firstLineIndent=24)
    path = tmp_path / "report.pdf"
    paras = [line.strip().replace("&", "&amp;").replace("<", "&lt;") for line in text.split("\n") if line.strip()]
    SimpleDocTemplate(str(path), pagesize=A4).build([Paragraph(p, style) for p in paras])
    source = next(read_path(path, Options()))
    assert source.text.count("\n") > 10 * len(paras)  # hard-wrapped
    plain, doc = run(text), process(source, Options())
    assert [target_key(t) for t in doc.targets] == [target_key(t) for t in plain.targets]
    same = sum(a == b for a, b in zip(map(measure_key, doc.measures), map(measure_key, plain.measures)))
    assert len(doc.measures) == len(plain.measures) and same >= 0.98 * len(plain.measures)


# --- page numbers of a printed report ------------------------------------


@pytest.mark.parametrize("page", ["\n\n— 2 —\n\n\f", "\n- 2 -\n", "\n第2页\n", "\n\u3000\u3000－２－\n\n"])
def test_a_page_number_line_is_left_out_and_its_paragraph_runs_on(page):
    paragraph = "全年地区生产总值增长6%左右，城镇新增就业12000人以上，居民人均可支配收入增长7%。"
    body = "\n".join([paragraph] * 12)
    lines = rewrap(body, 20).split("\n")
    k = next(k for k in range(len(lines) // 2, len(lines)) if not lines[k].endswith("。"))  # mid-paragraph
    source = "\n".join(lines[:k + 1]) + page + "\n".join(lines[k + 1:])
    n = normalise(source)
    assert n.text == "\n".join([to_simplified(paragraph).replace("，", ",")] * 12)
    check_shape(source, n)
    check_nothing_lost(source, n)


def test_page_numbers_between_paragraphs_and_at_the_end_go_too():
    source = "一、工作回顾\n— 1 —\n全年完成投资120亿元。\n\n第 2 页 共 2 页\n"
    assert normalise(source).text == "一、工作回顾\n全年完成投资120亿元。"


def test_numbers_that_are_not_page_numbers_stay():
    source = "新建学校\n12\n所。\n2024\n第三页\n－\n"
    assert normalise(source).text == "新建学校\n12\n所。\n2024\n第三页\n-"


def with_page_numbers(text: str, every: int = 40) -> str:
    """``text`` with a page-number line (``— n —``) after every ``every`` lines, as a printed copy has."""
    lines = text.split("\n")
    return "\n".join(line + (f"\n— {i // every + 1} —" if i % every == every - 1 else "") for i, line in enumerate(lines))


@pytest.mark.parametrize(("name", "width"), [("zhumadian_2019_gwr.txt", 34), ("002_ab862bf384cb27d5.txt", 40)])
def test_a_hard_wrapped_report_with_page_numbers_reads_as_its_original(name, width):
    source = next(p for p in CORPUS if p.name == name).read_text(encoding="utf-8")
    printed = with_page_numbers(rewrap(source, width))
    assert printed.count(" —\n") >= 10
    plain, doc = run(source), run(printed)
    assert [target_key(t) for t in doc.targets] == [target_key(t) for t in plain.targets]
    assert [(s.label, s.title, s.level, s.role) for s in doc.sections] == [
        (s.label, s.title, s.level, s.role) for s in plain.sections
    ]
    assert [measure_key(m) for m in doc.measures] == [measure_key(m) for m in plain.measures]
    assert " —" not in doc.normalised.text


@settings(max_examples=150, deadline=None)
@given(paragraphs, st.integers(15, 40), st.sampled_from(["", INDENT]), st.integers(2, 9))
def test_map_invariants_on_random_wrapped_text_with_page_numbers(paras, width, indent, every):
    unwrapped = "\n".join(paras)
    assume(not PAGE_LINE.search(rewrap(unwrapped, width, indent)))  # a line of the text itself that looks like one
    source = with_page_numbers(rewrap(unwrapped, width, indent), every)
    n = normalise(source)
    check_shape(source, n)
    check_nothing_lost(source, n)
    check_chars(source, n)
    assert re.sub(r"\s", "", n.text) == re.sub(r"\s", "", normalise(unwrapped).text)


# --- the words as written -------------------------------------------------


def test_written_leaves_out_what_normalising_dropped():
    source = "全市社會消費品零\n\n— 6 —\n\n\f售總額增長10%以上。"
    n = normalise(source)
    a = n.text.index("社会")
    b = n.text.index("增长")
    assert n.written(source, a, b).replace("\n", "") == "社會消費品零售總額"
    assert n.written(source, b, b) == ""


@settings(max_examples=200, deadline=None)
@given(texts, st.data())
def test_written_is_the_source_of_each_character_once(source, data):
    n = normalise(source)
    a, b = sorted(data.draw(st.lists(st.integers(0, len(n.text)), min_size=2, max_size=2)))
    pieces, last = [], None
    for i in range(a, b):
        unit = (n.src_start[i], n.src_end[i])
        if unit != last:
            pieces.append(source[unit[0]:unit[1]])
            last = unit
    assert n.written(source, a, b) == "".join(pieces)


def test_a_heading_label_broken_after_its_opening_bracket_runs_on():
    text = "一、回顾\n新增企业10家。\n（\n二）扩大开放。\n“\n口袋公园”建成。\n（一）\n正文。"
    n = normalise(text)
    # only the rest of a label joins: a lone quote mark may open anything (and a slice of a line starting at it
    # would read differently from the whole line)
    assert n.text.split("\n") == ["一、回顾", "新增企业10家。", "(二)扩大开放。", "“", "口袋公园”建成。", "(一)", "正文。"]
    start = n.text.index("(二)")
    span = n.to_source(start, start + 3)
    assert text[span.start:span.end] == "（\n二）"


def _ragged(paragraphs: list[str], widths: list[int], mark: str) -> str:
    """Wrap each paragraph at widths taken in turn (a web copy of a PDF: full lines of uneven width), with
    ``mark`` after each paragraph."""
    lines, k = [], 0
    for para in paragraphs:
        rest = para + mark
        while len(rest) > widths[k % len(widths)]:
            lines.append(rest[:widths[k % len(widths)]])
            rest = rest[widths[k % len(widths)]:]
            k += 1
        lines.append(rest)
    return "\n".join(lines)


RAGGED_PARAS = [
    "某县政府工作报告",
    "各位代表:",
    "一、2030年工作回顾",
    "过去一年,全县上下团结一心,攻坚克难,经济运行稳中向好,社会大局保持稳定。全县生产总值完成"
    "188.6亿元,同比增长6.2%;一般公共预算收入完成12.4亿元,增长5.1%;社会消费品零售总额实现"
    "86.3亿元,增长7.5%;城乡居民人均可支配收入分别达31250元和15680元,增长6.8%和8.1%。",
    "(一)产业发展提质增效。新增规模以上工业企业26家,完成技改投资15亿元,占工业投资的比重达"
    "41.2%;关闭、整治落后企业18家,单位地区生产总值能耗下降3.5%,新增省级专精特新企业9家、"
    "高新技术企业14家,县域经济综合实力进一步增强。",
    "(二)城乡面貌持续改善。新改建农村公路126公里,改造老旧小区32个,新增城市绿地面积"
    "12万平方米,农村生活污水治理率达到58%,群众的获得感、幸福感、安全感不断增强。",
    "教育、医疗、养老等民生事业全面进步,新建幼儿园6所、中小学3所,新增学位近四千个;建成乡镇卫生院"
    "标准化门诊12个,新增养老床位560张,城乡低保标准分别提高到每月780元和620元。",
]


def test_a_ragged_hard_wrap_with_stray_marks_joins_its_lines():
    text = _ragged(RAGGED_PARAS, [37, 34, 39, 35, 38, 33, 36], "K7q")
    assert max(map(len, text.split("\n"))) <= 40 and text.count("\n") > 12
    lines = normalise(text).text.split("\n")
    assert lines == [p + "K7q" for p in RAGGED_PARAS]


def test_one_paragraph_per_line_with_uneven_lengths_keeps_its_lines():
    text = "\n".join(p[:k] + "。" for p in RAGGED_PARAS[3:] for k in (20, 28, 33, 36, 39))
    assert normalise(text).text == text.replace(",", ",").replace(";", ";")


def test_a_ragged_hard_wrap_without_marks_joins_its_mid_sentence_breaks():
    text = _ragged(RAGGED_PARAS, [37, 34, 39, 35, 38, 33, 36], "")
    lines = normalise(text).text.split("\n")
    assert "".join(lines) == "".join(RAGGED_PARAS)
    assert len(lines) <= len(RAGGED_PARAS) + 2  # without marks, a wrap right after a sentence end stays
    starts = tuple(p[:6] for p in RAGGED_PARAS)
    assert all(line.startswith(starts) or before.endswith("。") for before, line in zip([""] + lines, lines))
