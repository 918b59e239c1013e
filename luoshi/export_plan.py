"""The 分工方案 as an xlsx an office can print and circulate, and reading the edited file back.

Layout follows the tables offices publish: a title row in 宋体, a bold 黑体
header (序号, 重点任务, 牵头单位, 配合单位, 完成时限) repeated on every printed
page, 仿宋 body text with wrapped cells and thin borders, the report's own
section headings as full-width group rows, A4 landscape fitted to the page
width, and 第 N 页 共 M 页 in the footer.

Excel does not grow row heights for wrapped text when it opens a file, so
each row's height is estimated here from its longest cell (CJK characters
are two columns wide).

Round trip: hidden columns keep each row's item ids, its document offsets,
the values as exported and why luoshi suggested its units (建议依据). ``read_edits`` compares the visible cells with
them, so only what a person changed becomes an ``Edit``; the hidden sheet
``_luoshi`` names the document and year.
"""
from __future__ import annotations

import math
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, NamedStyle, Side
from openpyxl.utils import get_column_letter

from luoshi.assign import UNDECIDED
from luoshi.deadlines import stated_deadline
from luoshi.errors import UsageError
from luoshi.plan_table import ONGOING, Plan
from luoshi.register.status import split_units as register_units

SHEET = "分工方案"
META_SHEET = "_luoshi"
FORMAT = "luoshi-plan/1"
VISIBLE = (("序号", 6), ("重点任务", 68), ("牵头单位", 20), ("配合单位", 30), ("完成时限", 17))
HIDDEN = ("编号", "文档", "起止", "原牵头单位", "原配合单位", "原完成时限", "建议依据")
LINE_POINTS = 16.5  # one wrapped line of 12 pt 仿宋, with leading
CELL_PADDING = 6.0
CHARS_PER_UNIT = 0.42  # CJK characters (12 pt) per column-width unit, with margin for the cell's padding
Field = Literal["lead", "cooperating", "deadline"]


def named_styles() -> tuple[NamedStyle, ...]:
    """Fresh named styles for one workbook (openpyxl binds a style to the workbook it is added to).

    Assigning a named style by name is ten times faster than setting font,
    border and alignment on every cell.
    """
    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    body, heading = Font(name="仿宋", size=12), Font(name="黑体", size=12, bold=True)

    def wrapped(horizontal: str) -> Alignment:
        return Alignment(horizontal=horizontal, vertical="center", wrap_text=True)

    return (
        NamedStyle("分工_标题", font=Font(name="宋体", size=18, bold=True),
                   alignment=Alignment(horizontal="center", vertical="center")),
        NamedStyle("分工_表头", font=heading, border=border, alignment=wrapped("center")),
        NamedStyle("分工_任务", font=body, border=border, alignment=wrapped("left")),
        NamedStyle("分工_单位", font=body, border=border, alignment=wrapped("center")),
        NamedStyle("分工_分组", font=heading, border=border, alignment=wrapped("left")),
        NamedStyle("分工_子分组", font=Font(name="楷体", size=12, bold=True), border=border, alignment=wrapped("left")),
    )


def write_plan(plan: Plan, path: str | Path) -> Path:
    """Write ``plan`` as a print-ready xlsx at ``path``."""
    wb = Workbook()
    for style in named_styles():
        wb.add_named_style(style)
    ws = wb.active
    ws.title = SHEET
    width = len(VISIBLE)
    ws.append([plan.title])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    ws.row_dimensions[1].height = 42
    ws.cell(1, 1).style = "分工_标题"
    ws.append([name for name, _ in VISIBLE] + list(HIDDEN))
    ws.row_dimensions[2].height = 24
    for col in range(1, width + 1):
        ws.cell(2, col).style = "分工_表头"
    for r, row in enumerate(plan.rows, 3):
        if row.kind == "group":
            ws.cell(r, 1, row.task)
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=width)
            for col in range(1, width + 1):
                ws.cell(r, col).style = "分工_分组" if row.depth <= 1 else "分工_子分组"
            ws.row_dimensions[r].height = _height(row.task, sum(w for _, w in VISIBLE))
            continue
        cooperating = "、".join(row.cooperating)
        span = f"{row.span.start}-{row.span.end}" if row.span else ""
        values = [row.number, row.task, row.lead, cooperating, row.deadline,
                  ";".join(row.item_ids), plan.doc, span, row.lead, cooperating, row.deadline, "；".join(row.reasons)]
        for col, value in enumerate(values, 1):
            cell = ws.cell(r, col, value)
            if col <= width:
                cell.style = "分工_任务" if col == 2 else "分工_单位"
        ws.row_dimensions[r].height = max(_height(str(v), w) for v, (_, w) in zip(values, VISIBLE))
    for col, (_, w) in enumerate(VISIBLE, 1):
        ws.column_dimensions[get_column_letter(col)].width = w
    for col in range(width + 1, width + len(HIDDEN) + 1):
        ws.column_dimensions[get_column_letter(col)].hidden = True
    _page_setup(ws, width)
    meta = wb.create_sheet(META_SHEET)
    for key, value in (("format", FORMAT), ("doc", plan.doc), ("year", plan.year or ""), ("title", plan.title)):
        meta.append([key, value])
    meta.sheet_state = "hidden"
    wb.properties.title = plan.title
    wb.properties.creator = "luoshi"
    out = Path(path)
    try:
        wb.save(out)
    except OSError as exc:
        raise UsageError(f"cannot write the xlsx ({exc.strerror or exc})", path=str(out)) from None
    return out


