"""The store: schema and migrations, round trips, versioning, atomicity, concurrency."""
from __future__ import annotations

import dataclasses
import threading

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from conftest import PREDICTION_KEYS, table_rows
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from luoshi.errors import NotFound, SchemaTooNew, StoreError
from luoshi.model import Measure, Span
from luoshi.options import Options
from luoshi.store import Store
from luoshi.store.engine import WAL_AUTOCHECKPOINT_PAGES, make_engine
from luoshi.store.migrate import head_revision
from luoshi.store.schema import metadata


def test_migrations_build_exactly_the_schema_the_code_uses(store):
    from sqlalchemy import inspect

    from luoshi.store.schema import SEARCH_TABLE, TRIGRAM_INDEX, include_object

    with store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": include_object})
        assert compare_metadata(context, metadata) == []
        if conn.dialect.name == "sqlite":  # the dialect-specific search objects the comparison leaves out
            assert SEARCH_TABLE in inspect(conn).get_table_names()
        else:
            assert TRIGRAM_INDEX in {i["name"] for i in inspect(conn).get_indexes("commitments")}


def test_migrations_render_for_postgresql():
    from sqlalchemy.dialects import postgresql

    from luoshi.store.migrate import sql_script
    from luoshi.store.reader import latest_versions

    ddl = sql_script("postgresql")
    for table in metadata.tables:
        assert f"CREATE TABLE {table} (" in ddl
    assert "ALTER TABLE documents ADD COLUMN source_meta_origin JSON" in ddl and "SERIAL" in ddl
    assert "ALTER TABLE documents ADD COLUMN notes JSON" in ddl
    assert "GROUP BY documents.name" in str(latest_versions().compile(dialect=postgresql.dialect()))


def test_sqlite_runs_in_wal_mode_with_foreign_keys(db_path):
    with Store(db_path) as store, store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000
        assert conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == WAL_AUTOCHECKPOINT_PAGES


def test_a_document_round_trips_through_the_store(store, make_doc):
    doc = make_doc()
    doc_id, status, version, _ = store.save_document(doc)
    assert (status, version) == ("ok", 1)
    for ref in (doc_id, str(doc_id), "report.txt"):
        stored = store.get_document(ref)
        assert stored.id == doc_id
        assert stored.source == doc.source
        assert stored.normalised_text == doc.normalised.text
        assert stored.metadata == doc.metadata
        assert (stored.sections, stored.sentences, stored.glossary) == (doc.sections, doc.sentences, doc.glossary)
        assert (stored.measures, stored.targets) == (doc.measures, doc.targets)


def test_stored_document_rebuilds_the_offset_map_with_the_normaliser(store, make_doc):
    from luoshi.normalise import normalise

    doc = make_doc()
    norm = normalise(doc.text, doc.source.repairs)
    doc = dataclasses.replace(doc, normalised=norm)
    doc_id = store.save_document(doc).id
    rebuilt = store.get_document(doc_id).document()
    assert rebuilt.normalised.text == norm.text
    assert list(rebuilt.normalised.src_start) == list(norm.src_start)
    assert list(rebuilt.normalised.src_end) == list(norm.src_end)
    assert rebuilt.measures == doc.measures


def test_measure_rows_use_the_gold_prediction_format(store, make_doc):
    doc = make_doc()
    store.save_document(doc)
    rows = store.measures()
    assert len(rows) == len(doc.measures) and all(set(r) == PREDICTION_KEYS for r in rows)
    for row in rows:
        assert doc.text[row["start"]:row["end"]] == row["quote"]
        assert row["doc"] == "report.txt"
    assert [r["kind"] for r in store.measures(kind="target")] == ["target", "target"]
    assert store.measures(doc="report.txt") == rows
    targets = store.targets()
    assert [(r["indicator"], r["value"], r["region"], r["year"]) for r in targets] == [
        ("gdp_growth", 6, "示例市", 2024), ("surveyed_unemployment", 5.5, "示例市", 2024)]


