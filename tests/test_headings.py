"""Headings: which lines are headings, where glued ones end, how they nest."""
from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from luoshi.data import headings as H
from luoshi.normalise import normalise
from luoshi.structure import headings
from luoshi.structure.headings import find_headings

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def outline(text: str) -> list[tuple[int, str, str]]:
    return [(h.level, h.label, h.title) for h in find_headings(normalise(text).text)]


def corpus_text(pattern: str) -> str:
    path = next(CORPUS.glob(f"**/{pattern}"))
    return normalise(path.read_text(encoding="utf-8")).text


# --- inline examples ----------------------------------------------------------


def test_numbered_kinds_nest_by_their_usual_order():
    text = (
        "第一章 总体要求\n第一节 指导思想\n一、坚持创新\n正文。\n（一）加强平台\n正文。\n1.科技平台\n正文。\n"
        "（1）实验室\n正文。\n（2）中试基地\n二、坚持开放\n第二节 主要目标\n第二章 产业\n"
    )
    assert outline(text) == [
        (1, "第一章", "总体要求"), (2, "第一节", "指导思想"), (3, "一、", "坚持创新"), (4, "(一)", "加强平台"),
        (5, "1.", "科技平台"), (6, "(1)", "实验室"), (6, "(2)", "中试基地"), (3, "二、", "坚持开放"),
        (2, "第二节", "主要目标"), (1, "第二章", "产业"),
    ]


def test_levels_are_relative_to_the_kinds_a_document_uses():
    assert outline("（一）稳增长\n正文。\n1.投资\n正文。\n（二）促改革\n") == [
        (1, "(一)", "稳增长"), (2, "1.", "投资"), (1, "(二)", "促改革"),
    ]


def test_parents_point_to_the_enclosing_heading():
    hs = find_headings(normalise("一、回顾\n（一）甲\n（二）乙\n二、安排\n（一）丙\n").text)
    assert [h.parent for h in hs] == [None, 0, 0, None, 3]


def test_glued_top_heading_ends_before_the_sentence_that_follows():
    text = "一、2020年工作回顾及“十三五”主要成就刚刚过去的一年，我们认真贯彻党中央决策部署，圆满完成目标任务。\n"
    (h,) = find_headings(normalise(text).text)
    assert (h.label, h.title) == ("一、", "2020年工作回顾及“十三五”主要成就")
    assert normalise(text).text[h.start:h.end] == "一、2020年工作回顾及“十三五”主要成就"


def test_glued_heading_with_a_repeated_year():
    (h,) = find_headings(normalise("二、2019年重点工作安排2019年是新中国成立70周年，做好今年的工作意义重大。\n").text)
    assert h.title == "2019年重点工作安排"


def test_short_glued_heading_cut_before_a_sentence_opener():
    (h,) = find_headings(normalise("三、2023年重点工作安排围绕实现今年经济社会发展目标，重点做好以下工作：\n").text)
    assert h.title == "2023年重点工作安排"


def test_glued_paren_heading_ends_at_its_first_full_stop():
    text = normalise("（一）疫情防控取得重大战略成果。我们坚持人民至上、生命至上，建立“三项机制”，强化保障，推广中西医协同机制。\n").text
    (h,) = find_headings(text)
    assert h.title == "疫情防控取得重大战略成果"
    assert text[h.start:h.end] == "(一)疫情防控取得重大战略成果。"


def test_list_items_and_numbers_are_not_headings():
    text = (
        "一是经济总量偏小；二是产业集聚能力有待加强。\n"
        "1.5亿元用于道路建设，完成投资。\n"
        "1.交通：示例高速示例县段、示例县至示例港疏港公路、县城环线。\n"
        "（1）建设道路28.8公里，污水管网34.8公里，新入园工业企业364家，其中年产值超亿元17家，规上企业44家，形成产业集群。\n"
        "二、三产业增加值分别增长5%和7%。\n"
        "1.生产总值增长6%。\n"
    )
    assert outline(text) == []


def test_numbered_short_sentence_followed_by_body_text_is_a_heading():
    assert outline("1.加快发展现代产业。围绕主导产业延链补链，提升集群竞争力。\n") == [(1, "1.", "加快发展现代产业")]


def test_a_long_numbered_paragraph_without_a_heading_shape_is_not_a_heading():
    text = "（三）" + "持续推进园区建设，完善配套设施，" * 6 + "确保项目落地。\n"
    assert outline(text) == []


