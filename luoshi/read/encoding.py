"""Bytes → text: detect the encoding, refuse binary data, tolerate a few bad bytes.

Order, cheapest and surest first:

1. ``Options.encoding`` when given (the user knows best).
2. A byte-order mark: UTF-8, UTF-32 or UTF-16.
3. Binary data is refused: known file signatures (PNG, ZIP, PDF, …) and NUL
   bytes — unless the NULs are the zero half of BOM-less UTF-16 text.
4. Strict UTF-8 (the common case, and a fast one).
5. Otherwise every candidate — charset-normalizer's guess, then gb18030,
   big5, UTF-16 and lenient UTF-8 — decodes a sample, and the one giving
   the most plausible Chinese wins (``luoshi.read.hanzi.plausibility``;
   ties go to an encoding Chinese text is written in, then to the more
   frequent characters: ``rarity``).
   Guessing by plausibility instead of trusting charset-normalizer alone
   avoids its known slips (a short GBK text called ``utf_16_be``).

Bad bytes: a text whose decoding needs at most ``MAX_BAD_SHARE`` of its
characters replaced by U+FFFD is accepted (the count is returned, and the
reader notes it in ``Source.meta["decode_errors"]``); more than that is
``UndecodableText``.
"""
from __future__ import annotations

import codecs
from dataclasses import dataclass

from luoshi.errors import BinaryFile, UndecodableText, UsageError
from luoshi.read.hanzi import plausibility, rarity

SAMPLE_BYTES = 64 * 1024
MIN_PLAUSIBILITY = 0.8  # real Chinese documents score above 0.99; wrong decodings far below
MAX_BAD_SHARE = 0.005
FALLBACKS = ("gb18030", "big5", "utf-16-le", "utf-16-be", "utf-8")
# The encodings Chinese documents come in (codecs.lookup names). On a tie they win over another guess:
# a short GBK text read as Japanese EUC can be just as plausible (0000下丸主亭 → 0000和来麼佑).
CHINESE_ENCODINGS = frozenset(codecs.lookup(name).name for name in (*FALLBACKS, "gbk", "gb2312", "hz", "big5hkscs",
                                                                     "cp950", "utf-16", "utf-8-sig"))
BOMS = (  # longest first: the UTF-32-LE mark starts with the UTF-16-LE one
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
    (b"%PDF-", "a PDF (name it .pdf)"), (b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx; name it so)"),
    (b"\xd0\xcf\x11\xe0", "an old Office file (.doc/.xls; save it as .docx)"), (b"\x7fELF", "a program"),
    (b"\x1f\x8b", "a gzip archive"), (b"PAR1", "a Parquet file (name it .parquet)"), (b"Rar!", "a RAR archive"),
)


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str  # a Python codec name
    bad: int = 0  # characters replaced by U+FFFD


def decode(data: bytes, forced: str | None = None) -> Decoded:
    """Decode ``data`` (see the module docstring); errors name no file (the caller adds it)."""
    if forced:
        return _decode_forced(data, forced)
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return _accept(data, encoding)
    utf16 = _sniff_binary(data)
    if utf16:
        return _accept(data, utf16)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    return _accept(data, _best_guess(data))


def _decode_forced(data: bytes, encoding: str) -> Decoded:
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        raise UsageError(f"unknown encoding {encoding!r}; use a Python codec name such as gb18030 or big5") from None
    return _accept(data, name, hint=f"it is not {name}; check --encoding")


def _sniff_binary(data: bytes) -> str | None:
    """Raise ``BinaryFile`` for binary data; name the codec if the NULs are BOM-less UTF-16."""
    for signature, what in SIGNATURES:
        if data.startswith(signature):
            raise BinaryFile(f"binary file: looks like {what}, not text")
    sample = data[:SAMPLE_BYTES]
    if b"\x00" not in sample:
        return None
    utf16 = _utf16_guess(sample)
    if utf16 is None:
        raise BinaryFile("binary file: contains NUL bytes; give a text, HTML, PDF, DOCX or tabular file")
    return utf16


def _utf16_guess(sample: bytes) -> str | None:
    """BOM-less UTF-16 has NULs too (the high byte of ASCII); it reads as plausible text."""
    even = sample[: len(sample) // 2 * 2]
    for encoding in ("utf-16-le", "utf-16-be"):
        if plausibility(even.decode(encoding, errors="replace")) >= MIN_PLAUSIBILITY:
            return encoding
    return None


def _best_guess(data: bytes) -> str:
    """The candidate encoding whose sample decoding is the most plausible text."""
    from charset_normalizer import from_bytes

    sample = data[:SAMPLE_BYTES]
    guess = from_bytes(sample).best()
    candidates = dict.fromkeys(
        codecs.lookup(name).name for name in ((guess.encoding,) if guess else ()) + FALLBACKS
    )
    best, best_key = None, None
    for encoding in candidates:
        text = sample.decode(encoding, errors="replace")
        bad = text.count("\ufffd")
        if bad > max(2, MAX_BAD_SHARE * len(text)):  # a cut character at the sample's end is forgiven
            continue
        key = (plausibility(text), encoding in CHINESE_ENCODINGS, -rarity(text), -bad)
        if best_key is None or key > best_key:
            best, best_key = encoding, key
    if best is None or best_key[0] < MIN_PLAUSIBILITY:
        raise UndecodableText("no encoding gives readable text (tried UTF-8, GB18030, Big5, UTF-16); "
                              "give the encoding with --encoding")
    return best


def _accept(data: bytes, encoding: str, hint: str = "give the encoding with --encoding") -> Decoded:
    try:
        return Decoded(data.decode(encoding), encoding)
    except UnicodeDecodeError:
        text = data.decode(encoding, errors="replace")
    bad = text.count("\ufffd")
    if bad > MAX_BAD_SHARE * len(text):
        raise UndecodableText(f"{bad} of {len(text)} characters are not valid {encoding}; {hint}")
    return Decoded(text, encoding, bad)
