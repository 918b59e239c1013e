"""The data model: frozen dataclasses shared by every pipeline stage.

One rule holds everywhere: ``Document.text`` is the source text as decoded
(after format extraction for HTML/PDF/DOCX, with ``\\r\\n`` folded to ``\\n``)
and never changes. Every item that points into a document does so with
half-open ``start``/``end`` code-point offsets into that text. Analysis runs
on the normalised view (``Normalised``), whose ``to_source`` maps its spans
back; items store *source* offsets only.
"""
from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Literal

Role = Literal["chrome", "front", "review", "plan", "targets", "notes", "glossary", "appendix", "body"]
Kind = Literal["target", "achievement"]
Comparator = Literal["=", ">=", "<=", "~", "range", ">", "<"]
Level = Literal["province", "prefecture", "county"]
Direction = Literal["up", "down"]


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open ``[start, end)`` range of code points in ``Document.text``."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    def text(self, source: str) -> str:
        return source[self.start:self.end]


@dataclass(frozen=True, slots=True)
class Repair:
    """A garbled run: ``before`` is the source slice at ``span``.

    ``after`` is the repaired text when re-decoding was unambiguous
    (``status == "repaired"``; ``""`` for a pinyin gloss, ``method ==
    "pinyin"``, which the normalised view leaves out); otherwise
    ``status == "flagged"`` and ``after`` is ``None``.
    """

    span: Span
    before: str
    after: str | None
    status: Literal["repaired", "flagged"]
    method: str = "gbk-shift"


@dataclass(frozen=True, slots=True)
class Chrome:
    """Text that is not body: web-page chrome or a scraper's header lines."""

    span: Span
    kind: Literal["page", "scraper_header", "separator"]


@dataclass(frozen=True, slots=True)
class Source:
    """What the read stage produces: decoded text plus provenance."""

    name: str  # file name (or "file.csv#row12" for a tabular row)
    path: str | None
    sha256: str  # of the original bytes (or of the row's text for tabular)
    format: str  # txt, md, html, pdf, docx, csv, jsonl, parquet
    encoding: str  # detected or given; "utf-8" for binary formats
    text: str
    chrome: tuple[Chrome, ...] = ()
    repairs: tuple[Repair, ...] = ()
    meta: dict[str, str] = field(default_factory=dict)  # hints: html title/date, tabular columns, sidecar
    meta_origin: dict[str, str] = field(default_factory=dict)  # meta key -> header | html | column | sidecar


@dataclass(frozen=True, slots=True, eq=False)
class Normalised:
    """The analysis view of a source text, with an exact map back to it.

    ``text`` is Simplified, half-width, whitespace-cleaned, repairs applied.
    ``src_start[i]``/``src_end[i]`` give the source span that normalised
    character ``i`` came from (several characters may share one source span
    when a transformation is not one-to-one, e.g. a mojibake repair).
    """

    text: str
    src_start: array  # array("l"), len == len(text)
    src_end: array  # array("l"), len == len(text)
    source_length: int

    def to_source(self, start: int, end: int) -> Span:
        """Map a normalised span to the smallest source span that produced it."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span [{start}, {end}) outside normalised text of length {len(self.text)}")
        if start == end:
            pos = self.src_start[start] if start < len(self.text) else self.source_length
            return Span(pos, pos)
        return Span(self.src_start[start], self.src_end[end - 1])

    def written(self, source_text: str, start: int, end: int) -> str:
        """The source text that normalised ``[start, end)`` came from, without what normalising left out
        between its characters (line breaks, a page-number line): the words as written, in one piece.

        ``source_text`` is the text this view was made from (``Source.text``).
        """
        starts, ends = self.src_start, self.src_end
        if start >= end:
            return ""
        if ends[end - 1] - starts[start] == end - start:  # one source character each, none left out
            return source_text[starts[start]:ends[end - 1]]
        pieces, piece_start = [], starts[start]
        for i in range(start + 1, end):
            if starts[i] > ends[i - 1]:  # a gap: source characters no normalised character came from
                pieces.append(source_text[piece_start:ends[i - 1]])
                piece_start = starts[i]
        pieces.append(source_text[piece_start:ends[end - 1]])
        return "".join(pieces)

    def from_source(self, start: int, end: int) -> tuple[int, int]:
        """Map a source span to the normalised span covering it (inverse of ``to_source``)."""
        # Both arrays are non-decreasing, so two binary searches suffice.
        lo = bisect_right(self.src_end, start)
        hi = max(lo, bisect_left(self.src_start, end))
        return lo, hi


@dataclass(frozen=True, slots=True)
class Section:
    """A heading and the text it governs (``span`` covers heading + body)."""

    index: int
    span: Span
    heading: Span  # the heading text only (may be glued to a first sentence)
    level: int  # 0 = document title/preamble, 1 = 一、/第X章, 2 = （一）/第X节, 3 = 1., 4 = (1)
    label: str  # the numbering as written: "一、", "（三）", "第二章", "专栏1", "" for unnumbered
    title: str  # heading text without its label, Simplified
    role: Role
    parent: int | None  # index of the enclosing section


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    span: Span
    section: int  # index of the innermost section


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    """A term defined by the document itself (〔1〕 notes or a 名词解释 appendix)."""

    term: str
    definition: str
    span: Span  # the whole entry
    label: str = ""  # "〔1〕", "﹝16﹞", "1." or ""
    anchor: Span | None = None  # where the note marker is cited in the body


@dataclass(frozen=True, slots=True)
class Structure:
    """What the structure stage finds: outline, sentences and the glossary."""

    sections: tuple[Section, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    glossary: tuple[GlossaryEntry, ...] = ()


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the document is. ``None`` fields are explained in ``unknown``."""

    title: str | None = None
    title_confidence: float = 0.0  # 1.0 stated; below 1.0 inferred
    region: str | None = None  # Simplified: 连州市
    parent_region: str | None = None  # 清远市
    level: Level | None = None
    division_code: str | None = None  # 6-digit GB/T 2260 code
    year: int | None = None  # the year the document was delivered / applies to
    period: str | None = None  # "2021-2025" for a five-year plan
    doc_type: str | None = None  # 政府工作报告 / 五年规划纲要 / other
    session: str | None = None  # 第十六届人民代表大会第三次会议
    date: str | None = None  # ISO date when stated
    speaker: str | None = None
    unknown: dict[str, str] = field(default_factory=dict)  # field -> reason
    provenance: dict[str, str] = field(default_factory=dict)  # field -> text|header|html|column|sidecar|table|inferred
    notes: dict[str, str] = field(default_factory=dict)  # field -> how it was found or inferred, with confidence


