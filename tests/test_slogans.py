"""Numbered slogans: quoted numerals, counted names, glossary terms, linked to definitions."""
from __future__ import annotations

from pathlib import Path

from luoshi.model import Source
from luoshi.pipeline import process, read


def doc(text: str):
    return process(Source(name="t.txt", path=None, sha256="", format="txt", encoding="utf-8", text=text))


def terms(text: str) -> list[str]:
    return [s.term for s in doc(text).slogans]


def test_quoted_numeral_slogans_with_their_name_word() -> None:
    got = terms("深入推进“九九”融湾行动,落实“1+1+9”工作部署,推行“五个一”机制。")
    assert got == ["九九融湾行动", "1+1+9工作部署", "五个一机制"]


def test_unquoted_counted_names() -> None:
    assert terms("深入开展三清三拆三整治,实施百千万工程。") == ["三清三拆三整治", "百千万工程"]


def test_periods_figures_and_ordinals_are_not_slogans() -> None:
    assert terms("“十四五”时期,建成“3000”个,坚持“第一议题”制度,新建“三所学校”。") == []


def test_mentions_are_grouped_and_quote_the_source() -> None:
    d = doc("落實“雙減”政策。\n深化“雙減”改革。")
    (slogan,) = d.slogans
    assert slogan.term == "双减" and len(slogan.mentions) == 2
    assert all(d.quote(s) == "“雙減”" for s in slogan.mentions)


def test_glossary_definitions_are_linked(shared: Path) -> None:
    d = read(shared / "corpus" / "seeds" / "002_ab862bf384cb27d5.txt")
    linked = {s.term: s for s in d.slogans if s.glossary is not None}
    assert len(linked) >= 10
    for s in linked.values():
        entry = d.glossary[s.glossary]
        assert s.definition == entry.definition
        assert s.term in entry.term.replace("“", "").replace("”", "") or f"“{s.term}”" in entry.term
    # the body cites the slogan, not only the glossary
    gl_start = min(g.span.start for g in d.glossary)
    assert all(any(m.start < gl_start for m in s.mentions) for s in linked.values())