def test_unnumbered_part_headings_hold_the_numbered_sections_that_restart_under_them():
    text = "2022年工作回顾\n正文。\n一、稳增长\n正文。\n二、促改革\n正文。\n2023年工作安排\n正文。\n一、扩投资\n正文。\n附件\n名词解释\n〔1〕甲:指乙。\n"
    assert outline(text) == [
        (1, "", "2022年工作回顾"), (2, "一、", "稳增长"), (2, "二、", "促改革"),
        (1, "", "2023年工作安排"), (2, "一、", "扩投资"), (1, "附件", "名词解释"),
    ]


def test_preface_stands_beside_the_chapters_and_a_stray_part_line_nests():
    text = "前  言\n本规划……。\n第一章 发展基础\n正文。\n主要目标\n正文。\n第二章 总体要求\n正文。\n"
    assert outline(text) == [(1, "", "前言"), (1, "第一章", "发展基础"), (2, "", "主要目标"), (1, "第二章", "总体要求")]


def test_boxes_nest_inside_the_current_section():
    text = "第一节 做强主导产业\n正文。\n专栏1 重大项目\n1.交通:示例高速示例县段、示例县至示例港疏港公路。\n第二节 提升平台\n"
    assert outline(text) == [(1, "第一节", "做强主导产业"), (2, "专栏1", "重大项目"), (1, "第二节", "提升平台")]


def test_wrapped_chapter_heading_is_joined_and_a_chapter_glued_after_a_stop_is_found():
    text = (
        "第五章 把握“双区”机遇，全面参与肇庆“一带一廊\n一区”，推动区域协调高质量发展\n正文。\n"
        "推进5G基站建设，提升网络覆盖深度。第七章加快推进农业农村现代化，打造乡村振兴高要\n样板\n正文。\n"
    )
    assert outline(text) == [
        (1, "第五章", "把握“双区”机遇,全面参与肇庆“一带一廊一区”,推动区域协调高质量发展"),
        (1, "第七章", "加快推进农业农村现代化,打造乡村振兴高要样板"),
    ]


def test_numbered_lines_inside_a_glossary_are_entries_not_headings():
    text = "附件：名词解释\n1.一核两翼：示例市城市发展空间格局。\n2.两区一带：指县城综合服务区。\n（一）甲：乙\n"
    assert outline(text) == [(1, "附件", "名词解释")]


def test_ordinals_are_read_from_chinese_and_arabic_numerals():
    hs = find_headings(normalise("第十二章 甲\n第一百零一节 乙\n二十三、丙\n(14)丁\n③戊\n").text)
    assert [h.ordinal for h in hs] == [12, 101, 23, 14, 3]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([
    "一、总体要求", "（一）稳增长", "1.投资", "（2）消费", "第一章 总则", "第二节 目标", "专栏2 项目", "附件",
    "前言", "2024年工作安排", "正文内容，增长5%。", "一是加快；二是推进。", "", "名词解释", "〔1〕甲:乙。",
]), max_size=30))
def test_headings_form_a_tree_on_any_line_mix(lines):
    text = normalise("\n".join(lines)).text
    hs = find_headings(text)
    for i, h in enumerate(hs):
        assert 0 <= h.start < h.end <= len(text)
        assert i == 0 or hs[i - 1].end <= h.start
        if h.parent is None:
            assert h.level == 1
        else:
            assert h.parent < i and hs[h.parent].level == h.level - 1


# --- the corpus ---------------------------------------------------------------------


def test_plan_chapters_sections_and_boxes():
    hs = find_headings(corpus_text("001_*.txt"))
    chapters = [h for h in hs if h.label.startswith("第") and h.label.endswith("章")]
    assert [h.ordinal for h in chapters] == list(range(1, 15))
    assert {h.level for h in chapters} == {1}
    sections = [h for h in hs if h.label.endswith("节")]
    assert sections and all(hs[h.parent].label.endswith("章") and h.level == 2 for h in sections)
    boxes = [h for h in hs if h.label.startswith("专栏")]
    assert len(boxes) == 10 and all(hs[h.parent].label.endswith("节") for h in boxes)
    assert [h.title for h in hs if h.level == 1][-3:] == [
        "肇庆市高要区“十四五”经济社会发展主要指标", "肇庆市高要区“十四五”重大项目工程建设汇总表", "名词解释",
    ]
    assert "第五章" in [h.label for h in hs if h.title.endswith("一带一廊一区”,推动区域协调高质量发展")]


def test_traditional_report_with_unnumbered_part_headings():
    hs = find_headings(corpus_text("002_*.txt"))
    top = [(h.label, h.title) for h in hs if h.level == 1]
    assert top == [("", "2022年工作回顾"), ("", "2023年工作安排"), ("附件", "名词解释")]
    assert [h.ordinal for h in hs if h.level == 2] == list(range(1, 9)) * 2


