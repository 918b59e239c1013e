"""``luoshi plan`` and ``luoshi plan import``: drafting from a file or the database, edits into the register."""
from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from test_plan_table import make_doc
from typer.testing import CliRunner

from luoshi import register
from luoshi.cli import app
from luoshi.export_plan import SHEET
from luoshi.store import Store


def run(*args: object):
    return CliRunner().invoke(app, [str(a) for a in args], env={"LUOSHI_AUTHOR": "测试员"})


@pytest.fixture
def planned(store) -> str:
    """A database holding the small county report (eight target tasks in five sentences), as a --db value."""
    store.save_document(make_doc())
    return store.engine.url.render_as_string(hide_password=False)


def rows(path: Path) -> dict[str, list]:
    """Task rows by their text's first six characters: [序号, 重点任务, 牵头, 配合, 时限, 编号, …]."""
    ws = load_workbook(path)[SHEET]
    return {r[1][:6]: list(r) for r in ws.iter_rows(min_row=3, values_only=True) if isinstance(r[0], int)}


def set_cells(path: Path, changes: dict[str, str]) -> None:
    wb = load_workbook(path)
    for cell, value in changes.items():
        wb[SHEET][cell] = value
    wb.save(path)


def cell_of(path: Path, start: str, column: str) -> str:
    ws = load_workbook(path)[SHEET]
    return next(f"{column}{r}" for r in range(3, ws.max_row + 1) if str(ws.cell(r, 2).value or "").startswith(start))


def test_draft_from_a_document_file(shared, tmp_path) -> None:
    out = tmp_path / "sihui.xlsx"
    seed = shared / "corpus" / "seeds" / "004_f84b366bce13bc3e.txt"
    result = run("plan", seed, "--xlsx", out, "--db", tmp_path / "none.db")
    assert result.exit_code == 0, result.output
    assert "tasks" in result.stdout and out.is_file()
    ws = load_workbook(out)[SHEET]
    assert "四会市" in ws["A1"].value and ws["A1"].value.endswith("分工方案")
    leads = [r[2] for r in ws.iter_rows(min_row=3, values_only=True) if isinstance(r[0], int)]
    assert leads and sum(lead.startswith("市") for lead in leads) >= len(leads) / 2


def test_draft_from_the_database_uses_commitment_ids(planned, tmp_path) -> None:
    db = planned
    out = tmp_path / "plan.xlsx"
    result = run("plan", "plan.txt", "--xlsx", out, "--db", db)
    assert result.exit_code == 0, result.output
    assert "5 tasks (1 without a lead unit)" in result.stdout
    table = rows(out)
    assert table["加快建设示例"][2] == "县交通运输局"
    with Store(db, create=False) as store:
        ids = {c.id for c in register.list_commitments(store, doc="plan.txt", kind="task")}
    assert {int(i) for r in table.values() for i in r[5].split(";")} <= ids
    assert run("plan", "draft", "plan.txt", "--xlsx", out, "--db", db).exit_code == 0  # the command by name


def test_import_records_edits_once_and_the_next_draft_shows_them(planned, tmp_path) -> None:
    db = planned
    out = tmp_path / "plan.xlsx"
    assert run("plan", "plan.txt", "--xlsx", out, "--db", db).exit_code == 0
    set_cells(out, {cell_of(out, "加快建设示例", "C"): "县住房城乡建设局",
                    cell_of(out, "加快建设示例", "D"): "县财政局，县自然资源局",
                    cell_of(out, "新建中小学校", "E"): "2024年8月底前"})
    result = run("plan", "import", out, "--db", db, "--author", "县府办")
    assert result.exit_code == 0, result.output
    assert "6 edits, 6 recorded, 0 already in the register" in result.stdout  # two rows of two commitments
    road = rows(out)["加快建设示例"][5].split(";")
    with Store(db, create=False) as store:
        state = register.get(store, int(road[0]))
        assert state.lead_unit == "县住房城乡建设局"
        assert state.cooperating_units == ("县财政局", "县自然资源局")
        assert [e.author for e in state.events if e.type == "lead"] == ["县府办"]
        school = register.get(store, int(rows(out)["新建中小学校"][5].split(";")[0]))
        assert school.deadline.isoformat() == "2024-08-31"
    again = run("plan", "import", out, "--db", db)
    assert again.exit_code == 0 and "0 recorded, 6 already in the register" in again.stdout
    redraft = tmp_path / "again.xlsx"
    assert run("plan", "plan.txt", "--xlsx", redraft, "--db", db).exit_code == 0
    table = rows(redraft)
    assert table["加快建设示例"][2:5] == ["县住房城乡建设局", "县财政局、县自然资源局", "2024年12月底前"]
    assert table["新建中小学校"][4] == "2024年8月底前"


