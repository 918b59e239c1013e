"""The register: commitments stored with their document, listed and coloured from their events."""
from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime

import pytest
from conftest import make_document, span_of

from luoshi import register
from luoshi.errors import NotFound, UsageError
from luoshi.model import Document, Project, Slogan, Task

JUNE = date(2024, 6, 28)


def doc_with_tasks(text_extra: str = "", name: str = "report.txt") -> Document:
    """The conftest report plus two tasks (one with a stated limit), a project and a slogan."""
    doc = make_document(name=name)
    text = doc.text + "上半年建成示例大道。力争年内实施百千万工程。\n" + text_extra
    doc = make_document(text, name=name)
    road, slogan = span_of(text, "上半年建成示例大道"), span_of(text, "力争年内实施百千万工程")
    tasks = (
        Task(road, "target", "建成", "上半年建成示例大道", "上半年建成示例大道", "2024", "上半年", "transport",
             None, 2, (), (0,)),
        Task(slogan, "target", "实施", "力争年内实施百千万工程", "力争年内实施百千万工程", None, None, None,
             None, 2, (2, 3), (), (0,)),
        Task(span_of(text, "新增城镇就业1.2万人"), "achievement", "新增", "新增城镇就业1.2万人", "新增城镇就业1.2万人",
             "2023", None, "employment", 1, 1),
    )
    projects = (Project("示例大道", "大道", "transport", (span_of(text, "示例大道"),), (0,)),)
    slogans = (Slogan("百千万工程", (span_of(text, "百千万工程"), span_of(text, "百千万工程", slogan.start)),
                      "指百县千镇万村高质量发展工程。", 0),)
    return dataclasses.replace(doc, tasks=tasks, projects=projects, slogans=slogans)


def by_text(store, **filters) -> dict[str, register.CommitmentSummary]:
    return {c.text: c for c in register.list_commitments(store, today=JUNE, **filters)}


def test_tasks_projects_and_slogans_round_trip_through_the_store(store):
    doc = doc_with_tasks()
    doc_id = store.save_document(doc).id
    stored = store.get_document(doc_id)
    assert (stored.tasks, stored.projects, stored.slogans) == (doc.tasks, doc.projects, doc.slogans)


def test_every_target_task_and_target_measure_is_a_commitment(store):
    doc = doc_with_tasks()
    store.save_document(doc)
    listed = register.list_commitments(store, today=JUNE)
    targets = [m for m in doc.measures if m.kind == "target"] + [k for k in doc.tasks if k.kind == "target"]
    assert len(listed) == len(targets) == 4 and len(doc.tasks) == 3
    assert "新增城镇就业1.2万人" not in {c.text for c in listed}  # an achievement: evidence, not a commitment
    assert {c.kind for c in listed} == {"task", "measure"}
    for c in listed:
        assert doc.text[c.span.start:c.span.end] == c.text
        assert (c.status, c.status_label, c.lead_unit, c.doc, c.version) == ("not_started", "未启动", None,
                                                                            "report.txt", 1)
    assert [c.span.start for c in listed] == sorted(c.span.start for c in listed)


def test_default_deadlines_come_from_the_stated_limit_or_the_period(store):
    store.save_document(doc_with_tasks())
    listed = by_text(store)
    road = listed["上半年建成示例大道"]
    assert (road.deadline, road.deadline_stated, road.colour) == (date(2024, 6, 30), "上半年", "yellow")
    # No period on the task: the document's year (2024) is its horizon.
    assert listed["力争年内实施百千万工程"].deadline == date(2024, 12, 31)
    assert listed["地区生产总值增长6%左右"].deadline == date(2024, 12, 31)
    assert listed["地区生产总值增长6%左右"].colour == "green"


def test_state_is_folded_from_events(store):
    store.save_document(doc_with_tasks())
    road = by_text(store)["上半年建成示例大道"]
    register.record(store, road.id, "status", "推进中", "张三", note="路基完工")
    register.record(store, road.id, "lead", "市交通运输局", "张三")
    register.record(store, road.id, "cooperating", "市财政局,市自然资源局", "李四")
    register.record(store, road.id, "deadline", "2024-09-30", "李四", note="省里同意延期")
    register.record(store, road.id, "evidence", "市政府新闻发布会", "王五", url="https://example.org/news/1")
    state = register.get(store, road.id, today=JUNE)
    assert (state.status, state.status_label) == ("in_progress", "推进中")
    assert (state.lead_unit, state.cooperating_units) == ("市交通运输局", ("市财政局", "市自然资源局"))
    assert (state.deadline, state.colour) == (date(2024, 9, 30), "green")
    assert state.notes == ("路基完工", "省里同意延期")
    assert [e.url for e in state.evidence] == ["https://example.org/news/1"]
    assert [e.author for e in state.events] == ["张三", "张三", "李四", "李四", "王五"]
    assert register.get(store, road.id, today=date(2024, 10, 1)).colour == "red"


