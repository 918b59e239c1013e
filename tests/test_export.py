"""Exports of analysis tables (CSV, XLSX, JSON, Parquet) and the table/export commands."""
from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from luoshi.analysis import TABLES, Table, columns
from luoshi.cli import app
from luoshi.errors import UsageError
from luoshi.export import FORMATS, format_for, write

TABLE = Table("sample", columns("doc", "year:int", "value:float", "change:bool", "quote"), (
    ("报告.txt", 2024, 6.5, True, "地区生产总值增长6.5%左右,逗号\"引号\"\n换行"),
    ("report.txt", None, None, False, None),
    ("b.txt", 2025, 7, None, "长" * 200),
))


def run(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


def test_csv_has_a_bom_for_excel_and_round_trips(tmp_path):
    path = tmp_path / "t.csv"
    write(TABLE, path, "csv")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert rows[0] == list(TABLE.column_names)
    assert rows[1] == ["报告.txt", "2024", "6.5", "True", TABLE.rows[0][4]]
    assert rows[2] == ["report.txt", "", "", "False", ""]


def test_json_is_a_list_of_objects_with_chinese_as_it_is(tmp_path):
    path = tmp_path / "t.json"
    write(TABLE, path, "json")
    assert "报告" in path.read_text(encoding="utf-8")
    assert json.loads(path.read_text(encoding="utf-8")) == TABLE.records()


def test_xlsx_has_bold_chinese_headers_typed_cells_and_widths(tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "t.xlsx"
    write(TABLE, path, "xlsx")
    sheet = load_workbook(path)["sample"]
    header = [c.value for c in sheet[1]]
    assert header == [c.label for c in TABLE.columns] and header[:2] == ["文件", "年份"]
    assert all(c.font.bold for c in sheet[1])
    assert [c.value for c in sheet[2]] == list(TABLE.rows[0])
    assert [c.value for c in sheet[3]] == list(TABLE.rows[1])
    assert sheet.freeze_panes == "A2"
    widths = {k: d.width for k, d in sheet.column_dimensions.items()}
    assert widths["E"] > widths["B"] and widths["E"] <= 62  # long quotes are capped, not the sheet's width


def test_parquet_keeps_column_types_with_gaps(tmp_path):
    import pyarrow.parquet as pq

    path = tmp_path / "t.parquet"
    write(TABLE, path, "parquet")
    read = pq.read_table(path)
    assert [str(t) for t in read.schema.types] == ["string", "int64", "double", "bool", "string"]
    assert read.to_pylist() == TABLE.records()


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_empty_table_still_has_its_columns(tmp_path, fmt):
    empty = Table("empty", TABLE.columns, ())
    path = tmp_path / f"empty.{fmt}"
    write(empty, path, fmt)
    if fmt == "csv":
        assert path.read_text(encoding="utf-8-sig").splitlines() == [",".join(TABLE.column_names)]
    elif fmt == "json":
        assert json.loads(path.read_text(encoding="utf-8")) == []
    elif fmt == "parquet":
        import pyarrow.parquet as pq

        assert pq.read_table(path).schema.names == list(TABLE.column_names)
    else:
        from openpyxl import load_workbook

        assert load_workbook(path)["empty"].max_row == 1


def test_the_format_comes_from_the_option_or_the_suffix(tmp_path):
    assert format_for(tmp_path / "a.XLSX", None) == "xlsx"
    assert format_for(tmp_path / "a.txt", "csv") == "csv"
    with pytest.raises(UsageError) as err:
        format_for(tmp_path / "a.txt", None)
    assert "csv, xlsx, json, parquet" in str(err.value)


def test_an_unwritable_file_is_a_one_line_error(tmp_path):
    with pytest.raises(UsageError) as err:
        write(TABLE, tmp_path / "missing" / "t.parquet", "parquet")
    assert "\n" not in str(err.value) and "missing" in str(err.value)


@pytest.fixture
def filled(db, make_doc):
    from luoshi.store import Store

    with Store(db) as store:
        store.save_document(make_doc())
        store.save_document(make_doc(name="next.txt", year=2025))
    return db


def test_table_command_shows_or_writes_a_table(filled, tmp_path):
    shown = run("table", "targets", "--db", filled)
    assert shown.exit_code == 0 and "gdp_growth" in shown.stdout
    as_csv = run("table", "ambition_change", "--db", filled, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert {(r["indicator"], r["year"], r["next_year"]) for r in rows} == {
        ("gdp_growth", "2024", "2025"), ("surveyed_unemployment", "2024", "2025")}
    as_json = json.loads(run("table", "documents", "--db", filled, "--format", "json").stdout)
    assert [d["doc"] for d in as_json] == ["report.txt", "next.txt"]
    written = run("table", "headline_targets_by_region_year", "--db", filled, "--out", tmp_path / "pivot.xlsx")
    assert written.exit_code == 0 and (tmp_path / "pivot.xlsx").stat().st_size > 0


@pytest.mark.parametrize(("args", "message"), [
    (("table", "nope"), "no table 'nope'"),
    (("table", "targets", "--format", "parquet"), "give --out FILE"),
    (("table", "targets", "--out", "x.doc"), "unknown export format 'doc'"),
])
def test_table_command_errors_are_one_line(filled, args, message):
    result = run(*args, "--db", filled)
    assert result.exit_code == 1 and message in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_export_writes_every_table(filled, tmp_path):
    import pyarrow.parquet as pq

    result = run("export", tmp_path / "out", "--format", "parquet", "--db", filled)
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(f"{n}.parquet" for n in TABLES)
    assert pq.read_table(tmp_path / "out" / "measures.parquet").num_rows == 8
    listed = run("tables")
    assert [line.split()[0] for line in listed.stdout.splitlines()] == list(TABLES)
