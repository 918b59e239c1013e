"""The metadata stage on the real corpus and on small inline title pages."""
from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from luoshi.extract.numbers import to_chinese
from luoshi.model import Metadata, Source, Structure
from luoshi.normalise import normalise
from luoshi.read import read_path
from luoshi.structure import meta_text
from luoshi.structure.metadata import FIELDS, infer_metadata

SEEDS = "corpus/seeds"
DEV = "corpus/dev/zhumadian"


def _corpus(shared: Path, folder: str, prefix: str) -> Metadata:
    path = next((shared / folder).glob(f"{prefix}*.txt"))
    (source,) = read_path(path)
    return infer_metadata(source, normalise(source.text, source.repairs), Structure())


def _inline(text: str, meta: dict[str, str] | None = None, fmt: str = "txt") -> Metadata:
    source = Source(name="t.txt", path=None, sha256="x", format=fmt, encoding="utf-8", text=text, meta=meta or {})
    return infer_metadata(source, normalise(text), Structure())


# --- the corpus -------------------------------------------------------------------------

CORPUS = [
    # folder, file prefix, region, parent, level, code, year, doc_type, session, date, speaker
    (SEEDS, "000", "肇庆市", "广东省", "prefecture", "441200", None, "政府工作报告", None, None, None),
    (SEEDS, "001", "高要区", "肇庆市", "county", "441204", 2021, "五年规划纲要", "第十七届人民代表大会第七次会议",
     "2021-01-31", None),
    (SEEDS, "002", "连州市", "清远市", "county", "441882", 2023, "政府工作报告", "第十六届人民代表大会第三次会议",
     "2023-02-22", "戴少枚"),
    (SEEDS, "003", "江城区", "阳江市", "county", "441702", 2021, "政府工作报告", "第九届人民代表大会第一次会议",
     "2021-11-23", "梁小昌"),
    (SEEDS, "004", "四会市", "肇庆市", "county", "441284", None, None, None, None, None),
    (DEV, "zhumadian_2019", "驻马店市", "河南省", "prefecture", "411700", 2019, "政府工作报告",
     "第四届人民代表大会第四次会议", "2019-02-22", "朱是西"),
    (DEV, "zhumadian_2020", "驻马店市", "河南省", "prefecture", "411700", 2020, "政府工作报告",
     "第四届人民代表大会第六次会议", "2020-05-10", "朱是西"),
    (DEV, "zhumadian_2021", "驻马店市", "河南省", "prefecture", "411700", 2021, "政府工作报告",
     "第四届人民代表大会第七次会议", "2021-02-27", "朱是西"),
    (DEV, "zhumadian_2022", "驻马店市", "河南省", "prefecture", "411700", 2022, "政府工作报告",
     "第四届人民代表大会第九次会议", "2022-03-02", "李跃勇"),
    (DEV, "zhumadian_2023", "驻马店市", "河南省", "prefecture", "411700", 2023, "政府工作报告",
     "第五届人民代表大会第一次会议", "2023-01-04", "李跃勇"),
]


@pytest.mark.parametrize(
    ("folder", "prefix", "region", "parent", "level", "code", "year", "doc_type", "session", "date", "speaker"),
    CORPUS, ids=[c[1] for c in CORPUS],
)
def test_corpus_metadata(shared, folder, prefix, region, parent, level, code, year, doc_type, session, date,
                         speaker):
    got = _corpus(shared, folder, prefix)
    assert (got.region, got.parent_region, got.level, got.division_code) == (region, parent, level, code)
    assert (got.year, got.doc_type, got.session, got.date, got.speaker) == (year, doc_type, session, date, speaker)


@pytest.mark.parametrize(("folder", "prefix"), [(c[0], c[1]) for c in CORPUS], ids=[c[1] for c in CORPUS])
def test_every_missing_field_says_why_and_every_present_one_says_where_from(shared, folder, prefix):
    got = _corpus(shared, folder, prefix)
    for name in FIELDS:
        value = getattr(got, name)
        if value is None:
            assert got.unknown.get(name), f"{name} is None without a reason"
            assert name not in got.provenance
        else:
            assert name not in got.unknown
            assert got.provenance[name] in {"text", "header", "html", "column", "sidecar", "table", "inferred"}
        if got.provenance.get(name) == "inferred":
            assert got.notes.get(name), f"{name} inferred without saying how"


def test_untitled_excerpts_have_an_inferred_region_and_no_guessed_year(shared):
    for prefix in ("000", "004"):
        got = _corpus(shared, SEEDS, prefix)
        assert got.provenance["region"] == "inferred"
        assert "confidence" in got.notes["region"]
        assert got.provenance["division_code"] == "table"
        assert got.year is None and "no date" in got.unknown["year"]
        assert got.session is None and got.speaker is None


