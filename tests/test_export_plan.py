"""Tests for luoshi.export_plan: the print-ready xlsx and reading edits back."""
from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from luoshi.errors import UsageError
from luoshi.export_plan import (
    HIDDEN,
    META_SHEET,
    SHEET,
    VISIBLE,
    read_edits,
    register_value,
    write_plan,
)
from luoshi.model import Span
from luoshi.plan_table import Plan, PlanRow

PLAN = Plan(
    title="示例县2024年《政府工作报告》重点工作任务分工方案", doc="7", year=2024,
    rows=(
        PlanRow("group", "二、2024年重点工作", depth=1),
        PlanRow("group", "(一)加快交通基础设施建设", depth=2),
        PlanRow("task", "加快建设示例高速公路,年内建成县城客运站。", number=1, lead="县交通运输局",
                cooperating=("县发展改革局", "县自然资源局"), deadline="2024年12月底前", item_ids=("11", "12"),
                span=Span(40, 60), reasons=("交通运输局 6（高速6）", "发展改革局 3（前期工作3）")),
        PlanRow("task", "新建中小学校5所,新增学位3000个。" * 6, number=2, lead="县教育局", deadline="2024年12月底前",
                item_ids=("13",), span=Span(70, 86)),
        PlanRow("task", "坚持党的全面领导。", number=3, lead="（待定）", deadline="持续推进", item_ids=("14",),
                span=Span(90, 98)),
    ),
)


@pytest.fixture
def written(tmp_path: Path) -> Path:
    return write_plan(PLAN, tmp_path / "plan.xlsx")


def test_layout(written: Path) -> None:
    wb = load_workbook(written)
    assert wb.sheetnames == [SHEET, META_SHEET] and wb[META_SHEET].sheet_state == "hidden"
    ws = wb[SHEET]
    assert ws["A1"].value == PLAN.title and "A1:E1" in {str(r) for r in ws.merged_cells.ranges}
    assert ws["A1"].font.bold and ws["A1"].font.size >= 16
    assert [c.value for c in ws[2]][:5] == ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"]
    assert all(c.font.bold for c in ws[2][:5])
    assert ws["A3"].value == "二、2024年重点工作" and "A3:E3" in {str(r) for r in ws.merged_cells.ranges}
    assert [ws.cell(5, c).value for c in range(1, 6)] == [
        1, "加快建设示例高速公路,年内建成县城客运站。", "县交通运输局", "县发展改革局、县自然资源局", "2024年12月底前"]
    body = ws["B5"]
    assert body.alignment.wrap_text and body.font.name == "仿宋" and body.border.left.style == "thin"
    # print setup: A4 landscape, one page wide, header row on every page, page numbers
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9  # A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    assert ws.page_setup.fitToHeight == 0
    assert ws.print_title_rows == "$2:$2"
    assert "&P" in ws.oddFooter.center.text and "&N" in ws.oddFooter.center.text
    assert ws.print_area.endswith(f"$E${ws.max_row}")
    # widths and hidden round-trip columns
    assert [ws.column_dimensions[c].width for c in "ABCDE"] == [w for _, w in VISIBLE]
    assert all(ws.column_dimensions[c].hidden for c in "FGHIJKL")
    assert [c.value for c in ws[2]][5:] == list(HIDDEN)
    assert [ws.cell(5, c).value for c in range(6, 13)] == [
        "11;12", "7", "40-60", "县交通运输局", "县发展改革局、县自然资源局", "2024年12月底前",
        "交通运输局 6（高速6）；发展改革局 3（前期工作3）"]


def test_row_heights_follow_the_text(written: Path) -> None:
    ws = load_workbook(written)[SHEET]
    short, long = ws.row_dimensions[7].height, ws.row_dimensions[6].height
    assert long > 3 * short  # a six-fold text needs several wrapped lines


def edit(path: Path, changes: dict[str, str]) -> None:
    wb = load_workbook(path)
    ws = wb[SHEET]
    for cell, value in changes.items():
        ws[cell] = value
    wb.save(path)


def test_unedited_file_has_no_edits(written: Path) -> None:
    result = read_edits(written)
    assert (result.doc, result.year, result.edits, result.problems) == ("7", 2024, (), ())


def test_edits_are_read_back(written: Path) -> None:
    edit(written, {"C5": "县交通局", "D5": "县发展改革局，县财政局", "E6": "2024年6月底前", "C7": "县委办"})
    result = read_edits(written)
    assert result.problems == ()
    got = [(e.item_id, e.field, e.old, e.new, e.value, e.row) for e in result.edits]
    assert got == [
        ("11", "lead", "县交通运输局", "县交通局", "县交通局", 5),
        ("12", "lead", "县交通运输局", "县交通局", "县交通局", 5),
        ("11", "cooperating", "县发展改革局、县自然资源局", "县发展改革局，县财政局", "县发展改革局、县财政局", 5),
        ("12", "cooperating", "县发展改革局、县自然资源局", "县发展改革局，县财政局", "县发展改革局、县财政局", 5),
        ("13", "deadline", "2024年12月底前", "2024年6月底前", "2024-06-30", 6),
        ("14", "lead", "（待定）", "县委办", "县委办", 7),
    ]


def test_same_units_in_another_spelling_are_no_edit(written: Path) -> None:
    edit(written, {"D5": "县发展改革局,  县自然资源局"})
    assert read_edits(written).edits == ()


def test_rows_that_cannot_be_imported(written: Path) -> None:
    edit(written, {"E5": "尽快", "C6": "（待定）", "A9": 4, "B9": "新增一项任务", "C9": "县财政局"})
    result = read_edits(written)
    assert result.edits == ()
    assert len(result.problems) == 3
    assert "row 5" in result.problems[0] and "尽快" in result.problems[0]
    assert "row 6" in result.problems[1]
    assert "row 9" in result.problems[2] and "编号" in result.problems[2]


def test_columns_may_move_but_not_vanish(written: Path) -> None:
    wb = load_workbook(written)
    ws = wb[SHEET]
    ws.delete_cols(9)  # 原牵头单位
    wb.save(written)
    with pytest.raises(UsageError, match="原牵头单位"):
        read_edits(written)


@pytest.mark.parametrize(("content", "message"), [(b"not a zip", "not a readable xlsx"), (None, "not found")])
def test_bad_files(tmp_path: Path, content, message) -> None:
    path = tmp_path / "x.xlsx"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(UsageError, match=message):
        read_edits(path)


def test_other_workbooks_are_refused(tmp_path: Path) -> None:
    from openpyxl import Workbook

    path = tmp_path / "other.xlsx"
    Workbook().save(path)
    with pytest.raises(UsageError, match="luoshi plan"):
        read_edits(path)


@pytest.mark.parametrize(("field", "text", "value"), [
    ("deadline", "年内", "2024-12-31"), ("deadline", "2025年3月底前", "2025-03-31"), ("deadline", "三季度", "2024-09-30"),
    ("cooperating", "县财政局\n县审计局", "县财政局、县审计局"), ("cooperating", "县财政局/县审计局", "县财政局、县审计局"),
    ("lead", "县教育局", "县教育局"),
])
def test_register_values(field, text, value) -> None:
    assert register_value(field, text, 2024) == value


@pytest.mark.parametrize(("field", "text"), [("deadline", "持续推进"), ("lead", "（待定）"), ("lead", ""),
                                             ("cooperating", "  ")])
def test_values_the_register_cannot_hold(field, text) -> None:
    with pytest.raises(ValueError):
        register_value(field, text, 2024)


def test_unwritable_path(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="cannot write"):
        write_plan(PLAN, tmp_path / "missing" / "plan.xlsx")
