"""What the store hands back: frozen views of stored rows."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from luoshi.errors import StoreError
from luoshi.model import (
    Document,
    GlossaryEntry,
    HeadlineTarget,
    Measure,
    Metadata,
    Project,
    Section,
    Sentence,
    Slogan,
    Source,
    Task,
)


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """One line of ``luoshi docs``: the latest version of a stored document."""

    id: int
    name: str
    version: int
    format: str
    title: str | None
    region: str | None
    parent_region: str | None
    level: str | None
    division_code: str | None
    year: int | None
    period: str | None
    doc_type: str | None
    characters: int
    measures: int
    targets: int
    ingested_at: datetime


@dataclass(frozen=True, slots=True)
class StoredDocument:
    """A stored document: everything a ``Document`` holds except the offset map."""

    id: int
    version: int
    ingested_at: datetime
    extracted: bool
    repairs_applied: bool
    source: Source
    normalised_text: str
    metadata: Metadata
    sections: tuple[Section, ...]
    sentences: tuple[Sentence, ...]
    glossary: tuple[GlossaryEntry, ...]
    measures: tuple[Measure, ...]
    targets: tuple[HeadlineTarget, ...]
    tasks: tuple[Task, ...] = ()
    projects: tuple[Project, ...] = ()
    slogans: tuple[Slogan, ...] = ()

    @property
    def name(self) -> str:
        return self.source.name

    def quote(self, start: int, end: int) -> str:
        return self.source.text[start:end]

    def document(self) -> Document:
        """The full ``Document``, its offset map recomputed from source text and repairs."""
        from luoshi.normalise import normalise  # the store itself needs no analysis stage

        norm = normalise(self.source.text, self.source.repairs if self.repairs_applied else ())
        if norm.text != self.normalised_text:
            raise StoreError(
                f"document {self.id} was normalised by another luoshi version; its stored spans stay valid, "
                "but the offset map cannot be rebuilt (ingest it into a fresh database to rebuild it)"
            )
        return Document(
            source=self.source, normalised=norm, sections=self.sections, sentences=self.sentences,
            glossary=self.glossary, metadata=self.metadata, measures=self.measures, targets=self.targets,
            tasks=self.tasks, projects=self.projects, slogans=self.slogans,
        )


def measure_record(doc: str, m: Measure, quote: str) -> dict:
    """A measure in the gold prediction format (shared/gold/SCHEMA.md, score.py)."""
    return {
        "doc": doc, "start": m.span.start, "end": m.span.end, "quote": quote, "kind": m.kind,
        "indicator": m.indicator, "value": number(m.value), "unit": m.unit, "comparator": m.comparator,
        "change": m.change, "period": m.period, "value_max": number(m.value_max), "confidence": m.confidence,
        "indicator_simplified": m.indicator_simplified,
    }


def target_record(doc: str, region: str | None, year: int | None, h: HeadlineTarget, quote: str) -> dict:
    """A headline target in the gold format (shared/gold/TARGETS.md) plus region and year."""
    return {
        "doc": doc, "region": region, "year": year, "indicator": h.indicator, "indicator_text": h.indicator_text,
        "value": number(h.value), "unit": h.unit, "comparator": h.comparator, "value_max": number(h.value_max),
        "period": h.period, "start": h.span.start, "end": h.span.end, "quote": quote,
    }


def number(value: float | None) -> float | int | None:
    """Whole numbers as ints (80, not 80.0), as the gold files write them."""
    if value is not None and float(value).is_integer() and abs(value) < 2**53:
        return int(value)
    return value
