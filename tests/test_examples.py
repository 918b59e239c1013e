"""The bundled example documents (luoshi/examples/) and what the pipeline reads in them.

The examples are what ``luoshi demo`` shows, so two things are checked: the
files themselves are well formed (UTF-8, one paragraph per line, every 〔n〕
note cited and defined, sidecars consistent with the text), and the pipeline
finds in them what a reader finds: a review and a plan section, the headline
targets block, the notes as glossary entries, sidecar metadata, and — for the
fulfilment demo — a 2024 review figure for each 2023 headline target.
"""
from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from pathlib import Path

import pytest

import luoshi
from luoshi.extract.indicators import canonical_indicator
from luoshi.model import Document, Span
from luoshi.pipeline import read

EXAMPLES = Path(luoshi.__file__).parent / "examples"
REPORT_2023 = "shili_2023_gwr.txt"
REPORT_2024 = "shili_2024_gwr.txt"
PLAN = "shilixian_14th_fyp.txt"
ALL = (REPORT_2023, REPORT_2024, PLAN)
REPORTS = (REPORT_2023, REPORT_2024)

NOTE_RE = re.compile(r"〔(\d+)〕")
HEADLINE_CUE = "主要预期目标是"
PLAN_TARGET_CUE = "主要目标是"


def _text(name: str) -> str:
    return (EXAMPLES / name).read_text(encoding="utf-8")


def _sidecar(name: str) -> dict:
    return json.loads((EXAMPLES / f"{name}.meta.json").read_text(encoding="utf-8"))


@cache
def _doc(name: str) -> Document:
    return read(EXAMPLES / name)


def _line_span(text: str, cue: str) -> Span:
    """The source span of the one line holding ``cue``."""
    assert text.count(cue) == 1, f"{cue!r} should occur once"
    at = text.index(cue)
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return Span(start, len(text) if end < 0 else end)


def _fold(text: str) -> str:
    """Full-width punctuation as ASCII, as in the normalised view."""
    return unicodedata.normalize("NFKC", text)


def _inside(inner: Span, outer: Span) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def _sections_with_role(doc: Document, role: str):
    return [s for s in doc.sections if s.role == role]


# ---------------------------------------------------------------- the files


@pytest.mark.parametrize("name", ALL)
def test_file_is_utf8_with_unix_lines_and_no_blank_lines(name):
    raw = (EXAMPLES / name).read_bytes()
    text = raw.decode("utf-8")
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert "\r" not in text
    assert text.endswith("\n")
    assert all(line.strip() == line and line for line in text.split("\n")[:-1])
    assert 5_000 <= len(raw) <= 12_000


@pytest.mark.parametrize("name", REPORTS)
def test_every_note_marker_is_defined_and_every_note_is_cited(name):
    text = _text(name)
    lines = text.split("\n")
    note_lines = [line for line in lines if NOTE_RE.match(line)]
    body = "\n".join(line for line in lines if not NOTE_RE.match(line))
    defined = [int(NOTE_RE.match(line).group(1)) for line in note_lines]
    cited = {int(n) for n in NOTE_RE.findall(body)}
    assert defined == list(range(1, len(defined) + 1))
    assert cited == set(defined)
    for line in note_lines:
        term = NOTE_RE.sub("", line, count=1).split("：", 1)[0]
        assert term and term in body, f"note term {term!r} not used in the body"


@pytest.mark.parametrize("name", ALL)
def test_sidecar_agrees_with_the_text(name):
    meta = _sidecar(name)
    text = _text(name)
    assert set(meta) == {"region", "parent_region", "level", "year", "doc_type"}
    assert meta["region"] in text.split("\n", 3)[0] + text.split("\n", 3)[1]
    assert str(meta["year"]) in text.split("\n", 2)[1]
    assert meta["level"] in {"prefecture", "county"}


