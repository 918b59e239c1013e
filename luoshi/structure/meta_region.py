"""Which government wrote the document: its region, found in the text.

Two ways, the first that works wins:

1. **Stated.** The title page names the place right before a fixed phrase:
   ``在连州市第十六届人民代表大会``, ``江城区九届人大一次会议``,
   ``肇庆市高要区国民经济和社会发展…`` (a title line), ``阳江市江城区人民政府区长``.
   Names written before it (``(广东省)肇庆市高要区``) form a chain that
   pins the unit down; a name outside the division table is still reported
   as written (its code is then unknown).
2. **Inferred** (untitled excerpts). A government calls its territory
   全市/我市 (全区, 全县 …) and names itself far more often than any other
   place (a county also names its prefecture, a prefecture its counties).
   The most-mentioned unit whose name ends in the dominant 全X suffix wins,
   with its share of mentions as confidence. Short names that are ordinary
   words (振兴, 合作, 港口) and generic district names (城区) are not counted.

A name shared by several units (朝阳区; 江城 → 阳江's 江城区 or 普洱's
江城哈尼族彝族自治县) is settled by which unit's parent, province and
sibling names the text mentions; if that does not single one out, the
region stays ambiguous and says so.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np

from luoshi import regions
from luoshi.data.metadata_cues import SELF_CUE, SESSION
from luoshi.regions import Division

_SESSION = re.compile(SESSION)
_TITLE_ANCHOR = re.compile(r"(?:20\d\d年(?:度|上半年)?)?(?:国民经济和社会发展|政府工作报告)")
_GOV_ANCHOR = re.compile(r"人民政府")
_SELF_CUE = re.compile(SELF_CUE)
_TITLE_LEAD = re.compile(r"[()（）\s]|^关于|20\d\d年(?:度)?")  # what may precede the place in a title line
_LEAD_IN = "在上于日—-(（)）:：,， "  # what may stand right before a place name on a title page
_BRACKETS = "()（）"
_SENTENCE_MARKS = "。，；！？"  # a line holding these is a sentence, not a signature
_NOT_IN_A_NAME = frozenset("我本该此其各")  # 我代表市人民政府, 关于我市…: the speaker's own government
_NOT_A_NAME_START = ("关于", "对于", "全", "代表")
# A name the table does not list (示例市, a renamed unit) and the level its suffix implies.
_UNLISTED_PLACE = re.compile(r"(?P<place>[\u4e00-\u9fff]{1,10}?(?:自治州|自治县|自治区|地区|省|市|区|县|州|旗|盟))$")
_UNLISTED_LEVEL = (("自治区", "province"), ("省", "province"), ("自治州", "prefecture"), ("地区", "prefecture"),
                   ("盟", "prefecture"), ("县", "county"), ("旗", "county"), ("区", "county"))

MAX_TITLE_LINE = 100  # longer lines are body, not a title
MAX_SIGNATURE_LINE = 80  # ——日期在…会议上…人民政府市长 某某 fits
MIN_MENTIONS = 3  # an inferred region must be named at least this often
MIN_SHARE = 0.4  # … and hold this share of the mentions of same-suffix places
MAX_INFERRED_CONFIDENCE = 0.9
_BMP = 0x10000
COUNT_LIMIT = 30_000  # characters scanned when counting mentions (an excerpt names itself early and often)


@dataclass(frozen=True, slots=True)
class RegionFinding:
    """The region as found: ``division`` is ``None`` when the table cannot say which unit it is."""

    name: str | None
    division: Division | None
    provenance: str  # "text" (stated) or "inferred"
    confidence: float
    note: str  # how it was found, for Metadata.notes
    problem: str | None = None  # why code/parent are unknown (ambiguous, unlisted, renamed)
    level: str | None = None  # when known without a division (all candidates agree, or the suffix says)
    level_note: str = ""  # how that level was found
    parent_name: str | None = None  # for a former name: its parent then


def find_region(lines: Sequence[str], text: str, *, within: str | None = None,
                infer: bool = True) -> RegionFinding | None:
    """The region named on the title page (``lines``), else (``infer``) inferred from mentions in ``text``.

    ``within`` (a division code, e.g. a sidecar's province) restricts candidates.
    """
    for chain, unlisted, how in _stated_places(lines):
        if chain:
            return _resolve_chain(chain, text, how, within)
        if unlisted:
            return _unlisted(unlisted, how)
    return _infer_from_mentions(text[:COUNT_LIMIT], within) if infer else None


def resolve_name(name: str, text: str, *, within: str | None = None, how: str = "") -> RegionFinding:
    """A region given by name (a sidecar, a column): the unit it denotes, using ``text`` as context."""
    return _resolve_chain([name], text, how, within)


# --- stated ----------------------------------------------------------------------


def _stated_places(lines: Sequence[str]):
    """(chain of listed names, unlisted name, how) for each place stated before an anchor, best first."""
    flat = "".join(lines)
    for m in _SESSION.finditer(flat) if "届" in flat else ():  # the congress session: the strongest statement
        chain, _ = _chain_ending_at(flat, m.start())
        yield chain, None if chain else _unlisted_before(flat, m.start(), need_lead_in="在"), \
            f"named before the session ({m.group(0)})"
    for line in lines:  # a title line starting with the place
        m = _TITLE_ANCHOR.search(line) if len(line) <= MAX_TITLE_LINE else None
        if m:
            chain, start = _chain_ending_at(line, m.start())
            lead = _TITLE_LEAD.sub("", line[:start])
            if chain and not lead:
                yield chain, None, "named in the title line"
            elif not chain and _UNLISTED_PLACE.fullmatch(lead) and _place_like(lead):
                yield [], lead, "named in the title line"
    for line in lines:  # the government, on its own line or signing the report (not a sentence)
        if "人民政府" not in line or len(line) > MAX_SIGNATURE_LINE or any(p in line for p in _SENTENCE_MARKS):
            continue
        for m in _GOV_ANCHOR.finditer(line):
            chain, _ = _chain_ending_at(line, m.start())
            yield chain, None if chain else _unlisted_before(line, m.start()), "named as the government (人民政府)"


def _chain_ending_at(text: str, end: int) -> tuple[list[str], int]:
    """Listed full names written one after another and ending at ``end``, and where the first starts.

    (广东省)肇庆市高要区 gives three names; brackets between them are skipped.
    """
    chain: list[str] = []
    pos = start = end
    while pos > 0:
        names = regions.names_ending_at(text, pos)
        if names:
            chain.insert(0, names[0])
            pos = start = pos - len(names[0])
        elif chain and text[pos - 1] in _BRACKETS:
            pos -= 1
        else:
            break
    return chain, start


def _unlisted_before(text: str, end: int, need_lead_in: str | None = None) -> str | None:
    """A place-like name not in the table right before ``end``: 在示例市第五届… → 示例市."""
    start = end
    while start > 0 and text[start - 1] not in _LEAD_IN and end - start < 12:
        start -= 1
    if start == end or (need_lead_in and not text[:start].endswith(need_lead_in)):
        return None
    if start > 0 and text[start - 1] not in _LEAD_IN:
        return None
    m = _UNLISTED_PLACE.fullmatch(text[start:end])
    return m.group("place") if m and _place_like(m.group("place")) else None


def _place_like(name: str) -> bool:
    """Not the speaker's own government (我代表市, 关于我市, 本县): those are no names."""
    return not (set(name) & _NOT_IN_A_NAME) and not name.startswith(_NOT_A_NAME_START)


def _unlisted(name: str, how: str) -> RegionFinding:
    gone = regions.former(name)
    if gone:
        record = gone[-1]
        successor = regions.get(record.successor)
        return RegionFinding(
            name, None, "text", 1.0, f"{how}; a former name",
            problem=f"{name} is a former name: it became {successor.name if successor else '?'} "
                    f"({record.successor}) on {record.date}; the table holds current codes only",
            level=successor.level if successor else None, level_note="the level of the unit that replaced it",
            parent_name=record.parent_name or None,
        )
    suffix = next((s for s, _ in _UNLISTED_LEVEL if name.endswith(s)), None)
    return RegionFinding(name, None, "text", 1.0, how, problem=f"{name} is not in the division table (GB/T 2260)",
                         level=dict(_UNLISTED_LEVEL).get(suffix), level_note=f"a name ending in {suffix}")


def _resolve_chain(chain: list[str], text: str, how: str, within: str | None) -> RegionFinding:
    """The unit the last name of ``chain`` denotes, narrowed by the names before it."""
    name = chain[-1]
    candidates = [d for d in regions.find_full(name) or regions.find(name)
                  if within is None or regions.is_within(d.code, within)]
    for outer in reversed(chain[:-1]):
        inside = [d for d in candidates if any(regions.is_within(d.code, o.code) for o in regions.find_full(outer))]
        candidates = inside or candidates
    if not candidates:
        return _unlisted(name, how)
    if len(candidates) == 1:
        return RegionFinding(candidates[0].name, candidates[0], "text", 1.0, how)
    return _by_context(name, candidates, _Counts(text), how, "text")


class _Counts:
    """Occurrences of names in one text, each counted once (bigram counts when the caller has them)."""

    def __init__(self, text: str, bigrams: dict[str, int] | None = None) -> None:
        self.text, self.bigrams, self.seen = text, bigrams, {}

    def __call__(self, name: str) -> int:
        if name not in self.seen:
            if self.bigrams is not None and len(name) == 2:
                self.seen[name] = self.bigrams.get(name, 0)
            elif self.bigrams is not None and name[:2] not in self.bigrams:
                self.seen[name] = 0
            else:
                self.seen[name] = self.text.count(name)
        return self.seen[name]


def _by_context(name: str, candidates: list[Division], count: _Counts, how: str, provenance: str,
                confidence: float = 1.0) -> RegionFinding:
    """Pick among same-named units by how often the text names each one's parents and siblings."""
    scores = {d.code: _context_score(d, count) for d in candidates}
    ranked = sorted(candidates, key=lambda d: -scores[d.code])
    total = sum(scores.values())
    if total and scores[ranked[0].code] > scores[ranked[1].code]:
        best = ranked[0]
        share = scores[best.code] / total
        note = (f"{how}; {name} names {len(candidates)} units, "
                f"{best.name} ({best.code}) chosen by mentions of its parent and neighbours ({share:.0%})")
        return RegionFinding(best.name, best, provenance, round(confidence * share, 2), note)
    levels = {d.level for d in candidates}
    listed = ", ".join(f"{d.code} {_path(d)}" for d in candidates)
    return RegionFinding(
        name, None, provenance, confidence, how,
        problem=f"{name} names {len(candidates)} units ({listed}) and the text does not say which",
        level=levels.pop() if len(levels) == 1 else None, level_note=f"every unit named {name} is at that level",
    )


def _context_score(div: Division, count: _Counts) -> int:
    score = sum(_mentions(above, count) for above in regions.ancestors(div.code))
    if div.parent_code:
        score += sum(_mentions(s, count) for s in regions.children(div.parent_code) if s.code != div.code)
    return score


def _mentions(div: Division, count: _Counts) -> int:
    """How often the text names ``div``; short names that are common words do not count."""
    full = 0 if div.generic else count(div.name)
    if div.short == div.name or len(div.short) < 2 or div.wordlike:
        return full
    short = count(div.short)
    return short if div.name.startswith(div.short) else short + full  # 四会 ⊇ 四会市


def _path(div: Division) -> str:
    return "".join(a.name for a in reversed(regions.ancestors(div.code))) + div.name


# --- inferred ----------------------------------------------------------------------


@cache
def _names_by_bigram() -> dict[str, tuple[str, ...]]:
    """Countable names (full, and short unless a common word) keyed by their first two characters."""
    index: dict[str, set[str]] = {}
    for name in regions.all_names():
        if len(name) >= 2 and any(_countable(d, name) for d in regions.find(name)):
            index.setdefault(name[:2], set()).add(name)
    return {k: tuple(sorted(v)) for k, v in index.items()}


def _countable(div: Division, name: str) -> bool:
    return (div.name == name and not div.generic) or (div.short == name and not div.wordlike)


@cache
def _bigram_tables() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Sorted bigram keys (first << 16 | second) and which BMP characters start or follow a name's start."""
    firsts, seconds = np.zeros(_BMP, dtype=bool), np.zeros(_BMP, dtype=bool)
    keys = []
    for bigram in _names_by_bigram():
        a, b = ord(bigram[0]), ord(bigram[1])
        firsts[a] = seconds[b] = True
        keys.append(a << 16 | b)
    return np.array(sorted(keys), dtype=np.int64), firsts, seconds


def _name_bigrams(text: str) -> dict[str, int]:
    """How often each first bigram of a countable name occurs in ``text`` (one vectorised pass)."""
    if len(text) < 2:
        return {}
    keys, firsts, seconds = _bigram_tables()
    points = np.minimum(np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32), _BMP - 1)  # names are BMP
    a, b = points[:-1], points[1:]
    maybe = firsts[a] & seconds[b]
    pairs = a[maybe].astype(np.int64) << 16 | b[maybe]
    at = np.minimum(np.searchsorted(keys, pairs), len(keys) - 1)
    found, counts = np.unique(pairs[keys[at] == pairs], return_counts=True)
    return {chr(k >> 16) + chr(k & 0xFFFF): n for k, n in zip(found.tolist(), counts.tolist())}


