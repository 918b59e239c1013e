"""Cross-document tables: pivots, attention by topic, ambition change (on every store backend)."""
from __future__ import annotations

import dataclasses

import pytest
from conftest import span_of

from luoshi.analysis import (
    TABLES,
    ambition_change,
    attention_by_topic,
    build,
    headline_targets_by_region_year,
    target_text,
)
from luoshi.data.tables import INDICATOR_LABELS, UNCLASSIFIED_TOPIC
from luoshi.errors import UsageError
from luoshi.model import HeadlineTarget, Task


def report(make_doc, name: str, region: str, year: int, targets: dict[str, tuple], *, period: str | None = None):
    """A stored-ready report stating ``targets``: indicator key -> (words, value, unit, comparator[, value_max])."""
    text = f"{year}年政府工作报告\n今年主要预期目标是:" + ",".join(t[0] for t in targets.values()) + "。\n"
    doc = make_doc(text, name, region=region, year=year, full=False)
    rows = tuple(HeadlineTarget(key, t[0], t[1], t[2], t[3], span_of(text, t[0]), str(year), *t[4:])
                 for key, t in targets.items())
    return dataclasses.replace(doc, targets=rows, metadata=dataclasses.replace(doc.metadata, period=period))


@pytest.mark.parametrize(("value", "unit", "comparator", "value_max", "expected"), [
    (6, "%", ">=", None, "6%以上"), (5.5, "%", "<=", None, "5.5%以内"), (6.0, "%", "~", None, "6%左右"),
    (6, "%", "range", 7, "6-7%"), (500, "亿元", ">", None, "超过500亿元"), (3.2, "%", "=", None, "3.2%"),
    (None, "%", "=", None, None),
])
def test_a_target_reads_as_the_report_writes_it(value, unit, comparator, value_max, expected):
    assert target_text(value, unit, comparator, value_max) == expected


def test_headline_targets_pivot_one_row_per_region_and_year(store, make_doc):
    store.save_document(report(make_doc, "a2024.txt", "甲市", 2024, {
        "gdp_growth": ("地区生产总值增长6%左右", 6, "%", "~"),
        "surveyed_unemployment": ("城镇调查失业率5.5%以内", 5.5, "%", "<="),
        "other": ("农业增加值增长3%", 3, "%", "="),
    }))
    store.save_document(report(make_doc, "a2023.txt", "甲市", 2023, {
        "gdp_growth": ("地区生产总值增长6.5%以上", 6.5, "%", ">="),
        "gdp_level": ("地区生产总值突破500亿元", 500, "亿元", ">"),
    }))
    store.save_document(make_doc("没有目标的文件。\n", "none.txt", full=False))
    table = headline_targets_by_region_year(store)
    rows = table.records()
    assert [(r["region"], r["year"], r["doc"]) for r in rows] == [("甲市", 2023, "a2023.txt"), ("甲市", 2024, "a2024.txt")]
    assert (rows[0]["gdp_growth"], rows[0]["gdp_growth_value"], rows[0]["gdp_level"]) == ("6.5%以上", 6.5, "超过500亿元")
    assert (rows[1]["gdp_growth"], rows[1]["surveyed_unemployment"], rows[1]["gdp_level"]) == ("6%左右", "5.5%以内", None)
    assert "other" not in table.column_names and all(len(row) == len(table.columns) for row in table.rows)
    labels = {c.name: c.label for c in table.columns}
    assert labels["gdp_growth"] == INDICATOR_LABELS["gdp_growth"] and labels["gdp_growth_value"].startswith("地区")


def test_ambition_change_compares_consecutive_annual_targets(store, make_doc):
    for year, gdp, jobless, cpi, jobs in [(2021, 7, 5.5, 3, ("3万人", 3, "万人")), (2022, 6, 5, 3, ("3000人", 3000, "人")),
                                          (2024, 6, 5.5, 3, ("3000人", 3000, "人"))]:
        store.save_document(report(make_doc, f"r{year}.txt", "乙县", year, {
            "gdp_growth": (f"生产总值增长{gdp}%", gdp, "%", "="),
            "surveyed_unemployment": (f"失业率{jobless}%以内", jobless, "%", "<="),
            "cpi": (f"价格涨幅{cpi}%左右", cpi, "%", "~"),
            "new_urban_jobs": (f"新增就业{jobs[0]}", jobs[1], jobs[2], ">="),
        }))
    store.save_document(report(make_doc, "plan.txt", "乙县", 2023, {"gdp_growth": ("年均增长9%", 9, "%", "=")},
                               period="2021-2025"))
    rows = {(r["indicator"], r["year"]): r for r in ambition_change(store).records()}
    assert set(rows) == {(k, y) for k in ("gdp_growth", "surveyed_unemployment", "cpi", "new_urban_jobs")
                         for y in (2021, 2022)}  # the plan is not an annual target
    gdp = rows[("gdp_growth", 2021)]
    assert (gdp["next_year"], gdp["value"], gdp["next_value"], gdp["delta"]) == (2022, 7, 6, -1)
    assert (gdp["direction"], gdp["ambition"], gdp["target"], gdp["next_doc"]) == ("下调", "更低", "7%", "r2022.txt")
    assert rows[("gdp_growth", 2022)]["next_year"] == 2024  # the next year that states the target
    assert (rows[("gdp_growth", 2022)]["delta"], rows[("gdp_growth", 2022)]["ambition"]) == (0, "不变")
    jobless = rows[("surveyed_unemployment", 2021)]
    assert (jobless["delta"], jobless["direction"], jobless["ambition"]) == (-0.5, "下调", "更高")  # a lower ceiling
    assert rows[("surveyed_unemployment", 2022)]["ambition"] == "更低"
    assert (rows[("cpi", 2021)]["direction"], rows[("cpi", 2021)]["ambition"]) == ("持平", None)
    jobs = rows[("new_urban_jobs", 2021)]
    assert (jobs["delta"], jobs["direction"], jobs["ambition"]) == (None, None, None)  # 万人 vs 人: not compared
    assert rows[("new_urban_jobs", 2022)]["delta"] == 0