def test_glued_headings_of_a_scraped_report():
    text = corpus_text("zhumadian_2021_gwr.txt")
    top = [h for h in find_headings(text) if h.level == 1]
    assert [h.title for h in top] == [
        "2020年工作回顾及“十三五”主要成就", "“十四五”时期的奋斗目标和重点任务", "2021年重点工作", "加强政府自身建设",
    ]
    assert text[top[0].end:].startswith("刚刚过去的一年")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="第一二十章篇部分。!?,甲\n", max_size=40), st.integers(0, 40), st.integers(0, 40))
def test_midline_chapters_are_where_a_scan_of_the_marks_finds_them(text: str, start: int, end: int) -> None:
    start, end = sorted((min(start, len(text)), min(end, len(text))))
    marks = re.compile(rf"[。!?](?=第[{H.CN_NUMERAL}]{{1,4}}(?:篇|章|部分))")
    expected = [start + m.end() for m in marks.finditer(text[start:end])]
    assert headings._midline_chapters(text, start, end) == expected


def test_news_style_part_headings_may_end_with_a_colon():
    """A digest lists figures under short lines such as 2030年成就: and 今年主要预期目标."""
    text = "某省2030年成就:\n生产总值增长5%\n今年主要预期目标\n生产总值增长6%左右\n“十五五”时期发展成就\n正文。\n"
    assert [h.title for h in find_headings(normalise(text).text)] == [
        "某省2030年成就", "今年主要预期目标", "“十五五”时期发展成就"]


def test_a_short_line_of_prose_with_a_colon_is_not_a_part_heading():
    text = "全年主要经济指标完成情况如下:\n生产总值增长5%。\n"
    assert find_headings(normalise(text).text) == []


def test_a_heading_flattened_into_the_paragraph_before_it():
    """A web page that lost its line breaks: 一、…回顾 follows a 。 and runs into its first sentence."""
    text = "各位代表:现在,我代表县人民政府向大会报告工作。一、2030年工作回顾过去一年,全县生产总值增长5%。\n"
    assert outline(text) == [(1, "一、", "2030年工作回顾")]


def test_an_enumeration_after_a_full_stop_is_not_a_heading():
    text = "主要有三条经验。一、坚持党的领导,这是根本。二、坚持人民至上。\n"
    assert outline(text) == []


def test_spaced_headings_need_blanks_on_both_sides_and_no_sentence_end():
    def spaced(source: str) -> list[str]:
        norm = normalise(source)
        return [norm.text[a:b] for a, b, _ in headings.spaced_headings(source, norm.text, norm.src_start)]

    assert spaced("某镇工作总结 一、真抓实干,经济态势喜人 项目建设大推进。\n") == ["一、真抓实干,经济态势喜人"]
    assert spaced("主要经验有一、坚持党的领导 二是坚持人民至上。\n") == []  # no blank before the label
    assert spaced("产业结构由第二产业为主转变为第 二、第三产业“双轮驱动” 三次产业之比调整。\n") == []  # an ordinal
    assert spaced("工作如下 一、加快建设。全面推进 \n") == []  # a sentence ends before the next blank
    assert spaced("一、2030年工作回顾 正文\n") == []  # a line's own heading is found as a line heading


def test_a_bulleted_line_never_continues_the_heading_above_it():
    text = "■ 2031年经济社会发展的主要预期目标\n●经济增长6%左右\n●城镇新增就业5万人\n"
    assert outline(text) == [(1, "", "■2031年经济社会发展的主要预期目标")]


def test_a_report_card_line_is_a_part_heading():
    text = "■ 2030年成绩单\n●粮食总产达到50亿斤\n"
    assert [t for _, _, t in outline(text)] == ["■2030年成绩单"]


def test_a_title_opening_on_review_or_outlook_keeps_the_year_it_takes():
    text = "一、回顾2030年,我们砥砺奋进\n正文。\n二、展望2031年,我们踔厉奋发\n正文。\n三、2031年工作回顾2031年,面对困难,我们迎难而上。\n"
    assert outline(text) == [
        (1, "一、", "回顾2030年,我们砥砺奋进"), (1, "二、", "展望2031年,我们踔厉奋发"), (1, "三、", "2031年工作回顾")]


def test_a_long_heading_does_not_wrap_onto_a_line_that_states_a_figure():
    text = "二、“十六五”时期主要目标和重大任务\n研发经费投入年均增长8%以上\n三、2031年经济社会发展总体要求\n经济增长6%左右\n"
    assert [t for _, _, t in outline(text)] == ["“十六五”时期主要目标和重大任务", "2031年经济社会发展总体要求"]
