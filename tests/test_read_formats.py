"""HTML, PDF, DOCX and tabular corpora, built in tmp_path from the seeds."""
from __future__ import annotations

import csv
import hashlib
import html
import json
import logging
from pathlib import Path

import pytest

from luoshi.errors import CorruptFile, EmptyFile, NeedsOCR, UsageError
from luoshi.options import Options
from luoshi.read import read_bytes, read_path
from luoshi.read.pdf import without_furniture

SEED_003 = "003_b2a6abcdeeaf89f4.txt"
SEED_000 = "000_04df038d627074af.txt"
CHROME_WORDS = ("无障碍", "长者助手", "我的收藏", "首页", "当前位置", "浏览次数", "分享到", "微信", "打印本页",
                "关闭窗口", "版权所有", "网站地图", "ICP备")


def _seed(shared: Path, name: str) -> str:
    return (shared / "corpus" / "seeds" / name).read_text(encoding="utf-8")


def _body_lines(shared: Path) -> list[str]:
    """Seed 003 without its chrome: the report as it stands on the web page."""
    lines = _seed(shared, SEED_003).split("\n")
    start = next(i for i, line in enumerate(lines) if line.strip().startswith("政\u00a0府"))
    return [line.strip() for line in lines[start:] if line.strip()]


def web_page(body: list[str], charset: str = "utf-8") -> str:
    paragraphs = "\n".join(f"<p>{html.escape(line)}</p>" for line in body)
    return f"""<!DOCTYPE html><html lang="zh-CN"><head><meta charset="{charset}">
<title>江城区九届人大一次会议政府工作报告_江城区人民政府</title></head><body>
<header><div class="tools"><a href="#">无障碍</a> <a href="#">长者助手</a> <a href="#">我的收藏</a></div>
<nav><ul><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li><li><a href="/xxgk">政府信息公开</a></li></ul>
</nav></header>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a></div>
<main><article><h1>江城区九届人大一次会议政府工作报告</h1>
<div class="info">发布日期：2021-11-24 浏览次数：12</div>
<div class="content">{paragraphs}</div></article></main>
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a></div>
<div class="tools"><a href="#">【打印本页】</a> <a href="#">【关闭窗口】</a></div>
<footer><p>主办单位：阳江市江城区人民政府办公室 版权所有 粤ICP备12345678号</p>
<p><a href="#">网站地图</a> | <a href="#">联系我们</a></p></footer></body></html>"""


# --- HTML ------------------------------------------------------------------

def test_html_keeps_the_body_and_drops_the_chrome(shared, tmp_path):
    body = _body_lines(shared)
    path = tmp_path / "report.html"
    path.write_text(web_page(body), encoding="utf-8")
    source = next(read_path(path))
    assert source.format == "html"
    squeezed = "".join(source.text.split())  # trafilatura turns NBSP runs into a space
    assert [line for line in body if "".join(line.split()) not in squeezed] == []
    assert [w for w in CHROME_WORDS if w in source.text] == []
    assert source.meta["title"].startswith("江城区九届人大一次会议政府工作报告")
    assert source.meta["publish_date"] == "2021-11-24"
    assert source.meta_origin["title"] == source.meta_origin["publish_date"] == "html"
    assert source.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_html_in_a_declared_gbk_charset(shared, tmp_path):
    body = [line for line in _body_lines(shared)[:40] if "\ue7e3" not in line]
    path = tmp_path / "report.htm"
    path.write_bytes(web_page(body, charset="gb2312").encode("gb18030"))
    source = next(read_path(path))
    assert source.encoding == "gb18030"
    assert body[10] in source.text


# --- PDF -------------------------------------------------------------------