def test_listing_filters_overdue_due_soon_and_status(store):
    store.save_document(doc_with_tasks())
    listed = by_text(store)
    road, slogan = listed["上半年建成示例大道"], listed["力争年内实施百千万工程"]
    july = date(2024, 7, 1)
    assert [c.id for c in register.list_commitments(store, overdue=True, today=july)] == [road.id]
    assert [c.id for c in register.list_commitments(store, due_soon=True, today=JUNE)] == [road.id]
    assert register.list_commitments(store, overdue=True, today=JUNE) == []
    register.record(store, road.id, "status", "已完成", "张三")
    assert register.list_commitments(store, overdue=True, today=july) == []
    register.record(store, slogan.id, "status", "无公开信息", "张三")
    assert [c.id for c in register.list_commitments(store, status="无公开信息", today=JUNE)] == [slogan.id]
    assert [c.id for c in register.list_commitments(store, status="done", today=JUNE)] == [road.id]
    december = date(2024, 12, 30)
    soon = register.list_commitments(store, due_soon=True, today=december)
    assert road.id not in {c.id for c in soon} and slogan.id in {c.id for c in soon}
    both = register.list_commitments(store, overdue=True, due_soon=True, today=date(2025, 1, 2))
    assert {c.colour for c in both} == {"red"} and road.id not in {c.id for c in both}
    assert [c.kind for c in register.list_commitments(store, kind="task", today=JUNE)] == ["task", "task"]


def test_a_new_version_gets_its_own_commitments_and_keeps_the_history(store):
    first = store.save_document(doc_with_tasks())
    road = by_text(store)["上半年建成示例大道"]
    register.record(store, road.id, "status", "推进中", "张三")
    second = store.save_document(doc_with_tasks("附件。\n"))
    assert second.version == 2
    new_road = by_text(store)["上半年建成示例大道"]
    assert new_road.id != road.id and new_road.version == 2 and new_road.status == "in_progress"
    register.record(store, new_road.id, "lead", "市交通运输局", "李四")
    old_state, new_state = register.get(store, road.id, today=JUNE), register.get(store, new_road.id, today=JUNE)
    assert [e.type for e in new_state.events] == ["status", "lead"] == [e.type for e in old_state.events]
    assert register.list_commitments(store, doc=first.id, today=JUNE)[0].version == 1
    assert len(register.list_commitments(store, today=JUNE)) == 4  # latest versions only


def test_changed_text_starts_a_new_history(store):
    store.save_document(doc_with_tasks())
    road = by_text(store)["上半年建成示例大道"]
    register.record(store, road.id, "status", "推进中", "张三")
    doc = doc_with_tasks("附件。\n")
    text = doc.text.replace("示例大道。", "示例大道二期。")  # the report now says something else
    doc = dataclasses.replace(doc, source=dataclasses.replace(doc.source, text=text, sha256="changed"))
    changed = dataclasses.replace(doc.tasks[0], span=span_of(text, "上半年建成示例大道二期"),
                                  text="上半年建成示例大道二期", text_simplified="上半年建成示例大道二期")
    store.save_document(dataclasses.replace(doc, tasks=(changed,)))
    assert by_text(store)["上半年建成示例大道二期"].status == "not_started"


def test_a_task_keeps_its_history_when_only_its_line_breaks_are_left_out_of_its_text(store):
    """A thread hashes the source slice: a task whose text leaves out a line break inside it (``Task.text``)
    keeps the thread, and so the tracking history, of a version stored with the raw slice as its text."""
    doc = doc_with_tasks("加快建设城南\n污水处理厂。\n")
    plant = span_of(doc.text, "加快建设城南\n污水处理厂")
    raw = Task(plant, "target", "加快建设", "加快建设城南\n污水处理厂", "加快建设城南污水处理厂", "2024")
    store.save_document(dataclasses.replace(doc, tasks=(raw,)))
    register.record(store, by_text(store)["加快建设城南\n污水处理厂"].id, "status", "推进中", "张三")
    doc = doc_with_tasks("加快建设城南\n污水处理厂。\n附件。\n")
    plant = span_of(doc.text, "加快建设城南\n污水处理厂")
    joined = Task(plant, "target", "加快建设", "加快建设城南污水处理厂", "加快建设城南污水处理厂", "2024")
    assert store.save_document(dataclasses.replace(doc, tasks=(joined,))).version == 2
    assert by_text(store)["加快建设城南污水处理厂"].status == "in_progress"


