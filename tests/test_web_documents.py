"""The document pages and their JSON twins, in process, on real seeds and a hostile text.

Seeds 000 (a plan section), 002 (Traditional script, mojibake, glossary) and
003 (web-page chrome) are ingested with the real pipeline, plus a crafted
report whose text and file name carry HTML and script.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from conftest import BACKENDS, postgres_schema_url
from fastapi.testclient import TestClient

from luoshi.ingest import ingest
from luoshi.store import Store
from luoshi.web import Settings, create_app

HOSTILE_NAME = "x<img src=x onerror=alert(9)>.txt"
HOSTILE_TEXT = (
    "<script>alert(1)</script>示例市政府工作报告\n"
    "一、2023年工作回顾\n"
    "全年地区生产总值增长5.2%。<img src=x onerror=alert(2)>新增城镇就业1.2万人。\n"
    "二、2024年工作安排\n"
    "今年主要预期目标是:地区生产总值增长6%左右。\"onmouseover=\"alert(3)\n"
)
RAW_PAYLOADS = ("<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "<img src=x onerror=alert(9)>")


@pytest.fixture(scope="module", params=BACKENDS)
def client(request, shared, tmp_path_factory):
    """The app on SQLite and (with ``LUOSHI_TEST_POSTGRES_URL``) on PostgreSQL."""
    folder = tmp_path_factory.mktemp("web")
    (folder / HOSTILE_NAME).write_text(HOSTILE_TEXT, encoding="utf-8")
    seeds = sorted((shared / "corpus" / "seeds").glob("00[023]_*.txt"))
    db = str(folder / "luoshi.db") if request.param == "sqlite" else postgres_schema_url(request)
    with Store(db) as store:
        assert not [r.line() for r in ingest([*seeds, folder / HOSTILE_NAME], store) if r.failed]
    with TestClient(create_app(Settings(db=db))) as opened:
        yield opened


@pytest.fixture(scope="module")
def documents(client) -> dict[str, dict]:
    """The API's document list, by source name."""
    return {d["name"]: d for d in client.get("/api/documents").json()["documents"]}


def doc_id(documents: dict[str, dict], prefix: str) -> int:
    return next(d["id"] for name, d in documents.items() if name.startswith(prefix))


