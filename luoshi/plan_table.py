"""The rows of a 分工方案 (task-division table) for one document.

Government offices circulate the tasks of a work report as a table: 序号,
重点任务, 牵头单位, 配合单位, 完成时限, grouped under the report's own
section headings (一、… and （一）…, as group rows). This module builds those
rows and connects them to the register; ``export_plan`` writes them to xlsx.

* One row per sentence that holds tasks: a report's sentence is the unit an
  office assigns (its clauses share the subject), and one row per clause would
  split 加快建设A、B，推进C into rows nobody assigns separately. The row keeps
  the ids of all its items, so an edit to the row applies to each of them.
* The lead and cooperating units are suggestions (``luoshi.assign``) from the
  sentence, its topic's label (教育, 生态环境…), the paragraph's headline
  sentence and the section title; unit names get the level prefix of the
  document's government. Units a person already set in the register win.
* 完成时限: a stated limit (年内, 6月底前) if the text gives one, else the end
  of the task's period (2024年12月底前; 十四五 ends 2025年12月底前), else 持续推进. A row with several
  items takes the latest date: the row is done when all its items are.
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Literal

from luoshi.assign import UNDECIDED, Directory, default_directory, suggest
from luoshi.data.targets import PLAN_END_YEARS
from luoshi.data.topics import TOPICS
from luoshi.deadlines import default_deadline
from luoshi.errors import LuoshiError
from luoshi.model import Document, Metadata, Section, Span
from luoshi.register.status import split_units

if TYPE_CHECKING:
    from luoshi.export_plan import PlanEdits
    from luoshi.store import Store, StoredDocument

ONGOING = "持续推进"
LEVEL_SUFFIXES = "市县区旗"  # the last character of a region name that is also the prefix of its bureaus
GROUP_DEPTH = 2  # group rows for 一、 and （一） headings; deeper numbering (1.) is often inline
HEADLINE_MAX = 40  # a paragraph's first sentence up to this length is its headline (加快打造立体交通网络。)


@dataclass(frozen=True, slots=True)
class PlanItem:
    """One commitment as the table needs it: an id to map edits back, its text and where it is."""

    id: str
    span: Span
    text: str  # Simplified
    sentence: int | None = None
    section: int | None = None
    deadline: str | None = None  # as stated (年内, 2024年6月底前)
    period: str | None = None
    topic: str | None = None
    # What a person already set in the register (None: never set); these win over suggestions.
    assigned_lead: str | None = None
    assigned_cooperating: tuple[str, ...] | None = None
    assigned_deadline: date | None = None


@dataclass(frozen=True, slots=True)
class PlanRow:
    """A group row (一、…, spanning the table) or a task row."""

    kind: Literal["group", "task"]
    task: str  # the group heading, or the task text
    depth: int = 0  # group rows: 1 for 一、…, 2 for （一）…
    number: int | None = None
    lead: str = ""
    cooperating: tuple[str, ...] = ()
    deadline: str = ""
    item_ids: tuple[str, ...] = ()
    span: Span | None = None
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Plan:
    title: str
    doc: str  # the document's id or source name, as the importer will look it up
    year: int | None
    rows: tuple[PlanRow, ...]

    @property
    def tasks(self) -> tuple[PlanRow, ...]:
        return tuple(r for r in self.rows if r.kind == "task")


def items_from_tasks(doc: Document | StoredDocument) -> tuple[PlanItem, ...]:
    """The document's target tasks as plan items, identified by their offsets (``start-end``)."""
    return tuple(
        PlanItem(f"{t.span.start}-{t.span.end}", t.span, t.text_simplified, t.sentence, t.section, t.deadline,
                 t.period, t.topic)
        for t in doc.tasks if t.kind == "target"
    )


def level_prefix(metadata: Metadata) -> str:
    """市/县/区/旗 from the region's name (高要区 → 区, 四会市 → 市); 市 for an unnamed prefecture."""
    region = metadata.region or ""
    if region and region[-1] in LEVEL_SUFFIXES:
        return region[-1]
    return "市" if metadata.level == "prefecture" else ""


