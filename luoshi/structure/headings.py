"""Find headings and their nesting levels in the normalised text.

A heading is a line that starts with a numbering label (第一章, 一、, (一),
1., (1), ①, 专栏1, 附件二:) or a short unnumbered line that names a part of
the document (2022年工作回顾, 前言, 名词解释). Rules, in order:

* A line short enough (``MAX_HEADING``) with no sentence end before its
  last character is a heading as a whole.
* A longer line holds a heading glued to its first sentence. For 一、 the
  heading ends after the last heading-final word (回顾, 安排, 工作, …)
  before the first punctuation mark, preferring one that a sentence opener
  follows (``一、2018年工作回顾|2018年,面对…``); failing that, and first for
  (一), it ends at the first 。/!/? within ``GLUED_WINDOW`` characters
  (``(一)疫情防控取得重大战略成果。|我们坚持…``), or for (一) failing that
  before a heading-final word that a sentence opener follows. Otherwise
  the line is a numbered paragraph, not a heading.
* 1. / (1) / ① are list items as often as headings: only a short line of
  their own without any punctuation, or a short first sentence ending in
  。 with more text after it on the line (``1.加快发展。正文…``), counts; a
  line that is one short sentence (``1.生产总值增长6%。``) is an item. Inside a glossary no numbered line below 第X章 is a heading.
* 第X章 after a 。 in mid-line is a heading (a PDF joined it to the
  paragraph before), and so is 一、 after a 。 when it runs into its first
  sentence as a glued 一、 heading does (a web page flattened into one line),
  and so is 一、 set off by blanks on both sides in the source, up to the
  next blank (a page whose line breaks became spaces: ``spaced_headings``);
  a long heading line without final punctuation followed by a very short
  line continues on it (a PDF wrapped it).
* An unnumbered line is a heading only when it ends with a part word
  (工作回顾, 工作安排, 主要成就, …; a colon may follow it) or is a standalone
  word (前言, 附件, 名词解释).

Levels: each kind has a rank (``NUMBERED_KINDS`` order); a part heading
whose numbered headings restart at 一 ranks just above them; 前言/附件 rank
with the document's top level; 专栏 and other unnumbered lines nest inside
the current section. A heading's parent is the nearest earlier heading of a
lower rank; its level is its depth, so levels are relative to the kinds a
document uses.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from luoshi.data import headings as H

_NUMBERED = re.compile(
    "|".join(f"(?P<{kind}>{pat.replace('(?P<n>', f'(?P<n_{kind}>')})" for kind, pat in H.NUMBERED_KINDS)
)
_BOX = re.compile(H.BOX)
_ANNEX = re.compile(H.ANNEX)
_CHAPTER = re.compile(rf"第[{H.CN_NUMERAL}]{{1,4}}(?:篇|章|部分)")
_MIDLINE_SPACED = re.compile(rf"[{H.CN_NUMERAL}]{{1,3}}、(?![{H.CN_NUMERAL}])")
_BLANKS = " \t\u3000\u00a0"
_SOURCE_BLANK = re.compile(r"[ \t\u3000\u00a0\n]")
_MIDLINE_CN = re.compile(rf"(?<=[。!?])[{H.CN_NUMERAL}]{{1,3}}、")
_LINE = re.compile(r"[^\n]+")
_SENTENCE_END = re.compile(r"[。!?]")
_PUNCT = re.compile(r"[,。;:!?]")
_FINAL_WORDS = re.compile("|".join(H.HEADING_FINAL_WORDS))
_OPENER = re.compile("|".join(H.SENTENCE_OPENERS))
_FIGURE = re.compile(H.WRAP_FIGURE)
_YEAR_OBJECT = re.compile(rf"(?:{'|'.join(H.YEAR_TAKING_WORDS)})(?:\d{{4}}|[二〇零一三四五六七八九]{{4}})年")
_PART_HEADING = re.compile(f"(?:{'|'.join(H.PART_HEADING_ENDINGS)})$")
_STANDALONE = frozenset(H.STANDALONE_HEADINGS)
# no box, annex, standalone or part heading is longer
_LONGEST_UNNUMBERED = max(H.MAX_HEADING, H.MAX_PART_HEADING, *map(len, _STANDALONE))
_GLOSSARY_TITLE = re.compile("|".join(H.ROLE_CUES["glossary"]))
_TITLE_TRIM = " :.、"
_RANKS = {kind: rank for rank, (kind, _) in enumerate(H.NUMBERED_KINDS)}
_NESTED = 100.0  # rank of headings that nest inside whatever section is open


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading in normalised offsets: ``[start, end)`` is label + title."""

    start: int
    end: int
    kind: str  # a NUMBERED_KINDS kind, "box", "annex", "unnumbered" (2022年工作回顾), "standalone"
    label: str
    title: str
    ordinal: int | None
    level: int = 0
    parent: int | None = None  # index into the list of headings
    line_end: int = 0  # end of the line(s) the heading is on