def _infer_from_mentions(text: str, within: str | None) -> RegionFinding | None:
    cues = Counter(m.group("suffix") for m in _SELF_CUE.finditer(text))
    suffix = cues.most_common(1)[0][0] if cues else None
    bigrams = _name_bigrams(text)
    count = _Counts(text, bigrams)
    index = _names_by_bigram()
    named = {d for bigram, n in bigrams.items() if n > 1 for name in index[bigram] if count(name) > 1
             for d in regions.find(name) if _countable(d, name)}
    fitting = {d: n for d in named
               if (suffix is None or _has_suffix(d, suffix)) and (within is None or regions.is_within(d.code, within))
               and (n := _mentions(d, count))}
    if not fitting:
        return None
    top = max(fitting.values())
    share = top / sum(fitting.values())
    best = sorted((d for d, n in fitting.items() if n == top), key=lambda d: d.code)
    cue_note = f"全{suffix} ×{cues[suffix]}" if suffix else "no 全市/全区/全县 cue"
    if top < MIN_MENTIONS or share < MIN_SHARE:
        return RegionFinding(None, None, "inferred", 0.0, "", problem=(
            f"no title or session line names the region, and no place dominates the text "
            f"(most named: {best[0].name} ×{top}, {share:.0%} of same-suffix mentions; {cue_note})"))
    how = (f"inferred: no title or session line; {best[0].short} named ×{top} "
           f"({share:.0%} of same-suffix mentions), {cue_note}")
    confidence = round(min(share, MAX_INFERRED_CONFIDENCE), 2)
    if len(best) == 1:
        return RegionFinding(best[0].name, best[0], "inferred", confidence, how)
    return _by_context(best[0].short, best, count, how, "inferred", confidence)


def _has_suffix(div: Division, suffix: str) -> bool:
    if suffix == "省":
        return div.level == "province"
    return div.name.endswith(suffix)