def test_attention_counts_measures_and_tasks_per_topic(store, make_doc):
    doc = make_doc()
    topics = ("economy", "economy", None, "ecology")
    measures = tuple(dataclasses.replace(m, topic=topic) for m, topic in zip(doc.measures, topics, strict=True))
    text = doc.text
    task = Task(span_of(text, "城镇调查失业率控制在5.5%以内"), "target", "控制", "城镇调查失业率控制在5.5%以内",
                "城镇调查失业率控制在5.5%以内", "2024", topic="economy", sentence=2, section=2)
    store.save_document(dataclasses.replace(doc, measures=measures, tasks=(task,)))
    store.save_document(make_doc("空文件。\n", "empty.txt", full=False))
    table = attention_by_topic(store)
    rows = [(r["doc"], r["topic"], r["measures"], r["tasks"], r["share"]) for r in table.records()]
    assert rows == [("report.txt", "ecology", 1, 0, 0.2), ("report.txt", "economy", 2, 1, 0.6),
                    ("report.txt", None, 1, 0, 0.2)]
    labels = {r["topic"]: r["topic_label"] for r in table.records()}
    assert labels[None] == UNCLASSIFIED_TOPIC and labels["economy"] not in ("economy", UNCLASSIFIED_TOPIC)


def test_tables_use_the_latest_version_of_each_document(store, make_doc):
    store.save_document(report(make_doc, "r.txt", "丙市", 2024, {"gdp_growth": ("增长6%", 6, "%", "=")}))
    store.save_document(report(make_doc, "r.txt", "丙市", 2024, {"gdp_growth": ("增长5%", 5, "%", "=")}))
    assert [r["gdp_growth"] for r in headline_targets_by_region_year(store).records()] == ["5%"]
    assert [r["value"] for r in build(store, "targets").records()] == [5]


def test_every_table_builds_on_an_empty_and_a_full_store(store, make_doc):
    for name in TABLES:
        assert build(store, name).rows == ()
    store.save_document(make_doc())
    store.save_document(make_doc(name="next-year.txt", year=2025))
    for name in TABLES:
        table = build(store, name)
        assert table.name == name and table.rows
        assert all(len(row) == len(table.columns) for row in table.rows)
        assert len(set(table.column_names)) == len(table.columns)
    measures = build(store, "measures").records()
    assert {(m["doc"], m["region"], m["year"]) for m in measures} == {("report.txt", "示例市", 2024),
                                                                    ("next-year.txt", "示例市", 2025)}
    assert all(make_doc().text[m["start"]:m["end"]] == m["quote"] for m in measures)


def test_an_unknown_table_names_the_known_ones(store):
    with pytest.raises(UsageError) as err:
        build(store, "nope")
    assert "ambition_change" in str(err.value) and "\n" not in str(err.value)


def test_real_reports_give_tables_consistent_with_their_targets(store, shared):
    from luoshi.ingest import ingest

    reports = sorted((shared / "corpus" / "dev" / "zhumadian").glob("*.txt"))[:3]
    assert len(reports) == 3
    assert all(not r.failed for r in ingest(reports, store))
    targets = build(store, "targets").records()
    by_doc_key = {(t["doc"], t["indicator"]): t for t in targets}
    pivot = headline_targets_by_region_year(store).records()
    assert len(pivot) == len({t["doc"] for t in targets if t["indicator"] != "other"})
    for row in pivot:
        for key in INDICATOR_LABELS:
            if key != "other" and (target := by_doc_key.get((row["doc"], key))) is not None:
                assert row[f"{key}_value"] == target["value"] and row[key] == target["target"]
    changes = ambition_change(store).records()
    assert changes, "three consecutive reports of one city share headline indicators"
    for change in changes:
        first, then = by_doc_key[(change["doc"], change["indicator"])], by_doc_key[(change["next_doc"], change["indicator"])]
        assert (change["value"], change["next_value"]) == (first["value"], then["value"])
        assert change["year"] < change["next_year"] and change["region"] == first["region"] == then["region"]
        if change["delta"] is not None:
            assert change["delta"] == pytest.approx(then["value"] - first["value"])
