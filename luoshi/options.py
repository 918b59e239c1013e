"""One options object for the whole pipeline (built once from CLI flags)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True, kw_only=True)
class Options:
    encoding: str | None = None  # force a text encoding instead of detecting it
    text_column: str = "full_text"  # tabular corpora: the column holding the text
    max_bytes: int = 200 * 1024 * 1024  # refuse larger files (TooLarge)
    repair_mojibake: bool = True
    extract: bool = True  # run the extract stage (measures, headline targets)