def test_2024_review_reports_on_each_2023_headline_indicator():
    """Words of each 2023 headline indicator recur in the 2024 review (fulfilment demo)."""
    block = _line_span(_text(REPORT_2023), HEADLINE_CUE).text(_text(REPORT_2023))
    text_2024 = _text(REPORT_2024)
    review = text_2024[text_2024.index("一、2023年工作回顾"):text_2024.index("二、2024年工作安排")]
    for name in ("地区生产总值", "规模以上工业增加值", "固定资产投资", "社会消费品零售总额",
                 "外贸进出口总额", "一般公共预算收入", "城镇新增就业", "城镇调查失业率",
                 "居民消费价格", "研发经费投入强度", "单位地区生产总值能耗", "粮食"):
        assert name in block and name in review, name


# ---------------------------------------------------------------- the pipeline


@pytest.mark.parametrize("name", ALL)
def test_reads_without_error_and_keeps_the_source_text(name):
    doc = _doc(name)
    assert doc.name == name
    assert doc.text == _text(name)
    assert doc.sentences


@pytest.mark.parametrize("name", ALL)
def test_has_a_review_section_before_a_plan_section(name):
    doc = _doc(name)
    reviews = _sections_with_role(doc, "review")
    plans = _sections_with_role(doc, "plan")
    assert reviews and plans
    assert min(s.span.start for s in reviews) < min(s.span.start for s in plans)


@pytest.mark.parametrize(
    ("name", "review_heading", "plan_heading"),
    [
        (REPORT_2023, "一、2022年工作回顾", "二、2023年工作安排"),
        (REPORT_2024, "一、2023年工作回顾", "二、2024年工作安排"),
    ],
)
def test_report_top_sections_have_the_right_roles(name, review_heading, plan_heading):
    doc = _doc(name)
    text = doc.text
    by_start = {s.span.start: s for s in doc.sections}
    review = by_start.get(text.index(review_heading))
    plan = by_start.get(text.index(plan_heading))
    assert review is not None and review.role == "review" and review.level == 1
    assert plan is not None and plan.role == "plan" and plan.level == 1
    # A sub-section of the review (glued to its first sentence in 2024) is a review section too.
    first_sub = text.index("（一）", review.span.start)
    sub = by_start.get(first_sub)
    assert sub is not None and sub.role == "review" and sub.parent == review.index


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            REPORT_2023,
            {
                ("gdp_growth", 6, "%", "~"),
                ("industry_va_growth", 7, "%", "="),
                ("fai_growth", 8, "%", ">="),
                ("retail_growth", 6.5, "%", "="),
                ("trade_growth", 5, "%", "="),
                ("budget_revenue_growth", 5, "%", "="),
                ("new_urban_jobs", 3, "万人", ">="),
                ("surveyed_unemployment", 5.5, "%", "<="),
                ("cpi", 3, "%", "~"),
                ("rd_intensity", 2.1, "%", "="),
                ("energy_intensity", 2.5, "%", "~"),
                ("grain_output", 185, "万吨", ">="),
            },
        ),
        (
            REPORT_2024,
            {
                ("gdp_growth", 5.5, "%", "~"),
                ("industry_va_growth", 6.5, "%", "="),
                ("fai_growth", 6, "%", "="),
                ("retail_growth", 6, "%", "~"),
                ("budget_revenue_growth", 4, "%", ">="),
                ("new_urban_jobs", 3, "万人", ">="),
                ("surveyed_unemployment", 5.5, "%", "~"),
                ("cpi", 3, "%", "~"),
                ("rd_intensity", 2.2, "%", "="),
                ("energy_intensity", 2, "%", "~"),
                ("grain_output", 182, "万吨", ">="),
            },
        ),
    ],
)
def test_report_headline_targets_come_from_the_block(name, expected):
    doc = _doc(name)
    block = _line_span(doc.text, HEADLINE_CUE)
    rows = {(t.indicator, t.value, t.unit, t.comparator) for t in doc.targets}
    assert expected <= rows, sorted(expected - rows)
    for target in doc.targets:
        assert _inside(target.span, block), doc.quote(target.span)
        assert f"{target.value:g}" in doc.quote(target.span)


