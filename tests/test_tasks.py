"""Tasks: action-verb clauses with their measures, projects, slogans, kind, period and deadline."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from luoshi.data.verbs import DEADLINE_PATTERNS, MIN_OBJECT_CHARS
from luoshi.extract import tasks
from luoshi.extract.char_tables import code_points
from luoshi.model import Source
from luoshi.pipeline import process, read

SEEDS = ["000_04df038d627074af.txt", "001_6c2582cb47a6a2df.txt", "002_ab862bf384cb27d5.txt",
         "003_b2a6abcdeeaf89f4.txt", "004_f84b366bce13bc3e.txt"]


def doc(text: str):
    return process(Source(name="t.txt", path=None, sha256="", format="txt", encoding="utf-8", text=text))


def texts(text: str) -> list[str]:
    return [t.text_simplified for t in doc(text).tasks]


def test_clauses_headed_by_action_verbs_are_tasks_and_enumerations_stay_together() -> None:
    got = texts("加快建设肇明高速、广昆高速改扩建工程,动工建设佛肇云高速(肇云段)。")
    assert got == ["加快建设肇明高速、广昆高速改扩建工程", "动工建设佛肇云高速(肇云段)"]


def test_a_clause_without_a_verb_continues_the_task() -> None:
    assert texts("推进农村污水治理,覆盖率达到80%。") == ["推进农村污水治理,覆盖率达到80%"]


@pytest.mark.parametrize("text", [
    "坚持以人民为中心。",
    "着力推动高质量发展。",
    "我们将重点抓好以下八个方面的工作:",
    "全市服务业增加值增长7%。",  # 服务 is a noun here
    "发展质量明显提升。",
])
def test_rhetoric_and_noun_heads_are_not_tasks(text: str) -> None:
    assert texts(text) == []


def test_head_verb_drops_manner_adverbs() -> None:
    d = doc("全力配合推进广湛高铁建设。积极稳妥推进改革试点。")
    assert [t.verb for t in d.tasks] == ["配合推进", "推进"]


def test_links_to_measures_projects_and_slogans() -> None:
    d = doc("力争4个西江码头项目年底前基本建成。深入推进“九九”融湾行动,新增就业5000人。")
    first, second = d.tasks
    assert first.projects == (0,) and d.projects[0].name == "西江码头"
    assert first.deadline == "年底前"
    assert second.slogans == (0,) and d.slogans[0].term == "九九融湾行动"
    assert second.measures and all(d.measures[i].value == 5000 for i in second.measures)
    assert first.measures == () or all(d.measures[i].value == 4 for i in first.measures)


@pytest.mark.parametrize("text, deadline", [
    ("确保2024年6月底前完成改造。", "2024年6月底前"),
    ("力争上半年开工建设。", "上半年"),
    ("推进项目建设,力争年内投用。", "年内"),
    ("推进老旧小区改造。", None),
])
def test_deadlines(text: str, deadline: str | None) -> None:
    assert doc(text).tasks[-1].deadline == deadline


def test_kind_and_period_follow_the_sections() -> None:
    text = ("一、2023年工作回顾\n建成肇明高速,完成投资10亿元。\n"
            "二、2024年工作安排\n加快建设广湛高铁。\n")
    d = doc(text)
    kinds = {t.text_simplified[:4]: (t.kind, t.period) for t in d.tasks}
    assert kinds["建成肇明"] == ("achievement", "2023")
    assert kinds["加快建设"] == ("target", "2024")


def test_traditional_text_keeps_its_script_and_offsets() -> None:
    d = doc("加快建設肇明高速。")
    (task,) = d.tasks
    assert task.text == "加快建設肇明高速" == d.quote(task.span)
    assert task.text_simplified == "加快建设肇明高速"


def test_a_task_wrapped_across_lines_and_a_page_reads_in_one_piece() -> None:
    paragraph = ("我们将加快建设城南污水处理厂和北部工业园区配套管网，推进老旧小区改造工程，完善城市道路交通网络，"
                 "实施农村人居环境整治提升行动，新建改建农村公路一百公里，推动县域商业体系建设。") * 2
    lines = [paragraph[i:i + 16] for i in range(0, len(paragraph), 16)]
    lines[4:4] = ["", "- 3 -", ""]  # a page break in the middle of the paragraph
    d = doc("\n".join(lines) + "\n")
    assert "\n" in "".join(d.quote(t.span) for t in d.tasks)  # the spans still cover the source as it is …
    assert all("\n" not in t.text and "3" not in t.text for t in d.tasks)  # … the texts read in one piece
    assert "完善城市道路交通网络" in [t.text for t in d.tasks]


@pytest.mark.parametrize("name", SEEDS)
def test_seed_tasks_quote_their_source_and_link_inside(shared: Path, name: str) -> None:
    d = read(shared / "corpus" / "seeds" / name)
    assert len(d.tasks) >= 50
    for t in d.tasks:
        assert re.sub(r"\s", "", d.quote(t.span)) == re.sub(r"\s", "", t.text)  # the words of its span
        assert "\n" not in t.text
        for i in t.measures:
            assert t.span.start <= d.measures[i].span.start < t.span.end
        for i in t.projects:
            assert any(t.span.start <= s.start < t.span.end for s in d.projects[i].mentions)
    # the most tasks are targets in a plan and achievements in a review
    assert {t.kind for t in d.tasks} <= {"target", "achievement"}


def test_review_and_plan_parts_of_a_work_report(shared: Path) -> None:
    d = read(shared / "corpus" / "dev" / "zhumadian" / "zhumadian_2022_gwr.txt")
    review = [t for t in d.tasks if t.kind == "achievement"]
    plan = [t for t in d.tasks if t.kind == "target"]
    assert review and plan and max(t.span.start for t in review) < min(t.span.start for t in plan)
    assert all(t.period == "2022" for t in plan if t.period)


_ALPHABET = "推进加快建设肇明高速力争确保年底前完成“三清三拆三整治”改造医院学校,，。;\n一二1+9%、"


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=80))
def test_any_text_gives_tasks_that_quote_their_source(text: str) -> None:
    d = doc(text)
    for t in d.tasks:
        assert d.quote(t.span) == t.text and t.text.strip()
        assert all(0 <= i < len(d.measures) for i in t.measures)
        assert all(0 <= i < len(d.projects) for i in t.projects)
        assert all(0 <= i < len(d.slogans) for i in t.slogans)
    assert [t.span.start for t in d.tasks] == sorted(t.span.start for t in d.tasks)
    for p in d.projects:
        assert all(d.quote(s) for s in p.mentions)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(DEADLINE_PATTERNS).flatmap(lambda p: st.from_regex(p, fullmatch=True)))
def test_every_deadline_holds_an_anchor_within_its_reach(deadline: str) -> None:
    assert len(deadline) <= tasks._DEADLINE_REACH
    assert any(tasks._DEADLINE_ANCHOR[ord(c)] for c in deadline if ord(c) <= 0xFFFF)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="20241年月底末份前之以上下半一二三四季度第到至当今内,。 ", max_size=60))
def test_deadlines_searched_near_anchors_are_those_of_a_scan_of_every_position(text: str) -> None:
    every = re.compile("|".join(f"(?:{p})" for p in DEADLINE_PATTERNS))
    expected = [(m.start(), m.group()) for m in every.finditer(text)]
    assert tasks._deadline_hits(text, code_points(text)) == expected


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="以人民为中心发展质量建设新高的和肇明高速A1 、“”", max_size=30), max_size=8))
def test_rhetoric_of_many_objects_at_once_is_that_of_each_alone(objects: list[str]) -> None:
    content = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")
    alone = [len(o) <= tasks._LONG_OBJECT
             and len(content.findall(tasks._RHETORIC_RE.sub("", o))) < MIN_OBJECT_CHARS for o in objects]
    assert tasks._rhetoric(objects).tolist() == alone
