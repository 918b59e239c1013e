"""Mark web-page chrome and scraper headers around the body of a text.

Only two places are searched, so body text is never marked:

* the head: lines from the top until the first line that reads like body
  (a sentence mark or a long line, unless it is a labelled summary such as
  ``【摘要】:…``), at most ``MAX_HEAD_LINES``. A line is
  chrome when it is a separator rule, starts with a known label and a colon
  (``索引号:``, ``标题：``), or is made only of widget words and buttons
  (``无障碍 长者助手``, ``【打印】 【字体:``). A short line lying *between*
  two chrome lines (the site's section name, the page title echoed above
  the date line) is chrome too, unless it is the line saying where the
  document was delivered or the title line above that (``P.DELIVERY_LINE``);
* the tail: lines from the end that are widgets, labels or footer words
  (打印本页, 关闭窗口, 版权所有), and related links a scraper glued after the
  last sentence (``…而努力奋斗！图解：…``).

The values of labelled header lines are returned as metadata hints
(``名称: X`` → ``title``; see ``luoshi.data.chrome_patterns.LABEL_META``).
Each chrome line is one ``Chrome`` span (the line without its newline).
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from luoshi.data import chrome_patterns as P
from luoshi.model import Chrome, Span
from luoshi.normalise import to_simplified

MAX_HEAD_LINES = 60
MAX_TAIL_LINES = 15
MAX_CHROME_LINE = 200  # longer lines are body (and keep a 50 MB one-line file cheap)
MAX_ABSORBED = 50  # a short unlabelled line between chrome lines
MAX_CRUMB = 15  # a step of a breadcrumb trail (人民网>>黑龙江频道)
MAX_TAG = 10  # a cell of a tag box (| 报告 |)
TAIL_WINDOW = 400  # characters at the end of the text searched for glued links

_BLANK = " \t\u00a0\u3000\u200b\ufeff"
_ICONS = "".join(chr(cp) for cp in range(0xE000, 0xF900))  # private-use icon-font glyphs
_STRIP = _BLANK + _ICONS


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_LABEL = re.compile(rf"({_alternation(P.PAGE_LABELS + P.SCRAPER_LABELS)})[{_BLANK}]*[:：]")
_SCRAPER = frozenset(P.SCRAPER_LABELS)
_SEPARATOR = re.compile(r"[=\-_*#~—─━·.]{5,}")
_BUTTON = re.compile(rf"[【\[](?:{_alternation(P.BUTTON_WORDS)})[^】\]]*[】\]]?")
_TOKEN_SPLIT = re.compile(rf"[{_STRIP}|>»]+")
_SENTENCE = re.compile(r"[。！？；!?;]")
_GLUED = re.compile(rf"(?<=[。！？!?”」])(?:{_alternation(P.TRAILING_LINKS)})")
_CATEGORY = re.compile(r"[\[【][^\]】]{1,20}[\]】]")  # "[工作报告] 发表于:…", "【摘要】:…"
_LABEL_CELL = re.compile(rf"({_alternation(P.PAGE_LABELS + P.SCRAPER_LABELS)})[{_BLANK}]*[:：]?")
_DATED = re.compile(rf"(?:{_alternation(P.DATE_LABELS)})[{_BLANK}]*[:：]?[{_BLANK}]*[0-9０-９]{{2,4}}[-/.年]")
_DATE_CELL = re.compile(r"[0-9]{4}(?:[-/.][0-9]{1,2}[-/.][0-9]{1,2}|年[0-9]{1,2}月[0-9]{1,2}日)[\s0-9:：]*")
_PINYIN_GLOSS = re.compile(r"\([a-zàáǎāèéěēìíǐīòóǒōùúǔūǖǘǚǜü]{1,7}\)")  # 網(wǎng): a gloss some pages add
_SUMMARY = re.compile(rf"[{_STRIP}]*[【\[]?(?:{_alternation(P.SUMMARY_LABELS)})[】\]]?[{_BLANK}]*[:：]")
_COLLECTION_ITEM = re.compile(P.COLLECTION_ITEM)
_CELL_SPLIT = re.compile(r"[|｜]")
_CRUMB_SPLIT = re.compile(r"[>»＞]+")
_WELCOME = tuple(P.WELCOME_PREFIXES)
_CRUMB_HEADS = frozenset(P.BREADCRUMB_HEADS)
_JOINED_TOKENS = frozenset(t for t in P.PAGE_TOKENS if len(t) >= 2)  # "设为首页收藏本站": widgets written without a gap
_LONGEST_TOKEN = max(map(len, _JOINED_TOKENS))
_DELIVERY_LINE = re.compile(P.DELIVERY_LINE)
_TITLE_LINE = re.compile(P.TITLE_LINE)


def find_chrome(text: str) -> tuple[tuple[Chrome, ...], dict[str, str]]:
    """Chrome spans of ``text`` (in order) and the metadata its header labels give."""
    hints: dict[str, str] = {}
    head = _head(text, hints)
    body_start = head[-1].span.end if head else 0
    tail = _tail(text, body_start)
    return tuple(head) + tuple(tail), hints


def _head(text: str, hints: dict[str, str]) -> list[Chrome]:
    found: list[Chrome] = []
    pending: list[Span] = []  # short unlabelled lines since the last chrome line
    for count, (start, end) in enumerate(_lines(text)):
        if count >= MAX_HEAD_LINES or end - start > P.MAX_SUMMARY_LINE:
            break
        if end - start > MAX_CHROME_LINE and not _SUMMARY.match(text, start, end):
            break
        content = text[start:end].strip(_STRIP)
        if not content:
            continue
        kind = _kind(content)
        if kind is not None:
            if found:
                found += (Chrome(span, "page") for span in pending)
            pending = []
            found.append(Chrome(Span(start, end), kind))
            _read_labels(content, hints)
        elif _SENTENCE.search(content) or len(content) > MAX_ABSORBED:
            break
        elif _DELIVERY_LINE.match(content):
            if pending and _TITLE_LINE.search(text[pending[-1].start:pending[-1].end].strip(_STRIP)):
                pending.pop()
        else:
            pending.append(Span(start, end))
    return found


def _tail(text: str, body_start: int) -> list[Chrome]:
    found: list[Chrome] = []
    for count, (start, end) in enumerate(_lines_backwards(text, body_start)):
        content = text[start:end].strip(_STRIP)
        if count >= MAX_TAIL_LINES or end - start > MAX_CHROME_LINE:
            break
        if not content:
            continue
        if _kind(content) is None and not any(word in content for word in P.FOOTER_WORDS):
            break
        found.append(Chrome(Span(start, end), "page"))
    last_body = found[-1].span.start if found else len(text)
    glued = _glued_links(text, max(body_start, last_body - TAIL_WINDOW), last_body)
    return ([glued] if glued else []) + found[::-1]


def _glued_links(text: str, lo: int, hi: int) -> Chrome | None:
    """Related links glued after the last sentence of the body, up to the end of that line."""
    end = hi
    while end > lo and (text[end - 1] in _STRIP or text[end - 1] == "\n"):
        end -= 1
    line_start = max(lo, text.rfind("\n", lo, end) + 1)
    match = _GLUED.search(text, line_start, end)
    return Chrome(Span(match.start(), end), "page") if match else None


def _kind(content: str) -> str | None:
    """What a line of chrome is (None: not chrome); Traditional pages are read through their Simplified form."""
    content = to_simplified(_PINYIN_GLOSS.sub("", content))
    if _SEPARATOR.fullmatch(content):
        return "separator"
    label = _LABEL.match(content)
    if label:
        return "scraper_header" if label.group(1) in _SCRAPER else "page"
    if _page_line(content):
        return "page"
    rest = _BUTTON.sub(" ", content)
    tokens = [t for t in _TOKEN_SPLIT.split(rest) if t]
    if all(t in P.PAGE_TOKENS or _joined_tokens(t) for t in tokens) and (tokens or rest != content):
        return "page"
    return None


def _page_line(content: str) -> bool:
    """Dated post lines, info-table rows, link bars, breadcrumbs and welcome banners."""
    if _SUMMARY.match(content):
        return True  # 【摘要】: …
    uncategorised = content
    category = _CATEGORY.match(content)
    if category:
        uncategorised = content[category.end():].lstrip(_STRIP)
    if _DATED.match(uncategorised) or (category and _LABEL.match(uncategorised)):
        return True
    if _COLLECTION_ITEM.match(content) and len(content) <= MAX_ABSORBED:
        return True  # 篇一:… / 第一篇 …2150字
    cells = [c.strip(_STRIP) for c in _CELL_SPLIT.split(content)]
    filled = [c for c in cells if c]
    if content[:1] in "|｜" and all(len(c) <= MAX_TAG for c in filled):
        return True  # | 报告 |: a tag box
    if len(cells) >= 2 and filled:
        first = filled[0]
        if _LABEL_CELL.fullmatch(first) or _DATE_CELL.fullmatch(first) or _DATED.match(first):
            return True  # "索引号 | 2025-001 | 公开日期: | …", "2023年01月12日10:18 | 来源: …"
        if (len(filled) >= P.LINK_BAR_CELLS and max(map(len, filled)) <= P.LINK_BAR_CELL_MAX
                and not _SENTENCE.search(content)):
            return True
    if _SENTENCE.search(content) or len(content) > MAX_ABSORBED:
        return False
    if content.startswith(_WELCOME) or any(mark in content for mark in P.DOMAIN_MARKS):
        return True
    if content.strip(P.CLICK_ARROWS).startswith(P.CLICK_PROMPTS):
        return True  # 》》点击图片进入专题《《
    words = [w for w in _TOKEN_SPLIT.split(content) if w]
    if len(words) >= 2 and words[0] in _CRUMB_HEADS:
        return True  # 首页 理论教育 文章标题
    crumbs = [c.strip(_STRIP) for c in _CRUMB_SPLIT.split(content)]
    return len(crumbs) >= 2 and all(0 < len(c) <= MAX_CRUMB for c in crumbs)


def _joined_tokens(word: str) -> bool:
    """Whether ``word`` is two or more widget words written without a gap (设为首页收藏本站)."""
    ends = {0}
    for i in range(1, len(word) + 1):
        if any(i - k in ends and word[i - k:i] in _JOINED_TOKENS for k in range(2, min(_LONGEST_TOKEN, i) + 1)):
            ends.add(i)
    return len(word) in ends and len(word) > 0


def _read_labels(content: str, hints: dict[str, str]) -> None:
    """``发布机构: X 成文日期: Y`` → hints, the first value of each key winning; in an info-table row
    (``文件名称 | X | 公开日期: | Y``) a label's value is its own cell's rest or else the next cell."""
    if _CELL_SPLIT.search(content):
        cells = [c.strip(_STRIP) for c in _CELL_SPLIT.split(content)]
        cells = [c for c in cells if c]
        for i, cell in enumerate(cells):
            label = _LABEL_CELL.match(cell)
            if not label:
                continue
            value = cell[label.end():].strip(_STRIP)
            if not value and i + 1 < len(cells) and not _LABEL_CELL.match(cells[i + 1]):
                value = cells[i + 1]
            key = P.LABEL_META.get(label.group(1))
            if key and value:
                hints.setdefault(key, value)
        return
    labels = list(_LABEL.finditer(content))
    for this, following in zip(labels, labels[1:] + [None]):
        key = P.LABEL_META.get(this.group(1))
        value = content[this.end():following.start() if following else len(content)].strip(_STRIP)
        if key and value:
            hints.setdefault(key, value)


def _lines(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        if end < 0:
            end = len(text)
        yield start, end
        start = end + 1


def _lines_backwards(text: str, stop: int) -> Iterator[tuple[int, int]]:
    end = len(text)
    if text.endswith("\n"):
        end -= 1
    while end > stop:
        start = text.rfind("\n", stop, end) + 1 or stop
        yield start, end
        end = start - 1
