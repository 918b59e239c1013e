"""``<file>.meta.json``: metadata a person gives for a file, overriding what is inferred.

The sidecar is a JSON object beside the file, named after it plus
``.meta.json`` (``report.txt`` → ``report.txt.meta.json``). Its keys go
into ``Source.meta`` unchanged, values as strings; the metadata stage reads
region, parent_region, level, division_code, year, doc_type, title,
session, date, speaker, province, source_url and publish_date. For a
tabular file the sidecar applies to every row.
"""
from __future__ import annotations

import json
from pathlib import Path

from luoshi.errors import CorruptFile, FileUnavailable

SUFFIX = ".meta.json"


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.name + SUFFIX)


def read_sidecar(path: Path) -> dict[str, str]:
    """The sidecar's metadata for the file at ``path`` ({} when there is none)."""
    sidecar = sidecar_path(path)
    try:
        raw = sidecar.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise FileUnavailable(f"cannot read the metadata sidecar ({exc.strerror})", path=str(sidecar)) from None
    try:
        meta = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CorruptFile(f"the metadata sidecar is not valid UTF-8 JSON ({exc}); fix or remove it",
                          path=str(sidecar)) from None
    if not isinstance(meta, dict):
        raise CorruptFile("the metadata sidecar must be a JSON object of key: value", path=str(sidecar))
    bad = [key for key, value in meta.items() if not isinstance(value, str | int | float | bool | None)]
    if bad:
        raise CorruptFile(f"sidecar values must be strings or numbers, not lists or objects: {', '.join(bad)}",
                          path=str(sidecar))
    return {key: str(value) for key, value in meta.items() if value is not None and str(value).strip()}
