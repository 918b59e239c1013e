"""The source view's HTML pieces: escaped text runs, highlights and markers.

``SourcePage.segments`` cuts the text at every item boundary; this module
turns segments into flat pieces the template writes one by one, so the
template never decides anything and every piece of document text goes
through Jinja's autoescape. Markers add no document text: an anchor for
each section heading, measure and headline target (``…/source#m12``
opens that item), a label before chrome, the repaired reading after a
mojibake run.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from luoshi.web import labels
from luoshi.web.queries import SourceItem, SourcePage

Tag = Literal["text", "mark", "anchor", "label", "after"]
MEASURE_KINDS = frozenset({"target", "achievement"})
ANCHORED_KINDS = frozenset({"section", "headline", *MEASURE_KINDS})  # other pages link to these: source#m12


@dataclass(frozen=True, slots=True)
class Piece:
    tag: Tag
    text: str = ""
    classes: str = ""  # CSS classes of a mark: "hl k-target k-headline"
    items: str = ""  # the item ids a mark lies under, space-separated (outermost first)
    title: str | None = None  # a tooltip: glossary definitions
    focus: bool = False  # a keyboard stop: the first piece of each measure (not of every task or mention)
    id: str | None = None  # an anchor's element id


def pieces(page: SourcePage) -> list[Piece]:
    by_id = {i.id: i for i in page.items}
    anchors: dict[int, list[str]] = {}  # link targets: also untitled sections (zero-width items)
    for item in page.items:
        if item.kind in ANCHORED_KINDS:
            anchors.setdefault(item.start, []).append(item.id)
    out: list[Piece] = []
    for seg in page.segments:
        out.extend(Piece("anchor", id=i) for i in anchors.get(seg.start, ()))
        for item in (by_id[i] for i in seg.opens):
            if item.kind == "chrome":
                out.append(Piece("label", f"非正文：{labels.CHROME_KINDS.get(str(item.fields['kind']), '')}"))
        text = page.text[seg.start:seg.end]
        if seg.marks:
            covering = [by_id[i] for i in seg.marks]
            kinds = dict.fromkeys(f"k-{i.kind}" for i in covering)
            focus = any(by_id[i].kind in MEASURE_KINDS for i in seg.opens)
            out.append(Piece("mark", text, " ".join(("hl", *kinds)), " ".join(seg.marks), tooltip(covering),
                             focus=focus))
        else:
            out.append(Piece("text", text))
        for item in (by_id[i] for i in seg.closes):
            if item.kind == "repair":
                after = item.fields["after"]
                out.append(Piece("after", f"→{after}" if after is not None else "→？（无法确定原文）"))
    return out


def tooltip(items: list[SourceItem]) -> str | None:
    """Definitions (glossary notes, defined slogans), for the native tooltip on the terms."""
    notes = [f"{i.fields['term']}：{i.fields['definition']}" for i in items
             if i.kind in ("glossary", "slogan") and i.fields.get("definition")]
    return "\n".join(notes) or None