def test_seed_000_gets_a_composed_title_marked_as_an_excerpt(shared):
    got = _corpus(shared, SEEDS, "000")
    assert got.title == "肇庆市政府工作报告（节选）"
    assert 0 < got.title_confidence < 1
    assert got.provenance["title"] == got.provenance["doc_type"] == "inferred"


def test_plan_period_and_year_convention(shared):
    got = _corpus(shared, SEEDS, "001")
    assert got.period == "2021-2025"
    assert got.year == 2021 and "approved" in got.notes["year"]
    assert got.title.startswith("(广东省)肇庆市高要区国民经济和社会发展") and got.title_confidence == 1.0


def test_reports_have_no_period(shared):
    got = _corpus(shared, SEEDS, "002")
    assert got.period is None and "not a plan" in got.unknown["period"]


def test_publisher_title_preferred_to_a_bare_title_line(shared):
    got = _corpus(shared, DEV, "zhumadian_2019")
    assert got.title == "二O一九年政府工作报告" and got.provenance["title"] == "header"
    assert got.provenance["year"] == "text"  # the delivery date, not the scraper's 年份 line


# --- inline title pages ---------------------------------------------------------------------

REPORT = "政府工作报告\n——{date}在{place}第{term}届人民代表大会第{meeting}次会议上\n{speaker_line}\n各位代表：\n现在，我代表{gov}人民政府向大会报告工作。"


def _report(place: str, *, date="2024年1月15日", term="十七", meeting="四", speaker_line="区长 张三", gov="区",
            tail: str = "") -> str:
    return REPORT.format(date=date, place=place, term=term, meeting=meeting, speaker_line=speaker_line,
                         gov=gov) + tail


def test_a_chain_of_names_pins_the_unit():
    got = _inline(_report("北京市朝阳区"))
    assert (got.region, got.parent_region, got.division_code) == ("朝阳区", "北京市", "110105")


def test_a_title_line_with_a_leading_year():
    got = _inline("2024年连州市政府工作报告\n各位代表：\n现在，我代表市人民政府向大会报告工作。")
    assert (got.region, got.year, got.doc_type) == ("连州市", 2024, "政府工作报告")
    assert got.provenance["year"] == "text"



def test_a_site_category_before_the_title_is_no_part_of_it():
    got = _inline("[内蒙古] 2024年连州市政府工作报告\n各位代表：\n现在，我代表市人民政府向大会报告工作。")
    assert (got.title, got.year) == ("2024年连州市政府工作报告", 2024)


@pytest.mark.parametrize(
    ("line", "region", "code"),
    [
        ("(广东省)肇庆市高要区国民经济和社会发展十四五规划", "高要区", "441204"),
        ("2024年示例县政府工作报告", "示例县", None),
        ("示例市2024年政府工作报告", "示例市", None),
        ("关于我市政府工作报告的说明", None, None),
    ],
)
def test_the_place_a_title_line_starts_with(line, region, code):
    got = _inline(line + "\n")
    assert (got.region, got.division_code) == (region, code)


def test_a_shared_name_without_context_stays_ambiguous_and_says_so():
    got = _inline(_report("朝阳区"))
    assert got.region == "朝阳区" and got.level == "county"
    assert got.division_code is None and got.parent_region is None
    assert "110105" in got.unknown["division_code"] and "220104" in got.unknown["division_code"]


def test_a_shared_name_is_settled_by_parent_and_neighbour_mentions():
    got = _inline(_report("朝阳区", tail="在长春市委的坚强领导下，南关区、宽城区协同发展。"))
    assert (got.division_code, got.parent_region) == ("220104", "长春市")
    assert "chosen by mentions" in got.notes["region"]


def test_a_province_has_no_parent_and_says_so():
    got = _inline(_report("广东省", term="十四", meeting="二", speaker_line="广东省省长 王伟中", gov="省"))
    assert (got.region, got.level, got.division_code, got.speaker) == ("广东省", "province", "440000", "王伟中")
    assert got.parent_region is None and "province" in got.unknown["parent_region"]


def test_autonomous_prefecture_with_chinese_numeral_date():
    got = _inline(_report("凉山彝族自治州", date="二〇二三年二月十日", speaker_line="州长 某某某", gov="州"))
    assert (got.region, got.level, got.division_code) == ("凉山彝族自治州", "prefecture", "513400")
    assert (got.date, got.year, got.speaker) == ("2023-02-10", 2023, "某某某")