def test_plan_main_targets_are_headline_targets():
    doc = _doc(PLAN)
    # The 主要目标 paragraph and the ——-led lines under it, up to the next chapter.
    block = Span(_line_span(doc.text, PLAN_TARGET_CUE).start, doc.text.index("\n第三章"))
    rows = {(t.indicator, t.value, t.unit, t.comparator) for t in doc.targets}
    assert {("gdp_growth", 6.5, "%", "~"), ("gdp_level", 380, "亿元", ">=")} <= rows
    assert any(t.indicator == "other" and "城镇化率" in t.indicator_text and t.value == 60 for t in doc.targets)
    for target in doc.targets:
        assert _inside(target.span, block), doc.quote(target.span)


def _term(entry) -> str:
    return entry.term.strip("“”\"")


@pytest.mark.parametrize(
    ("name", "terms", "labels"),
    [
        (REPORT_2023, ["一核两翼", "三清两拆", "四大主导产业", "百村示范"], ["〔1〕", "〔2〕", "〔3〕", "〔4〕"]),
        (REPORT_2024, ["四大主导产业", "1+3+N", "港产城", "一核两翼"], ["〔1〕", "〔2〕", "〔3〕", "〔4〕"]),
        (PLAN, ["一核两翼", "两区一带", "三清两拆", "百村示范"], ["1.", "2.", "3.", "4."]),
    ],
)
def test_notes_parse_into_glossary_entries(name, terms, labels):
    doc = _doc(name)
    entries = sorted(doc.glossary, key=lambda g: g.span.start)
    assert [_term(g) for g in entries] == terms
    assert [g.label for g in entries] == labels
    for entry in entries:
        line = doc.quote(entry.span)
        assert entry.definition and _fold(entry.definition) in _fold(line)
        assert "\n" not in line
        if entry.anchor is not None:  # where the body cites the entry (its 〔n〕 marker or its term)
            cited = doc.quote(entry.anchor)
            assert entry.anchor.end <= entries[0].span.start
            assert cited.endswith(entry.label) if entry.label.startswith("〔") else _term(entry) in cited


@pytest.mark.parametrize("name", ALL)
def test_metadata_comes_from_the_sidecar(name):
    meta = _sidecar(name)
    got = _doc(name).metadata
    assert got.region == meta["region"]
    assert got.parent_region == meta["parent_region"]
    assert got.level == meta["level"]
    assert got.year == meta["year"]
    assert got.doc_type == meta["doc_type"]
    assert got.division_code is None  # fictional: no GB/T 2260 code


@pytest.mark.parametrize(
    ("name", "date", "session"),
    [
        (REPORT_2023, "2023-01-10", "第五届人民代表大会第二次会议"),
        (REPORT_2024, "2024-01-16", "第五届人民代表大会第三次会议"),
        (PLAN, "2021-02-01", "第十七届人民代表大会第六次会议"),
    ],
)
def test_metadata_reads_date_and_session_from_the_text(name, date, session):
    got = _doc(name).metadata
    assert got.date == date
    assert got.session is not None and got.session.endswith(session)


def test_2024_review_reports_a_figure_for_each_2023_headline_target():
    """Fulfilment needs, per 2023 target, a same-indicator achievement in the 2024 review."""
    targets_2023 = {t.indicator for t in _doc(REPORT_2023).targets} - {"other"}
    doc = _doc(REPORT_2024)
    review = next(s for s in doc.sections if s.role == "review" and s.level == 1)
    reported = {
        canonical_indicator(m.indicator_simplified, m.unit, m.change)
        for m in doc.measures
        if m.kind == "achievement" and _inside(m.span, review.span)
    }
    assert targets_2023, "no 2023 headline targets to follow up"
    assert targets_2023 <= reported, sorted(targets_2023 - reported)
