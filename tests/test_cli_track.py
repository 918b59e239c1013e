"""``luoshi track``: every command, JSON shapes, colours, one-line errors."""
from __future__ import annotations

import json

import pytest
from test_register import doc_with_tasks
from typer.testing import CliRunner

from luoshi.cli import app
from luoshi.store import Store

JUNE = "2024-06-28"


def run(*args: str):
    return CliRunner().invoke(app, [str(a) for a in args], env={"LUOSHI_AUTHOR": "测试员"})


@pytest.fixture
def tracked(store) -> str:
    """A database (SQLite or PostgreSQL) holding the report with two tasks, as a --db value."""
    store.save_document(doc_with_tasks())
    return store.engine.url.render_as_string(hide_password=False)


def listing(db: str, *args: str) -> list[dict]:
    result = run("track", "list", "--db", db, "--today", JUNE, "--json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def road(db: str) -> int:
    return next(c["id"] for c in listing(db) if c["text"] == "上半年建成示例大道")


def test_list_shows_every_commitment_with_status_deadline_and_colour(tracked):
    rows = listing(tracked)
    assert len(rows) == 4 and {r["status_label"] for r in rows} == {"未启动"}
    first = next(r for r in rows if r["text"] == "上半年建成示例大道")
    assert (first["deadline"], first["deadline_stated"], first["colour"]) == ("2024-06-30", "上半年", "yellow")
    table = run("track", "list", "--db", tracked, "--today", JUNE)
    assert table.exit_code == 0 and "上半年建成示例大道" in table.stdout and "临期" in table.stdout


def test_status_lead_deadline_note_and_evidence_are_events_shown_in_order(tracked, tmp_path):
    item = road(tracked)
    report = tmp_path / "验收报告.txt"
    report.write_text("验收合格\n", encoding="utf-8")
    for args in (("status", item, "推进中", "--note", "路基完工", "--author", "张三"),
                 ("lead", item, "市交通运输局", "--cooperating", "市财政局、市自然资源局"),
                 ("deadline", item, "2024-09-30", "--note", "延期"),
                 ("note", item, "完成投资60%"),
                 ("evidence", item, "--text", "新闻稿", "--url", "https://example.org/1"),
                 ("evidence", item, "--file", report)):
        result = run("track", *args, "--db", tracked)
        assert result.exit_code == 0, result.output
        assert f"commitment {item}:" in result.stdout
    shown = run("track", "show", item, "--db", tracked, "--today", JUNE, "--json")
    state = json.loads(shown.stdout)
    assert (state["status"], state["status_label"], state["lead_unit"]) == ("in_progress", "推进中", "市交通运输局")
    assert state["cooperating_units"] == ["市财政局", "市自然资源局"]
    assert (state["deadline"], state["colour"]) == ("2024-09-30", "green")
    assert state["notes"] == ["路基完工", "延期", "完成投资60%"]
    assert [e["type"] for e in state["events"]] == ["status", "lead", "cooperating", "deadline", "note", "evidence",
                                                    "evidence"]
    assert [e["author"] for e in state["events"]][:2] == ["张三", "测试员"]
    assert state["evidence"][1]["file_name"] == "验收报告.txt" and state["evidence"][0]["url"] == "https://example.org/1"
    text = run("track", "show", item, "--db", tracked, "--today", JUNE)
    assert text.exit_code == 0 and "Timeline (7 events)" in text.stdout and "推进中" in text.stdout


def test_list_filters_overdue_due_soon_and_status(tracked):
    item = road(tracked)
    assert [r["id"] for r in listing(tracked, "--due-soon")] == [item]
    assert listing(tracked, "--overdue") == []
    overdue = run("track", "list", "--db", tracked, "--today", "2024-07-02", "--overdue", "--json")
    assert [r["id"] for r in json.loads(overdue.stdout)] == [item]
    assert run("track", "status", item, "已完成", "--db", tracked).exit_code == 0
    assert [r["id"] for r in listing(tracked, "--status", "已完成")] == [item]
    empty = run("track", "list", "--db", tracked, "--today", "2024-07-02", "--overdue")
    assert empty.exit_code == 0 and "no commitments match" in empty.stdout


@pytest.mark.parametrize(("args", "message"), [
    (("status", "{item}", "搞定"), "unknown status"),
    (("deadline", "{item}", "年底"), "YYYY-MM-DD"),
    (("evidence", "{item}"), "--text, --url or --file"),
    (("evidence", "{item}", "--file", "/no/such/file.pdf"), "cannot read the evidence file"),
    (("note", "999999", "x"), "luoshi track list"),
    (("show", "999999"), "no commitment 999999"),
])
def test_bad_input_is_one_line_and_exit_1(tracked, args, message):
    item = road(tracked)
    result = run("track", *(a.format(item=item) for a in args), "--db", tracked)
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and "Traceback" not in result.output
    with Store(tracked) as store:
        assert store.counts()["commitment_events"] == 0


def test_track_on_a_missing_database_says_how_to_make_one(tmp_path):
    result = run("track", "list", "--db", tmp_path / "none.db")
    assert result.exit_code == 1 and "luoshi ingest" in result.stderr