def test_import_of_a_table_drafted_from_the_file(shared, tmp_path) -> None:
    seed = shared / "corpus" / "seeds" / "004_f84b366bce13bc3e.txt"
    db = tmp_path / "l.db"
    assert run("ingest", seed, "--db", db).exit_code == 0
    out = tmp_path / "p.xlsx"
    assert run("plan", seed, "--xlsx", out, "--db", tmp_path / "other.db").exit_code == 0
    first = next(r for r in rows(out).values())
    assert "-" in first[5]  # offsets, not commitment ids
    set_cells(out, {f"C{first_row(out)}": "市委农办"})
    result = run("plan", "import", out, "--db", db)
    assert result.exit_code == 0, result.output
    with Store(db, create=False) as store:
        leads = {c.lead_unit for c in register.list_commitments(store, kind="task")}
    assert "市委农办" in leads


def first_row(path: Path) -> int:
    ws = load_workbook(path)[SHEET]
    return next(r for r in range(3, ws.max_row + 1) if isinstance(ws.cell(r, 1).value, int))


def test_rows_with_problems_record_nothing(planned, tmp_path) -> None:
    db = planned
    out = tmp_path / "plan.xlsx"
    assert run("plan", "plan.txt", "--xlsx", out, "--db", db).exit_code == 0
    set_cells(out, {cell_of(out, "加快建设示例", "C"): "县住房城乡建设局", cell_of(out, "新建中小学校", "E"): "尽快"})
    result = run("plan", "import", out, "--db", db)
    assert result.exit_code == 1
    assert "尽快" in result.stderr and "nothing was recorded" in result.stderr
    with Store(db, create=False) as store:
        assert all(c.lead_unit is None for c in register.list_commitments(store, kind="task"))


@pytest.mark.parametrize("args", [
    ("plan", "plan.txt", "--xlsx", "out.csv"),
    ("plan", "no-such-doc", "--xlsx", "out.xlsx"),
    ("plan", "plan.txt", "--xlsx", "out.xlsx", "--departments", "missing.toml"),
    ("plan", "import", "missing.xlsx"),
])
def test_errors_are_one_line(planned, tmp_path, monkeypatch, args) -> None:
    db = planned
    monkeypatch.chdir(tmp_path)
    result = run(*args, "--db", db)
    assert result.exit_code == 1
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.output


def test_custom_department_directory(planned, tmp_path) -> None:
    db = planned
    directory = tmp_path / "depts.toml"
    directory.write_text('[[department]]\nname = "交通局"\nkeywords = { "高速" = 3, "交通" = 2 }\n', encoding="utf-8")
    out = tmp_path / "plan.xlsx"
    result = run("plan", "plan.txt", "--xlsx", out, "--db", db, "--departments", directory)
    assert result.exit_code == 0, result.output
    assert rows(out)["加快建设示例"][2] == "县交通局"


def test_a_document_stored_without_extraction_has_no_table(shared, tmp_path) -> None:
    seed = shared / "corpus" / "seeds" / "004_f84b366bce13bc3e.txt"
    db = tmp_path / "l.db"
    assert run("ingest", seed, "--db", db, "--no-extract").exit_code == 0
    result = run("plan", seed.name, "--xlsx", tmp_path / "p.xlsx", "--db", db)
    assert result.exit_code == 1 and "no tasks found" in result.stderr
    assert not (tmp_path / "p.xlsx").exists()