def find_headings(text: str, skip: Sequence[tuple[int, int]] = (),
                  spaced: Sequence[tuple[int, int, int]] = ()) -> list[Heading]:
    """All headings of ``text`` in order, with levels and parents; lines starting in ``skip`` regions are not.

    ``spaced``: mid-line 一、 headings the source set off by blanks (``spaced_headings``).
    """
    lines = [(m.start(), m.end()) for m in _LINE.finditer(text)]
    if skip:
        lines = [(s, e) for s, e in lines if not any(a <= s < b for a, b in skip)]
    midline = _midline_chapters(text, 0, len(text))
    spaced_starts = [s for s, _, _ in spaced]
    found: list[Heading] = []
    in_glossary = False
    skip_next = False
    for k, (ls, le) in enumerate(lines):
        if skip_next:
            skip_next = False
            continue
        h = _line_heading(text, ls, le, in_glossary)
        if h is None and bisect_left(midline, ls) < bisect_left(midline, le):
            h = _midline_chapter(text, ls, le)
        first, last = bisect_left(spaced_starts, ls + 1), bisect_left(spaced_starts, le)
        if first < last:  # a flattened page: headings set off by blanks in mid-line
            found += [_make(text, a, b, le, "cn", n, _ordinal(text[a:a + n - 1])) for a, b, n in spaced[first:last]
                      if h is None or b <= h.start or a >= h.end]
        if h is None:
            continue
        nxt = lines[k + 1] if k + 1 < len(lines) else None
        if nxt is not None and _continues(text, h, nxt):
            extra = text[nxt[0]:nxt[1]]
            h = Heading(h.start, nxt[1], h.kind, h.label, (h.title + extra).strip(_TITLE_TRIM), h.ordinal, line_end=nxt[1])
            skip_next = True
        found.append(h)
        if first < last:
            found.sort(key=lambda x: x.start)  # a line heading after the line's spaced ones
        if _GLOSSARY_TITLE.search(h.title):
            in_glossary = True
        elif h.kind in H.CHAPTER_KINDS or h.kind in ("annex", "standalone", "unnumbered"):
            in_glossary = False
    return _nest(found)


def spaced_headings(source_text: str, text: str, src_start: Sequence[int]) -> list[tuple[int, int, int]]:
    """Mid-line ``一、title`` set off by blanks on both sides in the source (a page whose line breaks
    became spaces: ``…政府工作报告 一、2021年工作回顾 2021年是…``), as normalised ``(start, end, label length)``.

    ``src_start`` maps a normalised offset to its source offset (``Normalised.src_start``); the title
    runs to the next blank of the source, at most ``MAX_HEADING`` characters, and holds no 。/!/?.
    """
    out: list[tuple[int, int, int]] = []
    for m in _MIDLINE_SPACED.finditer(text):
        a = m.start()
        if not text[text.rfind("\n", 0, a) + 1:a].strip(_BLANKS):  # at a line's start: a line heading
            continue
        src = src_start[a]
        if src == 0 or source_text[src - 1] not in _BLANKS or text[a - 1:a] == H.ORDINAL_PREFIX:
            continue  # 转变为第 二、第三产业: an ordinal a line break split, no heading
        gap = _SOURCE_BLANK.search(source_text, src, src + H.MAX_HEADING)
        if gap is None:
            continue
        b = bisect_left(src_start, gap.start(), a)
        label = _NUMBERED.match(text, a)
        if (label and label.lastgroup == "cn" and b - a > len(m.group()) and not _SENTENCE_END.search(text, a, b)
                and "\n" not in text[a:b]):
            out.append((a, b, label.end() - a))
    return out


