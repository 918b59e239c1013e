"""Glossary entries from 〔1〕 notes and 名词解释 appendices, with their anchors."""
from __future__ import annotations

from pathlib import Path

from luoshi.model import GlossaryEntry, Source
from luoshi.normalise import normalise
from luoshi.options import Options
from luoshi.read import read_path
from luoshi.structure import analyse

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def glossary_of(text: str) -> tuple[GlossaryEntry, ...]:
    source = Source(name="t.txt", path=None, sha256="", format="txt", encoding="utf-8", text=text)
    return analyse(source, normalise(text)).glossary


def corpus(pattern: str) -> tuple[str, tuple[GlossaryEntry, ...]]:
    (source,) = read_path(next(CORPUS.glob(f"**/{pattern}")), Options())
    return source.text, analyse(source, normalise(source.text, source.repairs)).glossary


def test_numbered_notes_of_a_traditional_report():
    text, entries = corpus("002_*.txt")
    assert len(entries) == 22
    first = entries[0]
    assert (first.label, first.term) == ("〔1〕", "12221市场体系")
    assert first.definition.startswith("指建设“1”个农产品大数据")
    assert text[first.span.start:first.span.end].startswith("〔1〕12221市場體系:指建設")
    assert text[first.anchor.start:first.anchor.end] == "“12221”市場體系〔1〕"
    assert all(e.anchor is not None and e.anchor.end < entries[0].span.start for e in entries)
    assert [e.label for e in entries if e.label.startswith("﹝")]  # labels as written: ﹝16﹞ stays
    assert {e.term for e in entries} >= {"一镇三村", "“1+1+N”春风工作体系", "双减", "七种能力"}


def test_plan_appendix_without_labels():
    text, entries = corpus("001_*.txt")
    assert len(entries) == 11
    terms = [e.term for e in entries]
    assert "三线一单" in terms and "两新一重" in terms and "“1+1+9”工作部署" in terms
    entry = entries[terms.index("三线一单")]
    assert entry.label == "" and entry.definition.startswith("指生态保护红线")
    assert text[entry.anchor.start:entry.anchor.end] == "三线一单" and entry.anchor.end < entry.span.start


def test_reports_without_notes_have_no_glossary():
    assert corpus("zhumadian_2021_gwr.txt")[1] == ()


def test_entry_continues_on_lines_without_a_term():
    text = "一、安排\n推进“四小园”[1]建设。\n注释\n[1]四小园：指利用农村空闲土地，\n建设小菜园、小果园。\n[2]双减：指减轻负担。\n"
    entries = glossary_of(text)
    assert [(e.label, e.term) for e in entries] == [("[1]", "四小园"), ("[2]", "双减")]
    assert entries[0].definition == "指利用农村空闲土地,建设小菜园、小果园。"
    assert text[entries[0].span.start:entries[0].span.end] == "[1]四小园：指利用农村空闲土地，\n建设小菜园、小果园。"
    assert text[entries[0].anchor.start:entries[0].anchor.end] == "“四小园”[1]"
    assert entries[1].anchor is None  # never cited, and the term is not used before the glossary


def test_numbered_appendix_entries_anchor_on_the_first_use_of_the_term():
    text = "第一章 总体要求\n构建一核两翼发展格局。\n附件：名词解释\n1.一核两翼：示例市城市发展空间格局。\n2.“两区一带”：指县城综合服务区。\n"
    entries = glossary_of(text)
    assert [(e.label, e.term) for e in entries] == [("1.", "一核两翼"), ("2.", "两区一带")]
    assert text[entries[0].anchor.start:entries[0].anchor.end] == "一核两翼"
    assert entries[1].anchor is None


def test_marker_cited_without_its_term_before_it_anchors_on_the_marker_alone():
    text = "一、安排\n实施该工程〔1〕。\n名词解释\n〔1〕百千万工程：指百县千镇万村高质量发展工程。\n"
    (entry,) = glossary_of(text)
    assert text[entry.anchor.start:entry.anchor.end] == "〔1〕"