def test_identical_file_is_unchanged_and_a_changed_one_is_a_new_version(store, make_doc, db):
    first = store.save_document(make_doc())
    before = table_rows(db)
    assert store.save_document(make_doc()) == (first.id, "unchanged", 1, "report.txt")
    assert table_rows(db) == before

    changed = make_doc(make_doc().text + "附件。\n")
    second = store.save_document(changed)
    assert second.status == "new version" and second.version == 2 and second.id != first.id
    after = table_rows(db)
    index = before.pop("commitment_index")  # derived: the older version's commitments are no longer the latest
    for search in [name for name in before if name.startswith("commitment_search")]:  # FTS5: its own order
        del before[search]
    for table, rows in before.items():  # nothing stored earlier changed
        assert after[table][: len(rows)] == rows
    latest = [r[2] for r in after["commitment_index"]]
    assert index and not any(latest[:len(index)]) and all(latest[len(index):])
    assert [d.version for d in store.list_documents()] == [2]
    assert store.get_document("report.txt").id == second.id
    assert store.get_document(first.id).version == 1
    assert len(store.measures()) == len(changed.measures)  # latest versions only


def test_a_same_named_file_of_another_region_or_year_is_another_document(store, make_doc):
    city = store.save_document(make_doc())
    other = make_doc(make_doc().text + "附件。\n", region="另一市")
    saved = store.save_document(other)
    assert saved.status == "ok" and saved.version == 1 and saved.name == "另一市/2024/政府工作报告/report.txt"
    next_year = store.save_document(make_doc(make_doc().text + "附录。\n", year=2025))
    assert next_year.name == "示例市/2025/政府工作报告/report.txt"
    assert [(d.name, d.version) for d in store.list_documents()] == [
        ("report.txt", 1), (saved.name, 1), (next_year.name, 1)]  # all three latest: none hides another
    assert store.get_document("report.txt").id == city.id and store.get_document(saved.name).id == saved.id
    with store.engine.connect() as conn:
        threads = [set(conn.execute(text("SELECT thread FROM commitments WHERE document_id = :d"), {"d": s.id})
                       .scalars()) for s in (city, saved)]
    assert threads[0] and not threads[0] & threads[1]  # the city's tracking history is not the other's
    assert store.save_document(other) == (saved.id, "unchanged", 1, saved.name)  # found again under its name
    assert store.find_unchanged("report.txt", other.source.sha256) == (saved.id, "unchanged", 1, saved.name)
    assert store.find_unchanged("port.txt", other.source.sha256) is None  # a name ends after a /
    corrected = store.save_document(make_doc(other.text + "补充。\n", region="另一市"))
    assert (corrected.status, corrected.version, corrected.name) == ("new version", 2, saved.name)
    unknown = store.save_document(make_doc(make_doc().text + "更正。\n", region=None, year=None))
    assert (unknown.status, unknown.name) == ("new version", "report.txt")  # nothing known differs


def test_a_file_stored_without_extraction_is_stored_again_when_extraction_is_asked(store, make_doc):
    doc = make_doc()
    assert store.save_document(doc, Options(extract=False)).status == "ok"
    assert store.save_document(doc, Options(extract=False)).status == "unchanged"
    assert store.save_document(doc).status == "new version"
    assert store.save_document(doc, Options(extract=False)).status == "unchanged"


def test_a_failing_document_leaves_nothing_half_written(store, make_doc, db):
    store.save_document(make_doc(name="good.txt"))
    before = table_rows(db)
    bad = make_doc(name="bad.txt")
    broken = Measure(Span(0, 1), "target", "x", "x", 1.0, None, "=", False, None, 0.5)  # unit is required
    with pytest.raises(StoreError) as err:
        store.save_document(dataclasses.replace(bad, measures=(*bad.measures, broken)))
    assert "\n" not in str(err.value) and "[L200]" in str(err.value)
    assert table_rows(db) == before


def test_concurrent_writers_get_distinct_versions(db, make_doc):
    Store(db).close()
    errors: list[BaseException] = []

    def write(worker: int) -> None:
        try:
            with Store(db) as own:
                for i in range(8):
                    own.save_document(make_doc(make_doc().text + f"{worker}-{i}\n"))
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with Store(db) as store, store.engine.connect() as conn:
        versions = list(conn.scalars(text("SELECT version FROM documents ORDER BY version")))
        if conn.dialect.name == "sqlite":
            assert conn.exec_driver_sql("PRAGMA integrity_check").fetchone() == ("ok",)
    assert versions == list(range(1, 25))