def plan_title(metadata: Metadata) -> str:
    """XX市2024年《政府工作报告》重点工作任务分工方案, or 《title》重点任务分工方案 for a plan."""
    region = metadata.region or ""
    if metadata.doc_type == "政府工作报告":
        year = f"{metadata.year}年" if metadata.year else ""
        return f"{region}{year}《政府工作报告》重点工作任务分工方案"
    if metadata.title:
        named = metadata.title if not region or region in metadata.title else region + metadata.title
        return f"《{named}》重点任务分工方案"
    return f"{region}重点任务分工方案"


def deadline_text(items: Sequence[PlanItem], year: int | None) -> str:
    """The latest due date of the items as 2024年12月底前; a stated limit that is no date as written; else 持续推进."""
    dates: list[date] = []
    for item in items:
        due = default_deadline(item.deadline, _years(item.period), year)
        if due is None and item.deadline:
            return item.deadline
        if due is not None:
            dates.append(due)
    return date_text(max(dates)) if dates else ONGOING


def _years(period: str | None) -> str | None:
    """A five-year plan's name (十四五) as its last year (2025), the form deadlines are computed from."""
    end = PLAN_END_YEARS.get(period or "")
    return str(end) if end else period


def date_text(due: date) -> str:
    """2024年6月底前 for a month's last day, else 2024年6月15日前."""
    if (due + timedelta(days=1)).day == 1:
        return f"{due.year}年{due.month}月底前"
    return f"{due.year}年{due.month}月{due.day}日前"


def heading(section: Section) -> str:
    """一、深入推进… as printed (第一章 发展基础 keeps its space)."""
    glue = " " if section.label and section.label[-1].isalnum() else ""
    return f"{section.label}{glue}{section.title}"


def build_plan(doc: Document, items: Sequence[PlanItem] | None = None, *, directory: Directory | None = None,
               doc_ref: str | None = None) -> Plan:
    """The 分工方案 rows of ``doc``: its target tasks (or ``items``) under group rows for 一、 and （一） headings."""
    directory = directory or default_directory()
    items = sorted(items_from_tasks(doc) if items is None else items, key=lambda i: (i.span.start, i.span.end))
    prefix = level_prefix(doc.metadata)
    starts = [s.span.start for s in doc.sentences]
    rows: list[PlanRow] = []
    open_groups: tuple[int, ...] = ()
    for number, unit in enumerate(_by_sentence(items, doc, starts), 1):
        groups = _groups(doc, unit[0].section)
        same = next((n for n, (a, b) in enumerate(zip(groups, open_groups)) if a != b),
                    min(len(groups), len(open_groups)))  # how many enclosing headings are already printed
        rows.extend(PlanRow("group", heading(doc.sections[g]), depth=d + 1) for d, g in enumerate(groups) if d >= same)
        open_groups = groups or open_groups
        span = Span(min(i.span.start for i in unit), max(i.span.end for i in unit))
        sentence = doc.sentences[unit[0].sentence] if unit[0].sentence is not None else None
        text = _normalised(doc, sentence.span if sentence else span).strip()
        section = doc.sections[unit[0].section].title if unit[0].section is not None else ""
        topic = next((TOPICS.get(i.topic, i.topic) for i in unit if i.topic), None)
        found = suggest(text, topic, context=_headline(doc, sentence, starts), section=section, directory=directory)
        lead = next((i.assigned_lead for i in unit if i.assigned_lead is not None), None)
        cooperating = next((i.assigned_cooperating for i in unit if i.assigned_cooperating is not None), None)
        due = [i.assigned_deadline for i in unit if i.assigned_deadline is not None]
        rows.append(PlanRow(
            "task", text, number=number,
            lead=lead if lead is not None else prefix + found.lead if found.lead else UNDECIDED,
            cooperating=cooperating if cooperating is not None else tuple(prefix + c for c in found.cooperating),
            deadline=date_text(max(due)) if due else deadline_text(unit, doc.metadata.year),
            item_ids=tuple(i.id for i in unit), span=span, reasons=found.reasons,
        ))
    return Plan(plan_title(doc.metadata), doc_ref or doc.name, doc.metadata.year, tuple(rows))