def _line_heading(text: str, ls: int, le: int, in_glossary: bool) -> Heading | None:
    line = text[ls:le]
    m = _NUMBERED.match(line)
    if m:
        kind = m.lastgroup or ""
        if in_glossary and kind not in H.CHAPTER_KINDS:
            return None
        return _numbered(text, ls, le, kind, m.end(), _ordinal(m.group(f"n_{kind}")))
    if len(line) > _LONGEST_UNNUMBERED:  # a paragraph: spare it the rules below
        return None
    for kind, rx in (("box", _BOX), ("annex", _ANNEX)):
        m = rx.match(line)
        if m and len(line) <= H.MAX_HEADING and not _SENTENCE_END.search(line[:-1]):
            return _make(text, ls, le, le, kind, m.end(), _ordinal(m.group("n")))
    if line in _STANDALONE:
        return _make(text, ls, le, le, "standalone", 0, None)
    bare = line[:-1] if line.endswith(H.PART_HEADING_COLON) else line
    if len(bare) <= H.MAX_PART_HEADING and not _PUNCT.search(bare) and _PART_HEADING.search(bare):
        return _make(text, ls, le, le, "unnumbered", 0, None)
    return None


def _numbered(text: str, ls: int, le: int, kind: str, label_len: int, ordinal: int | None) -> Heading | None:
    line = text[ls:le]
    rest = line[label_len:]
    if kind in H.LIST_KINDS:
        if len(line) <= H.MAX_LIST_HEADING and not re.search(r"[,;:。!?]", rest):
            return _make(text, ls, le, le, kind, label_len, ordinal)
        m = _SENTENCE_END.search(rest)
        if m and m.end() < len(rest) and label_len + m.end() <= H.MAX_LIST_HEADING and not re.search(r"[,;:]", rest[:m.start()]):
            return _make(text, ls, ls + label_len + m.end(), le, kind, label_len, ordinal)
        return None
    if len(line) <= H.MAX_HEADING and not _SENTENCE_END.search(rest[:-1]):
        cut = _final_word_cut(rest, opener_only=True) if kind == "cn" else None
        return _make(text, ls, ls + label_len + cut if cut else le, le, kind, label_len, ordinal)
    if kind == "cn":
        cut = _final_word_cut(rest) or _sentence_cut(rest)
    elif kind == "cn_paren":
        cut = _sentence_cut(rest) or _final_word_cut(rest, opener_only=True)
    else:
        cut = _sentence_cut(rest)
    if cut is None:
        return None
    return _make(text, ls, ls + label_len + cut, le, kind, label_len, ordinal)


def _sentence_cut(rest: str) -> int | None:
    m = _SENTENCE_END.search(rest, 0, H.GLUED_WINDOW)
    return m.end() if m else None


def _final_word_cut(rest: str, opener_only: bool = False) -> int | None:
    """End of the heading in "2018年工作回顾2018年,面对…" (see the module docstring)."""
    p = _PUNCT.search(rest)
    window = rest[:min(p.start() if p else len(rest), H.GLUED_WINDOW)]
    ends = [m.end() for m in _FINAL_WORDS.finditer(window)]
    # 回顾2030年,我们…: a title opening on the verb takes the year as its object (2030年工作回顾2030年,… does not)
    opened = [e for e in ends if _OPENER.match(rest, e) and not (e == 2 and _YEAR_OBJECT.match(rest))]
    if opened:
        cut = opened[0]
    elif ends and not opener_only:
        cut = ends[-1]
    else:
        return None
    if cut < len(rest) and rest[cut] in "。!?":
        cut += 1
    return cut


def _midline_chapters(text: str, start: int, end: int) -> list[int]:
    """Where a 第X章 or a 一、 starts right after a 。/!/? in ``text[start:end]``.

    The scan looks for 第 and 、, literals that the regex engine skips to, rather than for the marks.
    """
    found = [m.start() for m in _CHAPTER.finditer(text, start, end)
             if m.start() > start and text[m.start() - 1] in "。!?"]
    found += [m.start() for m in _MIDLINE_CN.finditer(text, start, end) if m.start() > start]
    return sorted(found)


