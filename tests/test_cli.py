"""The luoshi command: contract of every command, exit codes, one-line errors."""
from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys

import pytest
from conftest import PREDICTION_KEYS, REPO
from typer.testing import CliRunner

from luoshi.cli import app
from luoshi.errors import LuoshiError
from luoshi.store import Store

DOCS_KEYS = {"id", "source", "region", "parent_region", "level", "division_code", "year", "doc_type"}
TARGET_KEYS = {"doc", "region", "year", "indicator", "indicator_text", "value", "unit", "comparator", "start", "end",
               "quote"}


def run(*args: str):
    return CliRunner().invoke(app, [str(a) for a in args])


@pytest.fixture
def stored(db, make_doc):
    with Store(db) as store:
        store.save_document(make_doc())
    return db


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory, shared):
    """The seeds and the dev corpus ingested once through the real pipeline."""
    db = tmp_path_factory.mktemp("corpus") / "corpus.db"
    result = run("ingest", "--db", db, shared / "corpus" / "seeds", shared / "corpus" / "dev")
    assert result.exit_code == 0, result.output
    return db


def test_ingest_prints_one_line_per_file_and_is_idempotent(tmp_path, shared):
    db = tmp_path / "x.db"
    seeds = sorted((shared / "corpus" / "seeds").glob("*.txt"))
    first = run("ingest", "--db", db, seeds[0], str(shared / "corpus" / "seeds" / "00[12]_*.txt"))
    assert first.exit_code == 0, first.output
    lines = first.stdout.splitlines()
    assert [line.split(":")[0] for line in lines[:3]] == [str(p) for p in seeds[:3]]
    assert all(re.search(r": ok \(id \d+\)$", line) for line in lines[:3])
    again = run("ingest", "--db", db, shared / "corpus" / "seeds")
    assert again.exit_code == 0
    assert [line.split(": ")[1].split(" ")[0] for line in again.stdout.splitlines()[:5]] == [
        "unchanged"] * 3 + ["ok"] * 2


