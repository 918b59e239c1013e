"""Where a figure sits: section roles and periods, and the cue split for texts without headings."""
from __future__ import annotations

import dataclasses

from luoshi.extract.roles import RoleMap, plan_name, planned_year_named, review_plan_split
from luoshi.model import Metadata, Section, Span, Structure
from luoshi.normalise import normalise

REVIEW = "全年新增市场主体3411户,同比增长5%,累计建成5G基站2000个,荣获全国文明城市称号。\n"
PLAN = "今年力争新增市场主体3300户,确保地区生产总值增长6%,将新建学校10所。\n"


def test_split_finds_the_turn_from_review_to_plan() -> None:
    text = REVIEW * 3 + PLAN * 3
    assert review_plan_split(text) == len(REVIEW) * 3


def test_split_of_a_plan_is_its_start() -> None:
    assert review_plan_split(PLAN * 4) == 0


def test_sections_give_the_innermost_role_and_the_heading_year() -> None:
    text = "2023年工作回顾\n一、产业\n新增企业10家。\n2024年工作安排\n新增企业12家。\n"
    norm = normalise(text)
    review_at, plan_at = text.index("2023年"), text.index("2024年")
    sub_at = text.index("一、")
    sections = (
        Section(0, Span(review_at, plan_at), Span(review_at, review_at + 8), 1, "", "2023年工作回顾", "body", None),
        Section(1, Span(sub_at, plan_at), Span(sub_at, sub_at + 4), 2, "一、", "产业", "body", 0),
        Section(2, Span(plan_at, len(text)), Span(plan_at, plan_at + 8), 1, "", "2024年工作安排", "plan", None),
    )
    roles = RoleMap(norm, Structure(sections=sections), Metadata())
    first = roles.place(text.index("10家"))
    assert (first.role, first.section, first.period) == ("review", 1, "2023")
    second = roles.place(text.index("12家"))
    assert (second.role, second.section, second.period) == ("plan", 2, "2024")
    assert roles.has_parts()


def test_heading_lines_stand_in_for_sections() -> None:
    text = "一、过去五年工作回顾五年来成绩显著。\n新增企业10家。\n二、今后五年奋斗目标\n新增企业12家。\n"
    roles = RoleMap(normalise(text), Structure(), Metadata(period="2021-2025"))
    assert roles.place(text.index("10家")).role == "review"
    assert roles.place(text.index("12家")).role == "plan"


def test_plan_name() -> None:
    assert plan_name(Metadata(period="2021-2025")) == "十四五"
    assert plan_name(Metadata(year=2024)) is None


def test_an_execution_report_reviews_though_its_title_names_the_plan() -> None:
    # 计划执行情况 and 目标完成情况 report what was done; 计划草案 plans
    text = "一、2025年计划执行情况\n新增企业10家。\n(一)主要目标完成情况\n新增企业11家。\n二、2026年计划草案\n新增企业12家。\n"
    norm = normalise(text)
    starts = [text.index(h) for h in ("一、", "(一)", "二、")]
    sections = (
        Section(0, Span(starts[0], starts[2]), Span(starts[0], starts[0] + 12), 1, "一、", "2025年计划执行情况", "body", None),
        Section(1, Span(starts[1], starts[2]), Span(starts[1], starts[1] + 11), 2, "(一)", "主要目标完成情况", "body", 0),
        Section(2, Span(starts[2], len(text)), Span(starts[2], starts[2] + 11), 1, "二、", "2026年计划草案", "body", None),
    )
    roles = RoleMap(norm, Structure(sections=sections), Metadata())
    assert [roles.place(text.index(n)).role for n in ("10家", "11家", "12家")] == ["review", "review", "plan"]