def make_pdf(pages: list[list[str]]) -> bytes:
    """A PDF in the CID font STSong-Light (not embedded), one string per line."""
    from io import BytesIO

    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = BytesIO()
    pdf = canvas.Canvas(out)
    for lines in pages:
        pdf.setFont("STSong-Light", 10)
        for row, line in enumerate(lines):
            pdf.drawString(40, 800 - 14 * row, line)
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def _pdf_lines(shared: Path) -> list[str]:
    """Seed 000's text cut into 40-character lines, as a PDF page sets it."""
    text = _seed(shared, SEED_000).replace("\n", "")[:2400]
    return [text[i:i + 40] for i in range(0, len(text), 40)]


def test_pdf_text_layer(shared, tmp_path):
    lines = _pdf_lines(shared)
    path = tmp_path / "plan.pdf"
    path.write_bytes(make_pdf([lines[:50], lines[50:]]))
    source = next(read_path(path))
    assert (source.format, source.encoding) == ("pdf", "utf-8")
    assert source.text.split() == lines


def test_pdf_page_numbers_and_running_header_left_out(shared, tmp_path):
    """A printed report's page furniture sits mid-paragraph in the text layer; only the body is kept."""
    lines = _pdf_lines(shared)
    pages = [lines[i:i + 15] for i in range(0, 60, 15)]
    furnished = [(["政府工作报告（送审稿）"] if n > 1 else []) + body + [f"— {n} —"]
                 for n, body in enumerate(pages, 1)]
    path = tmp_path / "printed.pdf"
    path.write_bytes(make_pdf(furnished))
    assert next(read_path(path)).text.split() == lines[:60]


@pytest.mark.parametrize("number", ["— 7 —", "-7-", "－ 7 －", "第7页", "第 7 页 共 12 页", "7/12", "— ７ —"])
def test_page_number_forms(number):
    body = [["主要预期目标是：地区生产总值增长6%左右，", "城镇新增就业1.2万人以上。"]]
    assert without_furniture([body[0] + [number]]) == body[0]
    assert without_furniture([[number] + body[0]]) == body[0]


def test_body_lines_that_look_like_furniture_stay():
    # a bare number is a page number only where most pages have one; a line repeated mid-page is body
    pages = [["（一）着力扩大有效投资", "12"], ["新开工项目", "120个，"], ["（一）着力扩大有效投资", "完成投资"]]
    assert without_furniture([list(p) for p in pages]) == [line for p in pages for line in p]
    numbered = [["甲", "1"], ["乙", "2"], ["丙", "3"]]
    assert without_furniture(numbered) == ["甲", "乙", "丙"]


def test_scanned_pdf_needs_ocr(tmp_path):
    from io import BytesIO

    from reportlab.pdfgen import canvas

    out = BytesIO()
    pdf = canvas.Canvas(out)
    pdf.rect(50, 50, 400, 600, fill=1)  # a page that is a picture, no text
    pdf.showPage()
    pdf.save()
    path = tmp_path / "scan.pdf"
    path.write_bytes(out.getvalue())
    with pytest.raises(NeedsOCR, match="OCR is needed") as caught:
        list(read_path(path))
    assert str(caught.value).startswith(f"{path}: [L106]")


def test_truncated_pdf_is_corrupt(shared, tmp_path):
    data = make_pdf([_pdf_lines(shared)[:20]])
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: len(data) * 2 // 3])
    with pytest.raises(CorruptFile, match="truncated PDF"):
        list(read_path(path))


def test_mangled_pdf_is_corrupt(tmp_path):
    path = tmp_path / "bad.pdf"
    path.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 20 + b"\n%%EOF\n")
    with pytest.raises(CorruptFile, match="cannot read this PDF"):
        list(read_path(path))


# --- DOCX ------------------------------------------------------------------