def _page_setup(ws, width: int) -> None:
    ws.print_title_rows = "2:2"
    ws.print_area = f"A1:{get_column_letter(width)}{ws.max_row}"
    ws.freeze_panes = "A3"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.6
    ws.page_margins.top, ws.page_margins.bottom = 0.7, 0.75
    ws.page_margins.footer = 0.3
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    ws.oddFooter.center.font = "仿宋"
    ws.oddFooter.center.size = 11


def _height(text: str, width: float) -> float:
    """Points needed for ``text`` wrapped in a column ``width`` units wide (CJK counts double)."""
    per_line = max(1.0, width * CHARS_PER_UNIT * 2)  # in half-width columns
    lines = sum(max(1, math.ceil(_columns(part) / per_line)) for part in (text or "").split("\n"))
    return round(lines * LINE_POINTS + CELL_PADDING, 1)


def _columns(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


# --- reading an edited file back ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Edit:
    """A cell a person changed: ``new`` as typed, ``value`` as the register stores it."""

    item_id: str
    field: Field
    old: str
    new: str
    value: str  # lead as typed; cooperating joined with 、; deadline as YYYY-MM-DD, "" for none
    row: int  # spreadsheet row, for messages


@dataclass(frozen=True, slots=True)
class PlanEdits:
    doc: str
    year: int | None
    edits: tuple[Edit, ...]
    problems: tuple[str, ...]  # rows that could not be read, one line each


def read_edits(path: str | Path) -> PlanEdits:
    """The edits made to a 分工方案 written by ``write_plan``.

    :raises UsageError: not an xlsx, or not one written by ``luoshi plan``.
    """
    where = str(path)
    try:
        wb = load_workbook(path, data_only=True)
    except FileNotFoundError:
        raise UsageError("file not found", path=where) from None
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise UsageError(f"not a readable xlsx file ({exc.__class__.__name__}); give the file "
                         "`luoshi plan --xlsx` wrote, saved as .xlsx", path=where) from None
    if SHEET not in wb.sheetnames or META_SHEET not in wb.sheetnames:
        raise UsageError(f"no sheet {SHEET!r} with luoshi's hidden sheet; only a 分工方案 written by "
                         "`luoshi plan` can be imported", path=where)
    meta = {str(r[0]): r[1] for r in wb[META_SHEET].iter_rows(values_only=True) if r and r[0] is not None}
    ws = wb[SHEET]
    header_row, columns = _find_header(ws, where)
    year = int(meta["year"]) if str(meta.get("year") or "").isdigit() else None
    edits: list[Edit] = []
    problems: list[str] = []
    for r in range(header_row + 1, ws.max_row + 1):
        cell = {name: _text(ws.cell(r, col).value) for name, col in columns.items()}
        if not cell["编号"]:
            if cell["重点任务"] and (cell["牵头单位"] or cell["序号"]):
                problems.append(f"{where}: row {r}: no hidden 编号 (a row added by hand?); not imported")
            continue
        ids = tuple(i for i in cell["编号"].split(";") if i)
        for field_, shown, original in (("lead", "牵头单位", "原牵头单位"), ("cooperating", "配合单位", "原配合单位"),
                                        ("deadline", "完成时限", "原完成时限")):
            old, new = cell[original], cell[shown]
            if _same(field_, old, new):
                continue
            try:
                value = register_value(field_, new, year)
            except ValueError as exc:
                problems.append(f"{where}: row {r}: {exc}")
                continue
            edits.extend(Edit(i, field_, old, new, value, r) for i in ids)
    return PlanEdits(str(meta.get("doc") or ""), year, tuple(edits), tuple(problems))


def register_value(field_: Field, text: str, year: int | None) -> str:
    """A cell's text as the register stores it.

    :raises ValueError: what the register cannot hold: an empty or （待定） lead, no cooperating unit
        at all, a 完成时限 that is no date (the register keeps a date for every commitment).
    """
    if field_ == "lead":
        if text in ("", UNDECIDED):
            raise ValueError(f"牵头单位 {text or '(empty)'!r}: the register keeps the last lead unit; "
                             "write the unit that leads")
        return text
    if field_ == "cooperating":
        units = split_units(text)
        if not units:
            raise ValueError("配合单位 emptied: the register cannot remove all cooperating units; "
                             "write the units that remain")
        return "、".join(units)
    due = stated_deadline(text, year) if text != ONGOING else None
    if due is None:
        raise ValueError(f"完成时限 {text or '(empty)'!r} is not a date; write e.g. 2024年6月底前 or 年内")
    return due.isoformat()


def split_units(text: str) -> tuple[str, ...]:
    """Units as people type them in a cell: separated by 、 , ; or a line break."""
    return register_units(text.replace("\n", "、").replace("/", "、"))


def _same(field_: Field, old: str, new: str) -> bool:
    if field_ == "cooperating":
        return split_units(old) == split_units(new)
    return old == new


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _find_header(ws, where: str) -> tuple[int, dict[str, int]]:
    """The header row and each named column (people may move columns; names are the contract)."""
    wanted = {name for name, _ in VISIBLE} | set(HIDDEN)
    for r in range(1, min(ws.max_row, 10) + 1):
        names = {_text(ws.cell(r, c).value): c for c in range(1, ws.max_column + 1)}
        if "序号" in names and "重点任务" in names:
            missing = sorted(wanted - names.keys())
            if missing:
                raise UsageError(f"columns {', '.join(missing)} are missing; keep luoshi's hidden columns "
                                 "when editing (do not copy the table into a new file)", path=where)
            return r, {name: names[name] for name in wanted}
    raise UsageError("no header row with 序号 and 重点任务; only a 分工方案 written by `luoshi plan` can be "
                     "imported", path=where)