def test_heading_lines_give_roles_inside_sections_that_have_none() -> None:
    text = "回顾2025年工作\n新增企业10家。\n展望2026年工作目标\n新增企业12家。\n"
    norm = normalise(text)
    sections = (Section(0, Span(0, len(text)), Span(0, 0), 0, "", "", "body", None),)
    roles = RoleMap(norm, Structure(sections=sections), Metadata())
    first, second = roles.place(text.index("10家")), roles.place(text.index("12家"))
    assert (first.role, first.section) == ("review", 0)
    assert (second.role, second.section, second.period) == ("plan", 0, "2026")


def test_looking_back_heads_a_review() -> None:
    text = "回头看\n新增企业10家。\n怎么干\n新增企业12家。\n"
    roles = RoleMap(normalise(text), Structure(), Metadata())
    assert [roles.place(text.index(n)).role for n in ("10家", "12家")] == ["review", "plan"]


def test_a_report_of_how_things_stand_reviews() -> None:
    text = "2025年经济社会发展情况\n新增企业10家。\n2026年工作安排\n新增企业12家。\n"
    roles = RoleMap(normalise(text), Structure(), Metadata())
    assert [roles.place(text.index(n)).role for n in ("10家", "12家")] == ["review", "plan"]


def test_a_short_line_that_reports_done_work_heads_a_review() -> None:
    # a news digest: its subheads report done work though they name 目标/任务 (plan words)
    text = ("某县去年GDP增长5% 今年将推动工业倍增\n今年,我县将推动工业总产值增长10%。\n"
            "守住了民生底线任务\n全年新增就业1200人。\n各项目标任务全面完成\n新建学校3所。\n今年重点任务\n新建学校5所。\n")
    roles = RoleMap(normalise(text), Structure(), Metadata())
    assert roles.place(text.index("10%")).role is None  # the line says done work and what will be: heads neither
    assert roles.place(text.index("1200人")).role == "review"  # 了
    assert roles.place(text.index("3所")).role == "review"  # 全面完成, not 目标任务
    assert roles.place(text.index("5所")).role == "plan"
    assert RoleMap(normalise("为了实现目标任务\n新建学校5所。\n"), Structure(), Metadata()).place(0).role == "plan"


def test_a_text_without_cue_words_has_no_split() -> None:
    assert review_plan_split("全省地区生产总值增长4.1%。\n农牧业增加值增长5.5%。\n") is None


def test_a_section_with_no_cue_takes_the_part_its_siblings_agree_on() -> None:
    text = "(五)办好民生实事\n加快发展社会事业,新建学校8所。\n(六)加强自身建设\n过去一年,办结提案79件。\n"
    norm = normalise(text)
    a, b = text.index("(五)"), text.index("(六)")
    sections = (
        Section(0, Span(a, b), Span(a, a + 8), 2, "(五)", "办好民生实事", "body", None),
        Section(1, Span(b, len(text)), Span(b, b + 8), 2, "(六)", "加强自身建设", "review", None),
    )
    roles = RoleMap(norm, Structure(sections=sections), Metadata())
    assert roles.place(text.index("8所")).role == "review"
    plan = (sections[0], dataclasses.replace(sections[1], role="plan"))
    assert RoleMap(norm, Structure(sections=plan), Metadata()).place(text.index("8所")).role == "plan"
    both = (*sections, Section(2, Span(len(text), len(text)), Span(len(text), len(text)), 2, "(七)", "今后打算", "plan", None))
    assert RoleMap(norm, Structure(sections=both), Metadata()).place(text.index("8所")).role is None  # they disagree


def test_a_slogan_sub_section_with_a_plan_word_stays_in_the_review_its_parent_names() -> None:
    text = "一、2030年发展情况\n(一)紧盯目标任务,经济稳中向好\n新增企业10家。\n(二)2031年工作计划\n新增企业12家。\n"
    norm = normalise(text)
    top, sub, plan = text.index("一、"), text.index("(一)"), text.index("(二)")
    sections = (
        Section(0, Span(top, len(text)), Span(top, top + 11), 1, "一、", "2030年发展情况", "body", None),
        Section(1, Span(sub, plan), Span(sub, sub + 17), 2, "(一)", "紧盯目标任务,经济稳中向好", "plan", 0),
        Section(2, Span(plan, len(text)), Span(plan, plan + 12), 2, "(二)", "2031年工作计划", "plan", 0),
    )
    roles = RoleMap(norm, Structure(sections=sections), Metadata())
    assert roles.place(text.index("10家")).role == "review"
    assert roles.place(text.index("12家")).role == "plan"


