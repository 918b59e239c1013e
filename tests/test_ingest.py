"""Batch ingest with bad inputs: every bad file gets one clear line, the rest is stored, the DB stays sound."""
from __future__ import annotations

import builtins
import io
import random
from pathlib import Path

import pytest
from conftest import integrity, table_rows
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas
from typer.testing import CliRunner

from luoshi.cli import app
from luoshi.ingest import auto_workers, find_inputs, ingest
from luoshi.options import Options
from luoshi.store import Store
from luoshi.store.schema import SEARCH_TABLE


def report(year: int, growth: float) -> str:
    return (f"政府工作报告\n一、{year - 1}年工作回顾\n全年地区生产总值增长{growth - 0.5}%。\n"
            f"二、{year}年工作安排\n今年主要预期目标是:地区生产总值增长{growth}%左右。\n")


def pdf_bytes(text: str) -> bytes:
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    page.setFont("STSong-Light", 12)
    for n, line in enumerate(text.splitlines()):
        page.drawString(50, 800 - 18 * n, line)
    page.save()
    return buffer.getvalue()


BAD = {  # file name → the error code it must get
    "empty.txt": "L101",
    "binary.txt": "L102",
    "undecodable.txt": "L103",
    "truncated.pdf": "L105",
    "nobody.html": "L107",
    "deleted.txt": "L108",
    "locked.txt": "L108",
}