def test_an_older_database_is_migrated_on_open_and_keeps_its_rows(db):
    from alembic import command

    from luoshi.store.migrate import _config

    engine = make_engine(db, create=True)
    with engine.begin() as conn:
        command.upgrade(_config(conn), "0001")
        conn.execute(
            text("INSERT INTO documents (name, version, sha256, format, encoding, source_text, normalised_text, "
                 "repairs_applied, extracted, title_confidence, unknown, provenance, source_meta, ingested_at) "
                 "VALUES ('old.txt', 1, 'ab', 'txt', 'utf-8', '旧文本', '旧文本', :yes, :yes, 0.0, '{}', '{}', "
                 "'{\"k\": \"v\"}', '2024-01-01 00:00:00')"), {"yes": True})
    engine.dispose()
    with Store(db) as store:
        old = store.get_document("old.txt")
        assert (old.source.text, old.source.meta, old.source.meta_origin) == ("旧文本", {"k": "v"}, {})
        assert (old.metadata.notes, old.metadata.unknown) == ({}, {})
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == head_revision()


def test_a_database_from_a_newer_luoshi_is_refused(db):
    with Store(db) as store, store.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
        where = store.where
    with pytest.raises(SchemaTooNew) as err:
        Store(db)
    assert "[L201]" in str(err.value) and "9999_future" in str(err.value) and where in str(err.value)


def test_opening_accepts_a_sqlalchemy_url(tmp_path, make_doc):
    with Store(f"sqlite:///{tmp_path / 'via-url.db'}") as store:
        store.save_document(make_doc())
    with Store(tmp_path / "via-url.db", create=False) as store:
        assert [d.name for d in store.list_documents()] == ["report.txt"]


def test_reading_a_missing_database_says_how_to_make_one(tmp_path):
    with pytest.raises(NotFound) as err:
        Store(tmp_path / "nothing.db", create=False)
    assert "luoshi ingest" in str(err.value)
    assert not (tmp_path / "nothing.db").exists()


def test_a_file_that_is_not_a_database_gives_one_line(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("just some notes, not SQLite\n" * 100)
    with pytest.raises(StoreError) as err:
        Store(path)
    assert "\n" not in str(err.value) and str(path) in str(err.value)


def test_unknown_document_is_not_found(store):
    with pytest.raises(NotFound) as err:
        store.get_document("nope.txt")
    assert "luoshi docs" in str(err.value)


def test_list_documents_counts_items(store, make_doc):
    store.save_document(make_doc())
    store.save_document(make_doc(name="bare.txt", full=False))
    listed = {d.name: d for d in store.list_documents()}
    assert (listed["report.txt"].measures, listed["report.txt"].targets) == (4, 2)
    assert (listed["bare.txt"].measures, listed["bare.txt"].region, listed["bare.txt"].year) == (0, "示例市", 2024)
    assert listed["report.txt"].characters == len(make_doc().text)


# NUL is left out: PostgreSQL text cannot hold it (see the test below); the readers refuse NUL bytes.
characters = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
texts = st.text(characters, min_size=1, max_size=40)


def test_a_nul_character_round_trips_or_is_refused_in_one_line(store, make_doc):
    doc = make_doc("前\x00后", name="nul.txt", full=False)
    if store.engine.dialect.name == "sqlite":
        assert store.get_document(store.save_document(doc).id).source.text == "前\x00后"
        return
    with pytest.raises(StoreError) as err:
        store.save_document(doc)
    assert "\n" not in str(err.value) and "NUL" in str(err.value)
    assert store.list_documents() == []


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts, indicator=texts, unit=st.text(characters, max_size=5),
       value=st.floats(allow_nan=False, allow_infinity=False), period=st.none() | texts)
def test_measures_of_any_text_and_value_round_trip(store, make_doc, text, indicator, unit, value, period):
    measure = Measure(Span(0, len(text)), "target", indicator, indicator, value, unit, ">=", True, period, 0.5)
    doc = dataclasses.replace(make_doc(text, name=f"{hash((text, indicator, unit, value, period))}.txt",
                                       full=False), measures=(measure,))
    doc_id = store.save_document(doc).id
    stored = store.get_document(doc_id)
    assert stored.source.text == text and stored.measures == (measure,)