def test_a_plan_lead_in_ends_the_part_a_review_line_began() -> None:
    text = ("各位代表:\n一年来,我们主要做了以下工作:\n一是新增企业10家。\n同时也要看到问题。\n"
            "今年工作的总体要求是:坚持稳中求进。新增企业12家。\n二是新建学校3所。\n")
    roles = RoleMap(normalise(text), Structure(), Metadata())
    assert [roles.place(text.index(n)).role for n in ("10家", "12家", "3所")] == ["review", "plan", "plan"]


def test_a_lead_in_that_recalls_an_earlier_plan_or_stands_alone_sets_no_part() -> None:
    recalled = "一年来,我们主要做了以下工作:\n新增企业10家。\n年初确定的主要预期目标是:新增企业9家。新建学校3所。\n"
    roles = RoleMap(normalise(recalled), Structure(), Metadata())
    assert roles.place(recalled.index("3所")).role == "review"
    alone = "报告提出,今年主要预期目标是:新增企业12家。\n市长表示,去年新增企业10家。\n"
    assert not RoleMap(normalise(alone), Structure(), Metadata()).has_parts()


def _top(text: str, titles: list[str]) -> tuple[Section, ...]:
    starts = [text.index(t) - 2 for t in titles] + [len(text)]
    return tuple(Section(i, Span(starts[i], starts[i + 1]), Span(starts[i], starts[i] + 2 + len(t)), 1,
                         "一、", t, "body", None) for i, t in enumerate(titles))


def test_uncued_sections_opening_on_years_review_the_earlier_and_plan_the_latest() -> None:
    text = "一、关于2030年工作\n新增企业10家。\n二、关于2031年工作\n新增企业12家。\n"
    roles = RoleMap(normalise(text), Structure(sections=_top(text, ["关于2030年工作", "关于2031年工作"])), Metadata())
    assert [roles.place(text.index(n)).role for n in ("10家", "12家")] == ["review", "plan"]


def test_a_lone_dated_section_is_reviewed_before_the_documents_year_and_planned_in_it() -> None:
    text = "一、2030年的工作\n新增企业10家。\n"
    sections = Structure(sections=_top(text, ["2030年的工作"]))
    assert RoleMap(normalise(text), sections, Metadata(year=2031)).place(text.index("10家")).role == "review"
    assert RoleMap(normalise(text), sections, Metadata(year=2030)).place(text.index("10家")).role == "plan"
    assert RoleMap(normalise(text), sections, Metadata()).place(text.index("10家")).role is None


def _analysed(text: str) -> RoleMap:
    from luoshi.model import Source
    from luoshi.structure import analyse

    source = Source(name="t.txt", path=None, sha256="", format="txt", encoding="utf-8", text=text)
    norm = normalise(text)
    return RoleMap(norm, analyse(source, norm), Metadata())


def test_a_progress_section_reviews_and_its_targets_statement_names_targets() -> None:
    text = ("一、2030年国民经济和社会发展计划执行情况\n(一)重点任务推进情况\n新增企业10家。\n"
            "年初确定的主要预期目标是:生产总值增长6%左右。\n二、2031年计划\n新增企业12家。\n")
    roles = _analysed(text)
    assert [roles.place(text.index(n)).role for n in ("10家", "6%", "12家")] == ["review", "targets", "plan"]


def test_mid_year_part_lines_review_then_plan() -> None:
    text = "上半年工作情况\n(一)坚持项目为王\n新增企业12家。\n下半年工作打算\n(一)坚持项目为王\n新增企业15家。\n"
    roles = _analysed(text)
    assert [roles.place(text.index(n)).role for n in ("12家", "15家")] == ["review", "plan"]


