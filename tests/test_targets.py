"""The headline-targets table: block finding, row selection and naming.

Small inline texts pin each rule of the block finder with hand-built
measures (so they test this stage alone); the real-document tests run the
whole pipeline on the seeds, the dev corpus and the team's examples.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from luoshi.extract.headline_blocks import find_blocks, is_plan
from luoshi.extract.targets import extract_targets, list_items
from luoshi.model import Measure, Metadata, Section, Source, Span, Structure
from luoshi.normalise import normalise

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
REPORT_META = Metadata(year=2024, doc_type="政府工作报告")
PLAN_META = Metadata(doc_type="五年规划纲要", period="2021-2025")
NO_STRUCTURE = Structure()


def _source(text: str) -> Source:
    return Source(name="t.txt", path=None, sha256="", format="txt", encoding="utf-8", text=text)


def _m(text: str, quote: str, indicator: str, value: float, unit: str, comparator: str = "=",
       change: bool = False, kind: str = "target") -> Measure:
    at = text.index(quote)
    simplified = normalise(indicator).text
    return Measure(Span(at, at + len(quote)), kind, indicator, simplified, value, unit, comparator, change,
                   None, 0.9)


def _targets(text: str, measures, metadata: Metadata = REPORT_META, structure: Structure = NO_STRUCTURE):
    return extract_targets(_source(text), normalise(text), structure, metadata, tuple(measures))


def _rows(text: str, measures, metadata: Metadata = REPORT_META, structure: Structure = NO_STRUCTURE):
    return [(t.indicator, t.value, t.unit, t.comparator) for t in _targets(text, measures, metadata, structure)]


# --- the block --------------------------------------------------------------------

def test_inline_block_rows_map_to_keys_and_skip_the_review():
    text = (
        "一、2023年工作回顾\n全年地区生产总值增长5.2%。\n二、2024年工作安排\n"
        "今年全市经济社会发展的主要预期目标是:地区生产总值增长6%左右,城镇新增就业3万人以上,"
        "常住人口城镇化率提高1个百分点,居民人均可支配收入增长与经济增长同步。\n"
    )
    measures = [
        _m(text, "地区生产总值增长5.2%", "地区生产总值", 5.2, "%", change=True, kind="achievement"),
        _m(text, "地区生产总值增长6%左右", "地区生产总值", 6, "%", "~", True),
        _m(text, "城镇新增就业3万人以上", "城镇新增就业", 3, "万人", ">="),
        _m(text, "常住人口城镇化率提高1个百分点", "常住人口城镇化率", 1, "个百分点", "=", True),
    ]
    assert _rows(text, measures) == [
        ("gdp_growth", 6, "%", "~"),
        ("new_urban_jobs", 3, "万人", ">="),
        ("other", 1, "个百分点", "="),
    ]
    targets = _targets(text, measures)
    assert targets[2].indicator_text == "常住人口城镇化率"
    assert {t.period for t in targets} == {"2024"}


def test_block_ends_where_the_text_turns_to_the_work_programme():
    text = (
        "主要预期目标是:生产总值增长7%左右,一般公共预算收入增长5%。这些指标的设定坚持稳字当头,"
        "力争新增高新技术企业50家。\n"
    )
    measures = [
        _m(text, "生产总值增长7%左右", "生产总值", 7, "%", "~", True),
        _m(text, "一般公共预算收入增长5%", "一般公共预算收入", 5, "%", "=", True),
        _m(text, "新增高新技术企业50家", "新增高新技术企业", 50, "家"),
    ]
    assert _rows(text, measures) == [("gdp_growth", 7, "%", "~"), ("budget_revenue_growth", 5, "%", "=")]


def test_inline_block_survives_one_wordy_sentence_but_not_two():
    text = (
        "主要预期目标是:地区生产总值增长6%。开放发展取得新突破,营商环境持续优化。"
        "共享发展取得新进步,城镇新增就业2万人。社会大局保持稳定。人民群众获得感增强。"
        "新建学校3所。\n"
    )
    measures = [
        _m(text, "地区生产总值增长6%", "地区生产总值", 6, "%", "=", True),
        _m(text, "城镇新增就业2万人", "城镇新增就业", 2, "万人"),
        _m(text, "新建学校3所", "新建学校", 3, "所"),
    ]
    assert _rows(text, measures) == [("gdp_growth", 6, "%", "="), ("new_urban_jobs", 2, "万人", "=")]


def test_inline_block_ends_at_a_glued_heading():
    text = "主要预期目标是:地区生产总值增长6%。(一)扩大有效投资。新开工项目100个。\n"
    measures = [
        _m(text, "地区生产总值增长6%", "地区生产总值", 6, "%", "=", True),
        _m(text, "新开工项目100个", "新开工项目", 100, "个"),
    ]
    assert _rows(text, measures) == [("gdp_growth", 6, "%", "=")]


def test_a_reports_five_year_goals_are_not_its_headline_targets():
    text = (
        "二、今后五年奋斗目标\n全区国民经济和社会发展的主要指标确定为:地区生产总值年均增长9%以上,"
        "届末总量突破500亿元,固定资产投资年均增长20%以上。\n"
        "三、2022年工作安排\n2022年全区经济社会发展的主要预期目标是:地区生产总值增长8%;固定资产投资增长12%。\n"
    )
    measures = [
        _m(text, "地区生产总值年均增长9%以上", "地区生产总值", 9, "%", ">=", True),
        _m(text, "届末总量突破500亿元", "地区生产总值总量", 500, "亿元", ">="),
        _m(text, "固定资产投资年均增长20%以上", "固定资产投资", 20, "%", ">=", True),
        _m(text, "地区生产总值增长8%", "地区生产总值", 8, "%", "=", True),
        _m(text, "固定资产投资增长12%", "固定资产投资", 12, "%", "=", True),
    ]
    assert _rows(text, measures) == [("gdp_growth", 8, "%", "="), ("fai_growth", 12, "%", "=")]
    blocks = find_blocks(normalise(text), Structure(), Metadata(year=2021))
    assert [b.period for b in blocks] == ["2022"]  # the year the cue names wins over the metadata


def test_plan_heading_block_with_a_dash_list_and_its_end_year():
    text = (
        "第二节 主要目标\n展望2035年,地区生产总值达到1000亿元,基本实现现代化。\n"
        "“十四五”时期全县经济社会发展的主要目标是:\n"
        "——经济发展取得新成效。地区生产总值年均增长6.5%左右,到2025年突破380亿元。\n"
        "——城乡融合迈出新步伐。常住人口城镇化率达到60%。\n"
        "第三章 构建现代产业体系\n到2025年,新建标准厂房50万平方米。\n"
    )
    measures = [
        _m(text, "地区生产总值达到1000亿元", "地区生产总值", 1000, "亿元"),
        _m(text, "地区生产总值年均增长6.5%左右", "地区生产总值", 6.5, "%", "~", True),
        _m(text, "到2025年突破380亿元", "地区生产总值", 380, "亿元", ">="),
        _m(text, "常住人口城镇化率达到60%", "常住人口城镇化率", 60, "%"),
        _m(text, "新建标准厂房50万平方米", "新建标准厂房", 50, "万平方米"),
    ]
    expected = [("gdp_growth", 6.5, "2025"), ("gdp_level", 380, "2025"), ("other", 60, "2025")]
    for metadata in (PLAN_META, Metadata(title="示例县国民经济和社会发展第十四个五年规划纲要")):
        targets = _targets(text, measures, metadata)
        assert [(t.indicator, t.value, t.period) for t in targets] == expected
    # Not known as a plan: five-year goals are not a report's headline targets.
    assert _rows(text, measures, metadata=Metadata(doc_type="政府工作报告")) == []


@pytest.mark.parametrize("before", ["", "前言。\n", "前言。\n\n", "前言。\n一、\n", "前言。\n \n二、主要任务。\n"])
def test_a_heading_cue_opens_its_block_at_the_start_of_its_line(before):
    """A blank line or a bare label above the heading belongs to it; the line above that does not."""
    text = before + "主要目标\n地区生产总值增长6%。\n"
    norm = normalise(text)
    blocks = find_blocks(norm, Structure(), PLAN_META)
    start = 0 if not before else norm.text.index("\n") + 1
    if "主要任务" in before:
        start = norm.text.index("主要目标")
    assert [b.start for b in blocks] == [start]


def test_is_plan_from_the_type_or_the_title():
    assert is_plan(PLAN_META, "")
    assert not is_plan(REPORT_META, "某某规划纲要\n")
    assert is_plan(Metadata(), "某县国民经济和社会发展\n第十四个五年规划纲要\n第一章 发展基础\n")
    assert not is_plan(Metadata(), "政府工作报告\n——2024年1月在某市人民代表大会上\n")
    # A long first paragraph that mentions a plan is not a title.
    assert not is_plan(Metadata(), "全面加快乡村振兴连片示范带建设。优化完善整体规划," + "推进画廊建设," * 10 + "\n")


def test_list_on_its_own_lines_after_a_colon():
    text = "今年的主要预期目标是:\n地区生产总值增长5%左右;\n城镇调查失业率控制在5.5%以内。\n(一)扩大有效投资\n新开工项目100个。\n"
    measures = [
        _m(text, "地区生产总值增长5%左右", "地区生产总值", 5, "%", "~", True),
        _m(text, "城镇调查失业率控制在5.5%以内", "城镇调查失业率", 5.5, "%", "<="),
        _m(text, "新开工项目100个", "新开工项目", 100, "个"),
    ]
    assert _rows(text, measures) == [("gdp_growth", 5, "%", "~"), ("surveyed_unemployment", 5.5, "%", "<=")]


def test_numbered_targets_on_their_own_lines_are_items_not_headings():
    text = (
        "今年全市经济社会发展的主要预期目标是：\n（一）地区生产总值增长6.5%左右；\n（二）固定资产投资增长10%；\n"
        "（三）城镇登记失业率控制在4%以内。\n（四）扩大有效投资\n新开工项目100个。\n"
    )
    measures = [
        _m(text, "（一）地区生产总值增长6.5%左右", "（一）地区生产总值", 6.5, "%", "~", True),
        _m(text, "（二）固定资产投资增长10%", "（二）固定资产投资", 10, "%", "=", True),
        _m(text, "（三）城镇登记失业率控制在4%以内", "（三）城镇登记失业率", 4, "%", "<="),
        _m(text, "新开工项目100个", "新开工项目", 100, "个"),
    ]
    assert _rows(text, measures) == [
        ("gdp_growth", 6.5, "%", "~"), ("fai_growth", 10, "%", "="), ("registered_unemployment", 4, "%", "<=")]
    targets = _targets(text, measures)
    assert [t.indicator_text for t in targets] == ["地区生产总值", "固定资产投资", "城镇登记失业率"]


def test_a_numbered_paragraph_after_dashed_items_opens_the_programme():
    text = (
        "今年主要预期目标：\n——地区生产总值增长6%左右\n——城镇新增就业8000人\n"
        "（一）推动“1+3”产业集群发展，新建标准厂房5万平方米。\n"
    )
    measures = [
        _m(text, "地区生产总值增长6%左右", "地区生产总值", 6, "%", "~", True),
        _m(text, "城镇新增就业8000人", "城镇新增就业", 8000, "人"),
        _m(text, "新建标准厂房5万平方米", "新建标准厂房", 5, "万平方米"),
    ]
    assert _rows(text, measures) == [("gdp_growth", 6, "%", "~"), ("new_urban_jobs", 8000, "人", "=")]


def test_one_target_per_line_without_marks_is_a_list_not_headings():
    text = (
        "今年全市經濟社會發展的主要預期目標是：\n地區生產總值增長6%\n城鎮登記失業率控制在3%以內\n"
        "2024年重點工作\n新增規上工業企業30家。\n"
    )
    measures = [
        _m(text, "地區生產總值增長6%", "地區生產總值", 6, "%", "=", True),
        _m(text, "城鎮登記失業率控制在3%以內", "城鎮登記失業率", 3, "%", "<="),
        _m(text, "新增規上工業企業30家", "新增規上工業企業", 30, "家"),
    ]
    assert _rows(text, measures) == [("gdp_growth", 6, "%", "="), ("registered_unemployment", 3, "%", "<=")]


@pytest.mark.parametrize("cue", ["经济社会发展的目标任务是", "经济社会发展的奋斗目标是", "经济社会发展主要预期目标安排建议如下",
                                 "经济社会发展的主要目标和任务是"])
def test_cue_without_main_or_expected_names_the_economy(cue):
    text = f"今年全市{cue}：地区生产总值增长6.5%左右，城镇新增就业1万人以上。\n"
    measures = [
        _m(text, "地区生产总值增长6.5%左右", "地区生产总值", 6.5, "%", "~", True),
        _m(text, "城镇新增就业1万人以上", "城镇新增就业", 1, "万人", ">="),
    ]
    assert _rows(text, measures) == [("gdp_growth", 6.5, "%", "~"), ("new_urban_jobs", 1, "万人", ">=")]


@pytest.mark.parametrize("closer", ["实现上述目标", "完成以上目标", "确保这些目标实现"])
def test_a_sentence_about_reaching_the_targets_ends_the_block(closer):
    text = f"主要预期目标是：生产总值增长7%左右。{closer}，需要付出艰苦努力，力争新增市场主体1万户。\n"
    measures = [
        _m(text, "生产总值增长7%左右", "生产总值", 7, "%", "~", True),
        _m(text, "新增市场主体1万户", "新增市场主体", 1, "万户"),
    ]
    assert _rows(text, measures) == [("gdp_growth", 7, "%", "~")]


def test_one_number_for_several_names_gives_each_a_row():
    text = "主要预期目标是：规模以上工业增加值和固定资产投资均增长8%，规模工业增加值、进出口总额都增长9%。\n"
    measures = [
        _m(text, "规模以上工业增加值和固定资产投资均增长8%", "规模以上工业增加值和固定资产投资", 8, "%", "=", True),
        _m(text, "进出口总额都增长9%", "进出口总额", 9, "%", "=", True),
    ]
    assert _rows(text, measures) == [
        ("industry_va_growth", 8, "%", "="), ("fai_growth", 8, "%", "="), ("trade_growth", 9, "%", "=")]


def test_respectively_before_a_single_number_gives_it_to_every_name():
    text = "主要预期目标是：工业投资、服务业投资分别增长12%，城镇、农村居民人均可支配收入分别增长6%、7%。\n"
    measures = [
        _m(text, "工业投资、服务业投资分别增长12%", "工业投资、服务业投资", 12, "%", "=", True),
        _m(text, "城镇、农村居民人均可支配收入分别增长6%", "城镇、农村居民人均可支配收入", 6, "%", "=", True),
        _m(text, "7%", "城镇、农村居民人均可支配收入", 7, "%", "=", True),
    ]
    assert _rows(text, measures) == [
        ("other", 12, "%", "="), ("other", 12, "%", "="),
        ("urban_income_growth", 6, "%", "="), ("rural_income_growth", 7, "%", "=")]
    assert [t.indicator_text for t in _targets(text, measures)[:2]] == ["工业投资", "服务业投资"]


def test_respectively_with_a_lost_second_number_keeps_one_row():
    text = "主要预期目标是：工业投资、服务业投资分别增长12%和15%。\n"
    measures = [_m(text, "工业投资、服务业投资分别增长12%", "工业投资、服务业投资", 12, "%", "=", True)]
    assert _rows(text, measures) == [("other", 12, "%", "=")]


def test_pinyin_glosses_left_in_the_words_do_not_hide_the_key():
    text = "主要預期目標是：全社會(huì )固定資產投資增長9%，社會(huì )消費品零售總額增長8%以上。\n"
    measures = [
        _m(text, "全社會(huì )固定資產投資增長9%", "全社會(huì)固定資產投資", 9, "%", "=", True),
        _m(text, "社會(huì )消費品零售總額增長8%以上", "社會(huì)消費品零售總額", 8, "%", ">=", True),
    ]
    assert _rows(text, measures) == [("fai_growth", 9, "%", "="), ("retail_growth", 8, "%", ">=")]


@pytest.mark.parametrize("name", ["R&D占比", "研发投入占比", "全社会研发经费支出占比"])
def test_research_spendings_share_is_its_intensity(name):
    text = f"主要预期目标是：{name}达到2.6%。\n"
    assert _rows(text, [_m(text, f"{name}达到2.6%", name, 2.6, "%")]) == [("rd_intensity", 2.6, "%", "=")]


def test_expected_before_a_name_is_no_part_of_it():
    text = "主要预期目标：一是稳定就业。预期城镇新增就业2万人以上，人均预期寿命达到79岁。\n"
    measures = [
        _m(text, "预期城镇新增就业2万人以上", "预期城镇新增就业", 2, "万人", ">="),
        _m(text, "人均预期寿命达到79岁", "人均预期寿命", 79, "岁"),
    ]
    assert _rows(text, measures) == [("new_urban_jobs", 2, "万人", ">="), ("other", 79, "岁", "=")]
    assert [t.indicator_text for t in _targets(text, measures)] == ["城镇新增就业", "人均预期寿命"]


def test_one_number_for_two_headline_indicators_gives_each_a_row():
    text = "主要预期目标是：地区生产总值增长6%，城镇调查失业率和登记失业率保持在4.2%左右。\n"
    measures = [
        _m(text, "地区生产总值增长6%", "地区生产总值", 6, "%", "=", True),
        _m(text, "城镇调查失业率和登记失业率保持在4.2%左右", "城镇调查失业率和登记失业率", 4.2, "%", "~"),
    ]
    assert _rows(text, measures) == [
        ("gdp_growth", 6, "%", "="), ("surveyed_unemployment", 4.2, "%", "~"), ("registered_unemployment", 4.2, "%", "~")]


def test_one_number_for_a_headline_and_another_indicator_stays_one_row():
    text = "主要预期目标是：固定资产投资和工业技改投资保持在200亿元以上。\n"
    measures = [_m(text, "固定资产投资和工业技改投资保持在200亿元以上", "固定资产投资和工业技改投资", 200, "亿元", ">=")]
    assert _rows(text, measures) == [("other", 200, "亿元", ">=")]


def test_a_bare_figure_that_names_nothing_is_no_row():
    text = "今年主要预期目标：\n——地区生产总值增长6%左右\n——7%\n8%\n"
    measures = [
        _m(text, "地区生产总值增长6%左右", "地区生产总值", 6, "%", "~", True),
        _m(text, "——7%", "——", 7, "%"),
        _m(text, "8%", "", 8, "%"),
    ]
    assert _rows(text, measures) == [("gdp_growth", 6, "%", "~")]


def test_one_indicators_target_explained_after_the_block_is_no_second_block():
    text = (
        "今年主要预期目标是：地区生产总值增长5.5%左右，城镇新增就业1万人。\n"
        "经济增长预期目标定为5.5%左右，兼顾了需要与可能。\n"
    )
    measures = [
        _m(text, "地区生产总值增长5.5%左右", "地区生产总值", 5.5, "%", "~", True),
        _m(text, "城镇新增就业1万人", "城镇新增就业", 1, "万人"),
        _m(text, "经济增长预期目标定为5.5%左右", "经济增长预期目标定", 5.5, "%", "~", True),
    ]
    assert _rows(text, measures) == [("gdp_growth", 5.5, "%", "~"), ("new_urban_jobs", 1, "万人", "=")]
    alone = "经济增长预期目标定为5.5%左右，兼顾了需要与可能。\n"
    measure = _m(alone, "经济增长预期目标定为5.5%左右", "经济增长预期目标定", 5.5, "%", "~", True)
    assert _rows(alone, [measure]) == [("gdp_growth", 5.5, "%", "~")]


def test_hunan_wording_of_industrial_value_added():
    text = "主要预期目标是：规模工业增加值增长8%。\n"
    assert _rows(text, [_m(text, "规模工业增加值增长8%", "规模工业增加值", 8, "%", "=", True)]) == [
        ("industry_va_growth", 8, "%", "=")]


def test_a_number_in_brackets_is_an_aside_not_a_target():
    text = "主要预期目标是：（一）地区生产总值增长6%左右（上年增长5.2%），城镇新增就业4万人以上（上年4.3万人）。\n"
    measures = [
        _m(text, "（一）地区生产总值增长6%左右", "（一）地区生产总值", 6, "%", "~", True),
        _m(text, "（上年增长5.2%", "（上年", 5.2, "%", "=", True),
        _m(text, "城镇新增就业4万人以上", "城镇新增就业", 4, "万人", ">="),
        _m(text, "（上年4.3万人", "（上年", 4.3, "万人"),
    ]
    assert _rows(text, measures) == [("gdp_growth", 6, "%", "~"), ("new_urban_jobs", 4, "万人", ">=")]


def test_a_later_cue_in_the_same_paragraph_opens_its_own_block():
    text = (
        "今后五年的主要目标是：地区生产总值年均增长7%左右，到2028年突破3000亿元。"
        "今年全市经济社会发展的主要预期目标是：地区生产总值增长6.5%左右，规模以上工业增加值增长8%。\n"
    )
    measures = [
        _m(text, "地区生产总值年均增长7%左右", "地区生产总值", 7, "%", "~", True),
        _m(text, "突破3000亿元", "地区生产总值", 3000, "亿元", ">="),
        _m(text, "地区生产总值增长6.5%左右", "地区生产总值", 6.5, "%", "~", True),
        _m(text, "规模以上工业增加值增长8%", "规模以上工业增加值", 8, "%", "=", True),
    ]
    assert _rows(text, measures) == [("gdp_growth", 6.5, "%", "~"), ("industry_va_growth", 8, "%", "=")]


def test_glosses_bases_and_full_width_percent_do_not_hide_the_key():
    text = (
        "今年主要经济指标预期为：全市生产总值（GDP）增长６％左右，研究与试验发展（R&D）经费投入强度达到2.3%，"
        "一般公共预算收入按可比口径增长3%。\n"
    )
    measures = [
        _m(text, "全市生产总值（GDP）增长６％左右", "全市生产总值（GDP）", 6, "％", "~", True),
        _m(text, "研究与试验发展（R&D）经费投入强度达到2.3%", "研究与试验发展（R&D）经费投入强度", 2.3, "%"),
        _m(text, "一般公共预算收入按可比口径增长3%", "一般公共预算收入按可比口径", 3, "%", "=", True),
    ]
    assert _rows(text, measures) == [
        ("gdp_growth", 6, "％", "~"), ("rd_intensity", 2.3, "%", "="), ("budget_revenue_growth", 3, "%", "=")]
    targets = _targets(text, measures)
    assert targets[0].indicator_text == "全市生产总值（GDP）"


@pytest.mark.parametrize(("name", "key"), [
    ("单位GDP能耗降低率", "energy_intensity"),
    ("社消零总额", "retail_growth"),
    ("地方财政一般公共预算收入", "budget_revenue_growth"),
    ("全口径一般公共预算收入", "budget_revenue_growth"),
    ("固定资产投资（不含农户）", "fai_growth"),
])
def test_other_provinces_wordings_map_to_their_keys(name, key):
    text = f"主要预期目标是：{name}增长5%。\n"
    assert _rows(text, [_m(text, f"{name}增长5%", name, 5, "%", "=", True)]) == [(key, 5, "%", "=")]


def test_a_cue_under_a_heading_cue_keeps_the_whole_section():
    text = (
        "(一)主要预期目标\n今年全市经济社会发展的主要预期目标是：地区生产总值增长6%左右。\n"
        "城镇新增就业2万人，城镇调查失业率5.5%左右。\n(二)重点工作\n新开工项目100个。\n"
    )
    measures = [
        _m(text, "地区生产总值增长6%左右", "地区生产总值", 6, "%", "~", True),
        _m(text, "城镇新增就业2万人", "城镇新增就业", 2, "万人"),
        _m(text, "城镇调查失业率5.5%左右", "城镇调查失业率", 5.5, "%", "~"),
        _m(text, "新开工项目100个", "新开工项目", 100, "个"),
    ]
    assert _rows(text, measures) == [
        ("gdp_growth", 6, "%", "~"), ("new_urban_jobs", 2, "万人", "="), ("surveyed_unemployment", 5.5, "%", "~")]


@pytest.mark.parametrize("label", ["——", "—", "──", "（二）", "(2)", "2.", "二、", "二是", "②"])
def test_a_list_label_is_not_part_of_the_indicator(label):
    text = f"今年主要预期目标建议如下：\n{label}城镇新增就業5萬人；\n"
    measures = [_m(text, f"{label}城镇新增就業5萬人", f"{label}城镇新增就業", 5, "萬人")]
    targets = _targets(text, measures)
    assert [(t.indicator, t.indicator_text, t.unit) for t in targets] == [("new_urban_jobs", "城镇新增就業", "萬人")]


def test_a_cue_closing_its_sentence_with_a_full_stop_opens_a_list():
    text = "今年全市经济社会发展的主要预期目标如下。\n地区生产总值增长6%左右；城镇新增就业2万人。\n"
    measures = [
        _m(text, "地区生产总值增长6%左右", "地区生产总值", 6, "%", "~", True),
        _m(text, "城镇新增就业2万人", "城镇新增就业", 2, "万人"),
    ]
    assert _rows(text, measures) == [("gdp_growth", 6, "%", "~"), ("new_urban_jobs", 2, "万人", "=")]


@pytest.mark.parametrize("heading", ["今年经济社会发展的主要预期目标", "■ 今年经济社会发展的主要预期目标"])
def test_a_bulleted_list_runs_past_an_item_without_a_number(heading):
    text = (
        f"二、今年工作安排\n{heading}\n●经济增长5%左右\n●居民收入增长与经济增长同步\n"
        "●粮食产量稳定在80万吨以上\n■ 今年重点工作\n●新建学校3所\n"
    )
    measures = [
        _m(text, "●经济增长5%左右", "●经济", 5, "%", "~", True),
        _m(text, "●粮食产量稳定在80万吨以上", "●粮食产量", 80, "万吨", ">="),
        _m(text, "●新建学校3所", "●新建学校", 3, "所"),
    ]
    assert _rows(text, measures) == [("gdp_growth", 5, "%", "~"), ("grain_output", 80, "万吨", ">=")]
    assert [t.indicator_text for t in _targets(text, measures)] == ["经济", "粮食产量"]


def test_an_unmarked_list_runs_past_a_clause_without_a_number():
    text = (
        "今年发展主要预期目标是:\n地区生产总值增长5%左右;\n居民收入增长与经济增长基本同步;\n"
        "粮食产量保持在60万吨以上;\n生态环境质量持续改善。\n这些目标的设定兼顾了需要和可能,新建学校3所。\n"
    )
    measures = [
        _m(text, "地区生产总值增长5%左右", "地区生产总值", 5, "%", "~", True),
        _m(text, "粮食产量保持在60万吨以上", "粮食产量", 60, "万吨", ">="),
        _m(text, "新建学校3所", "新建学校", 3, "所"),
    ]
    assert _rows(text, measures) == [("gdp_growth", 5, "%", "~"), ("grain_output", 60, "万吨", ">=")]


@pytest.mark.parametrize(("quote", "indicator", "key"), [
    ("城镇调查失业率全年控制在5.5%以内", "城镇调查失业率全年", "surveyed_unemployment"),
    ("粮食产量继续保持60万吨以上", "粮食产量继续", "grain_output"),
])
def test_scope_words_between_name_and_verb_do_not_hide_the_key(quote, indicator, key):
    text = f"今年主要预期目标是:{quote}。\n"
    value, unit = (5.5, "%") if "%" in quote else (60, "万吨")
    rows = _rows(text, [_m(text, quote, indicator, value, unit, "<=" if "以内" in quote else ">=")])
    assert [r[0] for r in rows] == [key]


def test_a_cue_without_a_colon_is_not_part_of_the_name():
    text = "二、今年工作安排\n今年全区经济社会发展主要预期目标是地区生产总值增长6%以上,一般公共预算收入增长4%。\n"
    measures = [
        _m(text, "今年全区经济社会发展主要预期目标是地区生产总值增长6%以上",
           "今年全区经济社会发展主要预期目标是地区生产总值", 6, "%", ">=", True),
        _m(text, "一般公共预算收入增长4%", "一般公共预算收入", 4, "%", "=", True),
    ]
    assert _rows(text, measures) == [("gdp_growth", 6, "%", ">="), ("budget_revenue_growth", 4, "%", "=")]
    assert _targets(text, measures)[0].indicator_text == "地区生产总值"


@pytest.mark.parametrize(("name", "key"), [
    ("区属地区生产总值", "gdp_growth"),
    ("规模以上固定资产投资", "fai_growth"),
    ("农牧民人均纯收入", "rural_income_growth"),
    ("地方公共财政收入", "budget_revenue_growth"),
])
def test_scope_and_regional_wordings_map_to_their_keys(name, key):
    text = f"主要预期目标是：{name}增长5%。\n"
    assert _rows(text, [_m(text, f"{name}增长5%", name, 5, "%", "=", True)]) == [(key, 5, "%", "=")]


def test_a_breakdown_by_urban_and_rural_residents_is_their_income():
    text = "今年主要预期目标是:居民人均可支配收入增长6%,其中城镇、农村居民分别增长5%、7%。\n"
    measures = [
        _m(text, "居民人均可支配收入增长6%", "居民人均可支配收入", 6, "%", "=", True),
        _m(text, "城镇、农村居民分别增长5%", "城镇居民", 5, "%", "=", True),
        _m(text, "7%", "农村居民", 7, "%", "=", True),
    ]
    assert _rows(text, measures) == [
        ("income_growth", 6, "%", "="), ("urban_income_growth", 5, "%", "="), ("rural_income_growth", 7, "%", "=")]


def test_shortened_urban_and_rural_in_a_shared_list():
    text = "今年主要预期目标是:城、乡居民人均可支配收入分别增长6%、7%。\n"
    name = "城、乡居民人均可支配收入"
    measures = [
        _m(text, "城、乡居民人均可支配收入分别增长6%", name, 6, "%", "=", True),
        _m(text, "城、乡居民人均可支配收入分别增长6%、7%", name, 7, "%", "=", True),
    ]
    assert _rows(text, measures) == [("urban_income_growth", 6, "%", "="), ("rural_income_growth", 7, "%", "=")]


@pytest.mark.parametrize("before", ["去年地区生产总值增长5.2%,在此基础上,今年的", "2023年地区生产总值比上年增长5.2%,在此基础上,"])
def test_last_years_figure_before_the_cue_in_its_sentence_is_not_a_row(before):
    text = f"二、2024年工作安排\n{before}主要预期目标是:地区生产总值增长6%。\n"
    measures = [
        _m(text, "增长5.2%", "地区生产总值", 5.2, "%", "=", True, "achievement"),
        _m(text, "地区生产总值增长6%", "地区生产总值", 6, "%", "=", True),
    ]
    assert _rows(text, measures) == [("gdp_growth", 6, "%", "=")]


@pytest.mark.parametrize("plan_mention", ["单位地区生产总值能耗完成“十四五”下达目标", "为“十五五”开好局打牢基础"])
def test_an_annual_list_may_name_the_five_year_plan(plan_mention):
    text = f"二、今年工作安排\n主要预期目标是:地区生产总值增长6%左右,城镇新增就业2万人,{plan_mention}。\n"
    measures = [
        _m(text, "地区生产总值增长6%左右", "地区生产总值", 6, "%", "~", True),
        _m(text, "城镇新增就业2万人", "城镇新增就业", 2, "万人"),
    ]
    assert _rows(text, measures) == [("gdp_growth", 6, "%", "~"), ("new_urban_jobs", 2, "万人", "=")]


@pytest.mark.parametrize("lead", ["2024年是实施“十四五”规划的关键一年,全市", "围绕“十四五”规划目标,全市"])
def test_a_lead_naming_the_five_year_plan_keeps_the_annual_block(lead):
    text = f"二、2024年工作安排\n{lead}经济社会发展的主要预期目标是:地区生产总值增长6%左右。\n"
    measures = [_m(text, "地区生产总值增长6%左右", "地区生产总值", 6, "%", "~", True)]
    assert _rows(text, measures) == [("gdp_growth", 6, "%", "~")]


@pytest.mark.parametrize("text", [
    # the plan's span still marks five-year goals in a report
    "一、今后五年目标\n主要目标是:到“十四五”末,地区生产总值达到300亿元。\n二、今年工作安排\n主要预期目标是:地区生产总值增长6%。\n",
    # a lead naming the plan's goals is five-year
    "全县“十四五”发展的主要目标是:地区生产总值达到300亿元。\n今年主要预期目标是:地区生产总值增长6%。\n",
])
def test_five_year_goals_beside_the_years_targets_are_left_out(text):
    measures = [
        _m(text, "地区生产总值达到300亿元", "地区生产总值", 300, "亿元"),
        _m(text, "地区生产总值增长6%", "地区生产总值", 6, "%", "=", True),
    ]
    assert _rows(text, measures) == [("gdp_growth", 6, "%", "=")]


def test_a_paragraph_explaining_the_targets_opens_no_block():
    text = (
        "今年发展主要预期目标是:国内生产总值增长5%左右;城镇调查失业率5.5%左右。\n"
        "提出上述预期目标,综合考虑了各方面因素。城镇调查失业率预期目标为6%以内,体现了稳就业的要求。\n"
    )
    measures = [
        _m(text, "国内生产总值增长5%左右", "国内生产总值", 5, "%", "~", True),
        _m(text, "城镇调查失业率5.5%左右", "城镇调查失业率", 5.5, "%", "~"),
        _m(text, "城镇调查失业率预期目标为6%以内", "城镇调查失业率预期目标", 6, "%", "<="),
    ]
    assert _rows(text, measures) == [("gdp_growth", 5, "%", "~"), ("surveyed_unemployment", 5.5, "%", "~")]


def test_the_word_target_after_a_name_does_not_hide_the_key():
    text = "主要预期目标是:经济增长预期目标6%左右。\n"
    measures = [_m(text, "经济增长预期目标6%左右", "经济增长预期目标", 6, "%", "~")]
    assert _rows(text, measures) == [("gdp_growth", 6, "%", "~")]


def test_a_fields_goals_in_the_work_programme_give_way_to_the_headline_block():
    text = (
        "二、今年工作安排\n今年全市经济社会发展的主要预期目标是:地区生产总值增长6%左右。\n"
        "(一)推进乡村振兴。今年全市乡村振兴的主要目标是:新建高标准农田10万亩。\n"
    )
    measures = [
        _m(text, "地区生产总值增长6%左右", "地区生产总值", 6, "%", "~", True),
        _m(text, "新建高标准农田10万亩", "新建高标准农田", 10, "万亩"),
    ]
    assert _rows(text, measures) == [("gdp_growth", 6, "%", "~")]


@pytest.mark.parametrize("lead", ["今年全市的", "今年政府工作的", "今年经济社会发展的", "2024年全县"])
def test_a_cue_naming_the_whole_economy_stays_strong(lead):
    text = (
        f"二、今年工作安排\n{lead}主要目标是:地区生产总值增长6%左右。\n"
        "今年全市乡村振兴的主要目标是:新建高标准农田10万亩。\n"
    )
    measures = [
        _m(text, "地区生产总值增长6%左右", "地区生产总值", 6, "%", "~", True),
        _m(text, "新建高标准农田10万亩", "新建高标准农田", 10, "万亩"),
    ]
    assert _rows(text, measures) == [("gdp_growth", 6, "%", "~")]


def test_a_later_target_year_governs_only_its_list_item():
    text = "二、2024年工作安排\n今年的主要预期目标是:地区生产总值增长6%,力争到2026年突破300亿元;城镇新增就业2万人。\n"
    measures = [
        _m(text, "地区生产总值增长6%", "地区生产总值", 6, "%", "=", True),
        _m(text, "突破300亿元", "地区生产总值", 300, "亿元", ">="),
        _m(text, "城镇新增就业2万人", "城镇新增就业", 2, "万人"),
    ]
    assert _rows(text, measures) == [("gdp_growth", 6, "%", "="), ("new_urban_jobs", 2, "万人", "=")]


def test_a_closer_ends_a_list_on_its_own_lines():
    text = "主要预期目标建议为：\n地区生产总值增长6%；\n城镇新增就业1.2万人。\n这些目标与2025年规划相衔接，力争新增企业100家。\n"
    measures = [
        _m(text, "地区生产总值增长6%", "地区生产总值", 6, "%", "=", True),
        _m(text, "城镇新增就业1.2万人", "城镇新增就业", 1.2, "万人"),
        _m(text, "新增企业100家", "新增企业", 100, "家"),
    ]
    assert _rows(text, measures) == [("gdp_growth", 6, "%", "="), ("new_urban_jobs", 1.2, "万人", "=")]


def test_respectively_pairs_share_out_the_joined_names():
    text = "主要预期目标是:城镇调查失业率和城镇登记失业率分别控制在5.5%和4.5%以内。\n"
    name = "城镇调查失业率和城镇登记失业率"
    measures = [
        _m(text, "城镇调查失业率和城镇登记失业率分别控制在5.5%", name, 5.5, "%", "<="),
        _m(text, "城镇调查失业率和城镇登记失业率分别控制在5.5%和4.5%以内", name, 4.5, "%", "<="),
    ]
    assert _rows(text, measures) == [("surveyed_unemployment", 5.5, "%", "<="), ("registered_unemployment", 4.5, "%", "<=")]
    targets = _targets(text, measures)
    assert [text[t.span.start:t.span.end] for t in targets] == [
        "城镇调查失业率和城镇登记失业率分别控制在5.5%", "城镇调查失业率和城镇登记失业率分别控制在5.5%和4.5%以内"]


def test_urban_and_rural_pairs_split_a_compound_name():
    text = "主要预期目标是:城乡居民人均可支配收入分别增长6%和7.5%。\n"
    name = "城乡居民人均可支配收入"
    measures = [
        _m(text, "城乡居民人均可支配收入分别增长6%", name, 6, "%", "=", True),
        _m(text, "城乡居民人均可支配收入分别增长6%和7.5%", name, 7.5, "%", "=", True),
    ]
    assert _rows(text, measures) == [("urban_income_growth", 6, "%", "="), ("rural_income_growth", 7.5, "%", "=")]
    text = "主要预期目标是:城乡居民人均可支配收入增长6%以上,力争7%。\n"
    measures = [
        _m(text, "城乡居民人均可支配收入增长6%以上", name, 6, "%", ">=", True),
        _m(text, "力争7%", name, 7, "%", "=", True),
    ]
    assert _rows(text, measures) == [("income_growth", 6, "%", ">=")]  # no 分别: not a pair


def test_list_items_give_every_item_the_shared_tail():
    def names(s):
        return ["".join(s[a:b] for a, b in item) for item in list_items(s)]

    assert names("城镇调查失业率和城镇登记失业率") == ["城镇调查失业率", "城镇登记失业率"]
    assert names("高新技术产业、战略性新兴产业占规模以上工业增加值比重") == [
        "高新技术产业占规模以上工业增加值比重", "战略性新兴产业占规模以上工业增加值比重"]
    assert names("省、市临床重点专科建设项目") == ["省临床重点专科建设项目", "市临床重点专科建设项目"]
    assert names("地区生产总值") == ["地区生产总值"]


@given(st.lists(st.sampled_from(["城镇", "调查", "失业率", "产业", "占", "比重", "和", "、", "及", "省", "市"]), max_size=8))
def test_list_items_are_slices_of_the_name(words):
    name = "".join(words)
    items = list_items(name)
    for item in items:
        assert item and all(0 <= a < b <= len(name) for a, b in item)
    assert "".join(name[a:b] for item in items for a, b in item[:1]) == "".join(
        w for w in words if w not in ("和", "、", "及"))


_PIECES = ["主要预期目标是:", "地区生产总值增长6%", ",", "。", "\n", "第二节 主要目标", "——", "我们将", "以上目标",
           "(一)", "今后五年", "2024年", "常住人口城镇化率达到60%", "十四五", ":", "年均增长5%"]


@given(st.lists(st.sampled_from(_PIECES), max_size=20), st.booleans())
def test_blocks_lie_in_the_text_in_order(pieces, plan):
    norm = normalise("".join(pieces))
    blocks = find_blocks(norm, Structure(), PLAN_META if plan else REPORT_META)
    last_end = 0
    for block in blocks:
        assert last_end <= block.start <= block.list_start <= block.end <= len(norm.text)
        last_end = block.end


def test_a_cue_in_the_review_does_not_open_a_block():
    text = "一、工作回顾\n去年的主要预期目标是:地区生产总值增长6%。\n二、今年工作\n重点抓好三件事。\n"
    review_end = text.index("二、")
    structure = Structure(sections=(
        Section(0, Span(0, review_end), Span(0, 5), 1, "一、", "工作回顾", "review", None),
        Section(1, Span(review_end, len(text)), Span(review_end, review_end + 5), 1, "二、", "今年工作", "plan", None),
    ))
    measures = [_m(text, "地区生产总值增长6%", "地区生产总值", 6, "%", "=", True)]
    assert _rows(text, measures, structure=structure) == []
    assert _rows(text, measures) == []  # without roles too: a cue naming last year looks back
    both = text.replace("去年的", "在去年基础上,今年的")
    assert _rows(both, [_m(both, "地区生产总值增长6%", "地区生产总值", 6, "%", "=", True)]) == [
        ("gdp_growth", 6, "%", "=")]
    # A strong cue with no past-time words counts even in a section read as review.
    text = text.replace("去年的", "今年的")
    assert _rows(text, [_m(text, "地区生产总值增长6%", "地区生产总值", 6, "%", "=", True)], structure=structure) == [
        ("gdp_growth", 6, "%", "=")]


def test_targets_section_from_the_structure_without_a_cue():
    text = "(二)年度目标\n地区生产总值增长6%,粮食产量稳定在180万吨以上。\n(三)重点工作\n新建学校5所。\n"
    end = text.index("(三)")
    structure = Structure(sections=(Section(0, Span(0, end), Span(0, 6), 2, "(二)", "年度目标", "targets", None),))
    measures = [
        _m(text, "地区生产总值增长6%", "地区生产总值", 6, "%", "=", True),
        _m(text, "粮食产量稳定在180万吨以上", "粮食产量", 180, "万吨", ">="),
        _m(text, "新建学校5所", "新建学校", 5, "所"),
    ]
    assert _rows(text, measures, structure=structure) == [("gdp_growth", 6, "%", "="), ("grain_output", 180, "万吨", ">=")]
    assert _rows(text, measures) == []  # no cue, no role: no block


def test_a_field_goal_gives_way_to_the_economy_wide_block():
    text = (
        "乡村振兴的主要目标是:新建高标准农田5万亩。\n"
        "今年经济社会发展的主要预期目标是:地区生产总值增长6%。\n"
    )
    measures = [
        _m(text, "新建高标准农田5万亩", "新建高标准农田", 5, "万亩"),
        _m(text, "地区生产总值增长6%", "地区生产总值", 6, "%", "=", True),
    ]
    assert _rows(text, measures) == [("gdp_growth", 6, "%", "=")]


def test_traditional_text_keeps_the_written_words():
    text = "全市經濟社會發展主要預期目標是:地區生產總值增長6%以上,常住人口城鎮化率達到60%。\n"
    measures = [
        _m(text, "地區生產總值增長6%以上", "地區生產總值", 6, "%", ">=", True),
        _m(text, "常住人口城鎮化率達到60%", "常住人口城鎮化率", 60, "%"),
    ]
    targets = _targets(text, measures)
    assert [(t.indicator, t.indicator_text) for t in targets] == [
        ("gdp_growth", "地區生產總值"), ("other", "常住人口城鎮化率")]


def test_one_row_per_canonical_key():
    text = "主要预期目标是:地区生产总值增长6%,力争地区生产总值增长6.5%。\n"
    measures = [
        _m(text, "地区生产总值增长6%", "地区生产总值", 6, "%", "=", True),
        _m(text, "力争地区生产总值增长6.5%", "地区生产总值", 6.5, "%", "=", True),
    ]
    assert _rows(text, measures) == [("gdp_growth", 6, "%", "=")]


@pytest.mark.parametrize("cue", [
    "今年全镇经济社会发展的努力目标为:",
    "明年经济社会发展主要预期目标有:",
    "今年经济社会发展的主要预期目标包括",
    "全年主要预期目标安排:",
    "今年经济社会发展主要指标安排——",
])
def test_other_verbs_of_the_cue_open_the_block(cue):
    text = f"{cue}地区生产总值增长6.5%,社会消费品零售总额增长8%左右。\n"
    measures = [
        _m(text, "地区生产总值增长6.5%", "地区生产总值", 6.5, "%", "=", True),
        _m(text, "社会消费品零售总额增长8%左右", "社会消费品零售总额", 8, "%", "~", True),
    ]
    assert _rows(text, measures) == [("gdp_growth", 6.5, "%", "="), ("retail_growth", 8, "%", "~")]


def test_the_economys_development_goals_open_the_block_and_the_announced_work_ends_it():
    text = (
        "今年,街道确定的主要经济发展目标为:一般财政预算收入3.1亿元,同比增长8%;"
        "社会消费品零售总额增长6%。全年将加快推进重点项目12个,预计总投资5亿元。\n"
    )
    measures = [
        _m(text, "一般财政预算收入3.1亿元", "一般财政预算收入", 3.1, "亿元"),
        _m(text, "同比增长8%", "一般财政预算收入", 8, "%", "=", True),
        _m(text, "社会消费品零售总额增长6%", "社会消费品零售总额", 6, "%", "=", True),
        _m(text, "重点项目12个", "重点项目", 12, "个"),
        _m(text, "预计总投资5亿元", "总投资", 5, "亿元"),
    ]
    assert _rows(text, measures) == [
        ("other", 3.1, "亿元", "="),
        ("budget_revenue_growth", 8, "%", "="),
        ("retail_growth", 6, "%", "="),
    ]


def test_the_years_main_goals_of_struggle_open_the_block():
    text = "今年全县的主要奋斗目标是,地区生产总值达到86亿元,增长9%;社会消费品零售总额增长10%。\n"
    measures = [
        _m(text, "地区生产总值达到86亿元", "地区生产总值", 86, "亿元"),
        _m(text, "增长9%", "地区生产总值", 9, "%", "=", True),
        _m(text, "社会消费品零售总额增长10%", "社会消费品零售总额", 10, "%", "=", True),
    ]
    assert _rows(text, measures) == [
        ("gdp_level", 86, "亿元", "="), ("gdp_growth", 9, "%", "="), ("retail_growth", 10, "%", "="),
    ]


def test_main_goals_named_with_ji_open_the_block_and_ji_is_no_part_of_the_name():
    text = "市长在报告中提出了2025年的主要目标,即地区生产总值增长6%左右,社会消费品零售总额增长7%。\n"
    measures = [
        _m(text, "即地区生产总值增长6%左右", "即地区生产总值", 6, "%", "~", True),
        _m(text, "社会消费品零售总额增长7%", "社会消费品零售总额", 7, "%", "=", True),
    ]
    targets = _targets(text, measures, Metadata(year=2025, doc_type="政府工作报告"))
    assert [(t.indicator, t.value) for t in targets] == [("gdp_growth", 6), ("retail_growth", 7)]


def test_targets_set_by_a_verb_and_a_comma_open_the_block_but_targets_referred_to_do_not():
    text = "全县确定发展预期目标,地区生产总值增长5%;固定资产投资增长8%。\n"
    measures = [
        _m(text, "地区生产总值增长5%", "地区生产总值", 5, "%", "=", True),
        _m(text, "固定资产投资增长8%", "固定资产投资", 8, "%", "=", True),
    ]
    assert _rows(text, measures) == [("gdp_growth", 5, "%", "="), ("fai_growth", 8, "%", "=")]
    referred = "报告确定的主要预期目标,地区生产总值增长5%,符合发展实际。\n"
    assert _rows(referred, [_m(referred, "地区生产总值增长5%", "地区生产总值", 5, "%", "=", True)]) == []


def test_goals_summed_up_in_words_then_listed_with_figures():
    text = (
        "《规划纲要》提出,“十四五”时期全县经济社会发展的目标是:综合实力明显增强,人民生活更加富裕。\n"
        "——地区生产总值年均增长7%左右,到2025年达到600亿元。\n"
        "——常住人口城镇化率达到60%。\n"
        "第三章 坚持创新驱动\n"
    )
    measures = [
        _m(text, "地区生产总值年均增长7%左右", "地区生产总值", 7, "%", "~", True),
        _m(text, "到2025年达到600亿元", "地区生产总值", 600, "亿元"),
        _m(text, "常住人口城镇化率达到60%", "常住人口城镇化率", 60, "%"),
    ]
    assert _rows(text, measures, PLAN_META) == [
        ("gdp_growth", 7, "%", "~"), ("gdp_level", 600, "亿元", "="), ("other", 60, "%", "="),
    ]


@pytest.mark.parametrize("words", ["主要预期目标有望全面完成", "主要预期目标即将全面完成"])
def test_targets_that_are_hoped_for_open_no_block(words):
    text = f"今年全区{words},地区生产总值预计增长6.1%。\n"
    measures = [_m(text, "地区生产总值预计增长6.1%", "地区生产总值", 6.1, "%", "=", True, "achievement")]
    assert _rows(text, measures) == []


def test_no_cue_no_rows():
    text = "全年地区生产总值增长6%。\n"
    assert _rows(text, [_m(text, "地区生产总值增长6%", "地区生产总值", 6, "%", "=", True)]) == []


# --- real documents, whole pipeline ----------------------------------------------

def _doc_rows(path: Path):
    from luoshi.pipeline import read

    doc = read(path)
    return {(t.indicator, t.value, t.unit, t.comparator) for t in doc.targets}, doc


@pytest.mark.parametrize(("path", "expected", "absent"), [
    ("corpus/seeds/002_ab862bf384cb27d5.txt",
     {("gdp_growth", 6, "%", ">="), ("fai_growth", 8, "%", "="), ("registered_unemployment", 3, "%", "<="),
      ("cpi", 3, "%", "<=")},
     set()),
    ("corpus/seeds/003_b2a6abcdeeaf89f4.txt",  # the 2022 block, not the five-year goals before it
     {("gdp_growth", 9, "%", "="), ("fai_growth", 20, "%", "="), ("budget_revenue_growth", 14, "%", "=")},
     {("gdp_growth", 9, "%", ">="), ("gdp_level", 500, "亿元", ">=")}),
    ("corpus/dev/zhumadian/zhumadian_2019_gwr.txt",
     {("surveyed_unemployment", 5.5, "%", "<="), ("registered_unemployment", 4.5, "%", "<="),
      ("energy_intensity", 1, "%", ">="), ("income_growth", 9, "%", ">=")},
     set()),
    ("corpus/dev/zhumadian/zhumadian_2020_gwr.txt", {("gdp_growth", 1, "个百分点", "~")}, set()),
    ("corpus/dev/zhumadian/zhumadian_2021_gwr.txt",
     {("new_urban_jobs", 5.5, "万人", "="), ("grain_output", 160, "亿斤", ">=")}, set()),
    ("corpus/dev/zhumadian/zhumadian_2023_gwr.txt", {("gdp_growth", 7, "%", "~")}, set()),
    ("corpus/seeds/001_6c2582cb47a6a2df.txt",
     {("gdp_level", 520, "亿元", ">="), ("other", 45, "%", "=")}, set()),
])
def test_real_documents(path, expected, absent):
    rows, _ = _doc_rows(SHARED / path)
    assert expected <= rows
    assert not absent & rows


@pytest.mark.parametrize("name", ["000_04df038d627074af.txt", "004_f84b366bce13bc3e.txt"])
def test_documents_without_a_headline_block_have_no_rows(name):
    rows, _ = _doc_rows(SHARED / "corpus" / "seeds" / name)
    assert rows == set()


def test_example_plan_rows_and_period():
    rows, doc = _doc_rows(REPO / "luoshi" / "examples" / "shilixian_14th_fyp.txt")
    assert {("gdp_growth", 6.5, "%", "~"), ("gdp_level", 380, "亿元", ">="), ("rd_intensity", 1.8, "%", "="),
            ("surveyed_unemployment", 5.5, "%", "<=")} <= rows
    assert {t.period for t in doc.targets} == {"2025"}
    assert not any(t.value == 150 for t in doc.targets)  # a later chapter's target is not a headline row


def test_example_report_has_the_full_table():
    rows, doc = _doc_rows(REPO / "luoshi" / "examples" / "shili_2023_gwr.txt")
    assert {
        ("gdp_growth", 6, "%", "~"), ("trade_growth", 5, "%", "="), ("new_urban_jobs", 3, "万人", ">="),
        ("rd_intensity", 2.1, "%", "="), ("energy_intensity", 2.5, "%", "~"), ("grain_output", 185, "万吨", ">="),
    } <= rows
    assert all(doc.quote(t.span) for t in doc.targets)


def test_a_block_with_its_rates_written_in_words_gives_its_rows():
    from luoshi.pipeline import process

    text = ("二、今年工作安排\n今年主要预期目标是：地区生产总值增长百分之六左右，"
            "城镇调查失业率控制在百分之五点五以内，居民消费价格涨幅百分之三左右。")
    doc = process(_source(text))
    assert [(t.indicator, t.value, t.unit, t.comparator) for t in doc.targets] == [
        ("gdp_growth", 6, "%", "~"), ("surveyed_unemployment", 5.5, "%", "<="), ("cpi", 3, "%", "~")]


@pytest.mark.parametrize("text", [
    "报告提出了今年发展的主要预期目标——地区生产总值增长7.5%,城镇登记失业率控制在4%以内。\n报告还提出,今年将推进产业园区建设。\n",
    "【今年工作总体要求】\n【经济社会发展主要预期目标建议】\n地区生产总值增长7.5%,城镇登记失业率控制在4%以内。\n【培育重点产业】\n",
])
def test_a_dash_or_a_bracketed_heading_introduces_the_targets_as_a_colon_does(text):
    from luoshi.pipeline import process

    doc = process(_source(text))
    assert [(t.indicator, t.value, t.comparator) for t in doc.targets] == [
        ("gdp_growth", 7.5, "="), ("registered_unemployment", 4, "<=")]


def test_ascii_debris_after_a_cue_heading_neither_ends_the_block_nor_brackets_its_targets():
    # forum copies leave anti-scraping debris after lines; it holds digits and brackets but says nothing
    from luoshi.pipeline import process

    text = ("【经济社会发展主要预期目标建议】+ ~/ k6 `+ p) [' `: d( G+ G\n"
            "地区生产总值增长7.5%,城镇登记失业率控制在4%以内。\n$ W\" N& a* H9 G7 ]6\n【培育重点产业】\n")
    assert [(t.indicator, t.value) for t in process(_source(text)).targets] == [
        ("gdp_growth", 7.5), ("registered_unemployment", 4)]


def test_an_aside_is_bracketed_on_its_own_line():
    text = "主要预期目标是:地区生产总值增长6%左右(上年增长5.2%),城镇新增就业3万人。\n"
    measures = [_m(text, "地区生产总值增长6%左右", "地区生产总值", 6, "%", "~", True),
                _m(text, "上年增长5.2%", "地区生产总值", 5.2, "%", "=", True, "achievement"),
                _m(text, "城镇新增就业3万人", "城镇新增就业", 3, "万人")]
    assert _rows(text, measures) == [("gdp_growth", 6, "%", "~"), ("new_urban_jobs", 3, "万人", "=")]


def test_a_cue_saying_yuqi_is_the_years_list_under_a_heading_naming_the_plan_too():
    heading = "二、“十五五”时期奋斗目标和明年工作部署\n"
    text = (
        heading + "规划草案提出:全县生产总值年均增长6%左右。\n"
        "全县经济社会发展的主要预期目标是:生产总值增长5%左右,城镇新增就业2000人以上。\n"
    )
    section = Section(0, Span(0, len(text)), Span(0, len(heading) - 1), 1, "二、",
                      "“十五五”时期奋斗目标和明年工作部署", "plan", None)
    measures = [
        _m(text, "生产总值年均增长6%左右", "生产总值", 6, "%", "~", True),
        _m(text, "生产总值增长5%左右", "生产总值", 5, "%", "~", True),
        _m(text, "城镇新增就业2000人以上", "城镇新增就业", 2000, "人", ">="),
    ]
    rows = _rows(text, measures, structure=Structure(sections=(section,)))
    assert rows == [("gdp_growth", 5, "%", "~"), ("new_urban_jobs", 2000, "人", ">=")]
    # without 预期 the same heading still marks the plan's goals in a report
    plain = text.replace("主要预期目标", "主要目标")
    section = Section(0, Span(0, len(plain)), section.heading, 1, "二、", section.title, "plan", None)
    plain_measures = [
        _m(plain, "生产总值年均增长6%左右", "生产总值", 6, "%", "~", True),
        _m(plain, "生产总值增长5%左右", "生产总值", 5, "%", "~", True),
    ]
    assert _rows(plain, plain_measures, structure=Structure(sections=(section,))) == []


def test_a_cue_set_on_a_line_of_its_own_inside_its_sentence_is_inline():
    text = (
        "“十五五”时期全市发展的\n主要目标\n是:生产总值年均增长6%左右,人民生活持续改善。用10年时间基本实现现代化,重点把握好3个方面:\n"
        "三、明年工作\n明年全市经济社会发展的\n主要预期目标\n是:生产总值增长5%—5.5%,一般公共预算收入增长3%左右。"
        "这样的目标,是综合考虑各方面因素提出的。\n(一)扩大有效需求\n社会消费品零售总额增长6%。\n"
    )
    measures = [
        _m(text, "生产总值年均增长6%左右", "生产总值", 6, "%", "~", True),
        _m(text, "生产总值增长5%—5.5%", "生产总值", 5, "%", "range", True),
        _m(text, "一般公共预算收入增长3%左右", "一般公共预算收入", 3, "%", "~", True),
        _m(text, "社会消费品零售总额增长6%", "社会消费品零售总额", 6, "%", "=", True),
    ]
    assert _rows(text, measures) == [("gdp_growth", 5, "%", "range"), ("budget_revenue_growth", 3, "%", "~")]


def test_a_heading_cue_followed_by_a_sentence_of_its_own_stays_a_heading():
    text = "(二)明年主要预期目标\n为实现上述目标,全市将扎实工作:生产总值增长5%左右。\n"
    measures = [_m(text, "生产总值增长5%左右", "生产总值", 5, "%", "~", True)]
    assert _rows(text, measures) == [("gdp_growth", 5, "%", "~")]


def test_a_rate_arranged_as_the_target_keeps_its_key():
    text = "今年主要预期目标是:全区生产总值按增长6%左右安排,一般公共预算收入增长3%。\n"
    measures = [
        _m(text, "全区生产总值按增长6%左右安排", "全区生产总值按安排", 6, "%", "~", True),
        _m(text, "一般公共预算收入增长3%", "一般公共预算收入", 3, "%", "=", True),
    ]
    assert _rows(text, measures) == [("gdp_growth", 6, "%", "~"), ("budget_revenue_growth", 3, "%", "=")]


def test_a_yuqi_cue_under_a_heading_naming_only_the_plan_keeps_the_plans_goals_out():
    text = (
        "二、“十五五”时期主要目标任务\n规划草案提出的主要预期目标是:生产总值年均增长6%左右,城镇化率达到70%,"
        "研发经费投入强度达到2.8%。\n三、明年工作安排\n明年主要预期目标是:生产总值增长5%左右。\n"
    )
    first_end = text.index("三、")
    sections = (
        Section(0, Span(0, first_end), Span(0, 15), 1, "二、", "“十五五”时期主要目标任务", "plan", None),
        Section(1, Span(first_end, len(text)), Span(first_end, first_end + 8), 1, "三、", "明年工作安排", "plan", None),
    )
    measures = [
        _m(text, "生产总值年均增长6%左右", "生产总值", 6, "%", "~", True),
        _m(text, "城镇化率达到70%", "城镇化率", 70, "%"),
        _m(text, "研发经费投入强度达到2.8%", "研发经费投入强度", 2.8, "%"),
        _m(text, "生产总值增长5%左右", "生产总值", 5, "%", "~", True),
    ]
    assert _rows(text, measures, structure=Structure(sections=sections)) == [("gdp_growth", 5, "%", "~")]


def test_a_cue_on_a_line_of_its_own_may_close_with_a_colon_before_its_items():
    text = (
        "明年全县经济社会发展的\n主要预期目标\n是:\n1.生产总值增长6%左右;\n2.城镇新增就业3000人以上。\n"
        "(一)扩大内需\n社会消费品零售总额增长7%。\n"
    )
    measures = [
        _m(text, "生产总值增长6%左右", "生产总值", 6, "%", "~", True),
        _m(text, "城镇新增就业3000人以上", "城镇新增就业", 3000, "人", ">="),
        _m(text, "社会消费品零售总额增长7%", "社会消费品零售总额", 7, "%", "=", True),
    ]
    assert _rows(text, measures) == [("gdp_growth", 6, "%", "~"), ("new_urban_jobs", 3000, "人", ">=")]
