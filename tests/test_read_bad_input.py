"""Bad input: one clear one-line ``ReadError`` naming the file, never a traceback.

Format-specific failures (scanned or truncated PDF, damaged DOCX, bad rows,
bad sidecars) are in ``test_read_formats.py``; forced and wrong encodings in
``test_encoding.py``.
"""
from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from luoshi.errors import (
    BinaryFile,
    EmptyFile,
    FileUnavailable,
    NoBody,
    ReadError,
    TooLarge,
    UndecodableText,
    UnsupportedFormat,
)
from luoshi.options import Options
from luoshi.read import read_bytes, read_path

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa"


def _fails(path: Path, error: type[ReadError], problem: str, options: Options = Options()) -> ReadError:
    with pytest.raises(error, match=problem) as caught:
        list(read_path(path, options))
    message = str(caught.value)
    assert message.startswith(f"{path}: [{error.code}] ")
    assert "\n" not in message
    return caught.value


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    _fails(path, EmptyFile, "empty file")


def test_whitespace_only_file(tmp_path):
    path = tmp_path / "blank.md"
    path.write_text(" \n\u3000\n\t\n", encoding="utf-8")
    _fails(path, EmptyFile, "only whitespace")


def test_png_named_txt(tmp_path):
    path = tmp_path / "picture.txt"
    path.write_bytes(PNG + bytes(200))
    _fails(path, BinaryFile, "PNG image")


def test_random_bytes_with_nuls(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_bytes(os.urandom(4096) + b"\x00" * 8)
    _fails(path, BinaryFile, "NUL bytes")


def test_undecodable_bytes(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes((i * 167 + 13) % 254 + 1 for i in range(20000)))  # no NULs, no encoding fits
    _fails(path, UndecodableText, "no encoding gives readable text")


@pytest.mark.parametrize("page", [
    "<html><head><title>江城区人民政府</title></head><body></body></html>",
    "<html><body><nav><a href='/'>首页</a> <a href='/x'>政务公开</a></nav><footer>版权所有</footer></body></html>",
])
def test_html_without_a_body(tmp_path, page):
    path = tmp_path / "nav.html"
    path.write_text(page, encoding="utf-8")
    _fails(path, NoBody, "no main text|no body text")


def test_missing_file(tmp_path):
    _fails(tmp_path / "nowhere.txt", FileUnavailable, "no such file")


def test_file_deleted_before_it_is_read(tmp_path):
    """A batch names the file, then it disappears before its turn (read_path is lazy)."""
    path = tmp_path / "gone.txt"
    path.write_text("政府工作报告。", encoding="utf-8")
    sources = read_path(path)
    path.unlink()
    with pytest.raises(FileUnavailable, match="no such file"):
        next(sources)


def test_permission_denied(tmp_path, monkeypatch):
    """Tests run as root, which chmod 000 does not stop, so the refusal is simulated."""
    path = tmp_path / "secret.txt"
    path.write_text("政府工作报告。", encoding="utf-8")

    def refuse(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    _fails(path, FileUnavailable, "permission denied")


def test_a_folder_is_not_a_file(tmp_path):
    folder = tmp_path / "reports.txt"
    folder.mkdir()
    _fails(folder, FileUnavailable, "is a folder")


@pytest.mark.parametrize("name, advice", [
    ("report.doc", "save it as .docx"), ("table.xlsx", "save the sheet as .csv"), ("report.xyz", "supported: .csv"),
    ("README", "files without a suffix"),
])
def test_unsupported_format(tmp_path, name, advice):
    path = tmp_path / name
    path.write_bytes(b"something")
    _fails(path, UnsupportedFormat, advice)


def test_a_sidecar_is_not_a_document(tmp_path):
    path = tmp_path / "report.txt.meta.json"
    path.write_text('{"year": 2024}', encoding="utf-8")
    _fails(path, UnsupportedFormat, "metadata sidecar")


def test_too_large(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("政府工作报告。" * 100, encoding="utf-8")
    _fails(path, TooLarge, "over the 1,000-byte limit", Options(max_bytes=1000))
    with pytest.raises(TooLarge):
        read_bytes(path.read_bytes(), "report.txt", Options(max_bytes=1000))


def test_unknown_format_name_for_bytes():
    with pytest.raises(UnsupportedFormat, match="unknown format 'rtf'"):
        read_bytes("报告".encode(), "report", fmt="rtf")


def test_50_mb_on_one_line(shared, tmp_path):
    """No line-based step may be quadratic or choke on one 50 MB line."""
    seed = (shared / "corpus" / "seeds" / "001_6c2582cb47a6a2df.txt").read_text(encoding="utf-8").replace("\n", "")
    line = seed.encode("utf-8")
    path = tmp_path / "one_line.txt"
    with path.open("wb") as out:
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            out.write(line)
    size = path.stat().st_size
    assert size >= 50 * 1024 * 1024
    started = time.perf_counter()
    (source,) = read_path(path)
    elapsed = time.perf_counter() - started
    assert len(source.text) == size // len(line) * len(seed)
    assert "\n" not in source.text and source.chrome == () and source.repairs == ()
    assert elapsed < 10
