"""Encoding detection on the seeds re-encoded, short strings, forced encodings and bad bytes."""
from __future__ import annotations

import codecs
import hashlib
from pathlib import Path

import opencc
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from luoshi.errors import BinaryFile, UndecodableText, UsageError
from luoshi.options import Options
from luoshi.read import read_bytes, read_path
from luoshi.read.encoding import decode
from luoshi.read.hanzi import RANK_FILE


@pytest.fixture(scope="module")
def seeds(shared: Path) -> dict[str, str]:
    return {f.name: f.read_text(encoding="utf-8") for f in sorted((shared / "corpus" / "seeds").glob("*.txt"))}


def _gbk_encodable(seeds: dict[str, str]) -> list[str]:
    names = []
    for name, text in seeds.items():
        try:
            text.encode("gbk")
        except UnicodeEncodeError:  # 001 has a "•", 003 private-use icons
            continue
        names.append(name)
    return names


def test_gbk_seeds_are_detected(seeds):
    names = _gbk_encodable(seeds)
    assert len(names) >= 3
    for name in names:
        decoded = decode(seeds[name].encode("gbk"))
        assert decoded.text == seeds[name]
        assert decoded.encoding == "gb18030"  # GBK's superset, so nothing valid is refused


def test_gb18030_seeds_with_characters_outside_gbk(seeds):
    for name, text in seeds.items():
        assert decode(text.encode("gb18030")).text == text, name


@pytest.mark.parametrize("seed", ["002_ab862bf384cb27d5.txt", "004_f84b366bce13bc3e.txt"])
def test_big5_is_detected(seeds, seed):
    traditional = opencc.OpenCC("s2tw").convert(seeds[seed])
    decoded = decode(traditional.encode("big5"))
    assert decoded.text == traditional
    assert decoded.encoding == "big5"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig"])
def test_unicode_with_and_without_bom(seeds, encoding):
    for text in seeds.values():
        assert decode(text.encode(encoding)).text.removeprefix("\ufeff") == text


@pytest.mark.parametrize("text", ["政府工作报告", "全面推进乡村振兴", "增长6%左右", "各位代表：", "依托县域医共体应对农村防疫做法"])
def test_short_strings(text):
    """charset-normalizer alone calls short GBK strings utf_16_be; the plausibility vote does not."""
    assert decode(text.encode("gbk")).text == text
    traditional = opencc.OpenCC("s2tw").convert(text)
    assert decode(traditional.encode("big5")).text == traditional


SIMPLIFIED = RANK_FILE.read_text(encoding="utf-8").strip()[:3000] + "，。、“”：；0123456789%"


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=SIMPLIFIED, min_size=8, max_size=200),
       encoding=st.sampled_from(["utf-8", "gb18030", "utf-16-le", "utf-16-be", "utf-16", "utf-8-sig"]))
@example(text="0000下丸主亭", encoding="gb18030")  # as plausible read as Japanese EUC (0000和来麼佑)
def test_any_chinese_text_round_trips(text, encoding):
    """A text file ends with a newline (whose NUL byte is what gives BOM-less UTF-16 away)."""
    text += "\n"
    assert decode(text.encode(encoding)).text.removeprefix("\ufeff") == text


def test_forced_encoding_wins(tmp_path, seeds):
    text = seeds["004_f84b366bce13bc3e.txt"]
    path = tmp_path / "report.txt"
    path.write_bytes(text.encode("gbk"))
    source = next(read_path(path, Options(encoding="gbk")))
    assert (source.text, source.encoding) == (text, "gbk")


def test_forcing_the_wrong_encoding_fails_clearly(tmp_path, seeds):
    path = tmp_path / "report.txt"
    path.write_bytes(seeds["004_f84b366bce13bc3e.txt"].encode("gbk"))
    with pytest.raises(UndecodableText, match="not valid utf-8.*--encoding") as caught:
        list(read_path(path, Options(encoding="utf-8")))
    assert str(path) in str(caught.value)


def test_unknown_forced_encoding_is_a_usage_error(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("政府工作报告", encoding="utf-8")
    with pytest.raises(UsageError, match="unknown encoding 'klingon'"):
        list(read_path(path, Options(encoding="klingon")))


def test_bom_is_stripped_and_line_ends_folded(seeds):
    text = seeds["000_04df038d627074af.txt"]
    crlf = codecs.BOM_UTF8 + text.replace("\n", "\r\n").encode("utf-8")
    lone_cr = text.replace("\n", "\r").encode("gb18030")
    for data in (crlf, lone_cr):
        source = read_bytes(data, "report.txt")[0]
        assert source.text == text
        assert source.sha256 == hashlib.sha256(data).hexdigest()  # of the bytes as given


def test_a_few_bad_bytes_are_replaced_and_counted(seeds):
    text = seeds["000_04df038d627074af.txt"]
    broken = (1000, 3000, 9000)  # character offsets; their lead bytes become 0xFF
    raw = bytearray(text.encode("utf-8"))
    for at in broken:
        raw[len(text[:at].encode("utf-8"))] = 0xFF
    source = read_bytes(bytes(raw), "report.txt")[0]
    assert source.encoding == "utf-8"
    assert source.meta["decode_errors"] == "9"  # U+FFFD for the 0xFF and for each orphaned continuation byte
    assert source.meta_origin["decode_errors"] == "read"
    expected = "".join("\ufffd" * 3 if i in broken else c for i, c in enumerate(text))
    assert source.text == expected


def test_mostly_bad_bytes_are_undecodable():
    noise = bytes((i * 167 + 13) % 254 + 1 for i in range(20000))  # no NULs, no encoding fits
    with pytest.raises(UndecodableText, match="no encoding gives readable text"):
        decode(noise)


def test_nul_bytes_that_are_not_utf16_mean_binary():
    with pytest.raises(BinaryFile, match="NUL"):
        decode(b"\x00\x01\x02\x03" * 100 + "政府".encode())
