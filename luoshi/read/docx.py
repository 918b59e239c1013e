"""DOCX: paragraphs and tables in document order, with python-docx.

A table becomes one line per row, cells joined by tabs (a merged cell is
written once), so a 主要预期目标 table reads like the text around it.
"""
from __future__ import annotations

from io import BytesIO

from luoshi.errors import CorruptFile, EmptyFile
from luoshi.options import Options
from luoshi.read.source import Extracted


def extract_docx(data: bytes, options: Options) -> Extracted:
    import docx
    from docx.table import Table

    try:
        document = docx.Document(BytesIO(data))
        lines = []
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                lines += (_row_text(row) for row in block.rows)
            else:
                lines.append(block.text)
    except Exception as exc:  # python-docx raises zip, XML and key errors on damaged files
        raise CorruptFile(f"cannot read this DOCX ({type(exc).__name__}: {exc})") from None
    text = "\n".join(lines)
    if not text.strip():
        raise EmptyFile("the document has no text (no paragraphs or table cells with words)")
    return Extracted(text)


def _row_text(row) -> str:
    cells, seen = [], set()
    for cell in row.cells:
        if id(cell._tc) not in seen:  # a merged cell is repeated once per grid column it spans
            seen.add(id(cell._tc))
            cells.append(cell.text)
    return "\t".join(cells)