def test_traditional_script_title_page_broken_over_lines():
    text = "政 府 工 作 報 告\n——2023年1月6日在廣州市第十六屆\n人民代表大會第三次會議上\n廣州市市長 郭永航\n各位代表："
    got = _inline(text)
    assert (got.region, got.division_code, got.session, got.speaker) == (
        "广州市", "440100", "第十六届人民代表大会第三次会议", "郭永航")


def test_a_former_name_is_kept_as_written_with_its_successor_explained():
    got = _inline(_report("偃师市", date="2020年1月8日", term="十", meeting="五", speaker_line="市长 王五", gov="市"))
    assert (got.region, got.parent_region, got.level) == ("偃师市", "洛阳市", "county")
    assert got.division_code is None and "410307" in got.unknown["division_code"]


def test_a_place_outside_the_table_is_reported_as_written():
    got = _inline(_report("示例县", speaker_line="县长 张三", gov="县"))
    assert got.region == "示例县" and got.provenance["region"] == "text"
    assert got.level == "county" and got.provenance["level"] == "inferred"
    assert got.division_code is None and "not in the division table" in got.unknown["division_code"]


def test_short_session_form_and_approval_line_of_a_plan():
    text = ("某某县国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要\n"
            "（2021年2月1日县十七届人大六次会议审议批准）\n前言\n本规划是全县人民的行动纲领。")
    got = _inline(text)
    assert (got.session, got.date, got.year, got.period) == (
        "第十七届人民代表大会第六次会议", "2021-02-01", 2021, "2021-2025")
    assert got.doc_type == "五年规划纲要"


def test_a_plan_without_approval_date_takes_its_first_year_as_inferred():
    got = _inline("某某县国民经济和社会发展第十三个五年规划纲要\n前言\n本规划期为2016—2020年。")
    assert (got.period, got.year) == ("2016-2020", 2016)
    assert got.provenance["year"] == "inferred"


@pytest.mark.parametrize(
    ("title", "doc_type", "period"),
    [
        ("连州市“十四五”交通运输发展规划", "专项规划", "2021-2025"),
        ("连州市交通运输发展规划（2021—2025年）", "专项规划", "2021-2025"),
        ("连州市国民经济和社会发展第十三个五年规划纲要", "五年规划纲要", "2016-2020"),
        ("连州市国民经济和社会发展第十一个五年规划纲要", "五年规划纲要", "2006-2010"),
        ("连州市2022年国民经济和社会发展计划执行情况与2023年计划草案的报告", "国民经济和社会发展计划报告", None),
    ],
)
def test_plan_types_and_periods_from_the_title(title, doc_type, period):
    got = _inline(title + "\n前言\n")
    assert (got.doc_type, got.period) == (doc_type, period)


def test_earlier_sessions_cited_in_the_body_are_not_this_documents():
    got = _inline("一、2018年工作回顾\n全市上下较好完成了市四届人大三次会议确定的各项目标任务，经济平稳增长。")
    assert got.session is None
    assert got.doc_type is None


def test_a_report_year_from_its_dated_headings_is_inferred():
    text = "各位代表：\n现在，我代表市人民政府向大会报告工作，请予审议。\n一、2022年工作回顾\n全市经济稳步增长。"
    got = _inline(text)
    assert got.year == 2023 and got.provenance["year"] == "inferred"
    assert "2022年工作回顾" in got.notes["year"]


def test_a_deputy_is_not_the_speaker():
    got = _inline(_report("连州市", speaker_line="副市长 李四", gov="市"))
    assert got.speaker is None and got.unknown["speaker"]


def test_common_words_are_not_taken_for_places():
    text = ("全面推进乡村振兴，深化区域合作，培育新兴产业。" * 5
            + "全市上下同心协力，清远市委部署有力，连州发展提速，连州文旅融合，连州城区扩容。")
    got = _inline(text)
    assert got.region == "连州市"
    assert got.provenance["region"] == "inferred"


def test_no_dominant_place_leaves_the_region_unknown():
    got = _inline("全市经济稳中向好。广州、深圳、佛山、东莞协同发展。")
    assert got.region is None and got.division_code is None
    assert got.unknown["region"]


# --- Source.meta -------------------------------------------------------------------------------


def test_a_sidecar_overrides_the_text_and_the_conflict_is_noted():
    got = _inline(_report("连州市", speaker_line="市长 某某", gov="市"), {"region": "四会市", "year": "2025"})
    assert (got.region, got.parent_region, got.division_code) == ("四会市", "肇庆市", "441284")
    assert got.provenance["region"] == "sidecar" and got.provenance["division_code"] == "table"
    assert got.year == 2025 and got.provenance["year"] == "sidecar"
    assert "连州市" in got.notes["region"]