def test_sentences_opening_on_a_time_before_the_plan_count_as_review() -> None:
    text = "本规划要认真组织实施。\n2025年,全县生产总值达到300亿元。“十四五”期间,年均增长6%。\n"
    assert review_plan_split(text) == 0  # one target cue (要), no achievement cue: all plan
    assert review_plan_split(text, 2026) == len(text)  # a plan from 2026: what opens on 2025 and 十四五 was done
    assert review_plan_split(text, 2025) == 0  # a 2025 plan: 2025年 is its own year


def test_a_news_item_of_no_known_year_plans_the_year_its_plan_line_names() -> None:
    review = "2030年,全县新增企业40家,工业投资增长8%以上。\n"
    plan = "对于今年的工作,会议提出,2031年全县生产总值增长6%左右。\n"
    assert planned_year_named(review + plan) == 2031 and planned_year_named(review) is None
    assert review_plan_split(review + plan) == len(review)  # 2030年, opens the review of a news item planning 2031
    assert review_plan_split(plan + review) == 0  # a plan first: what follows has no cue of its own


def test_the_plan_part_under_a_title_naming_both_takes_the_last_period_it_names() -> None:
    text = "二、“十五五”时期发展成就和“十六五”时期主要目标任务\n年均增长6%。\n提出年均增长5%左右。\n"
    norm = normalise(text)
    turn = text.index("提出")
    sections = (
        Section(0, Span(0, len(text) - 1), Span(0, 27), 1, "二、", "“十五五”时期发展成就和“十六五”时期主要目标任务", "review", None),
        Section(1, Span(turn, len(text) - 1), Span(turn, turn), 2, "", "", "plan", 0),
    )
    roles = RoleMap(norm, Structure(sections=sections), Metadata(year=2031))
    review, plan = roles.place(text.index("6%")), roles.place(text.index("5%"))
    assert (review.role, review.period) == ("review", "十五五")
    assert (plan.role, plan.period) == ("plan", "十六五")


def test_a_part_named_only_for_the_current_five_year_plan_plans_and_an_earlier_one_reviews() -> None:
    text = "一、“十四五”时期工作\n新增企业10家。\n二、关于“十五五”规划纲要的说明\n(一)有关情况\n新增企业12家。\n"
    norm = normalise(text)
    a, b, c = text.index("一、"), text.index("二、"), text.index("(一)")
    sections = (
        Section(0, Span(a, b - 1), Span(a, a + 11), 1, "一、", "“十四五”时期工作", "body", None),
        Section(1, Span(b, len(text) - 1), Span(b, b + 17), 1, "二、", "关于“十五五”规划纲要的说明", "review", None),
        Section(2, Span(c, len(text) - 1), Span(c, c + 7), 2, "(一)", "有关情况", "review", 1),
    )
    roles = RoleMap(norm, Structure(sections=sections), Metadata(year=2026))
    assert roles.place(text.index("10家")).role == "review"
    assert roles.place(text.index("12家")).role == "plan"
    assert RoleMap(norm, Structure(sections=sections), Metadata()).place(text.index("12家")).role == "review"


def test_a_task_naming_an_earlier_plan_stays_in_its_plan_part() -> None:
    text = "二、2026年工作安排\n(一)巩固拓展“十四五”脱贫成果\n新增企业12家。\n"
    norm = normalise(text)
    b, c = text.index("二、"), text.index("(一)")
    sections = (
        Section(0, Span(b, len(text) - 1), Span(b, b + 11), 1, "二、", "2026年工作安排", "plan", None),
        Section(1, Span(c, len(text) - 1), Span(c, c + 16), 2, "(一)", "巩固拓展“十四五”脱贫成果", "plan", 0),
    )
    assert RoleMap(norm, Structure(sections=sections), Metadata(year=2026)).place(text.index("12家")).role == "plan"