def _by_sentence(items: Sequence[PlanItem], doc: Document, starts: list[int]) -> list[list[PlanItem]]:
    """Items grouped by the sentence that holds them (an item without a sentence is its own row)."""
    units: list[list[PlanItem]] = []
    last: int | None = None
    for item in items:
        sentence = item.sentence
        if sentence is None and starts:
            at = bisect_right(starts, item.span.start) - 1
            sentence = at if at >= 0 and doc.sentences[at].span.end >= item.span.end else None
            item = replace(item, sentence=sentence) if sentence is not None else item
        if sentence is not None and sentence == last and units:
            units[-1].append(item)
        else:
            units.append([item])
        last = sentence
    return units


def _groups(doc: Document, index: int | None) -> tuple[int, ...]:
    """The two outermost numbered sections enclosing section ``index`` (一、… then （一）…)."""
    chain: list[int] = []
    while index is not None and 0 <= index < len(doc.sections):
        section = doc.sections[index]
        if section.level >= 1 and section.label:
            chain.append(index)
        index = section.parent
    return tuple(reversed(chain))[:GROUP_DEPTH]


def _normalised(doc: Document, span: Span) -> str:
    start, end = doc.normalised.from_source(span.start, span.end)
    return doc.normalised.text[start:end]


def _headline(doc: Document, sentence, starts: list[int]) -> str:
    """The first sentence of the paragraph holding ``sentence``, if short enough to be its headline."""
    if sentence is None:
        return ""
    paragraph = doc.text.rfind("\n", 0, sentence.span.start) + 1
    first = bisect_right(starts, paragraph - 1)
    if first >= len(doc.sentences) or first >= sentence.index:
        return ""
    candidate = _normalised(doc, doc.sentences[first].span).strip()
    return candidate if len(candidate) <= HEADLINE_MAX else ""


# --- the register: commitment ids, what people already set, and edits flowing back ------------------

ASSIGNMENT_EVENTS = ("lead", "cooperating", "deadline")


def items_from_register(store: Store, stored: StoredDocument) -> tuple[PlanItem, ...]:
    """The stored document's target tasks, identified by commitment id, with the units and deadlines people set."""
    from luoshi import register

    ids = {(c.span.start, c.span.end): c.id for c in register.list_commitments(store, doc=stored.id, kind="task")}
    items = []
    for item in items_from_tasks(stored):
        commitment = ids.get((item.span.start, item.span.end))
        if commitment is None:
            items.append(item)
            continue
        latest = _assigned(register.history(store, commitment))
        items.append(replace(
            item, id=str(commitment), assigned_lead=latest.get("lead"),
            assigned_cooperating=split_units(latest["cooperating"]) if "cooperating" in latest else None,
            assigned_deadline=date.fromisoformat(latest["deadline"]) if latest.get("deadline") else None))
    return tuple(items)


@dataclass(frozen=True, slots=True)
class Applied:
    recorded: int  # events appended
    unchanged: int  # edits the register already held (importing the same file twice records nothing new)
    problems: tuple[str, ...]


def apply_edits(store: Store, edits: PlanEdits, author: str, note: str) -> Applied:
    """Append each edit to its commitment's history (``register.record``), skipping values already held."""
    from luoshi import register

    by_span: dict[str, int] | None = None
    recorded = unchanged = 0
    problems: list[str] = []
    for edit in edits.edits:
        try:
            if edit.item_id.isdigit():
                commitment = int(edit.item_id)
            else:  # a table drafted from a file: its items are offsets into the stored document
                if by_span is None:
                    by_span = {f"{c.span.start}-{c.span.end}": c.id
                               for c in register.list_commitments(store, doc=edits.doc, kind="task")}
                commitment = by_span.get(edit.item_id)
                if commitment is None:
                    problems.append(f"row {edit.row}: no commitment at {edit.item_id} of {edits.doc}; "
                                    "ingest the document and draft the table again")
                    continue
            if _assigned(register.history(store, commitment)).get(edit.field) == edit.value:
                unchanged += 1
                continue
            register.record(store, commitment, edit.field, edit.value, author, note=note)
            recorded += 1
        except LuoshiError as exc:
            problems.append(f"row {edit.row}: {exc}")
    return Applied(recorded, unchanged, tuple(problems))


def _assigned(events) -> dict[str, str]:
    """The latest lead, cooperating and deadline values people recorded (oldest-first events)."""
    return {e.type: e.value for e in events if e.type in ASSIGNMENT_EVENTS and not e.by_luoshi and e.value}