def test_table_columns_under_chinese_names_with_a_province_to_disambiguate():
    got = _inline("各位代表：现在，我代表区人民政府向大会报告工作。", {"地区": "朝阳区", "年份": "2022", "省份": "吉林省"},
                  fmt="csv")
    assert (got.region, got.division_code, got.year) == ("朝阳区", "220104", 2022)
    assert got.provenance["region"] == got.provenance["year"] == "column"
    assert got.title == "朝阳区2022年政府工作报告" and got.title_confidence < 1  # composed, not stated


def test_a_division_code_alone_gives_the_region():
    got = _inline("全市经济稳中向好。", {"division_code": "441882"})
    assert (got.region, got.parent_region, got.level) == ("连州市", "清远市", "county")
    assert got.provenance["division_code"] == "sidecar" and got.provenance["region"] == "table"


def test_a_page_date_does_not_override_the_delivery_date():
    text = _report("连州市", speaker_line="市长 某某", gov="市")
    got = _inline(text, {"title": "连州市2024年政府工作报告", "publish_date": "2024-01-20"}, fmt="html")
    assert got.date == "2024-01-15"
    assert got.title == "连州市2024年政府工作报告" and got.provenance["title"] == "html"


def test_a_page_title_without_its_site_name_names_region_and_year():
    got = _inline("各位代表：\n现在，我代表市人民政府向大会报告工作。",
                  {"title": "连州市2023年政府工作报告_连州市人民政府网"}, fmt="html")
    assert got.title == "连州市2023年政府工作报告"
    assert (got.region, got.year, got.division_code) == ("连州市", 2023, "441882")
    assert got.provenance["region"] == got.provenance["year"] == "html"


def test_a_sidecar_region_outside_the_table_keeps_its_own_parent_and_level():
    got = _inline("各位代表：", {"region": "示例市", "parent_region": "示范省", "level": "prefecture"})
    assert (got.region, got.parent_region, got.level) == ("示例市", "示范省", "prefecture")
    assert got.division_code is None and "not in the division table" in got.unknown["division_code"]


# --- parsers ---------------------------------------------------------------------------------------


@given(st.dates(min_value=datetime.date(1950, 1, 1), max_value=datetime.date(2099, 12, 31)))
def test_iso_date_reads_arabic_and_chinese_numerals(day):
    arabic = f"{day.year}年{day.month}月{day.day}日"
    digits = "〇一二三四五六七八九"
    chinese = "".join(digits[int(c)] for c in str(day.year)) + f"年{to_chinese(day.month)}月{to_chinese(day.day)}日"
    assert meta_text.iso_date(arabic) == meta_text.iso_date(chinese) == day.isoformat()


@given(st.integers(min_value=1, max_value=30), st.integers(min_value=1, max_value=12))
def test_session_ordinals_read_the_same_in_both_numeral_systems(term, meeting):
    arabic, _ = meta_text.session_and_date([f"在某市第{term}届人民代表大会第{meeting}次会议上"])
    chinese, _ = meta_text.session_and_date([f"在某市第{to_chinese(term)}届人民代表大会第{to_chinese(meeting)}次会议上"])
    assert arabic.value == chinese.value == f"第{to_chinese(term)}届人民代表大会第{to_chinese(meeting)}次会议"


def test_iso_date_rejects_impossible_dates():
    assert meta_text.iso_date("2023年13月2日") is None
    assert meta_text.iso_date("2023年2月29日") is None


def test_recorded_origin_of_a_hint_decides_its_weight():
    """A web page's publish date is a weak hint; the same key from a sidecar overrides the text."""
    text = "政府工作报告\n——2024年1月15日在示例区第十七届人民代表大会第四次会议上\n区长 张三\n各位代表:"
    base = dict(name="t.html", path=None, sha256="x", format="html", encoding="utf-8", text=text)
    html = Source(**base, meta={"date": "2024-02-01"}, meta_origin={"date": "html"})
    sidecar = Source(**base, meta={"date": "2024-02-01"}, meta_origin={"date": "sidecar"})
    from_html = infer_metadata(html, normalise(text, ()), Structure())
    from_sidecar = infer_metadata(sidecar, normalise(text, ()), Structure())
    assert (from_html.date, from_html.provenance["date"]) == ("2024-01-15", "text")
    assert (from_sidecar.date, from_sidecar.provenance["date"]) == ("2024-02-01", "sidecar")