def test_docx_paragraphs_and_tables_in_order(shared, tmp_path):
    import docx

    paragraphs = _seed(shared, SEED_000).split("\n")[:6]
    document = docx.Document()
    for text in paragraphs[:3]:
        document.add_paragraph(text)
    table = document.add_table(rows=3, cols=3)
    cells = [["指标", "2024年目标", "属性"], ["地区生产总值增长", "5%左右", "预期性"], ["城镇调查失业率", "5.5%以内", "预期性"]]
    for r, row in enumerate(cells):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    table.cell(0, 1).merge(table.cell(0, 2))  # a merged header cell is written once
    for text in paragraphs[3:]:
        document.add_paragraph(text)
    path = tmp_path / "report.docx"
    document.save(path)
    source = next(read_path(path))
    assert source.format == "docx"
    assert source.text == "\n".join([
        *paragraphs[:3], "指标\t2024年目标\n属性", "地区生产总值增长\t5%左右\t预期性", "城镇调查失业率\t5.5%以内\t预期性",
        *paragraphs[3:],
    ])


def test_docx_without_text_is_empty(tmp_path):
    import docx

    path = tmp_path / "blank.docx"
    docx.Document().save(path)
    with pytest.raises(EmptyFile, match="no text"):
        list(read_path(path))


def test_damaged_docx_is_corrupt(tmp_path):
    path = tmp_path / "bad.docx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    with pytest.raises(CorruptFile, match="cannot read this DOCX"):
        list(read_path(path))


# --- tabular corpora -------------------------------------------------------

def _rows(shared: Path) -> list[dict]:
    return [
        {"province": "广东省", "year": 2024, "title": "肇庆市政府工作报告", "source_url": "http://example.gov.cn/1",
         "publish_date": "2024-01-20", "full_text": _seed(shared, SEED_000)},
        {"province": "广东省", "year": 2021, "title": "江城区政府工作报告", "source_url": "http://example.gov.cn/2",
         "publish_date": "2021-11-24", "full_text": _seed(shared, SEED_003)},
        {"province": "广东省", "year": 2023, "title": "连州市政府工作报告", "source_url": "",
         "publish_date": "2023-02-22", "full_text": _seed(shared, "002_ab862bf384cb27d5.txt")},
    ]


def _check_rows(sources, rows, name: str, fmt: str) -> None:
    assert [s.name for s in sources] == [f"{name}#row{i}" for i in range(1, len(rows) + 1)]
    for source, row in zip(sources, rows):
        assert source.format == fmt
        assert source.text == row["full_text"]
        assert source.sha256 == hashlib.sha256(row["full_text"].encode()).hexdigest()
        expected = {k: str(v) for k, v in row.items() if k != "full_text" and v != ""}
        assert {k: v for k, v in source.meta.items() if k in row} == expected
        assert {source.meta_origin[k] for k in expected} == {"column"}
    assert sources[1].chrome and sources[2].repairs  # rows get chrome and mojibake detection too


def test_csv_rows(shared, tmp_path):
    rows = _rows(shared)
    path = tmp_path / "corpus.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    _check_rows(list(read_path(path)), rows, "corpus.csv", "csv")


def test_jsonl_rows(shared, tmp_path):
    rows = _rows(shared)
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    _check_rows(list(read_path(path)), rows, "corpus.jsonl", "jsonl")


def test_parquet_rows(shared, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = _rows(shared)
    path = tmp_path / "corpus.parquet"
    pq.write_table(pa.Table.from_pylist(rows), path)
    _check_rows(list(read_path(path)), rows, "corpus.parquet", "parquet")


def test_another_text_column(shared):
    data = json.dumps({"body": "政府工作报告全文。", "year": 2024}, ensure_ascii=False).encode()
    (source,) = read_bytes(data, "x.jsonl", Options(text_column="body"))
    assert source.text == "政府工作报告全文。"
    assert source.meta == {"year": "2024"}


def test_bad_rows_are_reported_and_the_others_read(tmp_path):
    lines = [
        json.dumps({"full_text": "第一份报告。", "year": 2021}, ensure_ascii=False),
        '{"full_text": "没有结束的引号',
        json.dumps({"full_text": "", "year": 2022}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"year": 2023}),
        json.dumps({"full_text": "第二份报告。"}, ensure_ascii=False),
    ]
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    errors = []
    sources = list(read_path(path, on_error=errors.append))
    assert [(s.name, s.text) for s in sources] == [("corpus.jsonl#row1", "第一份报告。"), ("corpus.jsonl#row6", "第二份报告。")]
    assert [(e.path, e.code) for e in errors] == [
        (f"{path}#row2", "L105"), (f"{path}#row3", "L101"), (f"{path}#row4", "L105"), (f"{path}#row5", "L101"),
    ]
    assert "not valid JSON" in str(errors[0]) and "'full_text' value is empty" in str(errors[1])