class SourceParser(HTMLParser):
    """The source view's article: its text without markers, and each highlight's items, text and tooltip."""

    MARKERS = {"chrome-label", "repair-after"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # inside <article class="source">
        self.stack: list[dict] = []
        self.text: list[str] = []
        self.marks: list[dict] = []
        self.markers: list[tuple[str, str]] = []
        self.anchors: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "article" and "source" in (attrs.get("class") or "").split():
            self.depth = 1
            return
        if not self.depth:
            return
        if tag == "a" and attrs.get("class") == "anchor":
            self.anchors.append(attrs["id"])
        self.stack.append(attrs | {"tag": tag, "text": ""})

    def handle_endtag(self, tag):
        if not self.depth:
            return
        if tag == "article":
            self.depth = 0
            return
        element = self.stack.pop()
        if element.get("class") in self.MARKERS:
            self.markers.append((element["class"], element["text"]))
        elif "data-items" in element:
            self.marks.append(element)

    def handle_data(self, data):
        if not self.depth:
            return
        if self.stack and self.stack[-1].get("class") in self.MARKERS:
            self.stack[-1]["text"] += data
            return
        self.text.append(data)
        for element in self.stack:
            element["text"] += data


def parse_source(html: str) -> SourceParser:
    parser = SourceParser()
    parser.feed(html)
    return parser


def test_home_shows_the_totals_of_its_twin(client, documents):
    home = client.get("/api").json()
    assert home["documents"] == len(documents) == 4
    assert home["measures"] == sum(d["measures"] for d in documents.values()) > 0
    page = client.get("/")
    assert page.status_code == 200 and '<html lang="zh-CN">' in page.text
    assert re.search(rf"<strong>{home['measures']:,}</strong> 项量化指标", page.text)


def test_document_list_shows_every_document_of_its_twin(client, documents):
    page = client.get("/documents").text
    assert re.findall(r'<tr data-id="(\d+)">', page) == [str(d["id"]) for d in documents.values()]
    for d in documents.values():
        row = page[page.index(f'<tr data-id="{d["id"]}">'):].split("</tr>")[0]
        assert f"/documents/{d['id']}" in row
        assert f'<td class="num">{d["measures"]:,}</td>' in row
        for value in (d["region"], d["doc_type"]):
            assert value is None or value in row
    lianzhou = documents[next(n for n in documents if n.startswith("002_"))]
    assert (lianzhou["region"], lianzhou["level"], lianzhou["year"]) == ("连州市", "county", 2023)
    assert "县级" in page


def test_the_list_filters_and_sorts_like_its_twin(client, documents):
    listing = client.get("/api/documents").json()
    assert listing["total"] == len(documents)
    for name, values in listing["facets"].items():
        known = [d[name] for d in documents.values() if d[name] is not None]
        assert sum(v["count"] for v in values) == len(known) and {v["value"] for v in values} == set(map(str, known))
    year = listing["facets"]["year"][0]["value"]
    for query in (f"year={year}", "level=county&sort=-measures", "q=连州", "region=&year=&q=", "sort=-year"):
        twin = client.get(f"/api/documents?{query}").json()
        page = client.get(f"/documents?{query}").text
        assert re.findall(r'<tr data-id="(\d+)">', page) == [str(d["id"]) for d in twin["documents"]], query
    by_year = client.get(f"/api/documents?year={year}").json()["documents"]
    assert by_year and {d["year"] for d in by_year} == {int(year)}
    by_measures = [d["measures"] for d in client.get("/api/documents?level=county&sort=-measures").json()["documents"]]
    assert by_measures == sorted(by_measures, reverse=True) and len(by_measures) >= 2
    assert [d["region"] for d in client.get("/api/documents?q=连州").json()["documents"]] == ["连州市"]
    years = [d["year"] for d in client.get("/api/documents?sort=-year").json()["documents"]]
    known = [y for y in years if y is not None]
    assert known == sorted(known, reverse=True) and years[:len(known)] == known  # unknown years last
    bad = (("year=abc", "年份应为数字"), ("sort=title", "不能按“title”排序"), ("level=city", "行政级别"))
    for query, message in bad:
        assert client.get(f"/api/documents?{query}").status_code == 400
        page = client.get(f"/documents?{query}")
        assert page.status_code == 400 and message in page.text
    echoed = client.get("/documents", params={"q": '"><script>alert(4)</script>'}).text
    assert "<script>alert(4)" not in echoed and "&#34;&gt;&lt;script&gt;alert(4)&lt;/script&gt;" in echoed


def test_document_page_shows_the_outline_tree_of_its_twin(client, documents):
    doc = doc_id(documents, "002_")
    data = client.get(f"/api/documents/{doc}").json()
    page = client.get(f"/documents/{doc}").text
    nodes, stack = [], list(data["outline"])
    while stack:
        node = stack.pop()
        nodes.append(node)
        stack.extend(node["children"])
        assert node["measures"] >= sum(c["measures"] for c in node["children"])
    assert len(nodes) == data["counts"]["sections"] == page.count('<li class="role-') > 5
    assert sum(n["measures"] for n in data["outline"]) <= data["counts"]["measures"]
    for node in nodes:
        assert f'/documents/{doc}/source#s{node["index"]}">{node["heading"] or "（文件开头）"}</a>' in page
    nested = [n for n in nodes if n["children"]]
    assert nested and all(c["level"] > n["level"] for n in nested for c in n["children"])
    assert data["metadata"]["region"] == "连州市" and "连州市" in page
    assert sum(t["tasks"] for t in data["topics"]) == data["counts"]["tasks"] > 0
    assert sum(t["targets"] + t["achievements"] for t in data["topics"]) == data["counts"]["measures"]
    table = page[page.index('<div class="chart-data">'):].split("</table>")[0]
    cells = [re.findall(r"<td[^>]*>([^<]*)</td>", row) for row in table.split("<tr>")[2:]]
    assert cells == [[t["label"], f'{t["tasks"]:,}', f'{t["targets"]:,}', f'{t["achievements"]:,}']
                     for t in data["topics"]]
    assert f'{data["counts"]["repairs"]:,}' in page and data["counts"]["repairs"] > 0


def test_source_page_highlights_every_item_over_exactly_its_text(client, documents):
    for name, d in documents.items():
        data = client.get(f"/api/documents/{d['id']}/source").json()
        parsed = parse_source(client.get(f"/documents/{d['id']}/source").text)
        assert "".join(parsed.text) == data["text"], name  # nothing added, lost or reordered
        covered: dict[str, str] = {}
        for mark in parsed.marks:
            for item in mark["data-items"].split():
                covered[item] = covered.get(item, "") + mark["text"]
        for item in data["items"]:
            if item["start"] < item["end"]:
                assert covered.pop(item["id"]) == data["text"][item["start"]:item["end"]], (name, item)
        assert covered == {}


def test_source_page_marks_a_known_target_with_its_fields(client, documents):
    doc = doc_id(documents, "000_")
    data = client.get(f"/api/documents/{doc}/source").json()
    quotes = {data["text"][i["start"]:i["end"]]: i for i in data["items"] if i["kind"] == "target"}
    item = quotes["农村生活污水治理率达80%以上"]
    assert (item["fields"]["indicator"], item["fields"]["value"], item["fields"]["comparator"]) == (
        "农村生活污水治理率", 80, ">=")
    parsed = parse_source(client.get(f"/documents/{doc}/source").text)
    mark = next(m for m in parsed.marks if item["id"] in m["data-items"].split())
    assert "k-target" in mark["class"].split() and mark["text"] == "农村生活污水治理率达80%以上"
    assert data["counts"]["target"] == documents[next(n for n in documents if n.startswith("000_"))]["measures"]
    detail = client.get(f"/api/documents/{doc}").json()["counts"]
    assert data["counts"]["task"] == detail["tasks"] > 0  # every stored task is highlighted
    assert data["counts"].get("project", 0) >= detail["projects"]  # one highlight per mention
    assert data["counts"].get("slogan", 0) >= detail["slogans"]


def test_repairs_chrome_and_glossary_are_marked(client, documents):
    lianzhou = doc_id(documents, "002_")
    detail = client.get(f"/api/documents/{lianzhou}").json()
    data = client.get(f"/api/documents/{lianzhou}/source").json()
    parsed = parse_source(client.get(f"/documents/{lianzhou}/source").text)
    repairs = [i for i in data["items"] if i["kind"] == "repair"]
    afters = [text for cls, text in parsed.markers if cls == "repair-after"]
    assert len(afters) == len(repairs) == detail["counts"]["repairs"] > 0
    for item, after in zip(repairs, afters, strict=True):
        assert after == "→" + (item["fields"]["after"] or "？（无法确定原文）")
        assert item["fields"]["before"] == data["text"][item["start"]:item["end"]]
    glossary = {i["id"]: i for i in data["items"] if i["kind"] == "glossary"}
    assert glossary
    for mark in parsed.marks:
        for item in (glossary.get(i) for i in mark["data-items"].split()):
            if item:
                assert f'{item["fields"]["term"]}：{item["fields"]["definition"]}' in mark["title"]
    linked = [i["id"] for i in data["items"] if i["kind"] in ("section", "target", "achievement", "headline")]
    assert sorted(parsed.anchors) == sorted(linked)  # the outline and other pages link to these
    assert {f"s{i}" for i in range(detail["counts"]["sections"])} <= set(linked)
    page = client.get(f"/documents/{lianzhou}").text
    assert len(detail["headline_targets"]) == detail["counts"]["headline_targets"] > 0
    for row in detail["headline_targets"]:
        assert f'/documents/{lianzhou}/source#{row["item"]}">{row["quote"]}</a>' in page
        assert row["quote"] == data["text"][next(i["start"] for i in data["items"] if i["id"] == row["item"]):][
            :len(row["quote"])]

    jiangcheng = doc_id(documents, "003_")
    data = client.get(f"/api/documents/{jiangcheng}/source").json()
    parsed = parse_source(client.get(f"/documents/{jiangcheng}/source").text)
    chrome = [i for i in data["items"] if i["kind"] == "chrome"]
    assert chrome and len([1 for cls, _ in parsed.markers if cls == "chrome-label"]) == len(chrome)
    chrome_ids = {i["id"] for i in chrome}
    assert all("k-chrome" in m["class"] for m in parsed.marks if chrome_ids & set(m["data-items"].split()))


def test_document_text_and_file_names_are_escaped_everywhere(client, documents):
    doc = documents[HOSTILE_NAME]
    pages = [client.get(url).text for url in ("/", "/documents", f"/documents/{doc['id']}",
                                              f"/documents/{doc['id']}/source")]
    for page in pages:
        for payload in RAW_PAYLOADS:
            assert payload not in page
        assert 'onmouseover="alert' not in page
    source = pages[-1]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in source and "&lt;img src=x onerror=alert(2)&gt;" in source
    assert "x&lt;img src=x onerror=alert(9)&gt;.txt" in pages[1]
    assert "".join(parse_source(source).text) == HOSTILE_TEXT  # escaped, not dropped
    assert client.get(f"/api/documents/{doc['id']}/source").json()["text"] == HOSTILE_TEXT
    assert "script-src 'self'" in client.get("/documents").headers["content-security-policy"]


def test_large_pages_are_compressed(client, documents):
    doc = max(documents.values(), key=lambda d: d["characters"])
    for url in (f"/documents/{doc['id']}/source", f"/api/documents/{doc['id']}/source"):
        answer = client.get(url, headers={"Accept-Encoding": "gzip"})
        assert answer.headers["content-encoding"] == "gzip" and answer.num_bytes_downloaded < len(answer.content) / 4


def test_unknown_documents_are_404_in_chinese(client):
    for url in ("/documents/9999", "/documents/9999/source"):
        page = client.get(url)
        assert page.status_code == 404 and "没有编号为 9999 的文件" in page.text and "<html" in page.text
    for url in ("/api/documents/9999", "/api/documents/9999/source"):
        answer = client.get(url)
        assert answer.status_code == 404 and answer.json() == {"detail": "没有编号为 9999 的文件。"}
    for url in ("/documents/abc", "/no-such-page"):
        page = client.get(url)
        assert page.status_code == 404 and "没有这个页面" in page.text
    assert client.get("/api/documents/abc").status_code == 422


def test_pages_use_no_outside_assets_and_the_schema_describes_every_twin(client, documents):
    doc = next(iter(documents.values()))["id"]
    for url in ("/", "/documents", f"/documents/{doc}", f"/documents/{doc}/source"):
        page = client.get(url).text
        assert not re.search(r'(?:src|href)="(?:https?:)?//', page)
        for asset in re.findall(r'(?:src|href)="(/static/[^"]+)"', page):
            assert client.get(asset).status_code == 200
    schema = client.get("/api/openapi.json").json()
    paths = schema["paths"]
    for path, model in (("/api", "Home"), ("/api/documents", "DocumentList"),
                        ("/api/documents/{doc_id}", "DocumentPage"), ("/api/documents/{doc_id}/source", "SourcePage")):
        ref = paths[path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
        assert ref.endswith("/" + model) and model in schema["components"]["schemas"]
    assert not [p for p in paths if not p.startswith("/api")]
