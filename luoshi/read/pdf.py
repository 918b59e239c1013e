"""PDF: the text layer, page by page, with pypdf.

A PDF without a text layer (a scan) raises ``NeedsOCR``; a truncated one
(no ``%%EOF`` near the end — pypdf would otherwise guess at a partial
file) or any file pypdf cannot parse raises ``CorruptFile``.
"""
from __future__ import annotations

from io import BytesIO

from luoshi.errors import CorruptFile, NeedsOCR
from luoshi.options import Options
from luoshi.read.source import Extracted

EOF_WINDOW = 2048  # pypdf looks for %%EOF in the last 2 KB as well


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
    text = "\n".join(pages)
    if not text.strip():
        raise NeedsOCR(f"no text layer in {len(pages)} page(s), probably a scan; OCR is needed first "
                       "(e.g. ocrmypdf -l chi_sim in.pdf out.pdf)")
    return Extracted(text)
