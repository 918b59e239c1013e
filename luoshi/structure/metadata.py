"""The metadata stage: what a document is — region, level, code, year, type, session.

Sources, strongest first:

1. ``Source.meta`` given by a person or a table: a ``.meta.json`` sidecar
   (provenance ``sidecar``) or a tabular row's columns (``column``). These
   override the text.
2. The text's title page (``text``): title, the delivery or approval line
   (date, place, session), the speaker line.
3. Publisher hints the read stage found (``header``: 名称/标题/年份/成文日期
   labels above the body; ``html``: the page title). They name the document
   as published, so a header or page title is preferred to a bare 政府工作报告
   title line, but for every other field the document's own words win
   (a page's date is when it was posted, not when the report was delivered).
4. The division table (``table``): code, level and parent of the region.
5. Inference (``inferred``), each with its reason and confidence in
   ``Metadata.notes``: the region of an untitled excerpt from its mentions
   (see ``meta_region``), a report's year from its dated headings, a type from
   its cue phrases, a title composed from region, year and type.

Conventions: ``year`` of a work report is the year it was delivered (the
date on its title page: seed 003 was delivered on 2021-11-23, so 2021, even
though it sets out 2022's work). ``year`` of a five-year plan is the year it
was approved, which is the first year of its ``period`` (the 14th plan:
approved in 2021, period ``2021-2025``); without an approval date the
period's first year is used, marked inferred. A field that cannot be
determined is ``None`` with the reason in ``Metadata.unknown``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from luoshi import regions
from luoshi.data import doc_types as T
from luoshi.data.metadata_cues import LEVEL_WORDS, META_KEYS
from luoshi.model import Metadata, Normalised, Source, Structure
from luoshi.structure import meta_text as M
from luoshi.structure.meta_region import RegionFinding, find_region, resolve_name

TITLE_PAGE_CHARS = 3000  # body characters read for the title page
TITLE_PAGE_LINES = 80
TABULAR = frozenset({"csv", "jsonl", "parquet"})
STRONG = frozenset({"sidecar", "column"})
CUE_CONFIDENCE = 0.8  # a type inferred from two or more cue phrases
MAX_COMPOSED_CONFIDENCE = 0.9
# 标题_站名, 标题 - 站名, 标题--频道--站名, 标题-站名 (a dash between two years is a period: 2021-2025)
_TITLE_SEPARATORS = re.compile(r"\s*(?:[_|｜]|\s[-–—]\s|-{2,}|(?<!\d)-(?!\d))\s*")
_TYPE_WORD = re.compile(r"报告|规划|纲要|计划")
FIELDS = ("title", "region", "parent_region", "level", "division_code", "year", "period", "doc_type",
          "session", "date", "speaker")


def infer_metadata(source: Source, norm: Normalised, structure: Structure) -> Metadata:
    """Region, level, division code, year, period, type, session, date, speaker and title of one document."""
    lines = title_page_lines(source, norm)
    meta = given_metadata(source)
    out = _Fields()
    _region(out, meta, lines, norm.text)
    _title_and_type(out, meta, lines, norm.text)
    _session_date_speaker(out, meta, lines)
    _year_and_period(out, meta, lines, norm.text)
    _composed_title(out, lines)
    return out.build()


# --- inputs ---------------------------------------------------------------------------


def title_page_lines(source: Source, norm: Normalised) -> list[str]:
    """The first body lines of the normalised text, chrome lines left out."""
    chrome = [norm.from_source(c.span.start, c.span.end) for c in source.chrome]
    lines: list[str] = []
    start = chars = 0
    text = norm.text
    while start < len(text) and chars < TITLE_PAGE_CHARS and len(lines) < TITLE_PAGE_LINES:
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if not any(lo <= start and end <= hi for lo, hi in chrome):
            lines.append(text[start:end])
            chars += end - start
        start = end + 1
    return lines


@dataclass(frozen=True, slots=True)
class Given:
    value: str
    origin: str  # sidecar | column | header | html


def given_metadata(source: Source) -> dict[str, Given]:
    """``Source.meta`` under canonical field names, each with where it came from."""
    out: dict[str, Given] = {}
    for name, keys in META_KEYS.items():
        for key in keys:
            value = source.meta.get(key, "").strip()
            if value:
                origin = _origin(source, key, value)
                out[name] = Given(_page_title(value) if origin == "html" else value, origin)
                break
    written = source.meta.get("written_date", "").strip()  # 成文日期 label
    if written and "date" not in out:
        out["date"] = Given(written, "header")
    return out


def _page_title(title: str) -> str:
    """A page title without the site name: 政府工作报告_连州市人民政府网 → 政府工作报告."""
    parts = [p.strip() for p in _TITLE_SEPARATORS.split(title) if p.strip()]
    return next((p for p in parts if _TYPE_WORD.search(p)), parts[0] if parts else title)


def _origin(source: Source, key: str, value: str) -> str:
    """Where a ``Source.meta`` value came from, as the read stage recorded it.

    Sources built by hand may carry no ``meta_origin``; their hints are
    judged by where the value sits (a chrome line) and the format.
    """
    recorded = source.meta_origin.get(key)
    if recorded in ("header", "html", "column", "sidecar"):
        return recorded
    if any(value in source.text[c.span.start:c.span.end] for c in source.chrome):
        return "header"
    if source.format == "html" and key == "title":
        return "html"
    return "column" if source.format in TABULAR else "sidecar"


# --- the fields being built -------------------------------------------------------------


@dataclass
class _Fields:
    values: dict[str, object] = field(default_factory=dict)
    provenance: dict[str, str] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    unknown: dict[str, str] = field(default_factory=dict)
    confidence: dict[str, float] = field(default_factory=dict)
    title_confidence: float = 0.0

    def set(self, name: str, value: object, provenance: str, note: str = "", confidence: float = 1.0) -> None:
        self.values[name] = value
        self.provenance[name] = provenance
        self.confidence[name] = confidence
        if note:
            self.notes[name] = note if confidence >= 1 else f"{note} (confidence {confidence:.2f})"
        self.unknown.pop(name, None)

    def missing(self, name: str, reason: str) -> None:
        if name not in self.values:
            self.unknown.setdefault(name, reason)

    def has(self, name: str) -> bool:
        return name in self.values

    def build(self) -> Metadata:
        for name in FIELDS:
            if name not in self.values and name not in self.unknown:
                self.unknown[name] = "not stated"
        return Metadata(
            title=self.values.get("title"), title_confidence=self.title_confidence if self.has("title") else 0.0,
            region=self.values.get("region"), parent_region=self.values.get("parent_region"),
            level=self.values.get("level"), division_code=self.values.get("division_code"),
            year=self.values.get("year"), period=self.values.get("period"), doc_type=self.values.get("doc_type"),
            session=self.values.get("session"), date=self.values.get("date"), speaker=self.values.get("speaker"),
            unknown=dict(self.unknown), provenance=dict(self.provenance), notes=dict(self.notes),
        )


def _strong(meta: dict[str, Given], name: str) -> Given | None:
    given = meta.get(name)
    return given if given and given.origin in STRONG else None


def _weak(meta: dict[str, Given], name: str) -> Given | None:
    given = meta.get(name)
    return given if given and given.origin not in STRONG else None


# --- region ---------------------------------------------------------------------------------


def _region(out: _Fields, meta: dict[str, Given], lines: list[str], text: str) -> None:
    province = meta.get("province")
    within = regions.lookup(province.value) if province else None
    within_code = within.code if within and within.level == "province" else None
    coded = regions.get(meta["division_code"].value[:6]) if "division_code" in meta else None
    given = meta.get("region")
    if given:
        finding = resolve_name(given.value, text, within=within_code, how=f"given by the {given.origin}")
        stated = find_region(lines, text, within=within_code, infer=False)
        if stated and stated.name and stated.name != given.value:
            out.notes["region"] = f"the {given.origin} says {given.value}; the text names {stated.name}"
        out.set("region", given.value, given.origin, out.notes.get("region", ""))
    elif coded:
        finding = RegionFinding(coded.name, coded, "table", 1.0, f"the division code {coded.code} given")
        out.set("region", coded.name, "table", finding.note)
    else:
        finding = find_region(lines, text, within=within_code, infer=False)
        titled = meta.get("title")
        if not finding and titled:  # the publisher's title may name the place the title page does not
            finding = find_region([titled.value], text, within=within_code, infer=False)
            if finding:
                finding = replace(finding, provenance=titled.origin, note=f"named in the {titled.origin} title")
        finding = finding or find_region(lines, text, within=within_code)
        if finding and finding.name:
            out.set("region", finding.name, finding.provenance, finding.note, finding.confidence)
    division = coded or (finding.division if finding else None)
    problem = finding.problem if finding else "no place is named on the title page and none dominates the text"
    for name in ("region", "level", "parent_region", "division_code"):
        given_field = meta.get(name)
        if given_field and name != "region":
            out.set(name, _parse_given(name, given_field.value), given_field.origin)
    if division:
        parent = regions.parent_of(division.code)
        if not out.has("level"):
            out.set("level", division.level, "table")
        if not out.has("division_code"):
            out.set("division_code", division.code, "table")
        if not out.has("parent_region"):
            if parent:
                out.set("parent_region", parent.name, "table")
            else:
                out.missing("parent_region", f"{division.name} is a province-level unit: it has no parent")
    elif finding:
        if finding.level and not out.has("level"):
            out.set("level", finding.level, "inferred", finding.level_note)
        if finding.parent_name and not out.has("parent_region"):
            out.set("parent_region", finding.parent_name, "table", "the parent recorded with the former name")
    for name in ("region", "level", "parent_region", "division_code"):
        out.missing(name, problem or "not in the division table")


def _parse_given(name: str, value: str) -> object:
    if name == "level":
        return LEVEL_WORDS.get(value, value)
    if name == "division_code":
        return value[:6]
    return value


# --- title and type -----------------------------------------------------------------------


def _title_and_type(out: _Fields, meta: dict[str, Given], lines: list[str], text: str) -> None:
    stated = M.title(lines)
    given = meta.get("title")  # sidecar or column; else the publisher's (header, html): see the module docstring
    if given:
        out.set("title", given.value, given.origin)
        out.title_confidence = 1.0
    elif stated:
        out.set("title", stated.value, "text", stated.how)
        out.title_confidence = 1.0
    kind = _strong(meta, "doc_type")
    if kind:
        out.set("doc_type", kind.value, kind.origin)
        return
    for candidate, provenance in ((given.value if given else "", given.origin if given else ""),
                                  (stated.value if stated else "", "text")):
        typed = M.doc_type(candidate) if candidate else None
        if typed:
            out.set("doc_type", typed, provenance, f"named in the title {candidate}")
            return
    cued = M.doc_type_from_cues(text)
    if cued:
        out.set("doc_type", cued[0], "inferred", f"no title; cue phrases {'、'.join(cued[1])}", CUE_CONFIDENCE)
    else:
        out.missing("doc_type", "no title names the type and the text lacks two cue phrases of one type")


# --- session, date, speaker ------------------------------------------------------------------


def _session_date_speaker(out: _Fields, meta: dict[str, Given], lines: list[str]) -> None:
    session, date = M.session_and_date(lines)
    for name, stated in (("session", session), ("date", date), ("speaker", M.speaker(lines))):
        given = _strong(meta, name)
        if given:
            value = (M.iso_date(given.value) or _iso_dashed(given.value)) if name == "date" else given.value
            out.set(name, value or given.value, given.origin)
        elif stated:
            out.set(name, stated.value, "text", stated.how)
        elif (weak := _weak(meta, name)) and (name != "date" or _iso_dashed(weak.value)):
            out.set(name, _iso_dashed(weak.value) if name == "date" else weak.value, weak.origin,
                    "from the page header" if weak.origin == "header" else "")
    out.missing("session", "no 第…届人民代表大会第…次会议 line saying where it was delivered or approved")
    out.missing("date", "no delivery or approval date on the title page")
    out.missing("speaker", "no 市长/区长/县长 … line under the title")


def _iso_dashed(value: str) -> str | None:
    m = re.match(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})", value.strip())
    return f"{int(m[1]):04d}-{int(m[2]):02d}-{int(m[3]):02d}" if m else None


# --- year and period ----------------------------------------------------------------------------


def _year_and_period(out: _Fields, meta: dict[str, Given], lines: list[str], text: str) -> None:
    kind = out.values.get("doc_type")
    is_plan = kind in (T.FYP, T.SPECIAL_PLAN)
    period = _strong(meta, "period")
    if period:
        out.set("period", period.value, period.origin)
    elif is_plan:
        found = M.plan_period(str(out.values.get("title", "")), lines)
        if found:
            out.set("period", found.value, "text", found.how)
    given = _strong(meta, "year")
    if given and given.value[:4].isdigit():
        out.set("year", int(given.value[:4]), given.origin)
    elif out.has("date") and out.provenance["date"] in ("text", *STRONG):
        how = "approved" if is_plan else "delivered"
        out.set("year", int(str(out.values["date"])[:4]), out.provenance["date"], f"the year it was {how}")
    elif (year := M.title_year(str(out.values.get("title", "")))) is not None:
        out.set("year", year, out.provenance["title"], "named in the title")
    elif is_plan and out.has("period"):
        out.set("year", int(str(out.values["period"])[:4]), "inferred",
                "no approval date: a plan is approved in the first year of its period")
    elif (weak := _weak(meta, "year")) and weak.value[:4].isdigit():
        out.set("year", int(weak.value[:4]), weak.origin)
    elif kind in (T.GWR, None) and (dated := M.heading_year(text)):  # a dated 工作回顾 heading is a report's
        out.set("year", int(dated.value), "inferred", dated.how)
    out.missing("year", "no date on the title page, no year in the title and no dated 工作回顾/工作安排 heading")
    out.missing("period", "not a plan: only plans have a period" if kind and not is_plan
                else "no plan ordinal (十四五) or 20XX—20XX年 period stated")


# --- a title when none is stated ---------------------------------------------------------------------


def _composed_title(out: _Fields, lines: list[str]) -> None:
    """``肇庆市政府工作报告（节选）``: composed only from a known region and type."""
    if out.has("title"):
        return
    region, kind = out.values.get("region"), out.values.get("doc_type")
    if not (region and kind):
        out.missing("title", "no title line, and region or type is unknown so none can be composed")
        return
    year = out.values.get("year")
    excerpt = "" if M.opens_with_salutation(lines) else "（节选）"
    used = ("region", "doc_type", "year") if year else ("region", "doc_type")
    confidence = round(min(MAX_COMPOSED_CONFIDENCE, *(out.confidence[name] for name in used)), 2)
    composed = f"{region}{f'{year}年' if year else ''}{kind}{excerpt}"
    out.set("title", composed, "inferred",
            f"no title line: composed from {', '.join(used)}"
            f"{'; an excerpt: it does not open with the salutation' if excerpt else ''}", confidence)
    out.title_confidence = confidence