def test_ingest_a_changed_file_stores_a_new_version(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("政府工作报告\n今年地区生产总值增长6%左右。\n", encoding="utf-8")
    assert run("ingest", "--db", tmp_path / "x.db", path).exit_code == 0
    path.write_text("政府工作报告\n今年地区生产总值增长6.5%左右。\n", encoding="utf-8")
    result = run("ingest", "--db", tmp_path / "x.db", path)
    assert result.exit_code == 0 and ": new version (version 2, id 2)" in result.stdout


def test_python_m_luoshi_is_the_luoshi_command():
    result = subprocess.run([sys.executable, "-m", "luoshi", "--help"], capture_output=True, text=True, timeout=60,
                            check=False)
    assert result.returncode == 0 and "Usage: luoshi" in result.stdout and "ingest" in result.stdout


def test_ingest_keeps_apart_same_named_reports_of_two_places(tmp_path, shared):
    seeds = shared / "corpus" / "seeds"
    for folder, seed in (("zhaoqing", "000_*.txt"), ("sihui", "004_*.txt")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "report.txt").write_bytes(next(seeds.glob(seed)).read_bytes())
    db = tmp_path / "x.db"
    first = run("ingest", "--db", db, tmp_path / "zhaoqing", tmp_path / "sihui")
    assert first.exit_code == 0, first.output
    lines = first.stdout.splitlines()
    assert lines[0].endswith("report.txt: ok (id 1)")
    assert lines[1].endswith("report.txt: ok (id 2; stored as 四会市/report.txt: "
                             "a document of another region, year or type has its name)")
    again = run("ingest", "--db", db, tmp_path / "zhaoqing", tmp_path / "sihui")
    assert [line.split(": ", 1)[1][:16] for line in again.stdout.splitlines()[:2]] == [
        "unchanged (id 1)", "unchanged (id 2;"]
    assert again.stdout.endswith("\n2 documents: 2 unchanged\n")
    docs = run("docs", "--db", db, "--json")
    assert [d["source"] for d in json.loads(docs.stdout)] == ["report.txt", "四会市/report.txt"]
    # the scorer's rows name each document by its source file name, as the gold files do
    measures = [json.loads(line) for line in run("measures", "--db", db, "--jsonl").stdout.splitlines()]
    assert {m["doc"] for m in measures} == {"report.txt"} and len({m["quote"] for m in measures}) > 1


def test_ingest_exit_code_is_1_when_any_file_fails(tmp_path, shared):
    result = run("ingest", "--db", tmp_path / "x.db", tmp_path / "missing.txt",
                 min((shared / "corpus" / "seeds").glob("*.txt")))
    assert result.exit_code == 1
    assert f"{tmp_path / 'missing.txt'}: [L108]" in result.stdout
    assert result.stdout.endswith("\n2 documents: 1 ok, 1 error\n") and "Traceback" not in result.output


def test_ingest_no_extract_stores_no_measures(tmp_path, shared):
    seed = min((shared / "corpus" / "seeds").glob("*.txt"))
    assert run("ingest", "--no-extract", "--db", tmp_path / "x.db", seed).exit_code == 0
    assert run("measures", "--jsonl", "--db", tmp_path / "x.db").stdout == ""
    assert ": new version" in run("ingest", "--db", tmp_path / "x.db", seed).stdout
    assert run("measures", "--jsonl", "--db", tmp_path / "x.db").stdout.count("\n") > 5


def test_docs_json_lists_documents_with_metadata(corpus_db, shared):
    result = run("docs", "--json", "--db", corpus_db)
    listed = json.loads(result.stdout)
    assert {d["source"] for d in listed} == {p.name for p in (shared / "corpus").rglob("*.txt")}
    assert all(DOCS_KEYS <= set(d) for d in listed)
    table = run("docs", "--db", corpus_db)
    assert table.exit_code == 0 and all(d["source"] in table.stdout for d in listed)


def test_show_prints_metadata_outline_and_repairs(stored):
    result = run("show", "report.txt", "--db", stored)
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "region        示例市" in text and "speaker       — unknown: no 市长 line found" in text
    assert "\n    一、2023年工作回顾  [review]" in text  # level 1 indented under the level-0 front matter
    assert "[plan]" in text and "[notes]" in text
    assert "Repairs (1)" in text and "flagged" in text


def test_show_json_round_trips_the_stored_document(stored):
    shown = json.loads(run("show", "1", "--json", "--db", stored).stdout)
    assert shown["source"] == "report.txt" and shown["metadata"]["unknown"] == {"speaker": "no 市长 line found"}
    assert [(s["level"], s["role"]) for s in shown["outline"]] == [(0, "front"), (1, "review"), (1, "plan"),
                                                                   (1, "notes")]
    assert shown["repairs"][0]["status"] == "flagged" and shown["counts"]["measures"] == 4


def test_measures_jsonl_is_the_gold_prediction_format(stored, make_doc):
    lines = run("measures", "--jsonl", "--db", stored).stdout.splitlines()
    rows = [json.loads(line) for line in lines]
    text = make_doc().text
    assert len(rows) == 4 and all(set(r) == PREDICTION_KEYS for r in rows)
    assert all(text[r["start"]:r["end"]] == r["quote"] for r in rows)
    targets_only = run("measures", "--kind", "target", "--doc", "report.txt", "--jsonl", "--db", stored)
    assert [json.loads(line)["kind"] for line in targets_only.stdout.splitlines()] == ["target", "target"]
    assert "地区生产总值" in run("measures", "--db", stored).stdout


def test_targets_as_jsonl_csv_and_table(stored):
    rows = [json.loads(line) for line in run("targets", "--jsonl", "--db", stored).stdout.splitlines()]
    assert [r["indicator"] for r in rows] == ["gdp_growth", "surveyed_unemployment"]
    assert all(TARGET_KEYS <= set(r) for r in rows) and rows[0]["region"] == "示例市" and rows[0]["year"] == 2024
    table = list(csv.DictReader(io.StringIO(run("targets", "--csv", "--db", stored).stdout)))
    assert [(r["indicator"], r["value"], r["comparator"]) for r in table] == [
        ("gdp_growth", "6", "~"), ("surveyed_unemployment", "5.5", "<=")]
    assert "gdp_growth" in run("targets", "--db", stored).stdout
    both = run("targets", "--csv", "--jsonl", "--db", stored)
    assert both.exit_code == 1 and "[L300]" in both.stderr


def last_line(text: str) -> str:
    return text.strip().splitlines()[-1]


def test_eval_gives_the_reference_scripts_numbers(corpus_db, shared, tmp_path):
    pred = tmp_path / "pred.jsonl"
    pred.write_text(run("measures", "--jsonl", "--db", corpus_db).stdout, encoding="utf-8")
    reference = subprocess.run(
        [sys.executable, shared / "gold" / "score.py", "--gold", shared / "gold" / "seeds",
         "--docs", shared / "corpus" / "seeds", "--pred", pred], capture_output=True, text=True, check=True)
    ours = run("eval", "--gold", shared / "gold" / "seeds", "--db", corpus_db)
    assert ours.exit_code == 0, ours.output
    assert last_line(ours.stdout) == last_line(reference.stdout)

    targets = tmp_path / "targets.jsonl"
    targets.write_text(run("targets", "--jsonl", "--db", corpus_db).stdout, encoding="utf-8")
    reference = subprocess.run(
        [sys.executable, shared / "gold" / "score_targets.py", "--gold", shared / "gold" / "targets",
         "--pred", targets], capture_output=True, text=True, check=True)
    ours = run("eval", "--gold", shared / "gold" / "targets", "--db", corpus_db)
    assert last_line(ours.stdout) == last_line(reference.stdout)


def test_eval_on_fresh_documents_equals_eval_on_stored_ones(corpus_db, shared):
    both = shared / "gold"
    stored = run("eval", "--gold", both, "--db", corpus_db)
    fresh = run("eval", "--gold", both, "--docs", shared / "corpus" / "seeds",
                "--docs", shared / "corpus" / "dev" / "zhumadian")
    assert fresh.exit_code == 0 and stored.exit_code == 0
    assert fresh.stdout == stored.stdout and "targets_f1=" in fresh.stdout and "strict_f1=" in fresh.stdout


def test_eval_warns_about_gold_documents_it_cannot_find(tmp_path, shared):
    result = run("eval", "--gold", shared / "gold" / "seeds", "--docs", tmp_path)
    assert result.exit_code == 0 and "4 gold documents not found" in result.stderr
    assert "f1=0.0000" in result.stdout


def test_demo_ingests_the_examples_and_summarises_them(tmp_path):
    db = tmp_path / "demo.db"
    result = run("demo", "--no-serve", "--db", db)
    assert result.exit_code == 0, result.output
    for name in ("shili_2023_gwr.txt", "shili_2024_gwr.txt", "shilixian_14th_fyp.txt"):
        assert f"{name}: ok" in result.stdout
    assert "示例市" in result.stdout and "gdp_growth" in result.stdout and "headline targets" in result.stdout
    assert "serving" not in result.stdout
    assert len(json.loads(run("docs", "--json", "--db", db).stdout)) == 3
    assert "unchanged" in run("demo", "--no-serve", "--db", db).stdout
    assert "luoshi user add NAME --role editor" in result.stdout  # no account yet: how to get one
    added = CliRunner().invoke(app, ["user", "add", "clerk", "--role", "editor", "--password-stdin", "--db", str(db)],
                               input="a-long-enough-password\n")
    assert added.exit_code == 0, added.output
    assert "luoshi user add" not in run("demo", "--no-serve", "--db", db).stdout


def test_demo_serves_the_app_and_prints_its_url(tmp_path):
    """The README's main command: after the summary, the register is served at the printed URL."""
    from urllib.request import urlopen

    script = "from luoshi.cli import app; app()"
    command = [sys.executable, "-c", script, "demo", "--db", str(tmp_path / "demo.db"), "--port", "0"]
    with subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                          encoding="utf-8") as server:
        try:
            lines = []
            for line in server.stdout:
                lines.append(line)
                if line.startswith("serving"):
                    break
            assert "shili_2024_gwr.txt: ok" in "".join(lines), "".join(lines)
            found = re.search(r"http://[\d.]+:\d+/", lines[-1])
            assert found, lines
            url = found.group(0)
            with urlopen(url + "register", timeout=30) as page:
                assert page.status == 200 and "承诺台账" in page.read().decode("utf-8")
            with urlopen(url + "api/fulfilment", timeout=30) as api:
                assert json.loads(api.read())["verdicts"]
        finally:
            server.terminate()
            server.communicate(timeout=20)


