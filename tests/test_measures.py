"""Measures: the grammar of Chinese quantities on small texts, and the gold score on the seeds.

Inline texts pin one rule each (comparators, change, lists, names that are
not measures, kind from the section, Traditional text); they run through the
real normaliser with no Structure, so they also check that extraction works
when the structure stage finds no sections. The seed test runs the pipeline
stages on the real seed documents and scores them with the gold scorer.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from luoshi.extract.measures import extract_measures
from luoshi.extract.targets import extract_targets
from luoshi.model import Measure, Metadata, Section, Source, Span, Structure
from luoshi.normalise import normalise

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def _source(text: str) -> Source:
    return Source(name="t.txt", path=None, sha256="", format="txt", encoding="utf-8", text=text)


NO_STRUCTURE = Structure()
NO_METADATA = Metadata()


def run(text: str, structure: Structure = NO_STRUCTURE, metadata: Metadata = NO_METADATA) -> list[Measure]:
    source = _source(text)
    return list(extract_measures(source, normalise(text), structure, metadata))


def only(text: str, **kw) -> Measure:
    found = run(text, **kw)
    assert len(found) == 1, [(m.value, m.unit, m.indicator) for m in found]
    return found[0]


def indicators_of(text: str) -> list[str]:
    return [m.indicator for m in run(text)]


def summary(measures: list[Measure]) -> list[tuple]:
    return [(m.value, m.unit, m.comparator, m.change) for m in measures]


# --- comparators, change and units -------------------------------------------

@pytest.mark.parametrize("text, value, unit, comparator, change, indicator", [
    ("地区生产总值增长6%以上。", 6, "%", ">=", True, "地区生产总值"),
    ("城镇登记失业率控制在3%以内。", 3, "%", "<=", False, "城镇登记失业率"),
    ("居民消费价格涨幅控制在3%左右。", 3, "%", "~", True, "居民消费价格涨幅"),
    ("城镇调查失业率控制在5.5%。", 5.5, "%", "<=", False, "城镇调查失业率"),
    ("常住人口城镇化率提高1.5个百分点。", 1.5, "个百分点", "=", True, "常住人口城镇化率"),
    ("农村生活污水治理率达80%以上。", 80, "%", ">=", False, "农村生活污水治理率"),
    ("力争新型储能产业产值突破600亿元。", 600, "亿元", ">=", False, "新型储能产业产值"),
    ("推动工业投资超千亿元。", 1000, "亿元", ">=", False, "工业投资"),
    ("新引进项目总投资保持千亿以上。", 1000, "亿", ">=", False, "新引进项目总投资"),
    ("完成2.1万户农房微改造。", 2.1, "万户", "=", False, "农房微改造"),
    ("实施职业技能培训2千人次以上。", 2, "千人次", ">=", False, "职业技能培训"),
    ("扎实办好十件民生实事。", 10, "件", "=", False, "民生实事"),
    ("“掙”取用地指标约400畝。", 400, "畝", "~", False, "“掙”取用地指标"),
    ("在校师生5万多人。", 5, "万人", ">=", False, "在校师生"),
    ("“三公”经费再压减5%。", 5, "%", "=", True, "“三公”经费"),
    ("年均压减“三公”经费6%。", 6, "%", "=", True, "“三公”经费"),
    ("开展林分优化提升13万亩。", 13, "万亩", "=", False, "林分优化提升"),
    ("城乡居民收入比缩小至2.05。", 2.05, "", "=", False, "城乡居民收入比"),
    ("经济总量翻一番。", 1, "番", "=", True, "经济总量"),
    ("公办幼儿园在园学生比例达到百分之50%。", 50, "%", "=", False, "公办幼儿园在园学生比例"),
])
def test_quantity_grammar(text, value, unit, comparator, change, indicator) -> None:
    m = only(text)
    assert (m.value, m.unit, m.comparator, m.change) == (value, unit, comparator, change)
    assert m.indicator == indicator


def test_range() -> None:
    m = only("培育省级头雁企业2-3家。")
    assert (m.value, m.value_max, m.unit, m.comparator) == (2, 3, "家", "range")
    m = only("增长5%—8%。")
    assert (m.value, m.value_max, m.unit, m.comparator) == (5, 8, "%", "range")


def test_list_shares_trailing_comparator_and_change() -> None:
    found = run("旅游综合收入、接待游客分别增长6%、8%以上。")
    assert summary(found) == [(6, "%", ">=", True), (8, "%", ">=", True)]
    assert [m.indicator for m in found] == ["旅游综合收入", "接待游客"]


@pytest.mark.parametrize("tail, comparator", [("左右", "~"), ("以上", ">="), ("", "<=")])
def test_a_cap_verb_and_a_trailing_word_cover_each_number_of_a_list(tail: str, comparator: str) -> None:
    # the word after the list wins over the cap verb, as in 控制在3%左右; without one the cap verb covers all
    found = run(f"单位能耗、单位排放分别控制在0.4吨、1.2吨{tail}。")
    assert [m.comparator for m in found] == [comparator, comparator]
    assert only(f"单位能耗控制在0.4吨{tail}。").comparator == comparator


@pytest.mark.parametrize("text, indicators", [
    ("金融机构存、贷款余额分别增长6.6%、7.5%。", ["金融机构存款余额", "金融机构贷款余额"]),
    ("省、市临床重点专科建设项目分别达到12个、100个。", ["省临床重点专科建设项目", "市临床重点专科建设项目"]),
    ("道路交通事故起数和伤亡人数分别同比下降10.06%、30.33%。", ["道路交通事故起数", "道路交通事故伤亡人数"]),
    ("基本养老保险、失业保险、工伤保险参保人数分别达500.7万人、41万人和39.5万人。",
     ["基本养老保险参保人数", "失业保险参保人数", "工伤保险参保人数"]),
    ("肉、蛋、奶产量分别达87万吨、35.5万吨、20.5万吨。", ["肉产量", "蛋产量", "奶产量"]),
    ("城镇调查失业率和城镇登记失业率分别控制在5.5%和4.5%以内。", ["城镇调查失业率", "城镇登记失业率"]),
    # a list that cannot be split safely keeps its shared words
    ("年底前中心城区、县城生活污水集中处理率分别达到95%和90%以上。",
     ["年底前中心城区、县城生活污水集中处理率"] * 2),
])
def test_fenbie_gives_each_number_its_item(text: str, indicators: list[str]) -> None:
    assert [m.indicator for m in run(text)] == indicators


@pytest.mark.parametrize("text, changes", [
    ("全县税收收入增长12%、约8.6亿元。", [True, False]),  # a sum after a rate is the level reached
    ("全县税收收入增长12%、突破8亿元。", [True, False]),
    ("粮食、油料产量分别增长3%、5%。", [True, True]),  # rates alike share the change
])
def test_a_list_passes_its_change_only_to_sizes_of_the_same_sort(text: str, changes: list[bool]) -> None:
    assert [m.change for m in run(text)] == changes


@pytest.mark.parametrize("text", [
    "今年全镇工业增速目标均为12%以上。",
    "全县税收预期增长目标确定为9%。",
])
def test_the_goal_set_for_a_rate_of_change_is_a_change(text: str) -> None:
    assert only(text).change is True


@pytest.mark.parametrize("text", [
    "去年出口年增8.5%。",  # Taiwan's year-on-year rise
    "全年經濟成長率達3.1%。",  # 成長率 is Taiwan's 增长率
    "消費者物價指數年增率為1.9%。",
])
def test_taiwan_words_of_change(text: str) -> None:
    assert only(text).change is True


@pytest.mark.parametrize("text", ["全镇居民消费价格指数控制在3%以内。", "物价指数上涨率不超过百分之三。"])
def test_a_price_index_in_percent_is_its_rise(text: str) -> None:
    assert only(text).change is True


@pytest.mark.parametrize("text, direction", [("全乡粮食增产1200吨。", "up"), ("受灾后油料减产300吨。", "down")])
def test_a_harvest_gained_or_lost_is_a_change(text: str, direction: str) -> None:
    m = only(text)
    assert (m.change, m.direction) == (True, direction)


@pytest.mark.parametrize("text", ["全县社会消费品零售总额增长-3.2%。", "全县工业增速为-1.5%。"])
def test_a_negative_rise_is_a_fall(text: str) -> None:
    m = only(text)
    assert (m.value, m.change, m.direction) == (-float(text.split("-")[1].rstrip("%。")), True, "down")


def test_a_dash_between_a_year_and_a_year_is_no_minus() -> None:
    assert [m.value for m in run("2023年-2025年,全县新建道路30公里。")] == [30]


def test_fenbie_after_two_figures_of_one_owner_names_each_by_its_figure() -> None:
    found = run("全县新建学校12所,投资3亿元,分别增长20%、15%。")
    assert [m.indicator for m in found][2:] == ["新建学校", "新建学校投资"]


def test_rates_glued_without_their_list_mark_are_still_a_list() -> None:
    found = run("全县粮食、油料产量分别增长3.1%4.2%。")  # a copied page lost the 、
    assert [(m.value, m.change, m.indicator) for m in found] == [
        (3.1, True, "粮食产量"), (4.2, True, "油料产量")]


@pytest.mark.parametrize("text, indicator", [
    ("据统计,临河镇2019年全年实现生产总值12亿元。", "生产总值"),  # who and when report it are no words of it
    ("明年全县发展的主要预期目标是一般公共预算收入增长6%。", "一般公共预算收入"),  # 目标是 introduces it
])
def test_the_doer_and_the_aim_are_no_words_of_the_indicator(text: str, indicator: str) -> None:
    assert indicators_of(text) == [indicator]


def test_a_count_glued_to_a_length_shares_its_object() -> None:
    found = run("去年新修12条35公里通村道路。")
    assert [(m.value, m.unit, m.indicator) for m in found] == [(12, "条", "通村道路"), (35, "公里", "通村道路")]


@pytest.mark.parametrize("text, comparators", [
    ("全镇税收、非税收入分别突破3亿元和1亿元。", [">=", ">="]),  # the word after 分别 opens each figure
    ("两项比率分别超过80%、90%。", [">=", ">="]),
    ("税收突破3亿元、增长7%。", [">=", "="]),  # no 分别: the next figure has its own predicate
])
def test_a_comparator_after_fenbie_opens_each_figure(text: str, comparators: list[str]) -> None:
    assert [m.comparator for m in run(text)] == comparators


@pytest.mark.parametrize("text, indicators", [
    ("三年新增规上企业45家。", ["新增规上企业"]),  # the years a change took are when, not what
    ("全县税收收入达到12亿元,4年增长36%。", ["税收收入", "税收收入"]),
])
def test_the_years_a_change_took_are_no_words_of_the_indicator(text: str, indicators: list[str]) -> None:
    assert indicators_of(text) == indicators


def test_singling_out_is_no_word_of_the_indicator() -> None:
    assert indicators_of("全县投资增长5%,特别是民间投资增长9%。") == ["投资", "民间投资"]


def test_namely_introduces_the_indicator() -> None:
    assert indicators_of("今年的主要目标,即税收收入增长8%左右。") == ["税收收入"]


def test_two_items_of_one_ending_stand_alone() -> None:
    assert indicators_of("养老金最低标准、城乡居民医保财政补助标准分别提高10%、8%。") == ["养老金最低标准", "城乡居民医保财政补助标准"]


def test_a_level_reduced_to_keeps_its_indicator() -> None:
    found = run("行政审批事项由80项减至52项。")
    assert [(m.value, m.indicator) for m in found] == [(80, "行政审批事项"), (52, "行政审批事项")]


def test_words_before_a_list_comma_after_a_label_are_not_the_indicator() -> None:
    found = run("力争引进超20亿元、50亿元产业项目实现突破、实际到位省外资金增长5%以上。")
    assert [(m.value, m.indicator) for m in found] == [(5, "实际到位省外资金")]


def test_codes_before_a_shared_head_each_take_it() -> None:
    assert indicators_of("PM10、PM2.5平均浓度分别降至65、38微克/立方米。") == ["PM10平均浓度", "PM2.5平均浓度"]


def test_a_list_of_numbers_after_as_many_items_is_distributive() -> None:
    assert indicators_of("全年存款、贷款余额为3860亿元、2245亿元。") == ["存款余额", "贷款余额"]
    found = run("加快发展现代畜牧业,肉类、禽蛋、奶类总产量分别达到79万吨、24万吨和5万吨。")
    assert [(m.value, m.indicator) for m in found] == [(79, "肉类总产量"), (24, "禽蛋总产量"), (5, "奶类总产量")]


def test_items_share_the_head_after_their_common_ending() -> None:
    assert indicators_of("新兴产业加快发展,高新技术产业、战略性新兴产业增加值,分别占规上工业的30%、24%。") == ["高新技术产业增加值占规上工业", "战略性新兴产业增加值占规上工业"]


def test_an_attribute_list_after_as_many_counts_takes_their_words() -> None:
    found = run("95个省重点项目、1469个市重点项目,分别完成投资1250亿元、5868亿元。")
    assert [m.indicator for m in found[2:]] == ["省重点项目完成投资", "市重点项目完成投资"]
    found = run("城镇新增就业7.98万人,其中失业人员再就业2.14万人、就业困难人员就业7919人,分别为年度目标的159%、150%和168%。")
    assert [m.indicator for m in found[3:]] == ["城镇新增就业", "失业人员再就业", "就业困难人员就业"]


def test_a_count_ends_before_what_is_said_of_it() -> None:
    assert only("食品加工、新能源电动车等4个省级中小企业特色产业集群初具规模。").indicator == "省级中小企业特色产业集群"
    assert only("共举办产业强市大讲堂6期。").indicator == "举办产业强市大讲堂"


@pytest.mark.parametrize("text, indicator", [
    ("农产品加工企业发展到1685家。", "农产品加工企业"),
    ("人均生产总值跨越4万元大关。", "人均生产总值"),
    ("六是实施残疾人无障碍改造3500户。", "残疾人无障碍改造"),
    # the money floor only sorts the counties counted: it names their category
    ("新蔡县等5个县一般公共预算收入超10亿元。", "县一般公共预算收入超10亿元"),
])
def test_frame_words_and_list_ordinals_leave_the_indicator(text: str, indicator: str) -> None:
    assert run(text)[0].indicator == indicator


@pytest.mark.parametrize("label", ["一是", "——", "──", "(三)", "（三）", "(2)", "2.", "2、", "②", "⑵"])
def test_a_list_label_is_no_word_of_the_indicator_nor_of_the_quote(label: str) -> None:
    # 一是 before 全市 once read as the 是 of a ratio to the city (是全市…的)
    text = f"今年主要预期目标是:{label}全市一般公共预算收入增长5%左右;三是新建幼儿园4所。"
    first = run(text)[0]
    assert first.indicator == "一般公共预算收入"
    assert text[first.span.start:first.span.end] == "全市一般公共预算收入增长5%左右"


def test_a_target_after_an_ordinal_label_is_a_headline_target() -> None:
    text = "今年发展的主要预期目标是:一是全市生产总值增长5.5%左右;二是城镇新增就业6000人。"
    meta = Metadata(year=2026, doc_type="政府工作报告")
    measures = extract_measures(_source(text), normalise(text), NO_STRUCTURE, meta)
    targets = extract_targets(_source(text), normalise(text), NO_STRUCTURE, meta, measures)
    assert [t.indicator for t in targets] == ["gdp_growth", "new_urban_jobs"]


def test_an_aside_on_the_year_before_is_its_achievement_of_the_same_indicator() -> None:
    text = ("主要预期目标:——一般公共预算收入增长4%左右(上年增长3.1%);——粮食产量稳定在90万吨(2025年为88.6万吨);"
            "——新增就业3万人。")
    found = run(text, metadata=Metadata(year=2026, doc_type="政府工作报告"))
    assert [(m.indicator, m.kind, m.period, m.change) for m in found] == [
        ("一般公共预算收入", "target", "2026", True), ("一般公共预算收入", "achievement", "2025", True),
        ("粮食产量", "target", "2026", False), ("粮食产量", "achievement", "2025", False),
        ("新增就业", "target", "2026", False)]  # the aside's year dates no figure after it
    assert [text[m.span.start:m.span.end] for m in found[1:4:2]] == ["上年增长3.1%", "2025年为88.6万吨"]


@pytest.mark.parametrize("text, indicator", [
    # a preposition's frame ends at its last target verb
    ("为全县如期实现一般公共预算收入超50亿元的目标打下基础。", "一般公共预算收入"),
    ("在规划期前两年实现粮食产量超60万吨。", "粮食产量"),
    # the goal a figure's 的 attaches it to is not what it counts
    ("确保完成城镇新增就业2万人的目标任务。", "城镇新增就业"),
    # adverbs and cultivation verbs open no indicator
    ("在全省率先建成15个智慧社区。", "智慧社区"),
    ("坚决完成剩余2000户危房改造任务。", "剩余危房改造任务"),
    ("力争培育省级示范合作社8家。", "省级示范合作社"),
    ("培育发展家庭农场30家。", "家庭农场"),
    ("争创省级数字化车间4个。", "省级数字化车间"),
    ("统筹抓好120个重大项目。", "重大项目"),
    ("聚焦民生需求实施三大类85个城建项目。", "三大类城建项目"),
    ("围绕主导产业实施技改项目300个。", "技改项目"),
    ("在现有港区上游新建2个泊位。", "新建泊位"),
    ("各县实施城建提质项目120个。", "城建提质项目"),
    ("年末常住人口城镇化率达到58.2%。", "常住人口城镇化率"),
    ("全年共接待游客800万人次。", "接待游客"),
    ("全市共有规上工业企业420家。", "规上工业企业"),
    ("共享单车投放5000辆。", "共享单车投放"),
    ("2023年以来新增市场主体1.2万户。", "新增市场主体"),
    ("全市现有国家级高新技术企业120家。", "国家级高新技术企业"),
    ("在交通、水利等五大领域实施重点项目300个。", "重点项目"),
    ("以甲、乙2个现代农业产业园为引领。", "现代农业产业园"),
    ("确保优质花生发展在300万亩以上。", "优质花生"),
    # a rate named before its percentage: the verb after it is no word of the name
    ("消防站装备配备率100%达标。", "消防站装备配备率"),
    ("确保饮水安全100%达标。", "饮水安全达标"),
    # a count's words stop at the next item joined by 以及
    ("加强甲、乙等3个地理标志产品以及本地特色农产品的品牌建设。", "地理标志产品"),
    # a column heading's count: the bracket is no word of its indicator
    ("专栏:供水保障工程(12个)", "供水保障工程"),
])
def test_frames_goals_and_brackets_leave_the_indicator(text: str, indicator: str) -> None:
    assert run(text)[0].indicator == indicator


@pytest.mark.parametrize("text, indicator", [
    ("●城镇新增就业5万人以上。", "城镇新增就业"),  # a bullet labels the item
    ("今年的主要预期目标——地区生产总值增长6%。", "地区生产总值"),  # a dash introduces the item
    ("地区生产总值同比(下同)增长5.1%。", "地区生产总值"),  # a counting note in brackets
    ("财政收入按可比口径增长9%。", "财政收入"),
    ("工业园区产值首次突破80亿元。", "工业园区产值"),
    ("及时兑现惠企资金3亿元。", "及时兑现惠企资金"),  # 及时 is an adverb, not 及 + 时
])
def test_labels_dashes_notes_and_adverbs_leave_the_indicator(text: str, indicator: str) -> None:
    assert run(text)[0].indicator == indicator


def test_a_span_of_years_is_no_indicator_and_crossing_a_mark_is_a_floor() -> None:
    found = run("全镇工业总产值达到50亿元,五年内翻了一番;人均收入跨越3万元大关。")
    assert [(m.indicator, m.value, m.unit, m.comparator) for m in found] == [
        ("工业总产值", 50, "亿元", "="), ("工业总产值", 1, "番", "="), ("人均收入", 3, "万元", ">=")]


def test_a_bare_rate_after_a_figure_is_the_change_of_that_figure() -> None:
    found = run("全镇税收收入2.4亿元,自然增幅3%,同口径完成2.6亿元,增幅8.5%;居民消费价格指数涨幅收窄0.4个百分点。")
    assert [(m.indicator, m.value, m.change) for m in found] == [
        ("税收收入", 2.4, False), ("税收收入", 3, True), ("税收收入", 2.6, False), ("税收收入", 8.5, True),
        ("居民消费价格指数涨幅", 0.4, True)]
    assert found[-1].direction == "down"


def test_a_change_verb_after_the_rate_makes_it_a_change() -> None:
    m = only("全镇工业总产值保持年均9.5%增长。")
    assert (m.indicator, m.value, m.change) == ("工业总产值", 9.5, True)


@pytest.mark.parametrize("gap", ["高出全县", "超过全县", "高于预期目标", "高出全区平均水平"])
def test_a_gap_to_a_place_or_a_goal_measures_the_figure_before(gap: str) -> None:
    found = run(f"上半年,全县规模以上工业增加值增长8.2%,{gap}0.6个百分点。")
    assert [(m.indicator, m.change) for m in found] == [("规模以上工业增加值", True), ("规模以上工业增加值", False)]


def test_numbers_of_a_list_share_the_words_after_it() -> None:
    assert indicators_of("3个贫困村退出,1.2万户、3.5万人实现稳定脱贫。") == ["贫困村退出", "稳定脱贫", "稳定脱贫"]


@pytest.mark.parametrize("text, indicators", [
    ("实施45个省重点、300个市重点项目。", ["省重点项目", "市重点项目"]),
    ("新增8个国家级、30个省级创新平台。", ["国家级创新平台", "省级创新平台"]),
])
def test_a_short_count_item_takes_the_head_of_the_next(text: str, indicators: list[str]) -> None:
    assert [m.indicator for m in run(text)] == indicators


def test_an_attribute_after_counts_with_a_shared_head_takes_their_words() -> None:
    found = run("实施45个省重点、300个市重点项目,确保完成投资500亿元、1200亿元。")
    assert [m.indicator for m in found[2:]] == ["省重点项目完成投资", "市重点项目完成投资"]
    found = run("45个省重点、300个市重点项目,分别完成投资500亿元、1200亿元,占年度计划的120%、130%。")
    assert [m.indicator for m in found[4:]] == ["省重点项目", "市重点项目"]


def test_a_joining_word_before_the_next_count_is_no_word_of_the_indicator() -> None:
    assert indicators_of("培育形成2个千亿级产业集群和5个百亿级产业集群。") == ["千亿级产业集群", "百亿级产业集群"]


def test_a_vague_count_starts_the_next_item_of_a_counts_words() -> None:
    assert indicators_of("培育3个千亿级、12个百亿级产业集群和一批优势产业集群。") == ["千亿级产业集群", "百亿级产业集群"]


def test_a_count_that_only_says_it_was_done_is_named_by_the_clause_before() -> None:
    found = only("支持重点镇建设功能完善的乡村产业园,确保年内建成投用8个。")
    assert found.indicator == "乡村产业园投用"


def test_a_bare_count_before_a_list_comma_takes_the_words_after_the_next_figure() -> None:
    found = run("聚焦先进制造业、现代服务业、现代农业、基础设施、新型城镇化、生态环保等领域,统筹抓好800个、年度投资900亿元的重大项目。")
    assert (found[0].value, found[0].indicator) == (800, "重大项目")


def test_an_average_over_years_takes_the_topic_of_the_clause_before() -> None:
    found = run("全年地区生产总值增长6.5%,两年平均增长5.8%。")
    assert [(m.value, m.indicator, m.change) for m in found] == [(6.5, "地区生产总值", True), (5.8, "地区生产总值", True)]


def test_fenbie_after_figures_of_as_many_topics_takes_their_words() -> None:
    found = run("城镇居民人均可支配收入4.2万元、农村居民人均可支配收入1.9万元,分别增长5.1%、7.3%。")
    assert [m.indicator for m in found[2:]] == ["城镇居民人均可支配收入", "农村居民人均可支配收入"]


def test_a_rate_after_a_count_is_the_next_figures() -> None:
    found = run("全市12个国省考断面达标率100%。")
    assert [(m.value, m.indicator) for m in found] == [(12, "国省考断面"), (100, "国省考断面达标率")]


def test_doses_are_counted_in_a_compound_unit() -> None:
    assert (only("累计接种疫苗360万剂次。").unit, only("累计接种疫苗360万剂次。").indicator) == ("万剂次", "接种疫苗")


def test_the_previous_counts_words_are_not_the_next_figures() -> None:
    found = run("全县15个产业园区整合为6个开发区。")
    assert found[1].indicator == "开发区"


def test_an_item_before_a_list_comma_is_not_the_counts_indicator() -> None:
    assert only("加快提升高新区、6个开发区亩均效益。").indicator == "开发区亩均效益"


def test_a_level_alone_grades_the_things_counted_before() -> None:
    found = run("农产品加工企业达1710家,重点龙头企业达410家,其中国家级6家、省级80家。")
    assert [m.indicator for m in found[2:]] == ["国家级重点龙头企业", "省级重点龙头企业"]


def test_a_comparison_base_is_no_word_of_the_indicator() -> None:
    found = run("人均预期寿命达78.3岁,较“十二五”末提高3.4岁。有效期内高新技术企业176家。")
    assert [(m.indicator, m.change) for m in found] == [
        ("人均预期寿命", False), ("人均预期寿命", True), ("有效期内高新技术企业", False)]


def test_an_attribute_after_a_rate_takes_the_rate_topic() -> None:
    assert indicators_of("农产品加工转化率65%,年产值近1900亿元。") == ["农产品加工转化率", "农产品加工年产值"]


def test_shares_of_a_provincial_task_are_named_after_their_topics() -> None:
    assert indicators_of("城镇新增就业、失业人员再就业、困难人员就业,分别完成省定任务的121%、108%、130%。") == ["城镇新增就业", "失业人员再就业", "困难人员就业"]


def test_shares_of_the_plan_are_named_after_their_topics() -> None:
    assert indicators_of("城镇新增就业、失业人员再就业、困难人员实现就业,分别完成年度任务的135%、163%、193%。") == ["城镇新增就业", "失业人员再就业", "困难人员实现就业"]
    found = run("全市68个省重点项目完成投资599.3亿元,380个市重点项目完成投资2130.3亿元,分别为年度计划的143%和144.5%。")
    assert [m.indicator for m in found[-2:]] == ["省重点项目", "市重点项目"]
    found = run("全市21个重点项目完成投资17.84亿元,其中8个省、市重点项目完成投资10.83亿元,"
                "分别完成年度任务的107.25%、135.31%。")
    assert [m.indicator for m in found[-2:]] == ["重点项目", "省、市重点项目"]


@pytest.mark.parametrize("text, directions", [
    ("单位生产总值能耗下降3.5%,地区生产总值增长6%。", ["down", "up"]),
    ("道路交通事故起数和伤亡人数分别同比下降10.06%、30.33%。", ["down", "down"]),
    ("年均压减“三公”经费6%。", ["down"]),
    ("玉米种植面积较上年减少70万亩。", ["down"]),
    ("居民消费价格涨幅控制在3%左右,城乡居民收入差距缩小0.2。", ["up"]),
    ("规模以上工业增加值增长8.2%。", ["up"]),
    ("城乡居民收入比缩小至2.05,粮食产量达到10万吨。", [None, None]),
    ("培训机构压减率100%。地区生产总值翻一番。", ["down", "up"]),
])
def test_direction_of_a_change_comes_from_its_change_word(text: str, directions: list) -> None:
    found = run(text)
    assert [m.direction for m in found] == directions, [(m.value, m.indicator, m.direction) for m in found]
    assert all((m.direction is None) == (not m.change) for m in found)


def test_gap_to_another_place_is_no_change_and_keeps_the_indicator() -> None:
    found = run("地区生产总值年均增长6.3%,高于全省1.3个百分点。")
    assert summary(found) == [(6.3, "%", "=", True), (1.3, "个百分点", "=", False)]
    assert [m.indicator for m in found] == ["地区生产总值", "地区生产总值"]


@pytest.mark.parametrize("text", ["城乡居民收入比由2.6缩小到2.4。", "城乡居民收入比由2.6:1缩小到2.4:1。"])
def test_a_unitless_ratio_from_one_level_to_another(text: str) -> None:
    found = run(text)
    assert [(m.value, m.unit, m.indicator) for m in found] == [(2.6, "", "城乡居民收入比"), (2.4, "", "城乡居民收入比")]


@pytest.mark.parametrize(("text", "indicator"), [
    ("力争城镇居民人均可支配收入增速高于全省1.5个百分点。", "城镇居民人均可支配收入增速"),
    ("规模以上工业增加值增幅高于全国平均水平2个百分点。", "规模以上工业增加值增幅"),
])
def test_a_growth_rates_gap_to_another_place_is_no_change(text: str, indicator: str) -> None:
    """SCHEMA: change is false for a gap to another place, also when the growth is named before the gap."""
    found = run(text)
    assert [(m.change, m.unit, m.indicator) for m in found] == [(False, "个百分点", indicator)]


def test_last_year_opens_no_indicator() -> None:
    found = run("去年粮食总产量达到95.6亿斤。")
    assert [(m.value, m.indicator) for m in found] == [(95.6, "粮食总产量")]


def test_a_gap_to_a_benchmarks_growth_is_no_change() -> None:
    found = run("居民人均可支配收入增长7.8%,快于经济增长0.5个百分点。")
    assert [(m.value, m.change, m.indicator) for m in found] == [
        (7.8, True, "居民人均可支配收入"), (0.5, False, "居民人均可支配收入")]


def test_change_verb_with_level_particle_is_a_level() -> None:
    found = run("居民人均可支配收入从1.6万元提高到2.4万元。")
    assert summary(found) == [(1.6, "万元", "=", False), (2.4, "万元", "=", False)]
    assert {m.indicator for m in found} == {"居民人均可支配收入"}


def test_years_of_a_change_from_to_are_periods_not_words() -> None:
    found = run("地区生产总值从2015年的196.2亿元增加到2020年的281.7亿元,年均增长6.9%。")
    assert [(m.value, m.indicator, m.change) for m in found] == [
        (196.2, "地区生产总值", False), (281.7, "地区生产总值", False), (6.9, "地区生产总值", True)]
    assert [m.period for m in found[:2]] == ["2015", "2020"]


def test_a_comparison_base_year_is_not_the_period_of_later_figures() -> None:
    found = run("2022年,一般公共预算收入204.5亿元,是2017年的1.8倍;规模以上工业增加值比2020年增长6%。")
    assert [(m.value, m.period) for m in found] == [(204.5, "2022"), (1.8, "2022"), (6, "2022")]


@pytest.mark.parametrize("text, period", [
    ("2021年,全区新增就业1.2万人。", "2021"),  # a year opening the text
    ("２０２１年,全区新增就业1.2万人。", "2021"),  # full-width digits are normalised first
    ("1998年,全区新增就业1.2万人。", "1998"),
    ("2015年以来,全区新增就业1.2万人。", None),  # a starting point, not the period
    ("2018年起,全区新增就业1.2万人。", None),
    ("比 2015年,全区新增就业1.2万人。", None),  # a comparison base, even after a space
    ("12021年,全区新增就业1.2万人。", "2021"),
    ("2120年,全区新增就业1.2万人。", None),  # not a 19xx or 20xx year
])
def test_a_year_before_the_number_is_its_period(text, period) -> None:
    assert [m.period for m in run(text)] == [period]


@pytest.mark.parametrize("text, period", [
    # a plan's time nearer the number than a year names the period
    ("围绕2035年远景目标,力争在“十四五”中前期实现工业总产值超800亿元。", "十四五"),
    ("“十三五”期间,全区累计完成固定资产投资900亿元。", "十三五"),
    # a mention of the plan, or a base of comparison, is no period
    ("2021年是“十四五”开局之年,地区生产总值增长6%。", "2021"),
    ("2021年,全区税收较“十三五”末增长30%。", "2021"),
])
def test_a_plans_time_before_the_number_is_its_period(text, period) -> None:
    assert [m.period for m in run(text)] == [period]


@pytest.mark.parametrize("text", [
    "全区税收比上年末增长30%。",
    "全区税收比上年同期增长30%。",
    "全区税收在上年基础上增长30%。",
    "全区税收较2020年增长30%。",
    "全区税收比2020年末增长30%。",
    "全区税收与上年相比增长30%。",
    "全区税收较“十三五”末增长30%。",
])
def test_a_comparison_base_before_the_change_is_no_word_of_the_indicator(text) -> None:
    assert only(text).indicator == "税收"


@pytest.mark.parametrize("text, indicator", [
    ("年均新增城镇就业增长率达到12%。", "年均新增城镇就业增长率"),
    ("研发经费投入增速保持在15%以上。", "研发经费投入增速"),
    ("居民消费价格涨幅为3%左右。", "居民消费价格涨幅"),
])
def test_a_rate_of_change_at_a_level_is_still_a_change(text, indicator) -> None:
    m = only(text)
    assert (m.change, m.direction, m.indicator) == (True, "up", indicator)


def test_qualifiers_leave_the_topic_to_the_previous_figure() -> None:
    found = run("一般公共预算收入128.4亿元,同口径增长3.1%。高新技术企业达到468家,净增97家。")
    assert [(m.indicator, m.change) for m in found] == [
        ("一般公共预算收入", False), ("一般公共预算收入", True), ("高新技术企业", False), ("高新技术企业", True)]


def test_a_milestone_and_a_bare_change_take_the_level_figure_indicator() -> None:
    found = run("全市生产总值完成3082.8亿元,首次突破3000亿元大关,增长7.2%。")
    assert [(m.value, m.indicator, m.change) for m in found] == [
        (3082.8, "生产总值", False), (3000, "生产总值", False), (7.2, "生产总值", True)]


def test_count_first_takes_the_words_after_the_number() -> None:
    found = run("突出抓好6个省级典型镇、60个省级典型村建设。")
    assert [(m.value, m.indicator) for m in found] == [(6, "省级典型镇"), (60, "省级典型村建设")]
    m = only("高标准建设岳山、象山等11个省级绿美生态示范点。")
    assert m.indicator == "省级绿美生态示范点"


def test_a_count_with_no_subject_is_named_by_what_the_counted_did() -> None:
    found = run("国定贫困县脱贫摘帽,4.07万户、9.02万人实现稳定脱贫。")
    assert found[-1].indicator == "稳定脱贫"
    assert only("力争全市持证在采矿山100%达到绿色矿山建设标准。").indicator == "持证在采矿山达到绿色矿山建设标准"


def test_a_part_of_a_counted_whole_is_its_own_measure() -> None:
    found = run("十件民生实事中九件全面完成,城区停车设施建设项目完成年度任务的85%。")
    assert [(m.value, m.unit, m.indicator) for m in found[:2]] == [(10, "件", "民生实事"), (9, "件", "民生实事")]
    assert [m.indicator for m in run("建成中小学73所、高中16所。")] == ["中小学", "高中"]


def test_numbers_at_the_edges_of_a_text_are_measures() -> None:
    assert [(m.value, m.indicator) for m in run("12件民生实事全面完成。")] == [(12, "民生实事")]
    assert [m.value for m in run("粮食产量达到10万吨")] == [10]


def test_a_sum_before_de_measures_an_attribute_of_what_follows() -> None:
    assert only("实施总投资50亿元的产业园项目。").indicator == "产业园项目总投资"


def test_a_figure_alone_in_a_table_cell_is_named_by_its_row() -> None:
    found = run("一般公共预算收入（亿元）\t25\t36\t7.5%\t预期性\n")
    assert [(m.value, m.unit, m.indicator) for m in found] == [(7.5, "%", "一般公共预算收入")]


def test_a_running_total_after_new_things_counts_them_all() -> None:
    assert indicators_of("新增上市公司2家,累计达到18家。") == ["新增上市公司", "上市公司"]


def test_a_running_total_after_a_daily_rate_of_new_things_drops_the_rate_too() -> None:
    assert indicators_of("日均新增经营主体85户,累计达21万户。") == ["日均新增经营主体", "经营主体"]


def test_a_bare_settling_verb_counts_the_things_found_before() -> None:
    assert indicators_of("排查安全隐患260处、整改250处。") == ["排查安全隐患", "整改安全隐患"]
    assert indicators_of("受理群众诉求1200件,办结1150件,办结率95.8%。") == ["受理群众诉求", "办结群众诉求", "办结率"]


def test_a_sum_after_a_bare_verb_is_named_by_the_thing_after_it() -> None:
    assert [m.indicator for m in run("发放3000万元文旅消费券。")] == ["发放文旅消费券"]
    assert [m.indicator for m in run("投入1.5亿元实施项目120个。")] == ["投入", "实施项目"]


def test_doing_it_well_is_no_word_of_the_indicator() -> None:
    assert [m.indicator for m in run("全力实施好年度计划投资300亿元的重点项目。")] == ["重点项目年度计划投资"]


def test_a_sum_before_de_and_a_count_is_the_sum_of_the_things_counted() -> None:
    found = run("加快已开工的总投资80亿元的12个产业项目建设。")
    assert [(m.value, m.indicator) for m in found] == [(80, "产业项目建设总投资"), (12, "产业项目建设")]


def test_batches_are_no_words_of_the_indicator() -> None:
    assert [m.indicator for m in run("分3批集中开工重点项目96个。")] == ["集中开工重点项目"]
    assert [m.indicator for m in run("集中开工四批235个重点项目。")] == ["集中开工重点项目"]
    assert [m.indicator for m in run("第一批12个项目开工。")] == ["第一批项目开工"]


def test_a_number_alone_after_a_comma_continues_a_fenbie_list() -> None:
    found = run("园区建成区面积35.2平方公里,入驻企业620家,较上年分别提高9.6%，5.6%。")
    assert [(m.value, m.change, m.indicator) for m in found[2:]] == [
        (9.6, True, "园区建成区面积"), (5.6, True, "入驻企业")]


def test_two_list_items_of_unequal_length_stand_alone() -> None:
    assert indicators_of("全市接待海内外游客人数、旅游总收入,分别增长16.1%和17.6%。") == ["接待海内外游客人数", "旅游总收入"]


def test_modifiers_joined_by_a_list_comma_up_to_de_leave_the_head_to_the_count() -> None:
    m = only("培育3个特色鲜明、带动力强的主导产业。")
    assert (m.value, m.indicator) == (3, "主导产业")
    assert [m.indicator for m in run("建成10个示范村、5个示范镇。")] == ["示范村", "示范镇"]


def test_a_total_takes_the_previous_topic() -> None:
    assert indicators_of("高新技术企业新增80家,总数达到520家。") == ["高新技术企业", "高新技术企业总数"]


@pytest.mark.parametrize("text, indicators", [
    ("粮食种植面积31.55万亩,产量10.97万吨。", ["粮食种植面积", "粮食产量"]),
    # the farming verb belongs to the area: the owner is the crop alone
    ("油料播种面积保持在120万亩以上、产量达到30万吨。", ["油料播种面积", "油料产量"]),
    ("油料产量达到30万吨、收获面积保持在120万亩以上。", ["油料产量", "油料收获面积"]),
])
def test_attribute_takes_the_previous_topic(text: str, indicators: list[str]) -> None:
    assert [m.indicator for m in run(text)] == indicators


# --- not measures ------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "以《粤港澳大湾区发展规划纲要》实施5周年为契机。",
    "推进G324高明界至马安段新改建工程。",
    "全面落实国家民营经济31条、省30条政策。",
    "全国城市信用状况监测排名上升至第163名。",
    "东强三期年产2.1万吨铜箔扩建项目基本完成。",
    "深入实施“百千万工程”和“1+1+9”工作部署。",
    "我们将重点抓好以下八个方面的工作。",
    "坚决做到“两个维护”,打造一批示范项目。",
    "建设220千伏输变电工程。",
    "推动星子风电场100兆瓦风力发电等项目开工建设。",
    "推进10万吨饲料加工项目建设。",
    "60岁以上人群加强免疫接种覆盖率均排名前列。",
    "质量工作考核连续3年获得A级。",
    "——2023年2月22日在第十六届人民代表大会第三次会议上。",
    "实现“双百工程”〔3〕全覆盖。",
    "在全国312个普通地级市运行质量排名中位居第二位。",
    "高新区在全省开发区综合排名上升15位。",
    "营商环境评价位次前移6名。",
    "聚焦装备制造、现代农业、文化旅游3个领域。",
    "落实农村土地承包到期后再延长30年政策。",
    "营商环境评价位列全国120个城市第15位。",
    "营商环境评价全省第5位,较上年前移3位。",
    "我市是获得表彰的全国20个地级市之一。",
])
def test_not_measures(text: str) -> None:
    assert run(text) == []


def test_a_people_is_not_a_count() -> None:
    assert run("天中960万人民的殷切期盼激励着我们。") == []
    assert [m.value for m in run("常住人口达到960万人。")] == [960]


def test_category_threshold_only_counts() -> None:
    assert summary(run("全年新引进项目24个,其中3亿元以上项目4个。")) == [(24, "个", "=", False), (4, "个", "=", False)]
    assert summary(run("力争每年引进10亿元以上企业5家。")) == [(5, "家", "=", False)]


def test_a_sum_after_a_count_and_a_list_comma_is_the_sum_of_the_things_counted() -> None:
    found = run("统筹抓好1300个、年度投资4000亿元以上的重大项目建设。")
    assert [(m.value, m.comparator, m.indicator) for m in found] == [
        (1300, "=", "重大项目建设"), (4000, ">=", "重大项目建设年度投资")]


def test_a_money_floor_after_a_count_sorts_the_things_counted() -> None:
    found = run("25家企业营业收入超5亿元,4家超20亿元。")
    assert summary(found) == [(25, "家", "=", False), (4, "家", "=", False)]
    assert [m.indicator for m in found] == ["企业营业收入超5亿元", "企业营业收入超20亿元"]
    # words of a sum make the money the total of the things counted: a measure
    assert summary(run("12个项目总投资超过80亿元。")) == [(12, "个", "=", False), (80, "亿元", ">=", False)]
    assert summary(run("5个县一般公共预算收入超过10亿元。")) == [(5, "个", "=", False)]


def test_sums_before_a_kind_of_thing_are_labels_with_their_list() -> None:
    assert run("力争引进超20亿元、50亿元产业项目。") == []
    assert summary(run("新增贷款80亿元、100亿元以上。")) == [(80, "亿元", ">=", False), (100, "亿元", ">=", False)]
    assert summary(run("投入1.5亿元实施项目120个。")) == [(1.5, "亿元", "=", False), (120, "个", "=", False)]


def test_a_trailing_comparator_covers_a_bare_magnitude_of_the_list() -> None:
    found = run("养老、医疗保险参保分别达120万、260万人以上。")
    assert summary(found) == [(120, "万", ">=", False), (260, "万人", ">=", False)]


def test_a_named_cluster_size_is_a_measure_but_a_kind_of_cluster_is_not() -> None:
    found = run("形成新能源汽车及汽车零部件超200 亿产业集群、金属加工超300 亿产业集群。")
    assert [(m.value, m.unit, m.comparator, m.indicator) for m in found] == [
        (200, "亿", ">=", "新能源汽车及汽车零部件产业集群"), (300, "亿", ">=", "金属加工产业集群")]
    assert run("全力打造超千亿产业集群。") == []
    assert run("其中超100亿元项目1个、超亿元项目72个。") and all(m.unit == "个" for m in run(
        "其中超100亿元项目1个、超亿元项目72个。"))


def test_capacity_after_a_building_verb_is_a_measure() -> None:
    assert summary(run("建成300兆瓦农光互补基地。")) == [(300, "兆瓦", "=", False)]


def test_a_count_after_capacity_titles_closed_by_deng_is_a_measure() -> None:
    found = run("抓好年产5万吨饲料等60个重点工业项目建设。")
    assert summary(found) == [(60, "个", "=", False)]


# --- source grounding, Traditional script ------------------------------------

def test_traditional_text_keeps_its_script_and_offsets() -> None:
    text = "全年完成地區生產總值180.39億元,同比增長0.6%。"
    found = run(text)
    assert summary(found) == [(180.39, "億元", "=", False), (0.6, "%", "=", True)]
    first, second = found
    assert first.indicator == "地區生產總值" and first.indicator_simplified == "地区生产总值"
    assert second.indicator == "地區生產總值"
    assert text[first.span.start:first.span.end].endswith("180.39億元")
    assert text[second.span.start:second.span.end] == "同比增長0.6%"


@settings(max_examples=60, deadline=None)
@given(
    value=st.decimals(min_value=0, max_value=99999, places=1, allow_nan=False, allow_infinity=False),
    unit=st.sampled_from(["%", "亿元", "万亩", "家", "个", "公里", "万人"]),
    suffix=st.sampled_from([("", "="), ("以上", ">="), ("以内", "<="), ("左右", "~")]),
    lead=st.sampled_from(["", "  ", "\n"]),
)
def test_span_quotes_the_number_in_the_source(value, unit, suffix, lead) -> None:
    text = f"{lead}高新技术企业数量达到{value}{unit}{suffix[0]},"
    m = only(text)
    assert m.value == pytest.approx(float(value)) and m.unit == unit and m.comparator == suffix[1]
    quote = text[m.span.start:m.span.end]
    assert quote.startswith("高新技术企业数量") and quote.endswith(f"{value}{unit}{suffix[0]}")
    assert m.indicator == "高新技术企业数量"


# --- kind and period from sections ---------------------------------------------

REPORT = ("2022年工作回顾\n全年新增市场主体3411户,同比增长5%。\n"
          "2023年工作安排\n力争新增市场主体3300户,地区生产总值增长6%以上。\n")


def test_kind_from_heading_lines_without_structure() -> None:
    found = run(REPORT, metadata=Metadata(year=2023))
    assert [(m.value, m.kind) for m in found] == [
        (3411, "achievement"), (5, "achievement"), (3300, "target"), (6, "target")]
    assert found[0].period == "2022" and found[3].period == "2023"


def test_kind_from_section_roles() -> None:
    text = "一、成绩\n新增市场主体3411户。\n二、下步工作\n新增市场主体3300户。\n"
    review_at, plan_at = text.index("一、"), text.index("二、")
    sections = (
        Section(0, Span(review_at, plan_at), Span(review_at, review_at + 4), 1, "一、", "成绩", "review", None),
        Section(1, Span(plan_at, len(text)), Span(plan_at, plan_at + 6), 1, "二、", "下步工作", "plan", None),
    )
    found = run(text, structure=Structure(sections=sections))
    assert [(m.value, m.kind, m.section) for m in found] == [(3411, "achievement", 0), (3300, "target", 1)]


def test_what_was_done_this_year_so_far_is_an_achievement_in_a_plan_section() -> None:
    text = "二、今年工作安排\n今年以来,全市累计新增市场主体3411户。新增市场主体3300户。\n"
    plan_at = text.index("二、")
    sections = (Section(0, Span(plan_at, len(text)), Span(plan_at, plan_at + 8), 1, "二、", "今年工作安排", "plan", None),)
    found = run(text, structure=Structure(sections=sections))
    assert [(m.value, m.kind) for m in found] == [(3411, "achievement"), (3300, "target")]


def test_cue_words_decide_without_sections() -> None:
    assert only("力争培育规上工业企业10家以上。").kind == "target"
    assert only("累计处置批而未供土地1001亩。").kind == "achievement"


def test_statistics_report_a_year_gone_by_and_a_measure_named_actual_is_no_result() -> None:
    # a headless news text: the statistics are achievements, the named "actual" figure a target
    text = ("报告指出,初步统计,全市生产总值1200亿元,增长6.1%;外贸出口超过90亿元。\n"
            "统计数据还显示,实际利用外资5亿元,增长3%。\n"
            "今年的主要预期目标是:生产总值增长6%左右;进出口增长3%,实际使用外资增长4%。")
    assert [m.kind for m in run(text)] == ["achievement"] * 5 + ["target"] * 3


# --- the seeds, scored by the gold scorer -------------------------------------

def _scorer():
    spec = importlib.util.spec_from_file_location("gold_score", SHARED / "gold" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _score_seeds(with_structure: bool) -> dict:
    if not (SHARED / "gold" / "seeds").is_dir():
        pytest.fail(f"the shared gold is missing: expected it at {SHARED / 'gold'}")
    from luoshi.options import Options
    from luoshi.read import read_path
    from luoshi.structure import analyse
    from luoshi.structure.metadata import infer_metadata

    scorer = _scorer()
    gold, pred = [], []
    for gold_file in sorted((SHARED / "gold" / "seeds").glob("*.jsonl")):
        gold += scorer.load_jsonl(gold_file)
        doc = SHARED / "corpus" / "seeds" / gold_file.name[: -len(".jsonl")]
        source = next(iter(read_path(doc, Options())))
        norm = normalise(source.text, source.repairs)
        structure, metadata = Structure(), Metadata()
        if with_structure:
            structure = analyse(source, norm)
            metadata = infer_metadata(source, norm, structure)
        for m in extract_measures(source, norm, structure, metadata):
            pred.append({
                "doc": doc.name, "start": m.span.start, "end": m.span.end, "value": m.value, "unit": m.unit,
                "kind": m.kind, "comparator": m.comparator, "change": m.change, "indicator": m.indicator,
            })
    return scorer.score(gold, pred)


def test_seeds_against_gold() -> None:
    result = _score_seeds(with_structure=True)
    assert result["strict_f1"] >= 0.95
    assert result["indicator_char_f1"] >= 0.90


def test_seeds_without_structure_degrade_only_in_kind() -> None:
    """With no sections at all, numbers and indicators stay right; kinds come from cue words."""
    result = _score_seeds(with_structure=False)
    assert result["f1"] >= 0.95
    assert result["indicator_char_f1"] >= 0.90
    assert result["kind_accuracy"] >= 0.80


_PIECES = ["增长", "6", "5.5", "%", "以上", "左右", "、", ",", "。", "\n", "万", "亿元", "个", "十", "两千", "第", "“",
           "”", "全年", "力争", "地区生产总值", "项目", "年", "—", "-", "约", "控制在", "以内", "1/3", "百分之",
           "〔1〕", "G", "翻一番", "  ", "億元", "萬畝", "級", "其中", "等", "的"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30))
@example(["6", "万", "  ", "%"])
def test_any_text_gives_well_formed_measures(pieces: list[str]) -> None:
    text = "".join(pieces)
    for m in run(text):
        assert 0 <= m.span.start < m.span.end <= len(text)
        assert m.kind in ("target", "achievement")
        assert m.comparator in ("=", ">=", "<=", "~", "range")
        assert (m.value_max is not None) == (m.comparator == "range")
        # as written, less the whitespace the normalised text drops (亿\n元 in a hard-wrapped copy)
        assert m.unit in text or m.unit in ("%", "") or m.unit in "".join(text.split())
        assert 0.0 < m.confidence <= 1.0


def test_a_threshold_opening_a_clause_sorts_what_the_sum_after_it_is_of() -> None:
    found = run("全县地区生产总值完成86亿元,1000万元以上固定资产投资完成20.5亿元,同比增长9%。")
    assert [(m.indicator, m.value, m.unit) for m in found] == [
        ("地区生产总值", 86, "亿元"), ("1000万元以上固定资产投资", 20.5, "亿元"), ("1000万元以上固定资产投资", 9, "%")]


def test_policy_packages_named_by_their_article_counts_are_no_measures() -> None:
    # a package's count of articles is part of its name, however long the names listed with it
    assert run("出台稳就业36条、支持中小微企业纾困解难18条、鼓励民间资本参与基础设施建设12条等措施。") == []


@pytest.mark.parametrize("review", [
    "过去一年,全省实现地区生产总值5000亿元,增长5%。",
    "建市以来,全省实现地区生产总值5000亿元,增长5%。",
    "全省地区生产总值5000亿元,增长5%,再创历史新高。",
])
def test_without_headings_past_words_make_a_review(review: str) -> None:
    # 实现 reaches figures in reviews as often as in plans: it cues neither
    found = run(review + "\n今年的主要预期目标是:地区生产总值增长5%左右。")
    assert [m.kind for m in found] == ["achievement", "achievement", "target"]


@pytest.mark.parametrize("text, indicators", [
    ("第一、二、三产业增加值分别增长4.1%、6.3%和5.2%。", ["第一产业增加值", "第二产业增加值", "第三产业增加值"]),
    ("规上工业总产值、增加值分别增长12%、9%。", ["规上工业总产值", "规上工业增加值"]),
    ("税收总额、社会消费品零售总额、城镇居民人均可支配收入分别达到30亿元、80亿元、4万元。",
     ["税收总额", "社会消费品零售总额", "城镇居民人均可支配收入"]),
])
def test_list_items_before_fenbie_each_name_their_number(text: str, indicators: list[str]) -> None:
    assert indicators_of(text) == indicators


def test_a_multiple_of_a_reference_keeps_the_indicator_of_its_figure() -> None:
    found = run("全镇税收收入、工业总产值分别增加至3亿元、40亿元,为建镇之初的6倍、9倍。")
    assert [m.indicator for m in found] == ["税收收入", "工业总产值", "税收收入", "工业总产值"]


def test_from_a_level_expanded_to_another_and_a_mark_crossed() -> None:
    found = run("城区面积从12平方公里拓展至30平方公里;全县财政收入突破十亿元大关。")
    assert [(m.indicator, m.value, m.comparator) for m in found] == [
        ("城区面积", 12, "="), ("城区面积", 30, "="), ("财政收入", 10, ">=")]


@pytest.mark.parametrize("text, value", [
    ("全县地区生产总值增长6%,跨上80亿元台阶。", 80),
    ("全县地区生产总值增长6%,迈上百亿元台阶。", 100),
    ("全县地区生产总值增长6%,稳定突破百亿元大关。", 100),
])
def test_a_mark_crossed_is_a_floor_of_the_figure_before(text: str, value: float) -> None:
    found = run(text)
    assert [(m.indicator, m.value, m.comparator) for m in found] == [
        ("地区生产总值", 6, "="), ("地区生产总值", value, ">=")]


def test_a_rate_after_a_verb_and_its_object_takes_no_verb_as_modifier() -> None:
    # 完成 is the verb of the sum before, not a modifier the rate shares with it
    assert indicators_of("累计完成投资80亿元,投资完成率75%。")[1] == "投资完成率"
    assert indicators_of("全县农产品加工产值80亿元,加工转化率65%。")[1] == "农产品加工转化率"


def test_without_headings_the_paragraph_decides_before_the_split_of_the_text() -> None:
    # the review paragraph reports a running total (累计); its sentences without cues are achievements
    text = ("今年安排重点项目120个,计划投资80亿元。\n"
            "1至6月,累计完成投资45亿元。56个项目开工建设,开工率60%;30个项目竣工。\n"
            "下半年,力争新开工项目40个。\n")
    kinds = [m.kind for m in run(text)]
    assert kinds == ["target", "target", "achievement", "achievement", "achievement", "achievement", "target"]


def test_pushing_work_on_cues_a_sentence_not_its_paragraph() -> None:
    text = ("全面推进乡村振兴,粮食产量同比增长2%。新增高标准农田3万亩。\n"
            "今年力争新增高标准农田4万亩。\n")
    assert [m.kind for m in run(text)] == ["achievement", "achievement", "target"]


def test_a_floor_after_a_share_sorts_what_it_is_a_share_of() -> None:
    m = only("力争实现30%的村集体年收入超20万元。")
    assert (m.value, m.unit, m.indicator) == (30, "%", "村集体年收入超20万元")


def test_years_and_stages_of_a_plan_are_no_words_of_the_indicator() -> None:
    found = run("市域总人口2030年控制在200万人以内,2035年在220万人以内。规划远期2035年城镇化水平争取达到75%。")
    assert [(m.indicator, m.period) for m in found] == [
        ("市域总人口", "2030"), ("市域总人口", "2035"), ("城镇化水平", "2035")]


def test_the_size_that_sorts_a_ranking_field_is_no_measure() -> None:
    found = run("全省生产总值增长5.2%,在过3万亿元的经济大省中增速第一。")
    assert [(m.value, m.unit) for m in found] == [(5.2, "%")]


@pytest.mark.parametrize("text, first", [
    ("今年的500个市重点项目年度投资达到300亿元。", "市重点项目"),  # 年度 belongs to the sum after the count
    ("80个新签约项目预计可实现产值50亿元。", "新签约项目"),
])
def test_a_count_ends_before_the_sum_and_its_modifiers(text: str, first: str) -> None:
    assert indicators_of(text)[0] == first


@pytest.mark.parametrize("text, unit", [("种植食用菌30万棒。", "万棒"), ("投放鱼苗150万尾。", "万尾")])
def test_farm_classifiers(text: str, unit: str) -> None:
    assert only(text).unit == unit


def test_a_people_a_line_speed_and_a_population_by_wan() -> None:
    assert run("时速350公里的高铁建成通车,680多万本地人民期盼的梦想照进现实。") == []
    m = run("全县45万人口中,城镇人口20万人。")[0]
    assert (m.value, m.unit) == (45, "万")


@pytest.mark.parametrize("text, expected", [
    ("建成3人制篮球场20个。", [(20, "个")]),  # 3人制 is a format
    ("完成120个30户以上连片村寨消防管网建设。", [(120, "个")]),  # a size right after a count sorts it
    ("消除年集体经济收入10万元以下的薄弱村85个。", [(85, "个")]),  # a ceiling sorting the things counted
])
def test_formats_and_sizes_that_sort_the_things_counted(text: str, expected: list) -> None:
    assert [(m.value, m.unit) for m in run(text)] == expected


def test_a_counts_words_end_before_the_year_of_the_sum() -> None:
    assert indicators_of("25个市重点项目全年完成投资18亿元。")[0] == "市重点项目"


def test_a_paragraph_opening_with_an_earlier_year_in_a_plan_section_reports_results() -> None:
    text = "2026年计划\n2025年,全省地区生产总值增长5.1%。\n2026年,全省地区生产总值增长5%左右。\n"
    plan = Section(0, Span(0, len(text)), Span(0, 6), 1, "", "2026年计划", "plan", None)
    found = run(text, structure=Structure(sections=(plan,)))
    assert [(m.kind, m.period) for m in found] == [("achievement", "2025"), ("target", "2026")]


def test_how_a_figure_moved_is_no_word_of_it() -> None:
    found = run("全年实现税收8亿元,其中工业税收3亿元,逆势增长6%。")
    assert [m.indicator for m in found][-1] == "工业税收"


def test_a_mark_without_its_unit_and_what_is_said_of_things_counted() -> None:
    found = run("全县财政收入迈过百亿大关,达112亿元;36个重点项目进展顺利,完成投资58亿元。")
    assert [(m.indicator, m.value, m.unit, m.comparator) for m in found] == [
        ("财政收入", 100, "亿", ">="), ("财政收入", 112, "亿元", "="),
        ("重点项目", 36, "个", "="), ("重点项目完成投资", 58, "亿元", "=")]


def test_a_population_ceiling_sorting_cities_is_no_measure() -> None:
    assert run("全面取消城区常住人口100万以下的城市落户限制。") == []


# --- round 2: fresh real text ----------------------------------------------------

@pytest.mark.parametrize("text, value, unit, comparator", [
    ("全镇扩挖塘坝120口。", 120, "口", "="),  # wells and ponds are counted by 口
    ("全乡有蓄水池60余口。", 60, "口", ">="),
    ("全县可完成GDP12.5亿元。", 12.5, "亿元", "="),  # a figure glued to GDP is still one
    ("其中乡道85.3公里。", 85.3, "公里", "="),  # a length after a road class names no road
    ("地均产值3.2亿元/平方公里。", 3.2, "亿元/平方公里", "="),
    ("投资2千余万元实施水库除险加固。", 2, "千万元", ">="),  # 余 between two magnitudes
    ("全年受理投诉1200余件次。", 1200, "件次", ">="),
    ("发放创业担保贷款352笔。", 352, "笔", "="),  # loans and deals are counted by 笔
])
def test_units_of_round_two(text: str, value: float, unit: str, comparator: str) -> None:
    m = run(text)[0]
    assert (m.value, m.unit, m.comparator) == (value, unit, comparator)


@pytest.mark.parametrize("text, values", [
    ("城镇登记失业率降至8年来最低的2.1%。", [2.1]),  # a span up to now dates the figure
    ("出口增幅为12年以来最高。", []),
    ("人均受教育年限达到11.3年。", [11.3]),  # a duration reached is still a measure
])
def test_a_span_of_years_up_to_now_is_no_measure(text: str, values: list[float]) -> None:
    assert [m.value for m in run(text)] == values


def test_a_floor_before_the_things_a_count_reaches_is_a_threshold() -> None:
    found = run("全乡年收入3万元以上的农户达到320户。")
    assert [(m.value, m.unit) for m in found] == [(320, "户")]


@pytest.mark.parametrize("text, found", [
    ("力争五年内全县经济总量翻番。", [(1, "番", True)]),  # a doubling with no count is 翻一番
    ("推动外贸实现翻番式增长。", []),  # 翻番式 names a manner
])
def test_a_bare_doubling_is_one_fan(text: str, found: list) -> None:
    assert [(m.value, m.unit, m.change) for m in run(text)] == found


def test_a_fraction_of_the_things_named_after_it_is_a_share() -> None:
    m = only("全市三分之一的村建成了文化广场。")
    assert (round(m.value, 4), m.unit, m.kind) == (0.3333, "", "achievement")


def test_three_mouths_is_a_household_not_a_count() -> None:
    assert run("关心三口之家的生活。") == []


@pytest.mark.parametrize("text, kind", [
    ("目前,全县共开工建设道路12条,完成投资800万元,占全年计划的90%。", "achievement"),  # how things stand now
    ("一季度,全市30个重点项目完成投资5亿元,完成年度投资计划的20%,进展顺利。", "achievement"),  # 计划的: a share done
    ("深入实施校舍扩容三年行动计划,顺利改扩建3所学校。", "achievement"),  # a programme's name is no plan
    ("以改善生态为目标,顺利完成造林1200亩。", "achievement"),
    ("初步预计,全年地区生产总值增长4.5%左右。", "achievement"),  # an estimate of a year gone by
    ("全年累计植树造林3000亩,完成县下达目标任务的120%。", "achievement"),  # how a target went
    ("主要目标的完成离不开去年打下的基础,全年税收增长8%。", "achievement"),
    ("根据各地统计上报数据,新开工改造小区120个。", "achievement"),
])
def test_kind_cues_of_round_two(text: str, kind: str) -> None:
    assert {m.kind for m in run(text)} == {kind}


@pytest.mark.parametrize("text, kinds", [
    # an estimate of the year gone by, in a text with no headings: the review paragraph before it decides
    ("过去一年,全镇经济平稳运行,新建了村道8公里。\n预计全镇完成工业总产值18亿元,农民人均纯收入1.6万元。\n",
     ["achievement", "achievement", "achievement"]),
    # a projection says its time, and that time is the cue
    ("过去一年,全镇新建了村道8公里。\n预计到2030年,全镇森林覆盖率达到45%。\n", ["achievement", "target"]),
])
def test_an_estimate_is_no_target_cue_by_itself(text: str, kinds: list[str]) -> None:
    assert [m.kind for m in run(text)] == kinds


def test_plan_words_in_a_review_section_keep_a_plan_for_this_year() -> None:
    text = "一、基本情况\n全乡现有贫困户200户。今年计划脱贫50户。\n"
    assert [m.kind for m in run(text)] == ["achievement", "target"]


def test_a_list_after_a_colon_is_governed_by_its_opening_words() -> None:
    text = "今年计划开展的工作有三项:一是新建道路2条;二是建成1个示范园;三是改造危房30户。"
    assert {m.kind for m in run(text)} == {"target"}


def test_a_title_of_results_marks_a_review() -> None:
    text = "■ 上年成绩单\n●粮食总产达到300亿斤\n■ 今年主要目标\n●经济增长6%左右\n"
    assert [m.kind for m in run(text)] == ["achievement", "target"]


@pytest.mark.parametrize("text, indicator", [
    ("该镇每年造林绿化300万株以上。", "造林绿化"),  # the place that speaks is no word of it
    ("我乡新改建校舍8所。", "新改建校舍"),
    ("预计全年可实现工业增加值5.2亿元。", "工业增加值"),  # the modal of an estimate
    ("2000余人实现了安全饮水。", "安全饮水"),  # the aspect particle after the verb
    ("地方财政收入8.8亿元,扣除减税因素后增长3.2%。", "地方财政收入"),  # how the figure is counted
    ("全村有蓄水池15口。", "蓄水池"),
    ("提出全社会研发经费投入年均增长6%以上。", "全社会研发经费投入"),  # what a plan sets
    ("为到2035年人均收入比2020年翻一番、达到中等水平打好基础。", "人均收入"),
    ("经济总量要达到900亿元左右。", "经济总量"),  # modal words between a name and its figure
    ("研发投入强度每年要提高0.2个百分点。", "研发投入强度"),
    ("人均公园绿地将达15平方米。", "人均公园绿地"),
    ("全省经济总量将向5万亿元冲刺。", "经济总量"),
    ("居民人均可支配收入实际增长4.8%。", "居民人均可支配收入"),
    ("粮食产量继续保持300亿斤以上。", "粮食产量"),
    ("粮食产量首次跃上700亿斤新台阶。", "粮食产量"),  # the mark crossed is no word of it
])
def test_indicator_words_of_round_two(text: str, indicator: str) -> None:
    assert run(text)[-1].indicator == indicator


def test_a_plans_base_of_how_things_stand_is_an_actual_level() -> None:
    text = "今后五年,城镇居民人均可支配收入由目前的3.5万元增长到5万元左右。"
    base, goal = run(text)
    assert (base.indicator, base.kind, base.period) == ("城镇居民人均可支配收入", "achievement", None)
    assert (goal.indicator, goal.kind, goal.value) == ("城镇居民人均可支配收入", "target", 5)


def test_a_change_after_a_share_of_the_plan_measures_the_thing_itself() -> None:
    text = "全年完成工业总产值80亿元,占计划的100%,同比增长6%;固定资产投资30亿元,占计划的95%,同比下降2%。"
    assert indicators_of(text) == ["工业总产值", "工业总产值占计划", "工业总产值",
                                   "固定资产投资", "固定资产投资占计划", "固定资产投资"]


def test_a_second_share_replaces_the_first() -> None:
    text = "发明专利申请量占全市40%、占全省12%。"
    assert indicators_of(text) == ["发明专利申请量占全市", "发明专利申请量占全省"]


def test_points_after_a_share_move_the_share() -> None:
    text = "研发经费投入20亿元,占地区生产总值比重达2.5%,比上年提高0.2个百分点。"
    assert indicators_of(text)[-1] == "研发经费投入占地区生产总值比重"


def test_new_start_names_the_projects_a_count_counts() -> None:
    text = "一季度,40个新开工项目开工率达到60%以上;30个新开工项目已有12个开工建设。"
    assert indicators_of(text) == ["新开工项目", "新开工项目开工率", "新开工项目", "新开工项目开工建设"]


def test_a_cue_verb_after_a_list_comma_opens_the_figures_predicate() -> None:
    assert only("实施托育服务提升计划、确保入园率不低于85%。").indicator == "入园率"


@pytest.mark.parametrize("text", [
    "纲要细化提出25项主要指标。",
    "围绕创新投入提出4项指标。",
    "针对性提出就业、收入、教育等6项指标。",
])
def test_a_plan_counting_its_own_indicators_is_no_measure(text: str) -> None:
    assert run(text) == []


def test_indicators_counted_as_done_are_still_a_measure() -> None:
    assert only("省下达的12项约束性指标全部完成。").value == 12


def test_a_push_in_a_paragraph_that_reports_is_done_work() -> None:
    text = ("全年新增就业1.2万人,同比提高3%,累计办证5000套。加快建设社区医院等4个卫生项目,建成6个养老中心。\n"
            "今年,我们将力争新增就业1.5万人。\n")
    assert [m.kind for m in run(text)] == ["achievement"] * 5 + ["target"]


def test_a_paragraph_without_cue_words_goes_on_the_one_before() -> None:
    text = ("全年新增就业1.2万人,同比提高3%,累计办证5000套。\n"
            "侦破刑事案件300起,修订应急预案12个。\n"
            "今年,我们将力争新增就业1.5万人,确保新建学校3所。\n")
    assert [m.kind for m in run(text)] == ["achievement"] * 5 + ["target"] * 2


@pytest.mark.parametrize("text, indicator", [
    ("某省实现地区生产总值5.3万亿元。", "地区生产总值"),  # who reports a whole-economy measure
    ("某市全年实现生产总值800亿元。", "生产总值"),
    ("高新区地区生产总值增长8%。", "地区生产总值"),
    ("海洋生产总值达420亿元。", "海洋生产总值"),  # a sector is a word of it
    ("人均地区生产总值达到10万元。", "人均地区生产总值"),
    ("单位地区生产总值能耗下降3%。", "单位地区生产总值能耗"),
    ("工业增加值占全市地区生产总值比重达40%。", "工业增加值占全市地区生产总值比重"),
    ("某地菜心种植面积达8万亩。", "某地菜心种植面积"),  # a product keeps its place
    ("产业集聚区固定资产投资增长15%。", "产业集聚区固定资产投资"),  # a zone is part of the economy
    ("民营经济对全市GDP增长贡献率达50%。", "民营经济对全市GDP增长贡献率"),
])
def test_the_place_reporting_a_whole_economy_measure(text: str, indicator: str) -> None:
    assert only(text).indicator == indicator


def test_a_gap_to_the_target_measures_the_figure_before() -> None:
    found = run("全区地区生产总值同比增长3.2%,差目标1.8个百分点。")
    assert [(m.indicator, m.change) for m in found] == [("地区生产总值", True), ("地区生产总值", False)]
    assert only("差异化发展项目12个。").indicator == "差异化发展项目"


def test_a_comparator_before_fan_governs_it() -> None:
    m = only("五年来经济总量接近翻两番。")
    assert (m.value, m.unit, m.comparator, m.change) == (2, "番", "~", True)


def test_a_share_of_the_plan_after_wei_drops_the_copula() -> None:
    assert indicators_of("固定资产投资完成12亿元,为年度投资计划的30.9%。")[-1] == "年度投资计划"


def test_deng_inside_a_word_ends_no_list() -> None:
    assert only("中等收入群体比例力争达到40%。").indicator == "中等收入群体比例"
    assert only("高等教育毛入学率达到60%。").indicator == "高等教育毛入学率"


def test_a_level_reached_after_new_ones_counts_them_all() -> None:
    assert indicators_of("新增县级龙头企业2家,达到22家。") == ["新增县级龙头企业", "县级龙头企业"]


def test_a_cue_word_inside_a_quoted_name_is_no_cue() -> None:
    text = ("五年来,全区生产总值年均增长6%,累计引进项目120个。\n"
            "实施企业培育“十百千计划”,产业体系加快构建。高新技术企业达500家。\n"
            "今年,我们将力争新增就业1.5万人。\n")
    assert [m.kind for m in run(text)] == ["achievement"] * 3 + ["target"]


@pytest.mark.parametrize("text, indicators", [
    ("围绕城区面积60平方公里、30万人口,打造区域中心城市。", ["城区面积", "人口"]),  # a frame with no verb
    ("先后投资120亿元。", ["投资"]),
    ("获得建设用地指标奖励800亩。", ["建设用地指标奖励"]),
    ("8大类40项民生实事全部超额完成。", ["8大类民生实事"]),  # what was said of the things counted
    ("累计为1200户3500名困难群众发放救助金。", ["困难群众发放救助金"] * 2),  # one object of both counts
    ("确保年内筹集保障性住房3万套、竣工2万套。", ["筹集保障性住房", "保障性住房竣工"]),
    ("新开工项目90个、竣工60个。", ["新开工项目", "项目竣工"]),
])
def test_indicator_objects_of_round_two(text: str, indicators: list[str]) -> None:
    assert indicators_of(text) == indicators


def test_a_base_year_dates_the_base_not_the_level_reached() -> None:
    found = run("非公有制经济增加值占比由2000年的45%提高到65%。")
    assert [m.period for m in found] == ["2000", None]
    found = run("地区生产总值从2015年的196亿元增加到2020年的281亿元。")
    assert [m.period for m in found] == ["2015", "2020"]


def test_what_is_held_now_is_of_no_year_named_before() -> None:
    found = run("2014年全乡已脱贫60户,现有贫困户239户。")
    assert [m.period for m in found] == ["2014", None]


def test_a_counts_words_end_before_the_sales_of_the_things_counted() -> None:
    assert indicators_of("60家龙头企业年销售收入12亿元。") == ["龙头企业", "龙头企业年销售收入"]


def test_the_base_a_change_leads_on_from_is_a_level_reached() -> None:
    base, goal = run("到2027年,高新技术企业数量从120家增加到400家以上。")
    assert (base.kind, base.period, goal.kind, goal.period) == ("achievement", None, "target", "2027")
    base, goal = run("力争地区生产总值从2020年的150亿元增加到2025年的220亿元。")
    assert (base.kind, base.period, goal.kind, goal.period) == ("achievement", "2020", "target", "2025")


def test_gong_before_a_verb_of_work_is_no_word_of_it() -> None:
    assert only("全县共开工建设农村公路60条。").indicator == "开工建设农村公路"


def test_the_topic_clause_of_a_change_loses_its_own_change_words() -> None:
    assert indicators_of("全市推动投资保持平稳较快增长,全年增长9%。") == ["投资"]


def test_a_rate_floor_after_a_count_sorts_the_things_counted() -> None:
    m = only("分省看,11个省份开工率超过95%。")
    assert (m.value, m.unit) == (11, "个")


def test_taiwan_trillions_and_a_big_unit_with_its_lower_digits_in_traditional_text() -> None:
    found = run("去年國內生產毛額達24.8兆元,人均月薪4萬2,150元,營業額1兆305億元。")
    assert [(m.value, m.unit, m.indicator) for m in found] == [
        (24.8, "兆元", "國內生產毛額"), (42150, "元", "人均月薪"), (10305, "億元", "營業額")]


def test_a_figure_nothing_marks_is_stated_as_a_fact_unless_it_is_hedged() -> None:
    # a news item with no cue word at all: no part of it is guessed to be a plan
    news = run("新华网1月27日电,记者从报告中获悉,全省地区生产总值增长4.1%,城镇调查失业率5.4%。\n"
               "从三大产业看,农牧业增加值增长5.5%。\n")
    assert [m.kind for m in news] == ["achievement"] * 3
    # 以上, 左右 hedge a figure aimed at
    goals = run("——生态环境质量总体改善,森林覆盖率达到38%以上,粮食产量稳定在总产量的30%左右。\n")
    assert [m.kind for m in goals] == ["target", "target"]


def test_a_push_in_a_paragraph_about_the_review_is_done_work() -> None:
    # no headings: the paragraph says it is about the review (工作回顾); 全力 alone does not make a plan of it
    found = run("报告共分三个部分。\n就2023年工作回顾,县长在报告中指出,全年全力拼经济、促发展,地区生产总值增长8%,"
                "固定资产投资增长16%。\n")
    assert [m.kind for m in found] == ["achievement", "achievement"]
    plan = run("报告共分三个部分。\n今年,我们将全力拼经济、促发展,地区生产总值增长8%。\n")
    assert [m.kind for m in plan] == ["target"]


def test_how_often_or_how_many_crossed_is_no_word_of_the_indicator() -> None:
    # 连续, 双双 say how a figure crossed a mark, not what crossed it
    assert indicators_of("五年来,税收收入连续跨越10亿元、15亿元台阶。")[:2] == ["税收收入", "税收收入"]
    assert indicators_of("年末,全镇存贷款余额双双突破80亿元。") == ["存贷款余额"]


def test_achieving_a_sum_is_no_word_of_the_sum() -> None:
    # 实现 before 营业收入, 税收 is the verb of the clause; 完成投资 stays one name
    assert indicators_of("全年实现营业收入45.6亿元。") == ["营业收入"]
    assert indicators_of("新投产企业8家,实现营业收入45.6亿元、税收2.1亿元。")[1:] == ["新投产企业营业收入", "新投产企业税收"]
    assert indicators_of("全年完成投资12亿元。") == ["完成投资"]


def test_what_is_said_of_the_things_counted_ends_their_words() -> None:
    assert indicators_of("12个农业项目扎实推进,7个安置小区全部建成。") == ["农业项目", "安置小区"]


def test_a_gap_to_other_places_measures_the_figure_before_it() -> None:
    # 比全省平均水平高…, 分别比全国、全省和全市高…: the places are the base, the indicator is the figure's
    assert indicators_of("全县人均GDP达6.1万元,比全省平均水平高5200元。") == ["人均GDP", "人均GDP"]
    found = run("全县地区生产总值增长6.8%,分别比全国、全省和全市高1.6、0.9和0.4个百分点。")
    assert [(m.indicator, m.change) for m in found[1:]] == [("地区生产总值", False)] * 3


def test_a_total_after_an_addition_counts_all_of_the_things() -> None:
    # 新增…12家、总数达95家: the stock is of all the firms, not of the new ones
    assert indicators_of("新增高新技术企业12家、总数达95家。") == ["新增高新技术企业", "高新技术企业总数"]
    assert indicators_of("新建村级电商站点40个,总量达到210个。")[1] == "村级电商站点总量"


def test_a_goal_in_a_bracket_is_the_target_set_for_the_figure_before_it() -> None:
    found = run("一年来,全县规上工业增加值增长7.4%,增速居全市第2位(年度目标为9%以上);税收收入4.2亿元(目标4亿元)。")
    goals = [m for m in found if m.kind == "target"]
    assert [(m.indicator, m.value, m.change, m.comparator) for m in goals] == [
        ("规上工业增加值", 9, True, ">="), ("税收收入", 4, False, "=")]
    assert [m.kind for m in found if m.value in (7.4, 4.2)] == ["achievement", "achievement"]


def test_the_part_of_the_year_and_counting_notes_are_no_words_of_the_indicator() -> None:
    assert indicators_of("前三季度城镇和农村居民人均可支配收入分别增长6.1%、7.9%。") == [
        "城镇居民人均可支配收入", "农村居民人均可支配收入"]
    assert indicators_of("1-10月规上工业增加值增长9%。") == ["规上工业增加值"]
    assert indicators_of("预计(下同)全年完成地区生产总值88亿元。") == ["地区生产总值"]


def test_a_note_number_after_a_quoted_name_is_no_word_of_the_indicator() -> None:
    # a copied PDF keeps the footnote number glued to the quote: 新增“一村一品”3示范村
    assert indicators_of("新增“一村一品”3示范村12个。") == ["新增“一村一品”示范村"]


def test_a_word_ending_in_yue_keeps_its_yue() -> None:
    # 约 before a number is a comparator; in 签约, 节约 it is part of the word
    assert indicators_of("全年签约项目45个,总投资120亿元的8个项目成功签约。")[0] == "签约项目"
    assert "成功签约" in indicators_of("总投资120亿元的8个项目成功签约。")[-1]


def test_a_structure_of_three_shares_is_no_single_figure() -> None:
    # 三次产业结构比12.1∶40.2∶47.7: no one number of it is a measure; a ratio to one still is
    assert run("三次产业结构比由12.1∶40.2∶47.7调整为10.3:41.5:48.2。") == []
    assert [(m.value, m.indicator) for m in run("城乡居民收入比缩小到2.1∶1。")] == [(2.1, "城乡居民收入比")]


def test_fenbie_right_after_two_counts_shares_its_predicate_out() -> None:
    # no comma before 分别: the predicate still belongs to each count in turn
    found = run("36个市重点项目和112个县重点项目分别完成投资58亿元、74亿元。")
    assert [m.indicator for m in found[2:]] == ["市重点项目完成投资", "县重点项目完成投资"]


def test_funds_obtained_and_a_plan_overdone_are_results() -> None:
    # 争取到位 says the funds came; 完成年度计划…以上 says how far the plan was done
    found = run("会上获悉,该县争取到位各类资金8.6亿元,26个重点项目均完成年度计划投资120%以上。\n")
    assert [m.kind for m in found] == ["achievement"] * 3
    plan = run("会上获悉,该县将积极争取各类资金10亿元,确保完成年度计划投资。\n")
    assert [m.kind for m in plan] == ["target"]


def test_revenue_and_growth_words_alone_belong_to_the_figure_before() -> None:
    # 营收 (营业收入), 增速: the thing just counted or reported owns them
    assert indicators_of("全县规上工业总产值突破300亿元,增速高于全省2.1个百分点。")[1] == "规上工业总产值增速"
    assert indicators_of("新增限上商贸企业21家、总数达138家,实现营收76亿元。")[-1] == "限上商贸企业营收"


def test_a_bare_attribute_keeps_its_quarter() -> None:
    # with the quarter gone 完成投资 would borrow the owner of the figure before
    assert indicators_of("力争120个新开工项目开工率达到50%以上,一季度完成投资8亿元以上。")[-1] == "一季度完成投资"


def test_a_gap_to_another_group_is_no_change_and_no_word_of_the_indicator() -> None:
    found = run("全年农民人均可支配收入增长8.1%,增幅高于城镇居民2.3个百分点。")
    assert [(m.indicator, m.change) for m in found] == [
        ("农民人均可支配收入", True), ("农民人均可支配收入增幅", False)]
    assert only("工业投资增速快于全部投资4个百分点。").change is False
    assert only("研发投入强度提高超过0.4个百分点。").change is True  # 超过 closes the change here


def test_profit_and_output_words_alone_belong_to_the_figure_before() -> None:
    # 利润, 总产量 after a figure of the same things; 实现 inside the clause is its verb
    assert indicators_of("规上工业企业实现营业收入120亿元、利润9.5亿元。") == ["规上工业企业营业收入", "规上工业企业利润"]
    assert indicators_of("全县油菜种植面积12万亩,总产量达到1.8万吨。")[-1] == "油菜总产量"
    found = run("规上工业企业营业收入、利润总额、税收分别增长9%、11%、7%,新增规上工业企业12家、专精特新企业5家,"
                "总数分别达到260家、31家。")
    assert [m.indicator for m in found[-2:]] == ["规上工业企业总数", "专精特新企业总数"]


def test_the_speaker_and_the_plan_are_no_words_of_a_count() -> None:
    assert indicators_of("我们将力争全年新增规上工业企业15家以上。") == ["新增规上工业企业"]
    assert indicators_of("全年计划实施重点项目86个,年度计划投资120亿元。") == ["重点项目", "年度计划投资"]


def test_totals_of_a_crop_belong_to_the_crop_before() -> None:
    assert indicators_of("茶叶种植面积3.2万亩,总产1800吨,总收入达2.6亿元。") == ["茶叶种植面积", "茶叶总产", "茶叶总收入"]


def test_the_first_task_and_this_aim_cue_no_plan() -> None:
    # 第一要务 (the top priority) and 这一目标 (the aim a year's work served) are no target cues
    found = run("一年来,全乡上下围绕“生态强乡”这一目标,坚持发展第一要务,加快结构调整,全乡农业总产值达3.6亿元。\n")
    assert [m.kind for m in found] == ["achievement"]


def test_a_rate_compared_with_an_earlier_part_of_the_year() -> None:
    # 降幅较一季度收窄…: the base (一季度) is no word; the rate (降幅) is of the figure before
    found = run("上半年,建筑业增加值下降3.2%,降幅较一季度收窄6.5个百分点,增速低于全市1.1个百分点。")
    assert [(m.indicator, m.change) for m in found] == [
        ("建筑业增加值", True), ("建筑业增加值降幅", True), ("建筑业增加值降幅", False)]
    found = run("上半年,服务业增加值增长5.1%,增速较1-5月回升0.8个百分点。")
    assert found[-1].indicator == "服务业增加值增速"


def test_a_growth_after_a_gap_of_growth_rates_is_the_figure_s_own() -> None:
    found = run("上半年,全县生产总值增长7.1%,增速高于全市0.5个百分点,两年平均增长4.2%。")
    assert [m.indicator for m in found] == ["生产总值", "生产总值增速", "生产总值"]


def test_short_items_before_fenbie_stand_alone_with_its_verb() -> None:
    found = run("全年生猪、牛、羊分别出栏12.3万头、5600头、3.1万只。")
    assert [m.indicator for m in found] == ["生猪出栏", "牛出栏", "羊出栏"]
    assert [(m.indicator, m.change) for m in run("小麦、玉米分别增产3%、5%。")] == [("小麦", True), ("玉米", True)]


def test_a_compound_before_fenbie_names_each_of_a_pair() -> None:
    # 城乡 → 城镇, 农村; 存贷款 → 存款, 贷款: the compound of a 分别 pair is shared out
    found = run("全县城乡居民人均可支配收入分别达到41200元、19800元,增长5.2%和7.1%。")
    assert [m.indicator for m in found] == ["城镇居民人均可支配收入", "农村居民人均可支配收入"] * 2
    found = run("金融机构存贷款余额达到310亿元、228亿元,分别增长9%、12%。")
    assert [m.indicator for m in found] == ["金融机构存款余额", "金融机构贷款余额"] * 2
    # one figure of each kind (a level and its growth) is no pair
    assert [m.indicator for m in run("城乡居民人均可支配收入3.1万元、增长6%,分别高于全省0.5个百分点。")][:2] == [
        "城乡居民人均可支配收入"] * 2


def test_a_doubling_by_one_times_and_segments_are_counts() -> None:
    found = run("一年来,全县旅游收入增长一倍,整治河道18段。")
    assert [(m.value, m.unit, m.change) for m in found] == [(1, "倍", True), (18, "段", False)]


def test_asides_beating_the_plan_and_years_running_are_no_words() -> None:
    assert indicators_of("新建农贸市场6个(其中标准化市场4个)。") == ["新建农贸市场", "标准化市场"]
    assert indicators_of("完成投资30亿元,占年度计划的115%,超额完成15个百分点。")[-1] == "完成投资占年度计划"
    assert indicators_of("粮食总产量连续5年稳定在30万吨以上。") == ["粮食总产量"]


def test_a_work_verb_opening_an_item_shares_no_modifier() -> None:
    assert indicators_of("完成棚户区改造800套,改造老旧小区18个。") == ["棚户区改造", "改造老旧小区"]


def test_every_item_of_a_share_list_takes_the_share() -> None:
    found = run("装备制造业、新材料产业和电子信息产业增加值占规上工业增加值比重分别达到18%、12%和9%。")
    assert [m.indicator for m in found] == [
        "装备制造业增加值占规上工业增加值比重", "新材料产业增加值占规上工业增加值比重", "电子信息产业增加值占规上工业增加值比重"]
    assert indicators_of("地区生产总值、一般公共预算收入占全省比重分别为2.5%、2.1%。") == [
        "地区生产总值占全省比重", "一般公共预算收入占全省比重"]


def test_a_small_chinese_count_after_the_thing_built_is_a_measure() -> None:
    found = run("一年来,全镇新建村级活动中心两个、改造提升卫生室四所。")
    assert [(m.value, m.unit, m.indicator) for m in found] == [
        (2, "个", "新建村级活动中心"), (4, "所", "改造提升卫生室")]
    assert run("坚持两个毫不动摇,用好“三张清单”。") == []


def test_a_total_investment_sum_belongs_to_the_projects_before() -> None:
    assert indicators_of("在建项目达到32个,总投资额58亿元,当年完成投资19亿元。") == [
        "在建项目", "在建项目总投资额", "在建项目完成投资"]


def test_a_pledge_inside_the_words_opens_the_indicator() -> None:
    assert indicators_of("扩大有效投资 力争固定资产投资增长12%以上。") == ["固定资产投资"]
    assert indicators_of("我国粮食产量稳定在1.3万亿斤以上。") == ["粮食产量"]


def test_one_character_items_of_town_and_country_are_spelt_out() -> None:
    found = run("城、乡居民人均可支配收入分别增长5%、7%。")
    assert [m.indicator for m in found] == ["城镇居民人均可支配收入", "农村居民人均可支配收入"]


def test_how_a_figure_is_counted_and_per_day_are_no_words() -> None:
    assert indicators_of("税收收入增长2%,剔除留抵退税因素完成6.1亿元。") == ["税收收入", "税收收入"]
    assert indicators_of("日处理能力达到每天1.2万吨。") == ["日处理能力"]


def test_per_head_keeps_its_jun() -> None:
    assert indicators_of("园区亩均税收达到18万元,人均突破12万元。")[-1] == "人均"


def test_pushes_weigh_less_than_a_result_s_own_words_where_no_section_says() -> None:
    found = run("会议期间获悉,全县着力稳增长、推进项目建设,完成地区生产总值156亿元,同比增长4.8%。\n")
    assert [m.kind for m in found] == ["achievement", "achievement"]


def test_batches_are_counted() -> None:
    found = run("一年来,抽检食品1800批次,举行项目集中开工活动4批次、开工项目37个。")
    assert [(m.value, m.unit, m.indicator) for m in found] == [
        (1800, "批次", "抽检食品"), (4, "批次", "举行项目集中开工活动"), (37, "个", "开工项目")]


def test_a_rate_opening_with_a_work_verb_still_shares_the_modifier() -> None:
    assert indicators_of("全年96个项目开工建设,开工率81%。")[1] == "项目开工率"


def test_the_roll_of_a_session_is_no_measure() -> None:
    assert run("大会应到代表198人,实到代表185人,符合法定人数。\n") == []
    assert [m.value for m in run("全年走访人大代表320人次。\n")] == [320]


def test_an_adverb_inside_the_words_is_no_word_of_the_indicator() -> None:
    assert indicators_of("纺织企业累计投产46户,9个安置点全部交付使用。") == ["纺织企业投产", "安置点交付使用"]


def test_the_other_half_of_a_pair_shares_the_modifier() -> None:
    assert indicators_of("金融机构存款余额520亿元、贷款余额388亿元。") == ["金融机构存款余额", "金融机构贷款余额"]


def test_how_money_was_brought_together_is_no_word() -> None:
    assert indicators_of("统筹整合涉农资金2.6亿元。") == ["整合涉农资金"]


def test_a_paragraph_on_a_year_before_the_plan_reports_results_whatever_its_to_year_says() -> None:
    text = ("本规划纲要是全县今后五年发展的蓝图。\n"
            "2030年,全县生产总值为200亿元,人均收入从2025年的3万元增长到2030年的4万元,年均增长6%。\n")
    done = run(text, metadata=Metadata(year=2031, period="2031-2035", doc_type="五年规划纲要"))
    assert [(m.value, m.kind) for m in done] == [
        (200, "achievement"), (3, "achievement"), (4, "achievement"), (6, "achievement")]
    planned = run(text, metadata=Metadata(year=2026, period="2026-2030", doc_type="五年规划纲要"))
    assert [m.kind for m in planned if m.value != 3] == ["target"] * 3  # 2030 is still to come in a 2026 plan


@pytest.mark.parametrize("text, kind", [
    ("《纲要》实施中期,全县新增企业12家。", "achievement"),  # the 要 of 纲要 says no "must"
    ("会议纪要显示,全县新增企业12家。", "achievement"),
    ("未来五年,全县新增企业100家。", "target"),  # the next five years are a plan's time
])
def test_document_names_say_no_must_and_the_next_five_years_are_planned(text, kind) -> None:
    assert only(text).kind == kind


def test_in_a_news_item_a_hedged_figure_of_a_year_before_the_planned_one_is_a_result() -> None:
    text = "县长指出,预计2030年全县生产总值增长5%左右,2031年全县生产总值增长6%左右。"
    assert [m.kind for m in run(text, metadata=Metadata(year=2031))] == ["achievement", "target"]
    assert [m.kind for m in run(text)] == ["target", "target"]  # no year known: both are hedged aims


# --- full-length provincial reports (wave 7): lists, capacities, definitions ---

@pytest.mark.parametrize("text, expected", [
    # a list of whole words before a head noun the last item ends with: each item takes the head
    ("小麦、玉米、马铃薯产量分别增长1.2%、2.5%、3.1%。", ["小麦产量", "玉米产量", "马铃薯产量"]),
    ("电子信息、生物医药产业营收分别增长12%、9%。", ["电子信息产业营收", "生物医药产业营收"]),
    ("先进制造业、现代服务业增加值分别增长8%、6%。", ["先进制造业增加值", "现代服务业增加值"]),
])
def test_list_items_share_the_head_noun(text, expected) -> None:
    assert indicators_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a power capacity closing its clause is a measure; before the plant it names, a class
    ("完成老旧风电机组技术改造86万千瓦。", [(86, "万千瓦", "=", False)]),
    ("建设滨河200兆瓦光伏发电项目。", []),
    # 近千亿元 ends an item of a list
    ("带动投资近千亿元、新增就业岗位2万个。", [(1000, "亿元", "~", False), (2, "万个", "=", False)]),
    # the bare 个 of a list takes the 个百分点 of its last number
    ("工业、服务业增速分别高于全省2.1个、0.8个百分点。", [(2.1, "个百分点", "=", False), (0.8, "个百分点", "=", False)]),
    # a floor then 的 and a kind of thing defines who qualifies
    ("农村敬老院覆盖5千人口以上的行政村。", []),
    ("对年营收500万元以上且纳税50万元以上的企业给予奖励。", []),
    # the years a term is extended by name a policy; a streak of quarters is no measure
    ("推动草原承包期再延长20年改革试点。", []),
    ("规上工业增加值增速连续8个季度高于全省平均水平。", []),
    # 压降 is a decrease
    ("清理整合融资平台，债务规模压降45.2%。", [(45.2, "%", "=", True)]),
    # computing power is written in P (PFlops)
    ("智算中心算力规模达到2.5万P。", [(2.5, "万P", "=", False)]),
    # the size of the field a top or bottom place is taken in
    ("三市全部退出全国168个重点城市空气质量“后二十位”。", []),
    ("3家企业进入全国前10名。", [(3, "家", "=", False)]),
    # a count after 在 is where, when the clause measures what is done there
    ("在12个县城和开发区新建充电桩5000个。", [(5000, "个", "=", False)]),
    ("全省有效应对8轮强寒潮天气。", [(8, "轮", "=", False)]),  # 强 after a classifier is no rank (500强)
    ("形成20万吨粮食应急储备能力。", [(20, "万吨", "=", False)]),
    ("遥感卫星增至36颗。", [(36, "颗", "=", False)]),
    ("土壤有机质含量提高到25克/千克。", [(25, "克/千克", "=", False)]),
    ("累计实施深松整地2.3亿亩次。", [(2.3, "亿亩次", "=", False)]),
    ("办事材料精简60%。", [(60, "%", "=", True)]),
    ("全省累计获得36枚奖牌、位列全国第5。", [(36, "枚", "=", False)]),
    ("森林覆盖率达到35%，近5年提升3个百分点。", [(35, "%", "=", False), (3, "个百分点", "=", True)]),
    ("全市地区生产总值连跨2个千亿级台阶。", []),  # thresholds crossed: a figure of speech
    ("每10万人口高等教育平均在校生增长27%。", [(27, "%", "=", True)]),  # 每10万: the base of a rate
    ("落实企业15%所得税优惠政策。", []),  # the rate names a tax policy
    ("规划设置20项指标，地区生产总值等5项指标未达预期。", []),  # counts of a plan's indicators
    ("种群恢复至5群36只。", [(5, "群", "=", False), (36, "只", "=", False)]),
    ("带动12万群众增收。", [(12, "万", "=", False)]),  # the 群 of 群众 is no classifier
    ("全年外送绿电120亿度。", [(120, "亿度", "=", False)]),  # a 度 is a kilowatt-hour
])
def test_full_report_quantities(text, expected) -> None:
    assert summary(run(text)) == expected


@pytest.mark.parametrize("text, expected", [
    # 较“十四五”时期 is the base of the change: the figures before it are what 分别 measures
    ("新建绿道120公里，改造供水管网3000公里，较“十四五”时期分别增长6%、12%。",
     ["新建绿道", "改造供水管网", "新建绿道", "改造供水管网"]),
    # 并网 is what is measured, not the conjunction 并
    ("新增光伏装机800万千瓦、并网600万千瓦。", ["新增光伏装机", "并网"]),
    # a figure's bare name (产量) owns no other measure after it; a thing named before it (煤层气) does
    ("加快增储上产，力争产量突破30亿立方米、投资超50亿元。", ["产量", "投资"]),
    ("力争煤层气产量突破30亿立方米、投资超50亿元。", ["煤层气产量", "煤层气投资"]),
    ("建设和美乡村80个，打造120个和美乡村。", ["和美乡村", "和美乡村"]),
    ("青稞、枸杞、中药材全产业链产值分别达到30亿元、40亿元、50亿元。",
     ["青稞全产业链产值", "枸杞全产业链产值", "中药材全产业链产值"]),
    ("国家级、部级重点实验室分别达到8家、26家。", ["国家级重点实验室", "部级重点实验室"]),
    ("营业收入较“十四五”末期增长40%。", ["营业收入"]),
    ("森林覆盖率达到35%，近5年提升3个百分点。", ["森林覆盖率", "森林覆盖率"]),
    ("规上工业企业营业收入、利润分别增长4%、7%。", ["规上工业企业营业收入", "规上工业企业利润"]),
    ("在9个县城和园区新建充电桩3000个。", ["县城和园区新建充电桩"]),
    # thresholds crossed are no words of the figure
    ("全市地区生产总值跨越2个千亿元台阶，达到1.2万亿元、增长15%。", ["地区生产总值", "地区生产总值"]),
])
def test_indicator_words_of_full_report_clauses(text, expected) -> None:
    assert indicators_of(text) == expected


def test_a_level_held_after_a_streak_is_a_measure_and_the_streak_is_none() -> None:
    assert summary(run("城区空气质量优良天数连续4年稳定在310天以上。")) == [(310, "天", ">=", False)]


def test_each_medal_of_a_tally_is_a_measure() -> None:
    assert summary(run("省代表团在本届运动会上获得12金、7银、3铜。")) == [
        (12, "金", "=", False), (7, "银", "=", False), (3, "铜", "=", False)]
    assert run("新引进4银行省级分行。") == []


@pytest.mark.parametrize("text", [
    "加快建设6米水深航道和80米口径天文望远镜。",
    "推进30亿立方米/年煤制气项目前期工作。",
])
def test_the_spec_in_the_name_of_a_thing_is_no_measure(text: str) -> None:
    assert run(text) == []


def test_a_depth_reached_and_a_capacity_built_stay_measures() -> None:
    assert summary(run("航道水深提升至6米，建成80万吨/年乙烯装置。")) == [
        (6, "米", "=", False), (80, "万吨/年", "=", False)]


@pytest.mark.parametrize("text, expected", [
    ("城乡居民收入比收窄至2.3∶1左右。", [(2.3, "", "~", False)]),
    ("城乡居民收入比缩小至2：1以内。", [(2, "", "<=", False)]),
    ("城乡居民收入比收窄到2.15。", [(2.15, "", "=", False)]),
])
def test_a_ratio_to_one_takes_the_comparator_after_it(text, expected) -> None:
    assert summary(run(text)) == expected
    assert indicators_of(text) == ["城乡居民收入比"]


@pytest.mark.parametrize("text, expected", [
    ("今年新落户千余家科技企业。", [(1000, "家", ">=", False)]),
    ("项目带动上百家配套企业集聚。", [(100, "家", ">=", False)]),
    ("全年举办百场招聘活动。", [(100, "场", "=", False)]),
    ("惠民政策走进千家万户。", []),
    ("营造百家争鸣的学术氛围。", []),
])
def test_a_round_count_without_digits(text, expected) -> None:
    assert summary(run(text)) == expected
    assert run("该市成为确诊患者超百例中首个实现清零的城市。") == []


def test_editions_held_are_counted_but_a_term_or_an_ordinal_is_not() -> None:
    assert summary(run("连续举办3届数字文旅博览会，成功举办两届青年创新大会。")) == [
        (3, "届", "=", False), (2, "届", "=", False)]
    assert run("市十六届人大二次会议审议通过，连续两届获评先进，第5届论坛开幕。") == []
    assert run("市委召开十二届五次全会。") == []


def test_a_band_along_a_river_bounds_an_area_and_measures_nothing() -> None:
    assert summary(run("腾退长江沿线1公里化工用地，搬迁沿江1公里范围内企业8家。")) == [(8, "家", "=", False)]
    assert summary(run("整治河道两岸25公里。")) == [(25, "公里", "=", False)]


def test_a_count_of_times_by_a_big_magnitude_is_a_measure() -> None:
    assert summary(run("短视频全网播放量突破百亿次。")) == [(100, "亿次", ">=", False)]
    assert run("推行一次性告知。") == []


def test_passing_a_bare_magnitude_is_a_floor() -> None:
    assert summary(run("全省外贸总额连续三年过万亿元。")) == [(1, "万亿元", ">=", False)]
    assert run("通过千兆光网实现全覆盖。") == []
    assert summary(run("计划招引15个以上过亿项目。")) == [(15, "个", ">=", False)]


def test_a_bare_magnitude_passed_at_the_end_of_a_clause_is_a_floor() -> None:
    assert summary(run("全县农业总产值首次过百亿，外贸额突破千万。")) == [
        (100, "亿", ">=", False), (1000, "万", ">=", False)]
    assert summary(run("人口过万的乡镇达到6个。")) == [(6, "个", "=", False)]
