"""Tests for luoshi.plan_table: the rows of a 分工方案."""
from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import date

import pytest
from conftest import identity_normalised, span_of

from luoshi.assign import UNDECIDED
from luoshi.model import Document, Metadata, Section, Sentence, Source, Span, Task
from luoshi.plan_table import (
    ONGOING,
    PlanItem,
    build_plan,
    date_text,
    deadline_text,
    items_from_tasks,
    level_prefix,
    plan_title,
)

TEXT = (
    "示例县2024年政府工作报告\n"
    "一、2023年工作回顾\n"
    "全年新建学校3所。\n"
    "二、2024年重点工作\n"
    "(一)加快交通基础设施建设\n"
    "加快打造现代综合交通网络。加快建设示例高速公路,年内建成县城客运站。推进项目前期工作,6月底前完成危桥改造。\n"
    "(二)办好人民满意的教育\n"
    "新建中小学校5所,新增学位3000个。\n"
    "坚持党的全面领导。"
)
SENTENCES = ("全年新建学校3所。", "加快打造现代综合交通网络。", "加快建设示例高速公路,年内建成县城客运站。",
             "推进项目前期工作,6月底前完成危桥改造。", "新建中小学校5所,新增学位3000个。", "坚持党的全面领导。")
# (clause, sentence index, section index, stated deadline, kind)
CLAUSES = (
    ("全年新建学校3所", 0, 1, None, "achievement"),
    ("加快打造现代综合交通网络", 1, 3, None, "target"),
    ("加快建设示例高速公路", 2, 3, None, "target"),
    ("年内建成县城客运站", 2, 3, "年内", "target"),
    ("推进项目前期工作", 3, 3, None, "target"),
    ("6月底前完成危桥改造", 3, 3, "6月底前", "target"),
    ("新建中小学校5所", 4, 4, None, "target"),
    ("新增学位3000个", 4, 4, None, "target"),
    ("坚持党的全面领导", 5, 4, None, "target"),
)


def make_doc(region: str = "示例县", level: str = "county", year: int | None = 2024) -> Document:
    text = TEXT
    source = Source("plan.txt", None, hashlib.sha256(text.encode()).hexdigest(), "txt", "utf-8", text)

    def heading(h: str) -> Span:
        return span_of(text, h)

    review, plan = heading("一、2023年工作回顾"), heading("二、2024年重点工作")
    transport, education = heading("(一)加快交通基础设施建设"), heading("(二)办好人民满意的教育")
    sections = (
        Section(0, Span(0, review.start), heading("示例县2024年政府工作报告"), 0, "", "示例县2024年政府工作报告", "front",
                None),
        Section(1, Span(review.start, plan.start), review, 1, "一、", "2023年工作回顾", "review", 0),
        Section(2, Span(plan.start, len(text)), plan, 1, "二、", "2024年重点工作", "plan", 0),
        Section(3, Span(transport.start, education.start), transport, 2, "(一)", "加快交通基础设施建设", "plan", 2),
        Section(4, Span(education.start, len(text)), education, 2, "(二)", "办好人民满意的教育", "plan", 2),
    )
    sentence_sections = (1, 3, 3, 3, 4, 4)
    sentences = tuple(Sentence(i, span_of(text, s), sec) for i, (s, sec) in enumerate(zip(SENTENCES, sentence_sections)))
    tasks = tuple(
        Task(span_of(text, clause), kind, clause[:2], clause, clause, "2024", deadline, None, sentence, section)
        for clause, sentence, section, deadline, kind in CLAUSES
    )
    metadata = Metadata(title="政府工作报告", region=region, level=level, year=year, doc_type="政府工作报告")
    return Document(source, identity_normalised(text), sections, sentences, metadata=metadata, tasks=tasks)


def test_rows_group_and_number() -> None:
    plan = build_plan(make_doc())
    assert plan.title == "示例县2024年《政府工作报告》重点工作任务分工方案"
    shape = [(r.kind, r.depth, r.number, r.task[:6]) for r in plan.rows]
    assert shape == [
        ("group", 1, None, "二、2024"), ("group", 2, None, "(一)加快交"),
        ("task", 0, 1, "加快打造现代"), ("task", 0, 2, "加快建设示例"), ("task", 0, 3, "推进项目前期"),
        ("group", 2, None, "(二)办好人"),
        ("task", 0, 4, "新建中小学校"), ("task", 0, 5, "坚持党的全面"),
    ]


def test_one_row_per_sentence_keeps_every_item() -> None:
    doc = make_doc()
    plan = build_plan(doc)
    row = plan.tasks[1]
    assert row.task == "加快建设示例高速公路,年内建成县城客运站。"
    clauses = [t for t in doc.tasks if t.sentence == 2]
    assert row.item_ids == tuple(f"{t.span.start}-{t.span.end}" for t in clauses)
    assert row.span == Span(clauses[0].span.start, clauses[-1].span.end)
    assert doc.text[row.span.start:row.span.end] == "加快建设示例高速公路,年内建成县城客运站"


