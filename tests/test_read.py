"""The read stage's entry points on the real corpus: text as gold sees it, names, hashes, errors."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from luoshi.errors import CorruptFile
from luoshi.read import FORMATS, read_bytes, read_path


def _corpus(shared: Path) -> list[Path]:
    return sorted((shared / "corpus").glob("seeds/*.txt")) + sorted((shared / "corpus").glob("dev/*/*.txt"))


def test_corpus_text_is_exactly_what_gold_offsets_index(shared):
    """Gold offsets are into Path.read_text(encoding="utf-8"); the read stage gives that text."""
    files = _corpus(shared)
    assert len(files) == 10
    for path in files:
        (source,) = read_path(path)
        assert source.text == path.read_text(encoding="utf-8")
        assert (source.name, source.path, source.format, source.encoding) == (path.name, str(path), "txt", "utf-8")
        assert source.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_chrome_and_repairs_point_into_the_text(shared):
    for path in _corpus(shared):
        (source,) = read_path(path)
        for chrome in source.chrome:
            assert source.text[chrome.span.start:chrome.span.end].strip()
        for repair in source.repairs:
            assert source.text[repair.span.start:repair.span.end] == repair.before


def test_read_bytes_matches_read_path(shared):
    path = _corpus(shared)[3]
    (from_path,) = read_path(path)
    (from_bytes,) = read_bytes(path.read_bytes(), path.name)
    assert from_bytes.path is None
    assert (from_bytes.text, from_bytes.chrome, from_bytes.meta, from_bytes.sha256) == (
        from_path.text, from_path.chrome, from_path.meta, from_path.sha256)


def test_format_given_explicitly():
    (source,) = read_bytes("<html><body><article><p>今年主要预期目标是地区生产总值增长6%左右。</p>"
                           "</article></body></html>".encode(), "download", fmt="html")
    assert source.format == "html"
    assert "地区生产总值增长6%左右" in source.text


def test_markdown_is_read_as_text():
    (source,) = read_bytes("# 政府工作报告\n\n各位代表：\n".encode("gb18030"), "report.md")
    assert (source.format, source.encoding, source.text) == ("md", "gb18030", "# 政府工作报告\n\n各位代表：\n")


def test_every_suffix_names_a_known_format():
    readers = {"txt", "md", "html", "pdf", "docx", "csv", "jsonl", "parquet"}
    assert set(FORMATS.values()) == readers


def test_errors_from_bytes_name_the_given_name():
    with pytest.raises(CorruptFile) as caught:
        read_bytes(b"%PDF-1.7\n garbage", "upload.pdf")
    assert caught.value.path == "upload.pdf"
