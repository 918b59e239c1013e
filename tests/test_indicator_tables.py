"""Indicator tables: the cells of a 主要指标 / 主要预期目标 table as measures and headline targets.

Every table here is invented (no real place). Each format the read stage
writes a table in is covered end to end: DOCX (cells joined by tabs), HTML
through trafilatura (`` | ``) and a plain-text copy (runs of spaces).
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import luoshi
from luoshi.extract.indicator_tables import find_tables, merge_measures
from luoshi.model import Measure, Metadata, Source, Span, Structure
from luoshi.normalise import normalise
from luoshi.pipeline import process

PLAN_HEAD = "某某县国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要\n"
PLAN_ROWS = [
    ["类别", "指标", "2020年", "2025年", "年均增长(%)", "属性"],
    ["经济发展", "地区生产总值（亿元）", "1000", "1400", "7左右", "预期性"],
    ["", "研发经费投入强度（%）", "2.1", "2.8", "[0.7]", "预期性"],
    ["民生福祉", "城镇调查失业率（%）", "5.2", "<5.5", "—", "预期性"],
    ["", "居民人均可支配收入增长（%）", "6.1", "—", "与经济增长同步", "预期性"],
    ["绿色生态", "单位地区生产总值能源消耗降低（%）", "—", "—", "〔14〕", "约束性"],
    ["", "森林覆盖率（%）", "60.2", "持续提高", "—", "约束性"],
    ["", "全社会研发经费投入增长（%）", "—", "—", ">7、力争高于上期实际", "预期性"],
]


def _source(text: str, name: str = "t.txt") -> Source:
    return Source(name=name, path=None, sha256="", format="txt", encoding="utf-8", text=text)


def _cells(doc) -> dict[str, Measure]:
    """The table measures by their quoted cell."""
    return {doc.quote(m.span): m for m in doc.measures}


def _cells_by_name(doc) -> dict[tuple[str, str], Measure]:
    """The table measures by their quoted cell and indicator (a figure may stand in several rows)."""
    return {(doc.quote(m.span), m.indicator): m for m in doc.measures}


def _plan_docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph(PLAN_HEAD.strip())
    document.add_paragraph("第二章　主要目标")
    document.add_paragraph("表1　“十四五”时期经济社会发展主要指标")
    table = document.add_table(rows=len(PLAN_ROWS), cols=len(PLAN_ROWS[0]))
    for row, values in zip(table.rows, PLAN_ROWS):
        for cell, value in zip(row.cells, values):
            cell.text = value
    table.cell(1, 0).merge(table.cell(2, 0))  # a merged category cell
    document.add_paragraph("注：〔〕内为五年累计数。")
    document.add_paragraph("第三章　坚持创新驱动发展")
    document.add_paragraph("到2025年，全县高新技术企业达到50家。")
    document.save(path)
    return path


def test_docx_table_through_the_whole_pipeline(tmp_path):
    doc = luoshi.read(_plan_docx(tmp_path / "plan.docx"))
    assert doc.metadata.period == "2021-2025"
    cells = _cells(doc)
    for m in doc.measures:  # every span quotes the source's own cell (or the prose clause)
        assert doc.source.text[m.span.start:m.span.end] == doc.quote(m.span)
    gdp = cells["1400"]
    assert (gdp.kind, gdp.indicator, gdp.value, gdp.unit, gdp.comparator, gdp.change, gdp.period) == (
        "target", "地区生产总值", 1400, "亿元", "=", False, "2025")
    base = cells["1000"]
    assert (base.kind, base.period, base.unit) == ("achievement", "2020", "亿元")
    growth = cells["7左右"]
    assert (growth.kind, growth.value, growth.unit, growth.comparator, growth.change, growth.period) == (
        "target", 7, "%", "~", True, "十四五")
    assert (cells["<5.5"].comparator, cells["<5.5"].value, cells["<5.5"].indicator) == ("<=", 5.5, "城镇调查失业率")
    energy = cells["〔14〕"]
    assert (energy.change, energy.period, energy.direction, energy.unit) == (True, "十四五", "down", "%")
    assert cells["6.1"].change and cells["6.1"].kind == "achievement"  # …增长(%): a change by its name
    assert "持续提高" not in cells and "与经济增长同步" not in cells and "—" not in cells
    assert cells["2.8"].section is not None
    assert (cells[">7"].value, cells[">7"].comparator, cells[">7"].change) == (7, ">=", True)  # words after it
    # the prose after the table is still read
    assert any(m.indicator_simplified.endswith("高新技术企业") and m.value == 50 for m in doc.measures)
    # the measures stay in text order
    assert [m.span.start for m in doc.measures] == sorted(m.span.start for m in doc.measures)
    rows = {(t.indicator, t.value, t.unit, t.comparator, t.period) for t in doc.targets}
    assert rows == {
        ("gdp_level", 1400, "亿元", "=", "2025"),
        ("gdp_growth", 7, "%", "~", "2025"),
        ("rd_intensity", 2.8, "%", "=", "2025"),
        ("surveyed_unemployment", 5.5, "%", "<=", "2025"),
        ("energy_intensity", 14, "%", "=", "2025"),
    }
    for t in doc.targets:
        assert doc.quote(t.span) in cells


def _spaced(rows: list[list[str]], sep: str = "    ") -> str:
    """A plain-text copy: cells separated by runs of spaces, a merged category cell left out."""
    return "\n".join(sep.join(c for c in row if c) for row in rows)


def test_txt_table_with_space_separators(tmp_path):
    text = PLAN_HEAD + "专栏1　“十四五”时期经济社会发展主要指标\n" + _spaced(PLAN_ROWS) + "\n第三章　创新驱动\n"
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    doc = luoshi.read(path)
    cells = _cells(doc)
    assert {q for q, m in cells.items()} >= {"1000", "1400", "7左右", "2.1", "2.8", "[0.7]", "5.2", "<5.5", "6.1",
                                              "〔14〕", "60.2"}
    assert cells["2.8"].indicator == "研发经费投入强度" and cells["2.8"].period == "2025"
    assert cells["60.2"].indicator == "森林覆盖率" and cells["60.2"].kind == "achievement"
    assert cells["[0.7]"].change and cells["[0.7]"].period == "十四五"
    assert ("gdp_level", 1400) in {(t.indicator, t.value) for t in doc.targets}


def test_txt_table_ends_before_the_next_paragraph():
    text = (PLAN_HEAD + "主要指标\n" + _spaced(PLAN_ROWS[:3]) + "\n第三章　创新驱动\n"
            "　　2023年　全县高新技术企业达到30家。\n")
    doc = process(_source(text))
    assert any(m.value == 30 and m.unit == "家" for m in doc.measures)  # the prose figure stays


def test_txt_table_with_ideographic_spaces_and_full_width_figures():
    rows = [["指标", "２０２０年", "２０２５年", "属性"],
            ["地区生产总值（亿元）", "１０００", "１５００以上", "预期性"]]
    text = PLAN_HEAD + "\n".join("\u3000\u3000".join(r) for r in rows)
    doc = process(_source(text))
    cells = _cells(doc)
    assert cells["１５００以上"].value == 1500 and cells["１５００以上"].comparator == ">="
    assert cells["１０００"].kind == "achievement"


def test_html_table_through_trafilatura(tmp_path):
    body = "".join(
        "<tr>" + "".join(f"<td>{c}</td>" for c in row if c or i == 0) + "</tr>" if row[0] else
        "<tr>" + "".join(f"<td>{c}</td>" for c in row[1:]) + "</tr>"
        for i, row in enumerate(PLAN_ROWS)
    )
    body = body.replace("<td>经济发展</td>", '<td rowspan="2">经济发展</td>', 1)
    prose = "这是一段足够长的正文，说明规划的主要目标和指标，让网页正文抽取器把它当作文章正文。" * 3
    page = (f"<html><head><title>{PLAN_HEAD.strip()}</title></head><body><article><h1>{PLAN_HEAD.strip()}</h1>"
            f"<p>{prose}</p><p>“十四五”时期经济社会发展主要指标</p><table>{body}</table><p>{prose}</p>"
            "</article></body></html>")
    path = tmp_path / "plan.html"
    path.write_text(page, encoding="utf-8")
    doc = luoshi.read(path)
    assert " | " in doc.source.text  # trafilatura's table rows
    cells = _cells(doc)
    assert cells["1400"].indicator == "地区生产总值" and cells["1400"].kind == "target"
    assert cells["2.8"].indicator == "研发经费投入强度"  # under a rowspan: an empty first cell
    assert ("rd_intensity", 2.8) in {(t.indicator, t.value) for t in doc.targets}


def test_report_table_target_and_completed_columns():
    text = ("某某市2024年政府工作报告\n"
            "2024年全市经济社会发展主要预期目标表\n"
            "指标\t单位\t2023年完成\t增长(%)\t2024年目标\t增长(%)\n"
            "地区生产总值\t亿元\t520\t5.2\t550左右\t6以上\n"
            "一般公共预算收入\t亿元\t31.5\t4.1\t—\t5\n"
            "城镇新增就业\t万人\t1.2\t—\t1.2以上\t—\n"
            "一、2023年工作回顾\n")
    doc = process(_source(text))
    cells = _cells(doc)
    assert (cells["520"].kind, cells["520"].period, cells["520"].unit) == ("achievement", "2023", "亿元")
    assert (cells["5.2"].kind, cells["5.2"].period, cells["5.2"].change, cells["5.2"].unit) == (
        "achievement", "2023", True, "%")
    assert (cells["6以上"].kind, cells["6以上"].period, cells["6以上"].comparator) == ("target", "2024", ">=")
    assert cells["1.2以上"].unit == "万人"
    rows = {(t.indicator, t.value, t.unit, t.comparator, t.period) for t in doc.targets}
    assert ("gdp_growth", 6, "%", ">=", "2024") in rows
    assert ("budget_revenue_growth", 5, "%", "=", "2024") in rows
    assert ("new_urban_jobs", 1.2, "万人", ">=", "2024") in rows
    assert not any(t.period != "2024" for t in doc.targets)


def test_a_table_that_is_not_the_main_one_gives_no_headline_rows():
    text = (PLAN_HEAD + "专栏5　交通建设重点项目完成情况\n"
            "项目\t单位\t2020年\t2025年\n"
            "地区生产总值\t亿元\t100\t150\n")
    doc = process(_source(text))
    assert "150" in _cells(doc)
    assert not doc.targets


def test_row_cells_align_when_a_row_leaves_cells_out():
    text = (PLAN_HEAD + "“十三五”生态环境保护主要指标\n"
            "| 指标 | 2015年 | 2020年 | 〔累计〕 | 属性 |\n"
            "| 空气质量 | 优良天数比率(%) | 76.7 | >80 | - | 约束性 |\n"
            "| 细颗粒物浓度下降(%) | - | - | 〔18〕 | 约束性 |\n"
            "| 水功能区水质达标率(%) | 70.8 | >80 | 预期性 |\n")
    doc = process(_source(text))
    cells = _cells_by_name(doc)
    assert cells[("76.7", "优良天数比率")].period == "2015"
    assert cells[(">80", "优良天数比率")].period == "2020"
    assert cells[("〔18〕", "细颗粒物浓度下降")].change
    assert cells[("70.8", "水功能区水质达标率")].period == "2015"  # the empty 累计 cell left out
    assert cells[(">80", "水功能区水质达标率")].comparator == ">="


def test_group_rows_and_blank_lines_inside_a_table():
    text = (PLAN_HEAD + "主要指标\n"
            "指标\t2020年\t2025年\t属性\n"
            "经济发展\n"
            "地区生产总值（亿元）\t800\t1100\t预期性\n"
            "\n"
            "社会民生\n"
            "人均预期寿命（岁）\t78.1\t79\t预期性\n"
            "以上指标为规划的主要指标。\n")
    doc = process(_source(text))
    cells = _cells(doc)
    assert cells["79"].unit == "岁" and cells["79"].indicator == "人均预期寿命"
    assert cells["1100"].indicator == "地区生产总值"


def test_a_row_naming_two_indicators_gives_each_its_figure_of_the_cell():
    text = (PLAN_HEAD + "主要指标\n"
            "指标\t2020年\t2025年\t属性\n"
            "城镇调查失业率/城镇登记失业率（%）\t5.1/3.2\t<5.5/<4.5\t预期性\n"
            "常住人口城镇化率（户籍人口城镇化率）（%）\t58（41）\t65（50）\t预期性\n"
            "森林覆盖率（%）\t60.6(1)\t62\t约束性\n"
            "注：(1)为2019年数据。\n")
    doc = process(_source(text))
    cells = _cells_by_name(doc)
    assert cells[("<5.5", "城镇调查失业率")].comparator == "<="
    assert (cells[("<4.5", "城镇登记失业率")].value, cells[("<4.5", "城镇登记失业率")].unit) == (4.5, "%")
    assert cells[("3.2", "城镇登记失业率")].kind == "achievement"
    assert cells[("50", "户籍人口城镇化率")].value == 50 and cells[("65", "常住人口城镇化率")].kind == "target"
    # a note mark after a figure of a row with one name stays a note mark
    forest = [m for m in doc.measures if m.indicator == "森林覆盖率"]
    assert sorted(m.value for m in forest) == [60.6, 62]


def test_a_pdf_copy_with_one_space_between_cells_is_read_as_a_table():
    text = (PLAN_HEAD + "表1 “十四五”时期主要指标\n"
            "指标 单位 2020年 2025年 年均增长 属性\n"
            "地区生产总值 亿元 1000 1400 7 左右 预期性\n"
            "城镇调查失业率 % 5.2 <5.5 — 预期性\n"
            "森林覆盖率 （%） 60.2 62 — 约束性\n"
            "到 2025 年，全县地区生产总值 达到 1400 亿元。\n")
    doc = process(_source(text))
    cells = _cells_by_name(doc)
    growth = cells[("7 左右", "地区生产总值")]
    assert (growth.value, growth.unit, growth.comparator, growth.change) == (7, "%", "~", True)
    assert (cells[("<5.5", "城镇调查失业率")].unit, cells[("<5.5", "城镇调查失业率")].kind) == ("%", "target")
    assert cells[("60.2", "森林覆盖率")].kind == "achievement" and cells[("62", "森林覆盖率")].unit == "%"
    assert [t.span for t in find_tables(_source(text), normalise(text), Structure(), Metadata())][0].end \
        < text.index("到 2025 年")  # the prose after the table is no row


def test_prose_of_a_pdf_copy_with_spaced_years_is_no_table():
    text = ("2023 年 全县 地区生产总值 增长 5.2 %\n"
            "指标 2024 年 2025 年 的 安排 如下\n"
            "地区生产总值 1000 1100\n")
    assert find_tables(_source(text), normalise(text), Structure(), Metadata(year=2024)) == ()


def test_a_document_without_tables_costs_one_scan():
    text = "2023年，全市地区生产总值增长5.2%。\n2024年  全市地区生产总值增长6%左右。\n"
    norm = normalise(text)
    assert find_tables(_source(text), norm, Structure(), Metadata()) == ()


def test_prose_lines_with_years_are_no_header():
    text = ("过去五年，我们坚持稳中求进。\n"
            "　　2020年　　全市地区生产总值突破1000亿元，比2015年增长40%。\n"
            "表1　2021年|2022年|完成情况\n")
    norm = normalise(text)
    assert find_tables(_source(text), norm, Structure(), Metadata(year=2024)) == ()


def test_merge_keeps_prose_outside_and_replaces_it_inside_a_table():
    text = PLAN_HEAD + "指标\t2020年\t2025年\t属性\n城镇化率（%）\t60\t65%\t预期性\n全县人口增长2%。\n"
    doc = process(_source(text))
    quotes = [doc.quote(m.span) for m in doc.measures]
    assert quotes.count("65%") == 1 and "60" in quotes
    assert any(q.endswith("2%") for q in quotes)
    prose = (Measure(Span(0, 3), "target", "x", "x", 1, "", "=", False, None, 0.5),)
    assert merge_measures(prose, ()) is prose


_COMPARATORS = {"": "=", "以上": ">=", "左右": "~", "以内": "<="}


@st.composite
def _tables(draw):
    n_rows = draw(st.integers(1, 5))
    sep = draw(st.sampled_from(["\t", "   ", " | "]))
    rows = []
    for i in range(n_rows):
        name = "指标" + "甲乙丙丁戊"[i] + draw(st.sampled_from(["（亿元）", "（%）", "（万人）", ""]))
        cells = []
        for _ in range(2):
            if draw(st.booleans()):
                value = draw(st.decimals(min_value=0, max_value=99999, places=draw(st.integers(0, 2)),
                                         allow_nan=False, allow_infinity=False))
                word = draw(st.sampled_from(list(_COMPARATORS)))
                bracket = draw(st.sampled_from(["", "[]", "〔〕"])) if not word else ""
                cells.append(f"{bracket[:1]}{value}{bracket[1:]}{word}")
            else:
                cells.append(draw(st.sampled_from(["—", "持续下降", "完成上级下达任务"])))
        rows.append([name, *cells, "预期性"])
    return sep, rows


def _row(sep: str, cells: list[str]) -> str:
    return ("| " + " | ".join(cells) + " |") if sep == " | " else sep.join(cells)


@settings(max_examples=60, deadline=None)
@given(_tables())
def test_property_every_table_span_slices_its_figure(table):
    sep, rows = table
    lines = [_row(sep, ["指标", "2020年", "2025年", "属性"])] + [_row(sep, r) for r in rows]
    text = PLAN_HEAD + "主要指标\n" + "\n".join(lines) + "\n"
    doc = process(_source(text))
    expected = sum(1 for r in rows for c in r[1:3] if re.search(r"\d", c))
    cells = [m for m in doc.measures if m.period in ("2020", "2025", "十四五")]
    assert len(cells) == expected
    for m in cells:
        quote = doc.source.text[m.span.start:m.span.end]
        number = re.search(r"\d+(?:\.\d+)?", quote).group()
        assert float(number) == pytest.approx(m.value)
        assert quote.strip(" \t|") == quote and quote.rstrip("以上左右内").strip("[]〔〕") == number
        assert m.comparator == _COMPARATORS[next((w for w in _COMPARATORS if w and quote.endswith(w)), "")]


def test_docx_cells_of_several_paragraphs(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("某某区国民经济和社会发展第十四个五年规划纲要")
    document.add_paragraph("主要指标表")
    rows = [["序号", "指标", "2020年\n（基数）", "2025年\n（目标）", "年均增长\n（%）", "属性"],
            ["1", "地区生产总值\n（亿元）", "300", "420", "7", "预期性"],
            ["2", "城镇调查失业率（%）", "5", "5.5以内", "—", "预期性"]]
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for row, values in zip(table.rows, rows):
        for cell, value in zip(row.cells, values):
            first, *more = value.split("\n")
            cell.text = first
            for paragraph in more:
                cell.add_paragraph(paragraph)
    document.add_paragraph("第三章　创新驱动")
    path = tmp_path / "plan.docx"
    document.save(path)
    doc = luoshi.read(path)
    assert "2020年\n（基数）" in doc.source.text  # the reader breaks the row over lines
    cells = _cells(doc)
    assert (cells["420"].indicator, cells["420"].unit, cells["420"].kind, cells["420"].period) == (
        "地区生产总值", "亿元", "target", "2025")
    assert (cells["300"].kind, cells["300"].period) == ("achievement", "2020")
    assert (cells["7"].unit, cells["7"].change) == ("%", True)
    assert cells["5.5以内"].comparator == "<="
    assert {(t.indicator, t.value) for t in doc.targets} >= {("gdp_level", 420), ("gdp_growth", 7)}


def test_header_over_two_rows():
    text = (PLAN_HEAD + "“十四五”主要指标\n"
            "| 类别 | 指标 | 2020年 | 规划目标 | 属性 |\n"
            "|  |  |  | 2025年 | 年均增长(%) |  |\n"
            "| 经济发展 | 地区生产总值(亿元) | 600 | 850 | 7以上 | 预期性 |\n")
    doc = process(_source(text))
    cells = _cells(doc)
    assert (cells["600"].kind, cells["600"].period) == ("achievement", "2020")
    assert (cells["850"].kind, cells["850"].period, cells["850"].unit) == ("target", "2025", "亿元")
    assert (cells["7以上"].change, cells["7以上"].unit, cells["7以上"].comparator) == (True, "%", ">=")
    assert {(t.indicator, t.value) for t in doc.targets} == {("gdp_level", 850), ("gdp_growth", 7)}


def test_traditional_script_table_keeps_its_words():
    text = ("某某縣國民經濟和社會發展第十四個五年規劃綱要\n主要指標\n"
            "指標\t2020年\t2025年\t年均增長（%）\t屬性\n"
            "地區生產總值（億元）\t500\t700以上\t7左右\t預期性\n")
    doc = process(_source(text))
    level = _cells(doc)["700以上"]
    assert (level.indicator, level.indicator_simplified, level.unit, level.comparator) == (
        "地區生產總值", "地区生产总值", "億元", ">=")
    assert {(t.indicator, t.indicator_text, t.value) for t in doc.targets} == {
        ("gdp_level", "地區生產總值", 700), ("gdp_growth", "地區生產總值", 7)}


def test_a_prose_headline_row_comes_before_the_tables_row_of_the_same_key():
    text = (PLAN_HEAD + "第二章　主要目标\n"
            "到2025年，全县地区生产总值年均增长6.5%左右。\n"
            "主要指标\n"
            "指标\t2020年\t2025年\t年均增长(%)\t属性\n"
            "地区生产总值（亿元）\t500\t700\t7\t预期性\n"
            "城镇调查失业率（%）\t5\t5.5以内\t—\t预期性\n")
    doc = process(_source(text))
    rows = {t.indicator: (t.value, t.comparator) for t in doc.targets}
    assert rows["gdp_growth"] == (6.5, "~")  # the text's own sentence
    assert rows["gdp_level"] == (700, "=") and rows["surveyed_unemployment"] == (5.5, "<=")
    assert [t.span.start for t in doc.targets] == sorted(t.span.start for t in doc.targets)


def test_txt_table_with_blank_cells_aligns_by_place():
    rows = ["指标                      2020年      2025年      年均增长(%)   属性",
            "地区生产总值（亿元）      800         1100        6.5           预期性",
            "城镇调查失业率（%）       5.2                     <5.5          预期性",
            "森林覆盖率（%）                       62                        约束性"]
    doc = process(_source(PLAN_HEAD + "主要指标\n" + "\n".join(rows) + "\n"))
    cells = _cells_by_name(doc)
    assert cells[("<5.5", "城镇调查失业率")].period == "十四五"  # under 年均增长, not 2025年
    assert cells[("5.2", "城镇调查失业率")].period == "2020"
    assert cells[("62", "森林覆盖率")].period == "2025" and cells[("62", "森林覆盖率")].kind == "target"
