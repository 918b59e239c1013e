"""The register and commitment pages and their JSON twins, in process, on the bundled examples.

The examples (示例市 2023 and 2024 work reports, 示例县 five-year plan) are
ingested with the real pipeline; tracking events are recorded through the
register's own API, some of them hostile (markup, a ``javascript:`` URL).
Expected rows always come from ``luoshi.register`` directly, never from
numbers written here.
"""
from __future__ import annotations

import csv
import io
import re
from datetime import UTC, datetime

import pytest
from conftest import BACKENDS, postgres_schema_url
from fastapi.testclient import TestClient
from openpyxl import load_workbook

from luoshi import register
from luoshi.demo import run_demo
from luoshi.store import Store
from luoshi.web import Settings, create_app

HOSTILE = "<script>alert(1)</script>"
EVIDENCE_BYTES = "验收报告\n".encode()


@pytest.fixture(scope="module", params=BACKENDS)
def site(request, tmp_path_factory):
    """(client, store, facts): the examples with a lead unit, statuses, an overdue deadline and evidence recorded."""
    folder = tmp_path_factory.mktemp("register")
    db = str(folder / "luoshi.db") if request.param == "sqlite" else postgres_schema_url(request)
    evidence = folder / "验收 <b>报告.txt"
    evidence.write_bytes(EVIDENCE_BYTES)
    with Store(db) as store:
        assert not [r for r in run_demo(store).results if r.failed]
        rows = register.list_commitments(store)
        first, second, third = rows[0].id, rows[1].id, rows[-1].id
        at = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)
        register.record(store, first, "lead", "发改局", "张三", at)
        register.record(store, first, "status", "推进中", "张三", at.replace(day=2), note="已开工")
        register.record(store, first, "evidence", "现场照片", "李四", at.replace(day=3), url="https://example.org/a")
        register.record(store, first, "evidence", None, "李四", at.replace(day=4), file=evidence)
        register.record(store, first, "evidence", "恶意链接", "李四", at.replace(day=5), url="javascript:alert(7)")
        register.record(store, first, "status", "已完成", "张三", at.replace(day=6))
        register.record(store, second, "lead", HOSTILE, "王五", at)
        register.record(store, second, "note", f"备注{HOSTILE}", "王五", at)
        register.record(store, second, "deadline", "2000-01-01", "王五", at)
        register.record(store, third, "lead", "发改局", "张三", at)
        with TestClient(create_app(Settings(db=db))) as client:
            yield client, store, {"first": first, "second": second, "third": third}


def all_rows(client: TestClient, query: str = "") -> list[dict]:
    """Every row of the API's register for ``query``, following its pages."""
    first = client.get(f"/api/register?{query}").json()
    rows = list(first["rows"])
    for page in range(2, first["pages"] + 1):
        rows += client.get(f"/api/register?{query}&page={page}").json()["rows"]
    assert len(rows) == first["matching"]
    return rows


def page_ids(html: str) -> list[int]:
    body = html.split("<tbody>", 1)[1]
    return [int(i) for i in re.findall(r'<tr data-id="(\d+)"', body)]