@dataclass(frozen=True, slots=True)
class Measure:
    """A quantitative target or achievement, as defined by shared/gold/SCHEMA.md."""

    span: Span
    kind: Kind
    indicator: str  # as written (may be Traditional)
    indicator_simplified: str
    value: float
    unit: str  # as written
    comparator: Comparator
    change: bool
    period: str | None
    confidence: float
    value_max: float | None = None
    sentence: int | None = None
    section: int | None = None
    direction: Direction | None = None  # which way the indicator should move, when the text says
    topic: str | None = None  # a key of luoshi.data.topics.TOPICS


@dataclass(frozen=True, slots=True)
class HeadlineTarget:
    """One row of the 主要预期目标 table (shared/gold/TARGETS.md)."""

    indicator: str  # canonical key: gdp_growth, cpi, … or "other"
    indicator_text: str  # the document's words
    value: float
    unit: str
    comparator: Comparator
    span: Span
    period: str | None = None
    value_max: float | None = None


@dataclass(frozen=True, slots=True)
class Task:
    """An actionable commitment: a clause headed by an action verb with a concrete object.

    ``measures``, ``projects`` and ``slogans`` index ``Document.measures``,
    ``Document.projects`` and ``Document.slogans``.
    """

    span: Span
    kind: Kind
    verb: str  # the head action verb, Simplified: 推进, 加快建设, 力争
    text: str  # the clause as written (may be Traditional), without the line breaks or page lines inside it
    text_simplified: str
    period: str | None
    deadline: str | None = None  # as the text states it (年内, 2024年6月底前), Simplified
    topic: str | None = None  # a key of luoshi.data.topics.TOPICS
    sentence: int | None = None
    section: int | None = None
    measures: tuple[int, ...] = ()
    projects: tuple[int, ...] = ()
    slogans: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Project:
    """A named key project (肇明高速, 西江码头), all its mentions grouped.

    ``tasks`` indexes ``Document.tasks`` (the tasks that mention it).
    """

    name: str  # Simplified, as first written
    kind: str  # the kind suffix that makes it a project: 高速, 高铁, 码头, 医院 …
    category: str  # transport, port, park, school, hospital, water, energy, other
    mentions: tuple[Span, ...]
    tasks: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Slogan:
    """Numbered shorthand (百千万工程, “1+1+9”, 三清三拆三整治) and its definition, when the document gives one."""

    term: str  # Simplified, without quotes
    mentions: tuple[Span, ...]
    definition: str | None = None
    glossary: int | None = None  # index into Document.glossary


@dataclass(frozen=True, slots=True)
class Document:
    """A read, normalised, structured and extracted document."""

    source: Source
    normalised: Normalised
    sections: tuple[Section, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    glossary: tuple[GlossaryEntry, ...] = ()
    metadata: Metadata = Metadata()
    measures: tuple[Measure, ...] = ()
    targets: tuple[HeadlineTarget, ...] = ()
    tasks: tuple[Task, ...] = ()
    projects: tuple[Project, ...] = ()
    slogans: tuple[Slogan, ...] = ()

    @property
    def text(self) -> str:
        return self.source.text

    @property
    def name(self) -> str:
        return self.source.name

    def quote(self, span: Span) -> str:
        return self.source.text[span.start:span.end]