def test_achievements_are_not_tasks_of_the_plan() -> None:
    assert all("全年新建学校" not in r.task for r in build_plan(make_doc()).rows)
    assert len(items_from_tasks(make_doc())) == len([c for c in CLAUSES if c[4] == "target"])


def test_units_get_the_level_prefix_and_suggestions() -> None:
    rows = build_plan(make_doc()).tasks
    assert rows[0].lead == "县交通运输局"
    assert rows[1].lead == "县交通运输局"
    # 推进项目前期工作 names no subject: its paragraph's headline (交通网络) and section decide.
    assert rows[2].lead == "县交通运输局"
    assert rows[3].lead == "县教育局"
    assert rows[4].lead == UNDECIDED and rows[4].reasons
    assert all(c.startswith("县") for r in rows for c in r.cooperating)


@pytest.mark.parametrize(("region", "level", "prefix"), [
    ("示例县", "county", "县"), ("高要区", "county", "区"), ("四会市", "county", "市"), ("肇庆市", "prefecture", "市"),
    ("某某旗", "county", "旗"), (None, "prefecture", "市"), (None, None, ""),
])
def test_level_prefix(region, level, prefix) -> None:
    assert level_prefix(Metadata(region=region, level=level)) == prefix


def test_deadlines() -> None:
    rows = build_plan(make_doc()).tasks
    assert rows[0].deadline == "2024年12月底前"  # the period's end
    assert rows[1].deadline == "2024年12月底前"  # 年内
    assert rows[2].deadline == "2024年12月底前"  # the latest of 6月底前 and the year's end
    item = PlanItem("1", Span(0, 1), "x", deadline="6月底前", period="2024")
    assert deadline_text([item], 2024) == "2024年6月底前"
    assert deadline_text([replace(item, deadline=None, period=None)], None) == ONGOING
    assert deadline_text([replace(item, deadline="长期坚持", period=None)], None) == "长期坚持"
    assert date_text(date(2024, 6, 15)) == "2024年6月15日前"
    assert date_text(date(2024, 2, 29)) == "2024年2月底前"


def test_registered_values_win_over_suggestions() -> None:
    doc = make_doc()
    items = [replace(i, assigned_lead="县住建局", assigned_cooperating=("县财政局",),
                     assigned_deadline=date(2024, 9, 30)) if i.text == "推进项目前期工作" else i
             for i in items_from_tasks(doc)]
    row = build_plan(doc, items).tasks[2]
    assert (row.lead, row.cooperating, row.deadline) == ("县住建局", ("县财政局",), "2024年9月底前")


@pytest.mark.parametrize(("meta", "title"), [
    (Metadata(region="肇庆市", year=2024, doc_type="政府工作报告"), "肇庆市2024年《政府工作报告》重点工作任务分工方案"),
    (Metadata(region="高要区", title="高要区国民经济和社会发展第十四个五年规划纲要", doc_type="五年规划纲要"),
     "《高要区国民经济和社会发展第十四个五年规划纲要》重点任务分工方案"),
    (Metadata(region="高要区", title="国民经济和社会发展第十四个五年规划纲要", doc_type="五年规划纲要"),
     "《高要区国民经济和社会发展第十四个五年规划纲要》重点任务分工方案"),
    (Metadata(), "重点任务分工方案"),
])
def test_titles(meta, title) -> None:
    assert plan_title(meta) == title


def test_directory_choice_matters(tmp_path) -> None:
    from luoshi.assign import load_directory

    path = tmp_path / "d.toml"
    path.write_text('[[department]]\nname = "交通局"\nkeywords = { "高速" = 3 }\n', encoding="utf-8")
    rows = build_plan(make_doc(), directory=load_directory(path)).tasks
    assert rows[1].lead == "县交通局"
    assert rows[3].lead == UNDECIDED


def test_plan_of_a_real_report(shared) -> None:
    from luoshi.pipeline import read

    doc = read(shared / "corpus" / "dev" / "zhumadian" / "zhumadian_2023_gwr.txt")
    plan = build_plan(doc)
    assert plan.title == "驻马店市2023年《政府工作报告》重点工作任务分工方案"
    tasks = plan.tasks
    assert len(tasks) >= 50
    assert [r.number for r in tasks] == list(range(1, len(tasks) + 1))
    assert sum(r.lead != UNDECIDED for r in tasks) / len(tasks) >= 0.7
    assert all(r.lead == UNDECIDED or r.lead.startswith("市") for r in tasks)
    assert any(r.kind == "group" and r.depth == 2 and r.task.startswith("（") for r in plan.rows)
    for row in tasks:  # every row's offsets point at its text in the source
        start, end = doc.normalised.from_source(row.span.start, row.span.end)
        assert doc.normalised.text[start:end] in row.task
