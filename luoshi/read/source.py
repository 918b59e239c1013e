"""Turn extracted text into a ``Source``: one clean-up, chrome, repairs (mojibake, pinyin glosses), metadata.

Every format ends here, so the rules hold for all of them: the BOM is
stripped and ``\\r\\n``/``\\r`` become ``\\n`` (nothing else changes — the
text is the source every offset points into); chrome and mojibake runs are
found on that final text (a text that is nothing but chrome has no body:
``NoBody``); metadata hints are merged with rising precedence — labels in
the page header < the HTML page's title and date < row columns < the
``.meta.json`` sidecar — and ``Source.meta_origin`` says which one each key
came from (``header``, ``html``, ``column``, ``sidecar``; ``read`` for the
``decode_errors`` note).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from luoshi.errors import NoBody
from luoshi.model import Chrome, Source
from luoshi.read.chrome import find_chrome
from luoshi.read.mojibake import find_repairs
from luoshi.read.pinyin import find_pinyin_glosses


@dataclass(frozen=True, slots=True)
class Extracted:
    """What a format reader gives: the document's text and what it knows about it."""

    text: str
    encoding: str = "utf-8"  # of the bytes the text came from; binary formats say utf-8
    meta: dict[str, str] = field(default_factory=dict)
    origin: str = ""  # where ``meta`` comes from: "html" (the page's metadata) or "column" (a table row)
    decode_errors: int = 0  # characters the decoder replaced by U+FFFD


def clean_text(text: str) -> str:
    """Strip a BOM and fold ``\\r\\n`` and lone ``\\r`` to ``\\n``."""
    text = text.removeprefix("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def build_source(extracted: Extracted, *, name: str, path: str | None, fmt: str, original: bytes,
                 overrides: dict[str, str]) -> Source:
    """The ``Source`` for one document; ``original`` is what its sha256 is taken of."""
    text = clean_text(extracted.text)
    chrome, hints = find_chrome(text)
    if chrome and _only_chrome(text, chrome):
        raise NoBody("only page chrome (navigation, headers, buttons), no body text")
    layers = [(hints, "header"), (extracted.meta, extracted.origin), (overrides, "sidecar")]
    if extracted.decode_errors:
        layers.insert(0, ({"decode_errors": str(extracted.decode_errors)}, "read"))
    meta: dict[str, str] = {}
    origin: dict[str, str] = {}
    for values, where in layers:
        meta.update(values)
        origin.update(dict.fromkeys(values, where))
    return Source(
        name=name, path=path, sha256=hashlib.sha256(original).hexdigest(), format=fmt,
        encoding=extracted.encoding, text=text, chrome=chrome,
        repairs=tuple(sorted(find_repairs(text) + find_pinyin_glosses(text), key=lambda r: r.span.start)),
        meta=meta, meta_origin=origin,
    )


def _only_chrome(text: str, chrome: tuple[Chrome, ...]) -> bool:
    pos = 0
    for c in chrome:
        if text[pos:c.span.start].strip():
            return False
        pos = c.span.end
    return not text[pos:].strip()