def test_bad_csv_row_is_skipped_with_a_logged_warning(tmp_path, caplog):
    path = tmp_path / "corpus.csv"
    path.write_text("title,full_text\n甲,第一份报告。\n乙,第二份报告。,多出来的一列\n丙,第三份报告。\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="luoshi.read"):
        sources = list(read_path(path))
    assert [s.name for s in sources] == ["corpus.csv#row1", "corpus.csv#row3"]
    assert [s.meta["title"] for s in sources] == ["甲", "丙"]
    assert caplog.messages == [f"{path}#row2: [L105] has 3 fields but the header has 2 (row skipped)"]


def test_missing_text_column_names_the_columns(tmp_path):
    path = tmp_path / "corpus.csv"
    path.write_text("title,body\n甲,第一份报告。\n", encoding="utf-8")
    with pytest.raises(UsageError, match=r"no 'full_text' column \(columns: title, body\).*--text-column"):
        list(read_path(path))


def test_table_without_rows_is_empty(tmp_path):
    path = tmp_path / "corpus.csv"
    path.write_text("title,full_text\n", encoding="utf-8")
    with pytest.raises(EmptyFile, match="no rows"):
        list(read_path(path))


# --- sidecar ---------------------------------------------------------------

def test_sidecar_overrides_inferred_and_column_metadata(shared, tmp_path):
    path = tmp_path / "zhumadian.txt"
    path.write_text(_seed(shared, SEED_003), encoding="utf-8")
    sidecar = {"region": "江城区", "parent_region": "阳江市", "level": "county", "year": 2021,
               "title": "江城区政府工作报告（校订）"}
    path.with_name("zhumadian.txt.meta.json").write_text(json.dumps(sidecar, ensure_ascii=False), encoding="utf-8")
    source = next(read_path(path))
    assert source.meta["title"] == "江城区政府工作报告（校订）"  # over the page's 名称: line
    assert source.meta["publish_date"] == "2021-11-24"  # from the page, not overridden
    assert {k: source.meta[k] for k in sidecar} == {k: str(v) for k, v in sidecar.items()}
    assert source.meta_origin == {**dict.fromkeys(sidecar, "sidecar"), "publish_date": "header",
                                  "index_number": "header", "publisher": "header", "written_date": "header"}

    table = tmp_path / "rows.jsonl"
    table.write_text(json.dumps({"full_text": "报告。", "year": 2020}) + "\n", encoding="utf-8")
    table.with_name("rows.jsonl.meta.json").write_text('{"year": 2022, "province": "河南省"}', encoding="utf-8")
    (row,) = read_path(table)
    assert row.meta == {"year": "2022", "province": "河南省"}
    assert row.meta_origin == {"year": "sidecar", "province": "sidecar"}


@pytest.mark.parametrize("content, problem", [
    ("{not json", "not valid UTF-8 JSON"), ("[1, 2]", "must be a JSON object"), ('{"year": [2021]}', "not lists"),
])
def test_bad_sidecar_is_named(tmp_path, content, problem):
    path = tmp_path / "report.txt"
    path.write_text("政府工作报告。", encoding="utf-8")
    sidecar = tmp_path / "report.txt.meta.json"
    sidecar.write_text(content, encoding="utf-8")
    with pytest.raises(CorruptFile, match=problem) as caught:
        list(read_path(path))
    assert caught.value.path == str(sidecar)
