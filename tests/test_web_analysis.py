"""The fulfilment and comparison pages and their JSON twins, on the bundled examples.

Expected verdicts and tables are computed through ``luoshi.fulfilment`` and
``luoshi.analysis`` in the test, never written here.
"""
from __future__ import annotations

import re
from collections import Counter
from html import escape

import pytest
from fastapi.testclient import TestClient

from luoshi import analysis
from luoshi.demo import run_demo
from luoshi.fulfilment import fulfilment
from luoshi.fulfilment_text import reason_zh
from luoshi.store import Store
from luoshi.web import Settings, create_app
from luoshi.web.analysis_queries import VERDICT_LABELS


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("analysis") / "luoshi.db")
    with Store(db) as store:
        assert not [r for r in run_demo(store).results if r.failed]
        docs = [store.get_document(d.id) for d in store.list_documents()]
        with TestClient(create_app(Settings(db=db))) as client:
            yield client, store, docs


def test_fulfilment_lists_the_verdicts_of_the_examples(site):
    client, _, docs = site
    expected = fulfilment(docs)
    assert {v.region for v in expected} == {"示例市"}  # 2023 report's targets against the 2024 report's review
    data = client.get("/api/fulfilment").json()
    assert [(v["region"], v["indicator"], v["verdict"]) for v in data["verdicts"]] == \
        [(v.region, v.indicator, v.verdict) for v in expected]
    assert [v["target"]["quote"] for v in data["verdicts"]] == [v.target.quote for v in expected]
    tally = Counter(v.verdict for v in expected)
    assert {c["verdict"]: c["count"] for c in data["counts"]} == {k: tally[k] for k in VERDICT_LABELS}
    html = client.get("/fulfilment").text
    assert html.count('class="verdict-row"') == len(expected)
    for verdict, label in VERDICT_LABELS.items():
        assert html.count(f'class="verdict v-{verdict}"') == tally[verdict]
        if tally[verdict]:
            assert label in html
    assert "<svg" in html and "数据表" in html  # the counts chart with its data table


def test_fulfilment_quotes_link_to_their_source(site):
    client, _, docs = site
    ids = {d.name: d.id for d in docs}
    data = client.get("/api/fulfilment").json()
    html = client.get("/fulfilment").text
    for v in data["verdicts"]:
        for side in (v["target"], v["actual"]):
            if side is None:
                continue
            doc = next(d for d in docs if d.id == side["document_id"])
            assert doc.source.text[side["start"]:side["end"]] == side["quote"]
            assert side["document_id"] in ids.values()
            if side["anchor"]:
                assert f'/documents/{side["document_id"]}/source#{side["anchor"]}' in html
    assert any(v["target"]["anchor"] for v in data["verdicts"])


def test_each_verdict_shows_its_reason_in_chinese(site):
    client, _, docs = site
    expected = [reason_zh(v) for v in fulfilment(docs)]
    assert [v["reason_zh"] for v in client.get("/api/fulfilment").json()["verdicts"]] == expected
    shown = re.findall(r'<div class="reason small">([^<]*)</div>', client.get("/fulfilment").text)
    assert shown == [escape(r) for r in expected] and all(r.startswith(("实际", "次年")) for r in shown)


def test_comparison_shows_the_analysis_tables(site):
    client, store, _ = site
    data = client.get("/api/comparison").json()
    headline = analysis.headline_targets_by_region_year(store)
    assert len(data["headline"]["rows"]) == len(headline.rows)
    assert "gdp_growth" in data["headline"]["columns"] and "region" in data["headline"]["columns"]
    attention = analysis.attention_by_topic(store).records()
    assert sum(t["items"] for t in data["attention"]) == sum(r["measures"] + r["tasks"] for r in attention)
    assert [t["items"] for t in data["attention"]] == sorted((t["items"] for t in data["attention"]), reverse=True)
    assert len(data["ambition"]["rows"]) == len(analysis.ambition_change(store).rows)
    html = client.get("/comparison").text
    assert "各地各年主要预期目标" in html and "<svg" in html
    table = html.split('class="data headline_targets_by_region_year"', 1)[1].split("</table>", 1)[0]
    assert len(re.findall(r"<tr>", table)) == len(headline.rows) + 1


def test_openapi_describes_the_twins(site):
    client, _, _ = site
    paths = client.get("/api/openapi.json").json()["paths"]
    assert {"/api/fulfilment", "/api/comparison"} <= set(paths)
