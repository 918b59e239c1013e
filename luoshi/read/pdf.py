"""PDF: the text layer, page by page, with pypdf, without the page furniture.

A printed report carries a page number on every page (``— 3 —``) and often
a running header or footer (its title, 内部资料). In the text layer they sit
between the last line of one page and the first of the next, in the middle
of a paragraph that runs on; left in, they cut that paragraph's sentence and
can be read as headings. A page's first or last line is dropped when it is a
page number (``PAGE_NUMBER_MARKED``; a bare number only when most pages have one
there) or a short line repeated in that place on most pages (three at least).

A PDF without a text layer (a scan) raises ``NeedsOCR``; a truncated one
(no ``%%EOF`` near the end — pypdf would otherwise guess at a partial
file) or any file pypdf cannot parse raises ``CorruptFile``.
"""
from __future__ import annotations

import re
from collections import Counter
from io import BytesIO

from luoshi.data.chrome_patterns import (
    PAGE_NUMBER_BARE,
    PAGE_NUMBER_MARKED,
    RUNNING_LINE_MAX,
    RUNNING_MIN_PAGES,
    RUNNING_SHARE,
)
from luoshi.errors import CorruptFile, NeedsOCR
from luoshi.options import Options
from luoshi.read.source import Extracted

EOF_WINDOW = 2048  # pypdf looks for %%EOF in the last 2 KB as well
_MARKED_NUMBER = re.compile(PAGE_NUMBER_MARKED)
FURNITURE_LINES = 2  # at either end of a page: its number, and a running header or footer
_BARE_NUMBER = re.compile(PAGE_NUMBER_BARE)


def extract_pdf(data: bytes, options: Options) -> Extracted:
    if b"%PDF-" not in data[:1024]:
        raise CorruptFile("not a PDF: no %PDF- header; check the file")
    if b"%%EOF" not in data[-EOF_WINDOW:]:
        raise CorruptFile("truncated PDF: no %%EOF marker at the end; download the complete file again")
    from pypdf import PdfReader

    try:
        reader = PdfReader(BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise CorruptFile("encrypted PDF; remove the password first")
        pages = [page.extract_text() or "" for page in reader.pages]
    except CorruptFile:
        raise
    except Exception as exc:  # pypdf raises many kinds on damaged files
        raise CorruptFile(f"cannot read this PDF ({type(exc).__name__}: {exc})") from None
    if not any(page.strip() for page in pages):
        raise NeedsOCR(f"no text layer in {len(pages)} page(s), probably a scan; OCR is needed first "
                       "(e.g. ocrmypdf -l chi_sim in.pdf out.pdf)")
    return Extracted("\n".join(without_furniture([page.split("\n") for page in pages])))


def without_furniture(pages: list[list[str]]) -> list[str]:
    """The pages' lines joined, each page's number and running header and footer left out (see above)."""
    pages = [_trimmed(lines) for lines in pages]
    most = RUNNING_SHARE * len(pages)
    for edge in (0, -1) * FURNITURE_LINES:  # the first line of each page, then the last, and again
        edges = [lines[edge] if lines else None for lines in pages]
        bare = sum(1 for line in edges if line is not None and _BARE_NUMBER.fullmatch(line)) >= max(2, most)
        running = {line for line, n in Counter(line.strip() for line in edges if line is not None).items()
                   if n >= max(RUNNING_MIN_PAGES, most) and len(line) <= RUNNING_LINE_MAX}
        for lines, line in zip(pages, edges):
            if line is not None and (line.strip() in running or _MARKED_NUMBER.fullmatch(line)
                                     or bare and _BARE_NUMBER.fullmatch(line)):
                del lines[edge]
                lines[:] = _trimmed(lines)
    return [line for lines in pages for line in lines]


def _trimmed(lines: list[str]) -> list[str]:
    """``lines`` without blank lines at either end."""
    start, end = 0, len(lines)
    while start < end and not lines[start].strip():
        start += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    return lines[start:end]