@pytest.mark.parametrize("args, code", [
    (("docs",), "[L202]"),
    (("show", "nothing.txt"), "[L202]"),
    (("ingest", "--encoding", "klingon", "x.txt"), "[L300]"),
])
def test_errors_are_one_line_on_stderr(stored, tmp_path, args, code):
    result = run(*args, "--db", tmp_path / "other.db" if args == ("docs",) else stored)
    assert result.exit_code == 1
    assert code in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output


def test_a_database_from_a_newer_luoshi_is_one_line(stored):
    with Store(stored) as store, store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
        where = store.where
    result = run("docs", "--db", stored)
    assert result.exit_code == 1 and result.stderr.startswith(f"{where}: [L201]")


def test_an_unexpected_failure_is_one_line_too(stored, monkeypatch):
    def broken(self):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(Store, "list_documents", broken)
    result = run("docs", "--db", stored)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stderr.strip() == "luoshi: [L000] internal error (RuntimeError: disk on fire); " \
                                    "please report it with the file that caused it"


CORE_COMMANDS = {"ingest", "docs", "show", "demo", "measures", "targets", "eval"}


def test_every_command_has_help_and_is_in_the_readme():
    from typer.main import get_command

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    commands = get_command(app).commands
    assert CORE_COMMANDS <= set(commands)
    for name in commands:
        result = run(name, "--help")
        assert result.exit_code == 0, name
        assert f"| `luoshi {name} " in readme or f"| `luoshi {name}`" in readme, name
    for name in CORE_COMMANDS:
        assert "--db" in run(name, "--help").stdout


def test_readme_starts_with_the_two_commands_and_lists_every_error_code():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert readme.splitlines()[:4] == [
        "```sh", "pip install -e . && luoshi demo", 'pip install -e ".[test]" && pytest', "```"]
    errors = [LuoshiError, *all_subclasses(LuoshiError)]
    assert len(errors) >= 15
    for cls in errors:
        assert f"| {cls.code} | `{cls.__name__}`" in readme


def all_subclasses(cls: type) -> list[type]:
    return [c for sub in cls.__subclasses__() for c in (sub, *all_subclasses(sub))]
