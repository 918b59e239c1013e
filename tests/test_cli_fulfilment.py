"""``luoshi fulfilment`` and ``luoshi cascade`` on databases ingested from the shared corpus."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from luoshi.cli import app

VERDICT_KEYS = {"region", "indicator", "target", "actual", "verdict", "reason"}
TARGET_KEYS = {"value", "comparator", "unit", "period", "doc", "start", "end", "quote"}
ACTUAL_KEYS = {"value", "unit", "period", "doc", "start", "end", "quote"}


def run(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


@pytest.fixture(scope="module")
def zhumadian_db(tmp_path_factory, shared: Path) -> Path:
    db = tmp_path_factory.mktemp("fulfilment") / "z.db"
    assert run("ingest", shared / "corpus" / "dev" / "zhumadian", "--db", db).exit_code == 0
    return db


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory, shared: Path) -> Path:
    db = tmp_path_factory.mktemp("cascade") / "s.db"
    assert run("ingest", shared / "corpus" / "seeds", "--db", db).exit_code == 0
    return db


def test_fulfilment_jsonl(zhumadian_db, shared):
    result = run("fulfilment", "--db", zhumadian_db, "--jsonl")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and all(VERDICT_KEYS <= set(r) for r in rows)
    assert {r["verdict"] for r in rows} <= {"met", "partly", "missed", "unknown"}
    texts = {p.name: p.read_text(encoding="utf-8") for p in (shared / "corpus" / "dev" / "zhumadian").glob("*.txt")}
    for r in rows:
        assert TARGET_KEYS <= set(r["target"])
        assert texts[r["target"]["doc"]][r["target"]["start"]:r["target"]["end"]] == r["target"]["quote"]
        if r["actual"] is not None:
            assert ACTUAL_KEYS <= set(r["actual"])
            assert texts[r["actual"]["doc"]][r["actual"]["start"]:r["actual"]["end"]] == r["actual"]["quote"]
        else:
            assert r["verdict"] == "unknown"
    gdp = next(r for r in rows if r["indicator"] == "gdp_growth" and r["target"]["period"] == "2019")
    assert (gdp["target"]["value"], gdp["actual"]["value"], gdp["verdict"]) == (8, 7.4, "missed")
    assert gdp["actual"]["doc"] == "zhumadian_2020_gwr.txt"


def test_fulfilment_table_and_region_filter(zhumadian_db):
    result = run("fulfilment", "--db", zhumadian_db)
    assert result.exit_code == 0 and "gdp_growth" in result.stdout and "未完成" in result.stdout
    assert "met," in result.stdout.splitlines()[-1]
    other = run("fulfilment", "--db", zhumadian_db, "--region", "连州市", "--jsonl")
    assert other.exit_code == 0 and other.stdout == ""
    by_code = run("fulfilment", "--db", zhumadian_db, "--region", "411700", "--jsonl")
    assert by_code.stdout == run("fulfilment", "--db", zhumadian_db, "--jsonl").stdout


def test_cascade_jsonl(seeds_db):
    result = run("cascade", "--db", seeds_db, "--parent", "肇庆市", "--jsonl")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert {r["child_region"] for r in rows} >= {"四会市", None}
    assert any(r["child"] is None and "西江码头" in r["parent"]["quote"] for r in rows)
    table = run("cascade", "--db", seeds_db)
    assert table.exit_code == 0 and "no counterpart" in table.stdout


def test_missing_database_is_one_line(tmp_path):
    for command in ("fulfilment", "cascade"):
        result = run(command, "--db", tmp_path / "none.db")
        assert result.exit_code == 1
        assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1


def test_suggest_records_statuses_with_evidence(tmp_path, shared):
    from luoshi import register
    from luoshi.store import Store

    db = tmp_path / "r.db"
    folder = shared / "corpus" / "dev" / "zhumadian"
    assert run("ingest", folder / "zhumadian_2019_gwr.txt", folder / "zhumadian_2020_gwr.txt", "--db", db).exit_code == 0
    first = run("fulfilment", "--db", db, "--suggest", "--jsonl")
    assert first.exit_code == 0 and "status suggestions recorded" in first.stderr
    gdp = next(json.loads(line) for line in first.stdout.splitlines() if '"gdp_growth"' in line)
    with Store(db, create=False) as store:
        (commitment,) = [c for c in register.list_commitments(store, doc="zhumadian_2019_gwr.txt", kind="measure")
                         if (c.span.start, c.span.end) == (gdp["target"]["start"], gdp["target"]["end"])]
        state = register.get(store, commitment.id)
        assert state.status == "not_done"  # 8%以上 vs 7.4%: 未完成
        (evidence,) = [e for e in state.events if e.by_luoshi]
        assert (evidence.span.start, evidence.span.end) == (gdp["actual"]["start"], gdp["actual"]["end"])
        events = len(state.events)
    assert run("fulfilment", "--db", db, "--suggest").exit_code == 0
    with Store(db, create=False) as store:
        assert len(register.get(store, commitment.id).events) == events  # suggesting again appends nothing