def test_a_notice_above_the_report_gives_neither_title_nor_date():
    """A 印发通知 signs with its own date; the report's title and delivery date are below it."""
    meta = _inline(
        "某县人民政府\n关于印发政府工作报告的通知\n各乡镇人民政府:\n"
        "《政府工作报告》已经县五届人民代表大会第二次会议审议通过,现印发给你们。\n"
        "某县人民政府\n2031年2月9日\n(此件公开发布)\n政府工作报告\n"
        "——2031年1月14日在某县第五届人民代表大会\n第二次会议上\n县长 王五\n各位代表:\n现在,我代表县人民政府向大会报告工作。\n"
    )
    assert meta.title == "政府工作报告"
    assert meta.date == "2031-01-14" and meta.year == 2031
    assert meta.session == "第五届人民代表大会第二次会议"


def test_a_table_of_contents_is_not_part_of_the_title():
    meta = _inline("一、2030年工作回顾\n二、2031年主要任务\n(一)做强农业\n三、政府自身建设\n2031年某县政府工作报告\n"
                   "各位代表:\n现在,我代表县人民政府向大会报告工作。\n")
    assert meta.title == "2031年某县政府工作报告"


def test_a_banner_with_a_comma_is_not_part_of_the_title():
    meta = _inline("关注我们,加入讨论\n某县政府工作报告\n各位代表:\n现在,我代表县人民政府向大会报告工作。\n")
    assert meta.title == "某县政府工作报告"


@pytest.mark.parametrize("page_title", [
    "2031年政府工作报告-某旗人民政府", "2031年政府工作报告--要闻频道--某某网", "2031年政府工作报告 - 某某网",
])
def test_a_page_title_loses_its_site_name_after_any_dash(page_title):
    meta = _inline("各位代表:\n现在,我代表旗人民政府向大会报告工作。\n", {"title": page_title}, fmt="html")
    assert meta.title == "2031年政府工作报告"


def test_a_dash_between_years_is_not_a_title_separator():
    meta = _inline("前言\n正文。\n", {"title": "某县国民经济和社会发展规划(2031-2035年)"}, fmt="html")
    assert meta.title == "某县国民经济和社会发展规划(2031-2035年)"


def test_an_untitled_excerpt_is_dated_by_its_review_or_plan_heading():
    review = _inline("一、2030年工作回顾\n一年来,全县生产总值增长5%。\n")
    plan = _inline("二、2031年目标任务和重点工作\n建议2031年全县生产总值增长6%。\n")
    assert (review.year, plan.year) == (2031, 2031)
    assert review.provenance["year"] == "inferred"


def test_a_bracketed_date_under_the_title_is_the_delivery_date():
    meta = _inline("政府工作报告\n——在某旗第九届人民代表大会第二次会议上\n(2031年3月12日)\n旗长 赵六\n各位代表:\n现在,我代表旗人民政府向大会报告工作。\n")
    assert (meta.date, meta.year) == ("2031-03-12", 2031)


def test_a_bare_date_line_of_a_notice_is_not_the_delivery_date():
    meta = _inline("某县人民政府\n2031年2月9日\n政府工作报告\n各位代表:\n现在,我代表县人民政府向大会报告工作。\n")
    assert meta.date is None


@pytest.mark.parametrize(
    ("title", "year"),
    [
        ("宁陕县2031年国民经济和社会发展计划", 2031),
        ("关于宁陕县2030年国民经济和社会发展计划执行情况与2031年计划草案的报告", 2031),
        ("宁陕县2031年上半年国民经济和社会发展计划执行情况的报告", 2031),
        ("宁陕县2030年国民经济和社会发展计划执行情况与2031年国民经济和社会发展计划草案", 2031),
    ],
)
def test_a_plan_report_is_of_the_year_it_plans_and_its_place_may_stand_before_that_year(title, year):
    got = _inline(f"{title}\n一、总体要求\n坚持稳中求进。\n")
    assert (got.doc_type, got.year) == ("国民经济和社会发展计划报告", year)
    assert (got.region, got.parent_region, got.division_code) == ("宁陕县", "安康市", "610923")


def test_a_dated_work_plan_heading_dates_an_untitled_excerpt():
    got = _inline("一、2030年工作完成情况\n修通道路12公里。\n二、2031年工作计划\n新建公厕9座。\n")
    assert got.year == 2031 and got.provenance["year"] == "inferred"


def test_a_report_made_to_the_congress_is_a_work_report_by_its_cues():
    got = _inline("各位代表:\n现在,我代表旗人民政府向大会作报告,请各位代表连同规划草案一并审议。\n一、过去五年工作回顾\n")
    assert got.doc_type == "政府工作报告" and got.provenance["doc_type"] == "inferred"