def _midline_chapter(text: str, ls: int, le: int) -> Heading | None:
    """A 第X章 heading a PDF joined to the paragraph before, or a 一、…回顾 heading a web page flattened
    into the line before it (it then runs into its first sentence: see ``_final_word_cut``)."""
    for start in _midline_chapters(text, ls, le):
        rest = text[start:le]
        n = _NUMBERED.match(rest)
        if not n:
            continue
        kind = n.lastgroup or ""
        if kind in H.CHAPTER_KINDS:
            if len(rest) <= H.MAX_HEADING and not _SENTENCE_END.search(rest[:-1]):
                return _make(text, start, le, le, kind, n.end(), _ordinal(n.group(f"n_{kind}")))
        elif kind == "cn":
            cut = _final_word_cut(rest[n.end():], opener_only=True)
            if cut:
                return _make(text, start, start + n.end() + cut, le, kind, n.end(), _ordinal(n.group(f"n_{kind}")))
    return None


def _make(text: str, start: int, end: int, line_end: int, kind: str, label_len: int, ordinal: int | None) -> Heading:
    label = text[start:start + label_len]
    title = text[start + label_len:end].strip(_TITLE_TRIM).rstrip("。!?;,")
    return Heading(start, end, kind, label, title, ordinal, line_end=line_end)


def _continues(text: str, h: Heading, nxt: tuple[int, int]) -> bool:
    """Whether the next line continues heading ``h`` (a wrapped or bare-label heading)."""
    if h.end != h.line_end:
        return False
    extra = text[nxt[0]:nxt[1]]
    if re.search(r"[。;:!?]", extra) or extra.startswith(("(", "—", "〔", "[", *H.BULLETS)):
        return False
    if h.kind == "annex" and not h.title:  # "附件" / "名词解释" on two lines
        return len(extra) <= H.MAX_PART_HEADING and "," not in extra
    if h.kind in H.LIST_KINDS or h.end - h.start < H.WRAP_MIN or len(extra) > min(H.WRAP_MAX, h.end - h.start):
        return False
    if text[h.end - 1] in "。!?;:,)”" or _NUMBERED.match(extra) or extra in _STANDALONE or _FIGURE.search(extra):
        return False
    return True


def _ordinal(numeral: str | None) -> int | None:
    if not numeral:
        return None
    if "①" <= numeral <= "⑳":
        return ord(numeral) - ord("①") + 1
    if numeral.isascii() and numeral.isdigit():
        return int(numeral)
    total, digit = 0, 0
    for ch in numeral:
        if ch in H.CN_MULTIPLIERS:
            total += (digit or 1) * H.CN_MULTIPLIERS[ch]
            digit = 0
        else:
            digit = H.CN_DIGIT_VALUES.get(ch, 0)
    return total + digit


def _nest(found: list[Heading]) -> list[Heading]:
    """Give each heading its parent and level (see the module docstring)."""
    numbered = [_RANKS[h.kind] for h in found if h.kind in _RANKS]
    top_kind_rank = min(numbered) if numbered else 0
    ranks: list[float] = []
    for i, h in enumerate(found):
        if h.kind in _RANKS:
            ranks.append(_RANKS[h.kind])
        elif h.kind == "unnumbered" and _restarts_numbering(found, i, top_kind_rank):
            ranks.append(top_kind_rank - 0.5)
        else:
            ranks.append(_NESTED)
    containers = any(r == top_kind_rank - 0.5 for r in ranks)
    top = top_kind_rank - 0.5 if containers else top_kind_rank
    for i, h in enumerate(found):
        if h.kind in ("annex", "standalone"):
            ranks[i] = top
    out: list[Heading] = []
    stack: list[int] = []
    for i, h in enumerate(found):
        while stack and ranks[stack[-1]] >= ranks[i]:
            stack.pop()
        parent = stack[-1] if stack else None
        out.append(Heading(h.start, h.end, h.kind, h.label, h.title, h.ordinal, len(stack) + 1, parent, h.line_end))
        stack.append(i)
    return out


def _restarts_numbering(found: list[Heading], i: int, top_kind_rank: int) -> bool:
    """Whether the first numbered heading after part heading ``i`` is the top kind's number one."""
    for h in found[i + 1:]:
        if h.kind in _RANKS:
            return _RANKS[h.kind] == top_kind_rank and h.ordinal == 1
        if h.kind in ("unnumbered", "annex", "standalone"):
            return False
    return False
