"""Sections: the outline tree, roles, targets/notes/chrome blocks, on real and small documents."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from luoshi.model import Chrome, Source, Span, Structure
from luoshi.normalise import normalise
from luoshi.options import Options
from luoshi.read import read_path
from luoshi.structure import analyse

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
DOCS = sorted(CORPUS.glob("**/*.txt"))


def read(pattern: str) -> tuple[str, Structure]:
    (source,) = read_path(next(CORPUS.glob(f"**/{pattern}")), Options())
    return source.text, analyse(source, normalise(source.text, source.repairs))


def inline(text: str, chrome: tuple[Chrome, ...] = ()) -> tuple[str, Structure]:
    source = Source(name="t.txt", path=None, sha256="", format="txt", encoding="utf-8", text=text, chrome=chrome)
    return text, analyse(source, normalise(text))


def quote(text: str, span: Span) -> str:
    return text[span.start:span.end]


def simplified(text: str, span: Span) -> str:
    return normalise(quote(text, span)).text


def test_corpus_is_there():
    assert len(DOCS) == 10


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name)
def test_sections_form_a_tree_of_nested_spans(path):
    (source,) = read_path(path, Options())
    structure = analyse(source, normalise(source.text, source.repairs))
    sections = structure.sections
    assert sections, "every document has at least one section"
    for i, s in enumerate(sections):
        assert s.index == i
        assert s.span.start <= s.heading.start <= s.heading.end <= s.span.end <= len(source.text)
        assert i == 0 or sections[i - 1].span.start <= s.span.start
        if s.parent is None:
            assert s.level in (0, 1)
        else:
            p = sections[s.parent]
            assert p.index < i and p.level < s.level
            assert p.span.start <= s.span.start and s.span.end <= p.span.end
    for a, b in zip(sections, sections[1:]):  # siblings or a child: never a partial overlap
        assert b.span.start >= a.span.end or b.span.end <= a.span.end


def test_report_with_unnumbered_part_headings():
    text, st = read("002_*.txt")
    by_title = {s.title: s for s in st.sections}
    review, plan = by_title["2022年工作回顾"], by_title["2023年工作安排"]
    assert (review.role, review.level, plan.role, plan.level) == ("review", 1, "plan", 1)
    assert {s.role for s in st.sections if s.parent == review.index} == {"review"}
    (targets,) = [s for s in st.sections if s.role == "targets"]
    assert targets.parent == plan.index
    assert "地区生产总值增长6%以上" in simplified(text, targets.span)
    assert simplified(text, targets.span).startswith("全市经济社会发展主要预期目标是:")
    assert simplified(text, targets.heading) == "主要预期目标"
    assert st.sections[0].role == "front" and "各位代表" in quote(text, st.sections[0].span)
    assert by_title["名词解释"].role == "glossary"


def test_web_copy_has_its_chrome_in_chrome_sections():
    text, st = read("003_*.txt")
    chrome = [s for s in st.sections if s.role == "chrome"]
    assert chrome and chrome[0].index == 0 and chrome[0].level == 0
    assert "浏览次数" in quote(text, chrome[-1].span) and "政 府 工 作" not in quote(text, chrome[-1].span)
    front = st.sections[len(chrome)]
    assert front.role == "front" and "各位代表" in quote(text, front.span)
    top = [(s.title, s.role) for s in st.sections if s.level == 1]
    assert top == [("过去五年工作回顾", "review"), ("今后五年奋斗目标和工作任务", "plan"), ("2022年工作安排", "plan")]
    targets = [s for s in st.sections if s.role == "targets"]
    assert [st.sections[t.parent].title for t in targets] == ["今后五年奋斗目标和工作任务", "2022年工作安排"]
    assert "地区生产总值增长9%;" in simplified(text, targets[1].span)


def test_scraped_report_with_glued_headings():
    text, st = read("zhumadian_2021_gwr.txt")
    assert st.sections[0].role == "chrome" and quote(text, st.sections[0].span).startswith("标题：")
    first = next(s for s in st.sections if s.level == 1)
    assert quote(text, first.heading) == "一、2020年工作回顾及“十三五”主要成就"
    assert first.role == "review"
    assert all(s.role == "review" for s in st.sections if s.parent == first.index)
    work = next(s for s in st.sections if s.title == "2021年重点工作")
    assert work.role == "plan"
    targets = [s for s in st.sections if s.role == "targets" and s.parent == work.index]
    assert len(targets) == 1
    assert quote(text, targets[0].span).startswith("今年经济社会发展的主要预期目标是：生产总值增长8%左右")
    assert quote(text, targets[0].span).endswith("。")
    assert st.sections[-1].role == "chrome" and st.sections[-1].parent is not None  # a 相关解读 line at the end


def test_five_year_plan_roles():
    text, st = read("001_*.txt")
    role = {s.title: s.role for s in st.sections}
    assert role["前言"] == "front"
    assert role["“十三五”时期重大成就和“十四五”时期发展形势"] == "review"
    assert role["总体要求"] == "plan" and role["主要目标"] == "targets"
    chapters = [s for s in st.sections if s.label.startswith("第") and s.label.endswith("章")]
    assert [s.role for s in chapters[1:]] == ["plan"] * 13
    assert role["肇庆市高要区“十四五”经济社会发展主要指标"] == "targets"
    assert role["肇庆市高要区“十四五”重大项目工程建设汇总表"] == "appendix"
    assert role["名词解释"] == "glossary"
    assert {s.role for s in st.sections if s.label.startswith("专栏")} == {"plan"}


def test_excerpt_without_front_matter_starts_with_a_body_preamble():
    text, st = read("000_*.txt")
    assert (st.sections[0].level, st.sections[0].role) == (0, "body")
    assert [s.label for s in st.sections[1:]] == ["一、", "二、", "三、", "四、", "五、", "六、", "七、", "八、"]


# --- small documents ----------------------------------------------------------


def test_targets_listed_below_their_cue():
    text, st = inline(
        "二、“十四五”时期奋斗目标和重点任务\n到2025年，全县经济社会发展的主要目标是：\n——经济发展取得新成效。地区生产总值年均增长6.5%左右。\n"
        "——生态环境持续改善。空气质量优良天数比例达到95%。\n坚持创新驱动。\n"
    )
    (t,) = [s for s in st.sections if s.role == "targets"]
    assert quote(text, t.span).startswith("到2025年，全县经济社会发展的主要目标是：")
    assert quote(text, t.span).endswith("达到95%。")


def test_a_target_list_stops_at_the_next_heading():
    text, st = inline("三、2024年工作安排\n主要预期目标如下:\n1.生产总值增长6%。\n2.投资增长8%。\n1.扩大投资\n正文。\n")
    (t,) = [s for s in st.sections if s.role == "targets"]
    assert quote(text, t.span).endswith("2.投资增长8%。")
    assert [s.title for s in st.sections if s.label == "1."] == ["扩大投资"]


def test_targets_cue_in_a_review_section_is_not_a_targets_block():
    text, st = inline("一、2023年工作回顾\n年初确定的主要预期目标是：生产总值增长6%，全面完成。\n")
    assert [s.role for s in st.sections] == ["review"]


def test_heading_titles_decide_roles_and_children_inherit():
    text, st = inline(
        "一、2023年工作回顾\n（一）产业发展\n正文。\n二、2024年工作安排\n（一）扩大投资\n正文。\n三、加强政府自身建设\n正文。\n"
        "附件1：主要指标表\n附件2：重点项目表\n"
    )
    assert [(s.title, s.role) for s in st.sections] == [
        ("2023年工作回顾", "review"), ("产业发展", "review"), ("2024年工作安排", "plan"), ("扩大投资", "plan"),
        ("加强政府自身建设", "plan"), ("主要指标表", "targets"), ("重点项目表", "appendix"),
    ]


def test_note_lines_without_a_heading_become_a_notes_block():
    text, st = inline("一、2024年工作安排\n推进“百千万工程”〔1〕和“双减”〔2〕。\n〔1〕百千万工程：指百县千镇万村高质量发展工程。\n〔2〕双减：指减轻学生作业负担。\n")
    notes = [s for s in st.sections if s.role == "notes"]
    assert len(notes) == 1 and quote(text, notes[0].span).startswith("〔1〕") and quote(text, notes[0].span).endswith("负担。")
    assert [g.term for g in st.glossary] == ["百千万工程", "双减"]


def test_chrome_inside_the_body_is_a_child_section():
    text = "一、2024年工作安排\n推进项目建设。\n分享到：微信 微博\n加快城市更新。\n"
    at = text.index("分享到")
    _, st = inline(text, (Chrome(Span(at, at + len("分享到：微信 微博")), "page"),))
    (c,) = [s for s in st.sections if s.role == "chrome"]
    assert st.sections[c.parent].title == "2024年工作安排" and c.level == 2
    assert quote(text, c.span) == "分享到：微信 微博"
    in_chrome = [s for s in st.sentences if s.section == c.index]
    assert [quote(text, s.span) for s in in_chrome] == ["分享到：微信 微博"]


def test_document_without_headings_is_one_preamble():
    text, st = inline("持续推进乡村振兴。加快建设示范带。")
    assert [(s.level, s.role, s.span) for s in st.sections] == [(0, "body", Span(0, len(text)))]


LINES = [
    "政府工作报告", "各位代表:", "一、2023年工作回顾", "二、2024年工作安排", "（一）稳增长", "1.投资", "第一章 总则",
    "第二节 主要目标", "专栏2 项目", "附件", "前言", "名词解释", "主要预期目标是:生产总值增长6%。", "主要目标是:",
    "——经济增长6%左右。", "〔1〕甲:指乙。", "〔2〕丙:指丁。", "正文内容,增长5%。", "一是加快;二是推进。", "", "  ",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(LINES), max_size=25), st.data())
def test_any_line_mix_gives_a_consistent_outline(lines, data):
    text = "\n".join(lines)
    chrome = ()
    if lines:
        k = data.draw(st.integers(0, len(lines) - 1))
        at = sum(len(x) + 1 for x in lines[:k])
        if lines[k].strip():
            chrome = (Chrome(Span(at, at + len(lines[k])), "page"),)
    _, structure = inline(text, chrome)
    sections = structure.sections
    for i, s in enumerate(sections):
        assert s.span.start <= s.heading.start <= s.heading.end <= s.span.end <= len(text)
        if s.parent is not None:
            p = sections[s.parent]
            assert p.index < i and p.level < s.level and p.span.start <= s.span.start and s.span.end <= p.span.end
    for s in structure.sentences:
        sec = sections[s.section]
        assert sec.span.start <= s.span.start and s.span.end <= sec.span.end
    visible = sum(1 for ch in text if not ch.isspace())
    assert sum(len(text[s.span.start:s.span.end].replace("\n", "").replace(" ", "")) for s in structure.sentences) == visible


def test_empty_text_has_no_structure():
    assert inline("")[1] == Structure()
    assert inline(" \n \n")[1] == Structure()


@pytest.mark.parametrize("title, role", [
    ("2023年主要工作回顾", "review"), ("一年来的主要工作", "review"), ("过去五年工作回顾和今后五年工作建议", "review"),
    ("2024年主要工作", "plan"), ("2024年经济社会发展总体要求和政策取向", "plan"), ("2024年政府工作任务", "plan"),
    ("“十四五”时期主要指标", "targets"), ("2022年工作总体要求和主要目标", "plan"), ("名词解释", "glossary"),
    # year-end and plan-execution reports: what was done, then what is planned
    ("我们团结奋斗,成绩来之不易", "review"),
    ("2031年国民经济和社会发展计划草案", "plan"), ("2031年工作计划", "plan"), ("下半年工作打算", "plan"),
    ("2030年主要成效", "review"), ("展望2031年,我们踔厉奋发", "plan"), ("回顾与展望", "review"),
    ("下半年工作重点", "plan"), ("下一步工作", "plan"), ("下步工作举措", "plan"),
    ("2031年工作要点", "plan"), ("2031年发展思路和主要举措", "plan"),
    # the progress made: no role from the task or plan words before it (extraction reads it as a review)
    ("2030年国民经济和社会发展计划执行情况", "body"), ("2030年工作计划完成情况", "body"), ("重点任务推进情况", "body"),
    ("2030年工作要点落实情况", "body"),
    ("“十六五”时期主要目标和重大任务", "plan"), ("2030年主要目标全面完成", "body"),
    ("“十五五”时期取得的显著成就", "review"), ("“十六五”时期面临的形势", "review"), ("“十六五”发展形势", "review"),
])
def test_title_cues(title, role):
    _, st = inline(f"一、{title}\n正文。\n")
    assert st.sections[0].role == role


def test_an_uncued_top_heading_takes_the_role_its_first_sentence_opens_with():
    text = (
        "各位代表:\n现在,我代表县人民政府向大会报告工作。\n"
        "一、砥砺奋进的一年\n过去一年,全县生产总值增长6%。\n"
        "二、凝心聚力,奋力开创新局面\n今后五年,是全面建设现代化的关键时期。全县生产总值年均增长7%。\n"
        "三、加强政府自身建设\n新征程上,我们要坚持依法行政。\n"
    )
    _, st_ = inline(text)
    roles = {s.title: s.role for s in st_.sections if s.level == 1}
    assert roles == {"砥砺奋进的一年": "review", "凝心聚力,奋力开创新局面": "plan", "加强政府自身建设": "plan"}


def test_a_sentence_cue_deep_in_a_section_does_not_set_its_role():
    text = "一、坚持创新驱动\n坚持创新驱动发展,力争研发投入增长10%。过去一年,研发投入增长8%。\n"
    _, st_ = inline(text)
    assert [s.role for s in st_.sections if s.level == 1] == ["body"]


def test_a_background_chapter_is_review_and_passes_on_the_plan_role_its_title_ends_with():
    text = (
        "一、发展背景和总体要求\n(一)发展背景\n2030年全县生产总值达到80亿元。\n(二)总体要求\n到2035年生产总值达到120亿元。\n"
        "二、构建现代产业体系\n工业增加值年均增长8%。\n"
    )
    _, st_ = inline(text)
    assert [(s.title, s.role) for s in st_.sections if s.level in (1, 2)] == [
        ("发展背景和总体要求", "review"), ("发展背景", "review"), ("总体要求", "plan"), ("构建现代产业体系", "plan")]


@pytest.mark.parametrize("title, role", [
    ("发展基础", "review"), ("“十五五”发展环境", "review"), ("发展背景和总体要求", "review"),
    ("夯实经济发展基础", "body"), ("持续优化发展环境", "body"),
])
def test_ground_cues_name_a_chapter_not_a_task(title, role):
    _, st_ = inline(f"一、{title}\n正文。\n")
    assert st_.sections[0].role == role


def test_a_page_flattened_into_one_line_keeps_its_blank_delimited_headings():
    text = "2031年某县政府工作报告 一、2030年工作回顾 2030年,全县生产总值增长6%。 二、2031年工作安排 今年生产总值增长7%。\n"
    _, st_ = inline(text)
    assert [(s.title, s.role) for s in st_.sections if s.level == 1] == [
        ("2030年工作回顾", "review"), ("2031年工作安排", "plan")]


def test_a_summary_or_debrief_passes_review_to_its_uncued_sections():
    debrief = "某镇镇长述职报告\n现将三年来工作报告如下。\n一、抓好项目建设\n修通道路12公里。\n二、抓好民生实事\n新建公厕9座。\n"
    mixed = "某区上半年工作总结和下半年工作计划\n一、抓好项目建设\n修通道路12公里。\n"
    _, st_ = inline(debrief)
    assert [s.role for s in st_.sections if s.level == 1] == ["review", "review"]
    _, st_ = inline(mixed)
    assert [s.role for s in st_.sections if s.level == 1] == ["body"]


def test_a_sub_section_whose_slogan_holds_a_cue_of_the_other_part_stays_in_its_part():
    text = (
        "一、2030年工作回顾\n(一)紧盯目标任务,经济运行稳中向好\n新增企业12家。\n(二)过去一年工作回顾\n修路9公里。\n"
        "二、今后五年工作建议和2031年工作安排\n(一)总结成绩,对标主要成效\n新建学校5所。\n(二)过去五年工作回顾\n修路8公里。\n"
    )
    _, st_ = inline(text)
    assert [(s.title, s.role) for s in st_.sections] == [
        ("2030年工作回顾", "review"), ("紧盯目标任务,经济运行稳中向好", "review"), ("过去一年工作回顾", "review"),
        ("今后五年工作建议和2031年工作安排", "plan"), ("总结成绩,对标主要成效", "plan"), ("过去五年工作回顾", "review")]


@pytest.mark.parametrize("review, role, plan", [("2030年工作总结", "review", "2031年工作计划"),
                                                ("上半年工作情况", "body", "下半年工作打算"),
                                                ("2030年目标任务完成情况", "body", "2031年工作思路")])
def test_year_end_and_mid_year_part_lines_split_review_from_plan(review, role, plan):
    text = f"{review}\n全县生产总值增长6%。\n(一)坚持项目为王\n新增企业12家。\n{plan}\n(一)坚持项目为王\n新增企业15家。\n"
    _, st_ = inline(text)
    assert [(s.title, s.role) for s in st_.sections] == [
        (review, role), ("坚持项目为王", role), (plan, "plan"), ("坚持项目为王", "plan")]


@pytest.mark.parametrize("line", ["完成情况", "某镇2030年工作总结和2031年工作计划"])
def test_a_column_head_or_a_title_joining_two_parts_is_no_part_heading(line):
    _, st_ = inline(f"一、2031年工作安排\n今年新增企业15家。\n{line}\n新建学校5所。\n")
    assert [s.title for s in st_.sections if s.level] == ["2031年工作安排"]


def test_a_contents_list_at_the_top_holds_no_text_and_parents_nothing():
    text = (
        "报告分为两部分\n一、2030年工作回顾\n二、2031年目标任务和主要工作\n(一)抓项目\n三、加强政府自身建设\n"
        "回顾2030\n全县生产总值增长6%。\n(一)经济运行回升向好\n新增企业10家。\n"
    )
    _, st_ = inline(text)
    listed = [s for s in st_.sections if s.level and s.span.end == s.heading.end]
    assert [s.title for s in listed] == ["2030年工作回顾", "2031年目标任务和主要工作", "抓项目", "加强政府自身建设"]
    body = st_.sections[-1]
    assert (body.title, body.parent, body.role) == ("经济运行回升向好", None, "body")


def test_a_report_that_repeats_its_contents_keeps_its_parts():
    text = (
        "一、2030年工作回顾\n二、2031年工作安排\n三、加强政府自身建设\n某县政府工作报告\n各位代表:\n"
        "一、2030年工作回顾\n新增企业10家。\n二、2031年工作安排\n新增企业12家。\n三、加强政府自身建设\n办结建议9件。\n"
    )
    _, st_ = inline(text)
    assert [(s.title, s.role, s.span.end > s.heading.end) for s in st_.sections if s.level] == [
        ("2030年工作回顾", "review", False), ("2031年工作安排", "plan", False), ("加强政府自身建设", "body", False),
        ("2030年工作回顾", "review", True), ("2031年工作安排", "plan", True), ("加强政府自身建设", "plan", True)]


def test_a_contents_list_ends_where_the_report_starts_over_at_its_first_heading():
    text = "一、2030年工作回顾\n二、2031年工作安排\n一、2030年工作回顾\n新增企业10家。\n二、2031年工作安排\n新增企业12家。\n"
    _, st_ = inline(text)
    assert [(s.title, s.role, s.span.end > s.heading.end) for s in st_.sections] == [
        ("2030年工作回顾", "review", False), ("2031年工作安排", "plan", False),
        ("2030年工作回顾", "review", True), ("2031年工作安排", "plan", True)]


def test_an_annex_that_reports_progress_reviews():
    text = "二、2031年工作安排\n新增企业12家。\n附件1:2031年民生实事项目\n新建学校5所。\n附件2:2030年民生实事完成情况\n新建学校4所。\n"
    _, st_ = inline(text)
    assert [(s.title, s.role) for s in st_.sections] == [
        ("2031年工作安排", "plan"), ("2031年民生实事项目", "appendix"), ("2030年民生实事完成情况", "review")]


def test_under_a_parent_naming_both_parts_a_slogan_child_keeps_its_own_cue():
    text = ("一、过去五年工作回顾和今后五年工作建议\n(一)过去五年的工作,成绩来之不易\n新增企业10家。\n"
            "(二)今后五年的奋斗目标,任务艰巨\n新增企业12家。\n")
    _, st_ = inline(text)
    assert [s.role for s in st_.sections] == ["review", "review", "plan"]


def test_a_part_named_for_the_thinking_behind_the_plan_plans():
    text = ("一、2030年工作回顾\n新增企业10家。\n二、“十八五”时期发展的主要考虑\n(一)关于发展环境\n新增企业12家。\n"
            "三、2031年工作安排\n新增企业14家。\n")
    _, st_ = inline(text)
    assert [(s.title, s.role) for s in st_.sections] == [
        ("2030年工作回顾", "review"), ("“十八五”时期发展的主要考虑", "plan"), ("关于发展环境", "plan"),
        ("2031年工作安排", "plan")]


def test_a_part_naming_its_review_then_its_plan_turns_where_its_lead_text_does():
    text = ("二、“十七五”时期发展成就和“十八五”时期主要目标任务\n过去五年,全县生产总值年均增长6%。\n"
            "我们编制了规划纲要(草案),提出今后五年生产总值年均增长5%左右。\n(一)加快发展先进制造业\n新建园区3个。\n")
    _, st_ = inline(text)
    assert [(s.title, s.role) for s in st_.sections] == [
        ("“十七五”时期发展成就和“十八五”时期主要目标任务", "review"), ("", "plan"), ("加快发展先进制造业", "plan")]
    turn = st_.sections[1]
    assert quote(text, turn.span).startswith("我们编制了") and quote(text, turn.span).endswith("5%左右。")


def test_a_part_naming_both_whose_lead_text_never_turns_keeps_its_children_in_review():
    text = "一、2030年工作回顾和2031年工作安排\n过去一年,新增企业10家。\n(一)狠抓项目建设\n新开工项目12个。\n"
    _, st_ = inline(text)
    assert [(s.title, s.role) for s in st_.sections] == [
        ("2030年工作回顾和2031年工作安排", "review"), ("狠抓项目建设", "review")]


def test_a_review_paragraph_naming_key_work_does_not_turn_a_part_naming_both():
    text = ("一、2030年工作回顾和2031年工作安排\n过去一年,新增企业10家。\n各项重点工作扎实推进,新建学校4所。\n"
            "(一)狠抓项目建设\n新开工项目12个。\n")
    _, st_ = inline(text)
    assert [(s.title, s.role) for s in st_.sections] == [
        ("2030年工作回顾和2031年工作安排", "review"), ("狠抓项目建设", "review")]