def test_pages_cover_the_register_in_document_order(site):
    client, store, _ = site
    expected = [c.id for c in register.list_commitments(store)]
    first = client.get("/api/register").json()
    assert first["total"] == first["matching"] == len(expected)
    assert len(first["rows"]) == min(50, len(expected)) and first["pages"] == -(-len(expected) // 50)
    assert [r["id"] for r in all_rows(client)] == expected
    html = client.get("/register?page=2")
    assert page_ids(html.text) == [r["id"] for r in client.get("/api/register?page=2").json()["rows"]]
    assert 'rel="prev"' in html.text and "第 2 /" in html.text


@pytest.mark.parametrize("facet, direct", [
    ("kind", lambda store, v: register.list_commitments(store, kind=v)),
    ("status", lambda store, v: register.list_commitments(store, status=v)),
    ("lead_unit", lambda store, v: register.list_commitments(store, lead=v)),
    ("document", lambda store, v: register.list_commitments(store, doc=int(v))),
    ("overdue", lambda store, v: register.list_commitments(store, overdue=True)),
])
def test_each_facet_filters_like_the_register(site, facet, direct):
    client, store, _ = site
    facets = client.get("/api/register").json()["facets"][facet]
    values = [f for f in facets if f["value"] not in ("-", "no")]
    assert values, facet
    for value in values:
        expected = [c.id for c in direct(store, value["value"])]
        assert [r["id"] for r in all_rows(client, f"{facet}={value['value']}")] == expected
        assert value["count"] == len(expected)


def test_region_and_year_filter_by_the_documents_metadata(site):
    client, store, _ = site
    docs = {d.id: d for d in store.list_documents()}
    commitments = register.list_commitments(store)
    for facet in ("region", "year"):
        for value in client.get("/api/register").json()["facets"][facet]:
            expected = [c.id for c in commitments if str(getattr(docs[c.document_id], facet)) == value["value"]]
            assert [r["id"] for r in all_rows(client, f"{facet}={value['value']}")] == expected
    assert len({d.region for d in docs.values()}) > 1


def test_facet_counts_follow_the_other_filters(site):
    client, store, _ = site
    measures = register.list_commitments(store, kind="measure")
    view = client.get("/api/register?kind=measure").json()
    assert sum(v["count"] for v in view["facets"]["document"]) == len(measures)
    assert sum(v["count"] for v in view["facets"]["kind"]) == len(register.list_commitments(store))


def test_search_finds_a_commitment_by_a_chinese_substring(site):
    client, store, _ = site
    target = register.list_commitments(store)[-1]
    words = re.findall(r"[\u4e00-\u9fff]{4,}", target.text)[0][:4]
    found = all_rows(client, f"q={words}")
    assert target.id in [r["id"] for r in found]
    assert all(words in r["text"] for r in found)
    assert [r["id"] for r in found] == [c.id for c in register.list_commitments(store) if words in c.text]
    html = client.get("/register", params={"q": words}).text
    assert f'data-id="{target.id}"' in html and f'value="{words}"' in html


def test_search_treats_like_wildcards_as_text(site):
    client, store, _ = site
    for q in ("%", "_", "\\"):
        expected = [c.id for c in register.list_commitments(store) if q in c.text]
        assert [r["id"] for r in all_rows(client, f"q={q}".replace("%", "%25"))] == expected


def test_search_of_one_or_two_characters_scans_the_texts(site):
    client, store, _ = site
    latest = register.list_commitments(store)
    words = re.findall(r"[\u4e00-\u9fff]{2}", latest[-1].text)[:3] + [latest[0].text[0]]
    for q in words:
        expected = [c.id for c in latest if q in c.text]
        assert expected and [r["id"] for r in all_rows(client, f"q={q}")] == expected, q


def test_many_search_hits_travel_as_one_array(site, monkeypatch):
    from luoshi.web import register_queries

    client, store, _ = site
    han = re.findall(r"[\u4e00-\u9fff]{3}", register.list_commitments(store)[-1].text)[0]
    expected = {q: all_rows(client, f"q={q}&sort=-deadline") for q in (han[:2], han)}
    monkeypatch.setattr(register_queries, "FEW_IDS", 0)  # every id list as JSON (SQLite) or an array (PostgreSQL)
    for q, rows in expected.items():
        assert rows and all_rows(client, f"q={q}&sort=-deadline") == rows
        assert client.get(f"/api/register?q={q}").json()["facets"]["document"]


def facet_value(row: dict, name: str) -> str:
    """A JSON row's value for facet ``name`` as the query string writes it."""
    if name == "document":
        return str(row["document_id"])
    if name == "overdue":
        return "yes" if row["colour"] == "red" else "no"
    return "-" if row[name] is None else str(row[name])


FACETS = ("region", "year", "document", "role", "topic", "kind", "status", "lead_unit", "overdue")


@pytest.mark.parametrize("chosen", [{}, {"kind": "measure"}, {"overdue": "no", "status": "not_started"},
                                    {"lead_unit": "发改局"}, {"overdue": "yes", "kind": "task"},
                                    {"role": "plan", "year": "2024"}, {"topic": "-", "q": "发展"}])
def test_every_facet_counts_the_rows_matching_every_other_filter(site, chosen):
    client, _, _ = site
    everything = all_rows(client, f"q={chosen['q']}" if "q" in chosen else "")
    query = "&".join(f"{k}={v}" for k, v in chosen.items())
    view = client.get(f"/api/register?{query}").json()
    chosen = {k: v for k, v in chosen.items() if k != "q"}
    for name in FACETS:
        others = [r for r in everything if all(facet_value(r, f) == v for f, v in chosen.items() if f != name)]
        expected: dict[str, int] = {}
        for r in others:
            expected[facet_value(r, name)] = expected.get(facet_value(r, name), 0) + 1
        assert {v["value"]: v["count"] for v in view["facets"][name]} == expected, name
    matching = [r["id"] for r in everything if all(facet_value(r, f) == v for f, v in chosen.items())]
    assert view["matching"] == len(matching) and [r["id"] for r in all_rows(client, query)] == matching


@pytest.mark.parametrize("sort", ["-deadline", "deadline", "status", "-status", "-id", "region", "-region", "year",
                                  "-year", "lead_unit", "-lead_unit", "topic", "-topic"])
def test_sorting(site, sort):
    client, store, _ = site
    rows = all_rows(client, f"sort={sort}")
    key = sort.lstrip("-")
    known = [r[key] for r in rows if r[key] is not None]
    if key == "status":
        order = list(register.STATUS_LABELS)
        known = [order.index(v) for v in known]
    assert known == sorted(known, reverse=sort.startswith("-"))
    assert all(r[key] is None for r in rows[len(known):])
    assert sorted(r["id"] for r in rows) == sorted(c.id for c in register.list_commitments(store))


def test_bad_parameters_are_a_chinese_message(site):
    client, _, _ = site
    assert client.get("/api/register?sort=nonsense").status_code == 400
    page = client.get("/register?status=bogus")
    assert page.status_code == 400 and "状态只能是" in page.text


def test_csv_and_xlsx_hold_the_filtered_rows(site):
    client, store, _ = site
    expected = [c.id for c in register.list_commitments(store, kind="measure")]
    response = client.get("/register.csv?kind=measure&sort=id")
    assert response.headers["content-type"].startswith("text/csv") and response.content.startswith(b"\xef\xbb\xbf")
    table = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [int(r["id"]) for r in table] == sorted(expected)
    assert {r["kind"] for r in table} == {"量化指标"}
    book = load_workbook(io.BytesIO(client.get("/register.xlsx?kind=measure").content), read_only=True)
    sheet = list(book.active.iter_rows(values_only=True))
    assert sheet[0][0] == "编号" and "承诺内容" in sheet[0]
    assert [r[0] for r in sheet[1:]] == expected
    page = client.get("/register?kind=measure").text
    assert "/register.xlsx?kind=measure" in page and "/register.csv?kind=measure" in page


def test_register_page_shows_status_labels_and_colours(site):
    client, store, ids = site
    html = client.get("/register?overdue=yes").text
    overdue = [c.id for c in register.list_commitments(store, overdue=True)]
    assert ids["second"] in overdue and page_ids(html) == overdue[:50]
    assert html.count('class="due due-red"') == min(50, len(overdue)) + 1 and "未启动" in html  # + the legend
    done = client.get("/register?status=done").text
    assert page_ids(done) == [ids["first"]] and "st-done" in done and "已完成" in done


def test_commitment_page_shows_context_history_and_evidence(site):
    client, store, ids = site
    state = register.get(store, ids["first"])
    data = client.get(f"/api/commitments/{ids['first']}").json()
    assert data["commitment"]["status"] == "done" and data["commitment"]["lead_unit"] == "发改局"
    assert [e["id"] for e in data["commitment"]["events"]] == [e.id for e in register.history(store, ids["first"])]
    text = store.get_document(state.document_id).source.text
    assert data["context"]["text"] == text[state.span.start:state.span.end]
    assert data["context"]["before"] == text[max(0, state.span.start - 200):state.span.start]
    html = client.get(f"/commitments/{ids['first']}").text
    timeline = html.split('class="timeline"', 1)[1]
    steps = [timeline.index(w) for w in ("牵头单位：发改局", "推进中", "现场照片", "已完成")]
    assert steps == sorted(steps) and "说明：已开工" in timeline
    assert '<a href="https://example.org/a" rel="noopener noreferrer"' in html
    assert 'href="javascript:' not in html and "javascript:alert(7)" in html
    assert f"/documents/{state.document_id}/source#" in html
    sha = next(e.file_sha256 for e in state.evidence if e.file_sha256)
    download = client.get(f"/commitments/{ids['first']}/evidence/{sha}")
    assert download.content == EVIDENCE_BYTES and "attachment" in download.headers["content-disposition"]
    assert client.get(f"/commitments/{ids['third']}/evidence/{sha}").status_code == 404


def test_hostile_text_is_escaped(site):
    client, _, ids = site
    for url in (f"/commitments/{ids['second']}", "/register", f"/register?lead_unit={HOSTILE}"):
        html = client.get(url).text
        assert HOSTILE not in html and "&lt;script&gt;" in html, url
    name = client.get(f"/commitments/{ids['first']}").text
    assert "<b>报告" not in name and "&lt;b&gt;" in name
    assert client.get(f"/api/commitments/{ids['second']}").json()["commitment"]["lead_unit"] == HOSTILE


def test_a_missing_commitment_is_404(site):
    client, _, _ = site
    assert client.get("/commitments/999999").status_code == 404
    assert client.get("/api/commitments/999999").json() == {"detail": "没有这项内容。"}


def test_the_pages_are_in_the_openapi_schema(site):
    client, _, _ = site
    paths = client.get("/api/openapi.json").json()["paths"]
    assert {"/api/register", "/api/commitments/{commitment_id}"} <= set(paths)
    assert paths["/api/register"]["get"]["parameters"]  # the filters are documented
