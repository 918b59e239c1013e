"""Write an analysis ``Table`` to CSV, XLSX, JSON or Parquet.

CSV carries a UTF-8 BOM so that Excel opens Chinese text correctly; XLSX
shows the Chinese column labels; JSON is a list of objects with Chinese as
it is (not ``\\u`` escapes); Parquet keeps the column types (integers stay
integers when a column has gaps).
"""
from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path
from typing import IO

from rich.cells import cell_len

from luoshi.analysis import Table
from luoshi.errors import UsageError

FORMATS = ("csv", "xlsx", "json", "parquet")
TEXT_FORMATS = frozenset({"csv", "json"})  # the formats that can go to standard output
MAX_COLUMN_WIDTH = 60  # characters; longer cells (quotes) wrap in Excel rather than widen the sheet


def format_for(path: Path, given: str | None) -> str:
    """The format asked for, or the one the file name's suffix names. :raises UsageError:"""
    chosen = given or path.suffix.lstrip(".").lower()
    if chosen not in FORMATS:
        raise UsageError(f"unknown export format {chosen or '(none)'!r} for {path.name}; "
                         f"use --format with one of {', '.join(FORMATS)}")
    return chosen


def write(table: Table, path: Path, fmt: str) -> None:
    """Write ``table`` to ``path`` in ``fmt``. :raises UsageError: the file cannot be written."""
    try:
        if fmt in TEXT_FORMATS:
            with path.open("w", encoding="utf-8-sig" if fmt == "csv" else "utf-8", newline="") as stream:
                write_text(table, stream, fmt)
        else:
            _BINARY[fmt](table, path)
    except OSError as exc:
        raise UsageError(f"cannot write the {fmt} file: {exc.strerror or exc}", path=str(path)) from None


def write_text(table: Table, stream: IO[str], fmt: str) -> None:
    """CSV or JSON to an open text stream (a file, or standard output)."""
    if fmt == "csv":
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(table.column_names)
        writer.writerows(table.rows)
    else:
        records = table.records()
        stream.write("[\n" if records else "[")
        stream.write(",\n".join(json.dumps(r, ensure_ascii=False) for r in records))
        stream.write("\n]\n" if records else "]\n")


def write_xlsx(table: Table, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    sheet = book.create_sheet(table.name[:31])  # Excel's limit on sheet names
    widths = [cell_len(c.label) for c in table.columns]
    for row in table.rows:
        for i, value in enumerate(row):
            if value is not None:
                widths[i] = max(widths[i], cell_len(str(value)))
    for i, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = min(width, MAX_COLUMN_WIDTH) + 2
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for column in table.columns:
        cell = WriteOnlyCell(sheet, value=column.label)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for row in table.rows:
        sheet.append(row)
    book.save(path)


def write_parquet(table: Table, path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"text": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
    schema = pa.schema([pa.field(c.name, types[c.type]) for c in table.columns])
    data = {c.name: [row[i] for row in table.rows] for i, c in enumerate(table.columns)}
    pq.write_table(pa.table(data, schema=schema), path)


_BINARY: dict[str, Callable[[Table, Path], None]] = {"xlsx": write_xlsx, "parquet": write_parquet}
