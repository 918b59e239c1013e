"""Plain text (.txt, .md): decode, and refuse a file with nothing in it."""
from __future__ import annotations

from luoshi.errors import EmptyFile
from luoshi.options import Options
from luoshi.read.encoding import decode
from luoshi.read.source import Extracted


def extract_text(data: bytes, options: Options) -> Extracted:
    decoded = decode(data, options.encoding)
    if not decoded.text.strip():
        raise EmptyFile("the file holds only whitespace; nothing to read")
    return Extracted(decoded.text, decoded.encoding, decode_errors=decoded.bad)