@pytest.fixture
def bad_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "batch"
    folder.mkdir()
    for n, year in enumerate((2021, 2022, 2023)):
        (folder / f"good_{year}.txt").write_text(report(year, 5 + n), encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "undecodable.txt").write_bytes(random.Random(7).randbytes(4000).translate(bytes(range(128, 256)) * 2))
    whole = pdf_bytes(report(2024, 6))
    (folder / "truncated.pdf").write_bytes(whole[: len(whole) // 3])
    (folder / "nobody.html").write_text("<html><head><title>政府工作报告</title></head><body></body></html>",
                                        encoding="utf-8")
    (folder / "deleted.txt").write_text(report(2020, 4), encoding="utf-8")
    (folder / "locked.txt").write_text(report(2019, 3), encoding="utf-8")
    return folder


@pytest.fixture
def deny_locked(monkeypatch):
    """Permission denied on ``locked.txt``. The tests run as root, for whom chmod 000 changes nothing,
    so opening that file is made to raise the PermissionError the OS would raise."""
    real_open, real_io_open = builtins.open, io.open

    def guarded(opener):
        def open_(file, *args, **kwargs):
            if str(file).endswith("locked.txt"):
                raise PermissionError(13, "Permission denied", str(file))
            return opener(file, *args, **kwargs)
        return open_

    monkeypatch.setattr(builtins, "open", guarded(real_open))
    monkeypatch.setattr(io, "open", guarded(real_io_open))


def test_each_bad_file_gets_one_line_and_the_rest_is_stored(bad_folder, deny_locked, db):
    with Store(db) as store:
        first = list(ingest([bad_folder / "good_2021.txt"], store))
        assert [r.status for r in first] == ["ok"]
    before = table_rows(db)

    batch = find_inputs([bad_folder])
    assert len(batch.files) == 10
    (bad_folder / "deleted.txt").unlink()  # deleted after listing, before reading
    with Store(db) as store:
        results = {Path(r.path).name: r for r in ingest(batch, store)}

    assert {n: r.status for n, r in results.items() if not r.failed} == {
        "good_2021.txt": "unchanged", "good_2022.txt": "ok", "good_2023.txt": "ok"}
    for name, code in BAD.items():
        line = results[name].line()
        assert line.startswith(f"{bad_folder / name}: [{code}] "), line
        assert "\n" not in line and len(line) < 400
    after = table_rows(db)
    assert integrity(db) == "ok"
    assert len(after["documents"]) == 3
    for table, rows in before.items():  # nothing stored earlier changed
        if not table.startswith(SEARCH_TABLE):  # FTS5 rewrites its own shadow tables as its index grows
            assert after[table][: len(rows)] == rows


def test_the_cli_reports_the_same_and_exits_1(bad_folder, deny_locked, db, monkeypatch):
    import luoshi.ingest

    def list_then_delete(paths):
        batch = find_inputs(paths)
        (bad_folder / "deleted.txt").unlink()
        return batch

    monkeypatch.setattr(luoshi.ingest, "find_inputs", list_then_delete)
    result = CliRunner().invoke(app, ["ingest", "--db", db, str(bad_folder)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    lines = result.stdout.splitlines()
    for name, code in BAD.items():
        assert sum(line.startswith(f"{bad_folder / name}: [{code}] ") for line in lines) == 1, name
    assert sum(": ok (id" in line for line in lines) == 3
    assert lines[-1] == "10 documents: 3 ok, 7 error"
    assert integrity(db) == "ok"


def test_a_folder_of_10000_small_files_is_all_stored(tmp_path, db_path):
    """Every file of a large folder is stored once; speed is measured by bench/ingest.py, not here."""
    folder = tmp_path / "many"
    for n in range(100):
        sub = folder / f"batch{n:02d}"
        sub.mkdir(parents=True)
        for m in range(100):
            (sub / f"r{n:02d}_{m:02d}.txt").write_text(report(2000 + m % 24, 3 + n / 10), encoding="utf-8")
    with Store(db_path) as store:  # as `luoshi ingest` does it: worker processes for a batch this big
        batch = find_inputs([folder])
        statuses = [r.status for r in ingest(batch, store, Options(), workers=auto_workers(batch))]
    assert statuses == ["ok"] * 10_000
    with Store(db_path) as store, store.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*), count(DISTINCT name), max(version) FROM documents").one() == (
            10_000, 10_000, 1)
    assert integrity(db_path) == "ok"


def test_bad_rows_of_a_table_are_errors_in_order_and_the_other_rows_are_stored(tmp_path, db):
    import json

    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join([
        json.dumps({"full_text": report(2022, 5), "province": "示范省"}, ensure_ascii=False),
        '{"full_text": "cut off',
        json.dumps({"full_text": "  "}),
        json.dumps({"full_text": report(2023, 6)}, ensure_ascii=False),
    ]) + "\n", encoding="utf-8")
    with Store(db) as store:
        results = list(ingest([corpus], store))
        assert [(r.name, r.status) for r in results] == [
            ("corpus.jsonl#row1", "ok"), (None, "error"), (None, "error"), ("corpus.jsonl#row4", "ok")]
        assert results[1].line().startswith(f"{corpus}#row2: [L105] ")
        assert results[2].line().startswith(f"{corpus}#row3: [L101] ")
        assert results[0].line() == f"{corpus}#row1: ok (id 1)"
        assert [d.name for d in store.list_documents()] == ["corpus.jsonl#row1", "corpus.jsonl#row4"]


def test_worker_processes_give_the_same_results_as_one_process(bad_folder, tmp_path):
    import json

    for n in range(40):
        (bad_folder / f"more_{n:02d}.txt").write_text(report(1980 + n, 4 + n / 10), encoding="utf-8")
    (bad_folder / "rows.jsonl").write_text(
        json.dumps({"full_text": report(2025, 5)}, ensure_ascii=False) + "\n{broken\n", encoding="utf-8")
    (bad_folder / "locked.txt").unlink()  # the permission patch cannot reach worker processes
    batch = find_inputs([bad_folder])
    runs = {}
    for workers in (1, 2):
        db = tmp_path / f"w{workers}.db"
        with Store(db) as store:
            results = list(ingest(batch, store, workers=workers))
        assert integrity(db) == "ok"
        with Store(db) as store, store.engine.connect() as conn:
            stored = conn.exec_driver_sql(
                "SELECT name, sha256, version, normalised_text FROM documents ORDER BY name").all()
        runs[workers] = ([(r.path, r.status, r.name, r.error) for r in results], stored)
    assert runs[1] == runs[2]
    statuses = [status for _, status, _, _ in runs[1][0]]
    assert statuses.count("ok") == 45 and statuses.count("error") == 6  # 5 bad files, 1 bad row


def test_a_worker_that_dies_fails_its_files_and_the_batch_goes_on(tmp_path, db_path):
    import os
    import signal

    from luoshi.ingest import CHUNK_FILES

    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(120):
        (folder / f"r{n:03d}.txt").write_text(report(1900 + n, 3 + n / 100), encoding="utf-8")

    def worker_pids() -> list[int]:
        pids = []
        for entry in Path("/proc").iterdir():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                command = (entry / "cmdline").read_bytes()
            except (OSError, IndexError):
                continue
            if int(fields[1]) == os.getpid() and b"spawn_main" in command:
                pids.append(int(entry.name))
        return pids

    results = []
    with Store(db_path) as store:
        for result in ingest([folder], store, workers=2):
            if not results:
                os.kill(worker_pids()[0], signal.SIGKILL)
            results.append(result)
    assert [Path(r.path).name for r in results] == [f"r{n:03d}.txt" for n in range(120)]
    failed = [r for r in results if r.failed]
    assert 1 <= len(failed) <= CHUNK_FILES
    assert all("[L000] the worker process analysing this file died" in r.line() for r in failed)
    assert integrity(db_path) == "ok"
    with Store(db_path) as store:
        assert len(store.list_documents()) == 120 - len(failed)


def test_worker_processes_only_for_a_batch_that_repays_starting_them(tmp_path):
    import os

    for n in range(10):
        (tmp_path / f"small{n}.txt").write_text(report(2000 + n, 5), encoding="utf-8")
    assert auto_workers(find_inputs([tmp_path])) == 1
    with (tmp_path / "big.txt").open("wb") as big:
        big.truncate(40_000_000)  # size is all that is looked at
    assert auto_workers(find_inputs([tmp_path])) == len(os.sched_getaffinity(0))