def test_unknown_commitment_and_bad_filters_are_clear_errors(store):
    store.save_document(doc_with_tasks())
    with pytest.raises(NotFound) as err:
        register.get(store, 999)
    assert "luoshi track list" in str(err.value)
    with pytest.raises(UsageError):
        register.list_commitments(store, kind="wish")
    with pytest.raises(UsageError) as err:
        register.list_commitments(store, status="搞定")
    assert "推进中" in str(err.value)


def test_event_times_are_utc_and_kept(store):
    store.save_document(doc_with_tasks())
    item = register.list_commitments(store, today=JUNE)[0].id
    at = datetime(2024, 3, 1, 9, 30, tzinfo=UTC)
    register.record(store, item, "note", "三月进展", "张三", at=at)
    assert register.get(store, item).events[0].at == at


def test_documents_stored_before_the_register_get_their_commitments_on_upgrade(db_path):
    from alembic import command
    from sqlalchemy import create_engine

    from luoshi.store import Store
    from luoshi.store.migrate import _config

    engine = create_engine(f"sqlite:///{db_path}")
    with engine.begin() as conn:
        command.upgrade(_config(conn), "0003")
        conn.exec_driver_sql(
            "INSERT INTO documents (name, version, sha256, format, encoding, source_text, normalised_text, "
            "repairs_applied, extracted, title_confidence, year, unknown, provenance, source_meta, ingested_at) "
            "VALUES ('report.txt', 1, 'ab', 'txt', 'utf-8', '今年GDP增长6%。', '今年GDP增长6%。', 1, 1, 1.0, 2024, "
            "'{}', '{}', '{}', '2024-01-01 00:00:00')")
        for ordinal, kind in enumerate(("target", "achievement")):
            conn.exec_driver_sql(
                "INSERT INTO measures (document_id, ordinal, span_start, span_end, quote, kind, indicator, "
                "indicator_simplified, value, unit, comparator, change, confidence) "
                f"VALUES (1, {ordinal}, 2, 9, 'GDP增长6%', '{kind}', 'GDP', 'GDP', 6, '%', '=', 1, 0.9)")
    engine.dispose()
    with Store(db_path) as store:
        (old,) = register.list_commitments(store, today=JUNE)
        assert (old.text, old.kind, old.deadline, old.status) == ("GDP增长6%", "measure", date(2024, 12, 31),
                                                                  "not_started")
        register.record(store, old.id, "status", "推进中", "张三")
        text = "今年GDP增长6%。附件。"
        doc = make_document(text, full=False)
        doc = dataclasses.replace(doc, measures=(dataclasses.replace(make_document().measures[2],
                                                                     span=span_of(text, "GDP增长6%")),))
        store.save_document(doc)
        (new,) = register.list_commitments(store, today=JUNE)
        assert new.id != old.id and new.version == 2 and new.status == "in_progress"


def test_commitments_of_a_hard_wrapped_report_read_in_one_piece(store):
    from luoshi.model import Source
    from luoshi.pipeline import process

    paragraph = ("2024年主要预期目标是：地区生产总值增长6%左右，一般公共预算收入增长5%，城镇新增就业2.5万人以上，"
                 "居民人均可支配收入增长与经济增长同步。我们将加快建设城南污水处理厂和北部工业园区配套管网，"
                 "推进老旧小区改造工程，完善城市道路交通网络，新建改建农村公路一百公里。") * 2
    text = "\n".join(paragraph[i:i + 16] for i in range(0, len(paragraph), 16)) + "\n"
    doc = process(Source(name="wrapped.txt", path=None, sha256="w", format="txt", encoding="utf-8", text=text))
    store.save_document(doc)
    listed = register.list_commitments(store, today=JUNE)
    assert {"task", "measure"} <= {c.kind for c in listed}
    assert any("\n" in doc.text[c.span.start:c.span.end] for c in listed)  # wrapped in the source …
    assert all("\n" not in c.text for c in listed)  # … whole in the register
    assert all(c.text == doc.text[c.span.start:c.span.end].replace("\n", "") for c in listed)
