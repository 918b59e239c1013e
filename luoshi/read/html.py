"""HTML pages: keep the main text only, with trafilatura.

trafilatura drops navigation, headers, footers and share widgets (it kept
100% of seed 003's body and none of its chrome when that page was rebuilt
as HTML). Its title, date, URL and site name become ``Source.meta`` hints.
A charset the page declares is used when the bytes really are in it;
pages often declare ``gb2312`` and use GBK characters, so that is read as
gb18030.
"""
from __future__ import annotations

import re

from luoshi.errors import CorruptFile, NoBody
from luoshi.options import Options
from luoshi.read.encoding import decode
from luoshi.read.source import Extracted

_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_WIDER = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "big5": "big5hkscs"}
HINTS = {"title": "title", "date": "publish_date", "url": "source_url", "sitename": "site_name"}


def extract_html(data: bytes, options: Options) -> Extracted:
    decoded = decode(data, options.encoding or _declared(data))
    import trafilatura

    try:
        page = trafilatura.bare_extraction(decoded.text, with_metadata=True, include_comments=False,
                                           include_tables=True)
    except Exception as exc:  # lxml and trafilatura raise many kinds on broken markup
        raise CorruptFile(f"cannot parse this HTML ({type(exc).__name__}: {exc})") from None
    text = page.text if page is not None else None
    if not text or not text.strip():
        raise NoBody("no main text in this HTML page (only navigation, or empty); save the article as .txt")
    meta = {key: str(getattr(page, attr)) for attr, key in HINTS.items() if getattr(page, attr, None)}
    return Extracted(text, decoded.encoding, meta, "html", decoded.bad)


def _declared(data: bytes) -> str | None:
    """The charset a page declares, if its bytes decode with it."""
    match = _DECLARED.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii").lower()
    name = _WIDER.get(name, name)
    try:
        data.decode(name)
    except (LookupError, UnicodeDecodeError):
        return None
    return name
