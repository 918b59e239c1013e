"""The indicator: the document's own shortest words for what a number measures.

Two word orders carry a quantity in Chinese:

* indicator first — 地区生产总值增长6%以上, 建设高标准农田2.89万亩: the
  indicator is the clause before the number, minus cue verbs (力争, 全年完成)
  at its start and comparator/change words (增长, 达到, 控制在) at its end;
* count first — 突出抓好6个省级典型镇, 95%以上行政村达到美丽宜居村标准: the
  number quantifies the words after it, which become the indicator (with the
  words before it unless those are cue verbs or a list of the items counted).

Indicators are returned as spans of the normalised text so that the caller
can quote them from the source (Traditional stays Traditional).
"""
from __future__ import annotations

import re

from luoshi.data.quantities import (
    AND_WORDS,
    ATTRIBUTE_HEADS,
    BATCHES,
    CHANGE_VERBS,
    CLAUSE_CUE_VERBS,
    COMPARISON_BASE,
    COUNTING_NOTES,
    CURRENT_WORDS,
    DENG_WORDS,
    ECONOMY_DOER_VERBS,
    ECONOMY_NAMES,
    ECONOMY_OUTPUT_NAMES,
    ECONOMY_PLACE_ENDS,
    FLOW_LEADS,
    FRAME_BUILD_VERBS,
    FRAME_PREPOSITIONS,
    FRAME_VERBS,
    GAP_WORDS,
    GROUP_GAP_WORDS,
    GOAL_NOUNS,
    INDICATOR_CHANGE_TAIL_WORDS,
    INDICATOR_LEAD_PATTERNS,
    INDICATOR_LEAD_WORDS,
    INDICATOR_TAIL_WORDS,
    INNER_ADVERBS,
    LEVEL_PARTICLES,
    LEVEL_WORDS,
    LIST_BULLETS,
    LIST_HEAD_NOUNS,
    LIST_HEAD_TRADES,
    LIST_LABELS,
    MARK_WORDS,
    MEASURE_NAME_ENDS,
    ONE_CHARACTER_ITEMS,
    PERIOD_CHANGE_QUALIFIERS,
    PLAN_SHARE_NOUNS,
    POST_CUT_WORDS,
    POST_STOP_WORDS,
    RATE_NAME_ENDS,
    RATIO_REFERENCES,
    REFERENCE_WORDS,
    SHARE_OWNER_HEADS,
    STEP_PHRASE,
    WORK_VERBS,
    YUE_WORDS,
)
from luoshi.extract.alternation import word_pattern

_SPACE = " \t\u3000\u00a0"
_LEAD_RE = re.compile(
    rf"(?:{'|'.join(INDICATOR_LEAD_PATTERNS)}|{word_pattern(INDICATOR_LEAD_WORDS)}"
    rf"|(?:为到|到|至|在|截至)?(?:19|20)\d\d年(?:底|末|前|内|以来|起|初)?)"
)
# 提高到, 上升至, 下降为: a change verb with a level particle introduces a level
_LEVEL_TAILS = tuple(v + p for v in CHANGE_VERBS for p in LEVEL_PARTICLES)
# Tail words are looked up by length (longest first) instead of a $-anchored
# regex, which would be tried at every position of the clause.
_TAILS = frozenset(INDICATOR_TAIL_WORDS + _LEVEL_TAILS)
_CHANGE_TAILS = _TAILS | frozenset(INDICATOR_CHANGE_TAIL_WORDS)
_TAIL_LENGTHS = sorted({len(w) for w in _CHANGE_TAILS}, reverse=True)
_TAIL_LAST_CHARS = frozenset(w[-1] for w in _CHANGE_TAILS)  # most clauses end in none: no lookups then
_GAP_RE = re.compile(word_pattern(GAP_WORDS))
_LIST_LABEL_RE = re.compile(rf"[{_SPACE}]*(?:{'|'.join(LIST_LABELS)})[{_SPACE}]*")
# The characters a label (or the space before it) can start with: the others skip the regex.
_LABEL_FIRSTS = frozenset(_SPACE + "一二三四五六七八九十—─(（0123456789" + LIST_BULLETS)
# 地区生产总值从2015年的196.2亿元增加到2020年的281.7亿元: the years are the period
_YEAR_TAIL_RE = re.compile(
    rf"(?:(?:从|由|到|至|[增提][加高长升]到)?(?:19|20)\d\d年(?:末|底)?|(?:从|由)(?:{word_pattern(CURRENT_WORDS)}))的?$"
)  # (由目前的3.5万元增长到5.3万元: the base is how things stand now)
# 年均压减“三公”经费6%: for a change, a qualified change verb may open the clause
_CHANGE_LEAD_RE = re.compile(
    rf"(?:{word_pattern(PERIOD_CHANGE_QUALIFIERS)}|再)?(?:{word_pattern(CHANGE_VERBS)})"
)
_RATIO_REF_RE = re.compile(
    rf"(?:{word_pattern(RATIO_REFERENCES)})(?:(?:19|20)\d\d年|{word_pattern(REFERENCE_WORDS)}|“?十[一二三四五六]五”?)"
    rf"[^,，;；]{{0,8}}?$"
)
_CUT_MODIFIERS = ("年度计划", "年度", "计划", "总", "累计", "全年", "今年", "当年")
_POST_CUT_RE = re.compile(rf"(?<!公)(?:{word_pattern(POST_CUT_WORDS)})")  # 共, not the 共 of 公共
_POST_STOP_RE = re.compile(rf"“[^”]*”|{word_pattern(POST_STOP_WORDS + MARK_WORDS)}|中(?=\d|[一二两三四五六七八九十])")
_BASE_TAIL_RE = re.compile(rf"{COMPARISON_BASE}$")
# 比全省平均水平高9277元, 分别比全国、全省和全市高4.2、4.3和3.2个百分点: a gap to places, no indicator of its own
_BASE_GAP_RE = re.compile(r"(?:分别|均)?比[^,，;；。\d比]{1,16}?(?:高出|低出|高|低|快|慢)")
# 增幅高于城镇居民: a gap to another group (not only a place) is no word of what is measured
_GROUP_GAP_TAIL_RE = re.compile(rf"(?:{word_pattern(GROUP_GAP_WORDS)})[^,，;；。、\d]{{1,10}}$")
_GAP_TAIL_RE = re.compile(rf"(?:{word_pattern(GAP_WORDS)})(?:{word_pattern(REFERENCE_WORDS)})(?:平均水平|平均)?$")
_BASE_FIRSTS = ("较", "比", "与", "在")
_FRAME_VERB_RE = re.compile(word_pattern(FRAME_VERBS))
_FRAME_BUILD_RE = re.compile(word_pattern(FRAME_BUILD_VERBS))
_GOAL_RE = re.compile(word_pattern(GOAL_NOUNS))
_BATCH_TAIL_RE = re.compile(rf"{BATCHES}$")
_MODIFIERS_END_RE = re.compile(r"[^\d、的,，;；。等和及与]{2,12}的")
_NUMERAL_CHARS = set("0123456789一二两三四五六七八九十")
_ASCII_LEAD_RE = re.compile(r"[A-Za-z0-9.]+")
_ITEM_SEP_RE = re.compile(r"、|和|及|与")
_ECONOMY_NAME_RE = re.compile(word_pattern(ECONOMY_NAMES))  # (the leftmost: 人均地区生产总值 is one name)
_NOT_SUBJECT = r"[^,，;；。、\d占比的与和及较对“”]"
# (五莲县2012年全年实现生产总值: the doer may say the year too)
_ECONOMY_DOER_RE = re.compile(rf"(?:{_NOT_SUBJECT}|(?:19|20)\d\d年){{1,8}}?(?:{word_pattern(ECONOMY_DOER_VERBS)})")
_ECONOMY_PLACE_RE = re.compile(rf"{_NOT_SUBJECT}{{1,6}}?(?:{word_pattern(ECONOMY_PLACE_ENDS)})")
_PLAN_SHARE_RE = re.compile(rf"(?:完成|占|为)((?:{word_pattern(PLAN_SHARE_NOUNS)}))的?$")
# 农产品加工转化率 → 农产品加工: a rate's topic is the words before its two-character name
_RATE_TAIL_RE = re.compile(r"[^率]{2}率$")
# 〔16〕, [3], and a note number a copied PDF left after a quoted name (新增“三品一标”2农产品17个)
_NOTE_MARK_RE = re.compile(r"〔[^〔〕]{1,6}〕|\[\d{1,3}\]|(?<=”)\d{1,2}(?=[\u4e00-\u9fff])")
_ATTRIBUTES = frozenset(ATTRIBUTE_HEADS)
_YUE_WORDS = frozenset(YUE_WORDS)
_INNER_ADVERB_RE = re.compile(rf"{STEP_PHRASE}|{word_pattern(INNER_ADVERBS)}")
_WORK_VERBS = frozenset(WORK_VERBS)
_FLOW_LEAD_RE = re.compile(word_pattern(FLOW_LEADS))
_LEVELS = frozenset(LEVEL_WORDS)
_ATTRIBUTE_TAIL_RE = re.compile(rf"(?:{word_pattern(ATTRIBUTE_HEADS)})$")
# After stripping a cue word the rest must still be a noun phrase: 完成率 must
# not become 率.
_SUFFIX_CHARS = set("率额量值数比度化性")
_MEASURE_NAME_ENDS = frozenset(MEASURE_NAME_ENDS)
_VERB_CUES = frozenset(("完成", "计划", "安排"))  # 实现 names no figure: 实现营业收入 → 营业收入
# 地区生产总值同比(下同)增长4.5%: a note on how the figures are counted is no word of the name
_YEARS_RUNNING_RE = re.compile(r"连续(?:\d{1,2}|[一二两三四五六七八九十]{1,2})年$")
_COUNTING_NOTE_LEAD_RE = re.compile(rf"[(（](?:{word_pattern(COUNTING_NOTES)})[)）]")
_COUNTING_NOTE_RE = re.compile(rf"[(（](?:{word_pattern(COUNTING_NOTES)})[)）]$")

Spans = tuple[tuple[int, int], ...]


def skip_list_label(text: str, s: int, e: int) -> int:
    """Where ``text[s:e]`` starts after a list item's label (一是, ——, (一), 1., ①)."""
    if s >= e or (text[s] not in _LABEL_FIRSTS and not "\u2460" <= text[s] <= "\u249b"):
        return s  # most clauses open with no label
    m = _LIST_LABEL_RE.match(text, s, e)
    return m.end() if m else s


def strip_lead(text: str, s: int, e: int) -> int:
    """Drop cue words, scope words, years and counting notes ((下同)) from the front of ``text[s:e]``."""
    while s < e:
        if text[s] in _SPACE or text[s] in "、,，":
            s += 1
            continue
        if text[s] in "(（" and (m := _COUNTING_NOTE_LEAD_RE.match(text, s, e)):
            s = m.end()
            continue
        if text[s] in "(（" and ")" not in text[s:e] and "）" not in text[s:e]:
            s += 1  # (其中高标准厂房5万平方米): the bracket opens an aside, it is no word
            continue
        m = _LEAD_RE.match(text, s, e)
        if not m or m.end() == s:
            break
        rest = text[m.end():e]
        if rest and (rest[0] in _SUFFIX_CHARS or (m.group() in _VERB_CUES and rest in _ATTRIBUTES)):
            break  # 完成率, 完成投资: the cue word is part of the indicator
        if rest in _ATTRIBUTES and m.group().endswith(("季度", "月", "月份")):
            break  # 一季度完成投资: a bare attribute keeps its time rather than borrow an owner
        s = m.end()
    return s


def strip_tail(text: str, s: int, e: int, change: bool = False) -> int:
    """Drop comparator and particle words (and change verbs, for a change) from the end."""
    words = _CHANGE_TAILS if change else _TAILS
    while e > s:
        last = text[e - 1]
        if last in _SPACE or last in "、,，(（":  # 电网建设工程(19个): the bracket opens the figure's note
            e -= 1
            continue
        if last in ")）" and (m := _COUNTING_NOTE_RE.search(text, max(s, e - 12), e)):
            e = m.start()
            continue
        if last not in _TAIL_LAST_CHARS:
            break
        if last == "约" and text[e - 2:e] in _YUE_WORDS or last == "均" and text[e - 2:e - 1] in "人户亩":
            break  # 项目成功签约, 人均突破15万元: the 约 or 均 of a word, not 约 (about) or 均 (each)
        for n in _TAIL_LENGTHS:
            if e - n >= s and text[e - n:e] in words:
                e -= n
                break
        else:
            break
    return e


def _relation_tail(text: str, s: int, e: int) -> re.Match | None:
    """是2017年的, 从2015年的, 高于全省(平均水平) at the end of ``text[s:e]``.

    Most words before a number hold neither a reference word nor 年: ``in``
    tests of the window reject them before the regexes try every position.
    """
    lo = max(s, e - 16)
    window = text[lo:e]
    m = None
    if any(map(window.__contains__, RATIO_REFERENCES)):
        m = _RATIO_REF_RE.search(text, lo, e)
    if m is None and ("年" in window or any(map(window.__contains__, CURRENT_WORDS))):
        m = _YEAR_TAIL_RE.search(text, max(s, e - 10), e)
    if m is None and any(map(window.__contains__, GAP_WORDS)):
        m = _GAP_TAIL_RE.search(text, lo, e) or _GROUP_GAP_TAIL_RE.search(text, lo, e)
    return m


def _in_deng_word(text: str, i: int) -> bool:
    """Is the 等 at ``i`` part of a word (中等, 高等, 等级), not the end of a list?"""
    return text[i - 1:i + 1] in DENG_WORDS or text[i:i + 2] in DENG_WORDS


def clean_pre(text: str, s: int, e: int, change: bool) -> tuple[int, int]:
    """The indicator words before a number.

    A relation to another figure (高于全省, 是2017年的) is not part of it:
    what is left is empty or an attribute, which takes the previous topic.
    Nor is a list item's label (一是 would read as 是 of a ratio: 一是全市…).
    """
    s = skip_list_label(text, s, e)
    k = text.rfind("、", s, e)
    if k >= 0 and text.startswith(CLAUSE_CUE_VERBS, k + 1):
        s = k + 1  # 实施…行动计划、确保入园率不低于90%: 、 joins two predicates, the figure's is the last
    dash = text.rfind("——", s, e)
    if dash >= 0:  # 主要预期目标——地区生产总值增长7%: a dash introduces what is measured
        s = skip_list_label(text, dash + 2, e)
    aim = text.rfind("目标是", s, e)
    if aim >= 0:  # 今年发展的主要预期目标是地区生产总值增长7%: so does 目标是
        s = aim + 3
    m = _relation_tail(text, s, e)
    if m:
        e = m.start()
    aim = max(text.rfind("力争", s + 2, e), text.rfind("确保", s + 2, e))
    if aim > s and strip_tail(text, strip_lead(text, aim, e), e, change) > strip_lead(text, aim, e) + 1:
        s = aim  # 创新举措 力争固定资产投资增长10%: a pledge opens the figure's own words (not …比例力争达到40%)
    s0 = strip_lead(text, s, e)
    if _GAP_RE.match(text, s0, e) or text.startswith(("比", "分别比", "均比"), s0) and _BASE_GAP_RE.fullmatch(text, s0, e):
        return s0, s0
    s1 = s
    i = text.rfind("中的", s1, e)
    if i >= 0:
        s1 = i + 2  # “四上”企业中的高新技术企业数量 → 高新技术企业数量
    i = text.rfind("等", s1, e - 1)
    if i >= 0 and i + 1 < e and text[i + 1] not in "、,，" and not _in_deng_word(text, i):
        s1 = i + 1  # 开展送书、送展等群众性活动 → 群众性活动 (but 中等收入群体 is one name)
    s = s0 if s1 == s else strip_lead(text, s1, e)
    tail = strip_tail(text, s, e, change)
    lo = max(s, tail - 16)
    if any(c in _BASE_FIRSTS for c in text[lo:tail]) and (m := _BASE_TAIL_RE.search(text, lo, tail)) and m.start() > s:
        tail = strip_tail(text, s, m.start(), change)  # 税收较2020年增长30%
    if "连续" in text[max(s, tail - 6):tail] and (m := _YEARS_RUNNING_RE.search(text, max(s, tail - 6), tail)) \
            and m.start() > s:
        tail = strip_tail(text, s, m.start(), change)  # 粮食总产量连续8年稳定在…: how long it held is no word
    if tail != e:  # what a lead word may join depends on the rest (完成投资)
        s, e = strip_lead(text, s, tail), tail
        if "年" in text[max(s, e - 6):e] and (m := _YEAR_TAIL_RE.search(text, max(s, e - 10), e)) and m.start() > s:
            e = strip_tail(text, s, m.start(), change)  # 总人口2010年控制在300万人以内: the year is when
    if change:
        m = _CHANGE_LEAD_RE.match(text, s, e)
        if m and m.end() < e:
            s = strip_lead(text, m.end(), e)
    frame = s0 if text.startswith(FRAME_PREPOSITIONS, s0) else s  # (在…等七大领域实施: the frame opens before 等)
    if s < e and text.startswith(FRAME_PREPOSITIONS, frame):
        verbs = [m for m in _FRAME_VERB_RE.finditer(text, frame + 1, e) if m.end() > s]
        rest = e - verbs[-1].end() if verbs else 0  # nothing left: the count's words follow the number
        if verbs and (rest == 0 or rest >= 2 and text[verbs[-1].end()] not in _SUFFIX_CHARS):
            s = strip_lead(text, verbs[-1].end(), e)
        elif builds := [m for m in _FRAME_BUILD_RE.finditer(text, frame + 1, e) if m.start() >= s]:
            s = strip_lead(text, builds[-1].start(), e)  # 在城南新建两所幼儿园: the verb names the work
        elif not verbs and frame == s and text.startswith(("围绕", "聚焦"), s):
            s = strip_lead(text, s + 2, e)  # 围绕城区面积100平方公里: a frame with no verb frames the figure itself
    if e > s and text[e - 1] == "批" and (m := _BATCH_TAIL_RE.search(text, max(s, e - 6), e)) and m.start() > s:
        e = m.start()
    if e - s > 5 and (m := _ECONOMY_NAME_RE.search(text, s, e)) and m.start() > s and (
            _ECONOMY_DOER_RE.fullmatch(text, s, m.start())
            or m.group() in ECONOMY_OUTPUT_NAMES and _ECONOMY_PLACE_RE.fullmatch(text, s, m.start())):
        s = m.start()  # 四川实现地区生产总值: who reports a whole-economy measure is no word of it
    return s, e


def clean_post(text: str, s: int, e: int, cut: bool) -> tuple[int, int]:
    """The words a count quantifies: 个省级典型镇 → 省级典型镇.

    It ends at the next list item or 等; with ``cut`` also before the verb
    that starts another figure's predicate (21个重点项目完成投资17.84亿元).
    """
    while s < e and text[s] in _SPACE + "的":
        s += 1
    if s < e and text[s] in "、和及与(（)）" and not text.startswith(AND_WORDS, s):
        return s, s  # the next item of a list, a parenthetical note (预计数,下同), or its end (和美乡村 is no list)
    if s > 0 and text[s - 1] == "的" and _GOAL_RE.match(text, s, e):
        return s, s  # 超3000亿元的目标: the goal the figure sets, named before it
    pos = s
    while True:
        m = _POST_STOP_RE.search(text, pos, e)
        if not m:
            break
        if m.group(0).startswith("“") or (m.group(0) == "、" and m.start() - s < 2):
            pos = m.end()  # a quoted name, or 、 joining short modifiers (省、市重点项目)
            continue
        if m.group(0) == "、" and (j := _MODIFIERS_END_RE.match(text, m.end(), e)):
            s = pos = j.end()  # 3个特色鲜明、竞争力强的主导产业: modifiers joined by 、 up to 的, then the head
            continue
        e = m.start()
        break
    if cut:
        m = _POST_CUT_RE.search(text, s + 1, e)
        while m and text[m.start() - 1] == "新":  # 184个新开工项目开工率…: 新开工 names the projects
            m = _POST_CUT_RE.search(text, m.end(), e)
        if m:
            e = m.start()
            if text.endswith(_CUT_MODIFIERS, s + 1, e):  # 1000个重点项目年度投资…: 年度 belongs to the sum
                e -= next(len(w) for w in _CUT_MODIFIERS if text.endswith(w, s + 1, e))
    if e > s and text[e - 1] == "中" and text[e:e + 1] in _NUMERAL_CHARS:
        e -= 1  # 十件民生实事中九件: the whole, before the part
    e = strip_tail(text, s, e)
    return s, e


def is_enumeration(text: str, s: int, e: int) -> bool:
    """``加快连州、星子、东陂`` before a count lists the items counted, not the indicator."""
    seg = text[s:e]
    return "、" in seg or seg.endswith(("等", "”", "\"", "及", "和", "与"))


def is_attribute(text: str, s: int, e: int) -> bool:
    """产值, 总投资, 占…: words that need the previous figure's topic as owner."""
    seg = text[s:e]
    return seg in _ATTRIBUTES or seg.startswith("占")


def ends_with_attribute(text: str, s: int, e: int) -> bool:
    """年度投资, 总投资: words that end in an attribute of something named elsewhere."""
    return _ATTRIBUTE_TAIL_RE.search(text, s, e) is not None


def is_level(text: str, s: int, e: int) -> bool:
    """国家级, 省级: a grade alone, which needs the previous figure's things as its head."""
    return text[s:e] in _LEVELS


def owner(text: str, spans: Spans) -> Spans:
    """The previous indicator without its own attribute: 粮食种植面积 → 粮食 (for 粮食产量)."""
    if not spans:
        return spans
    a, b = spans[-1]
    if len(spans) > 1 and text[a:b] in _ATTRIBUTES:
        return spans[:-1]  # an owner's words joined to the attribute: 省重点项目 + 完成投资
    m = _ATTRIBUTE_TAIL_RE.search(text, a, b) or _RATE_TAIL_RE.search(text, a, b)
    if m and m.start() > a + 1:
        return spans[:-1] + ((a, m.start()),)
    return spans


def without_flow_verb(text: str, spans: Spans) -> Spans:
    """The owner without the verb of a flow: 新增规上企业 → 规上企业 (whose 总数 is a stock)."""
    if not spans:
        return spans
    a, b = spans[0]
    m = _FLOW_LEAD_RE.match(text, a, b)
    return (((m.end(), b),) + spans[1:]) if m and b - m.end() >= 2 else spans


def without_share(text: str, spans: Spans) -> Spans:
    """The previous indicator without its share: 地区生产总值 + 占计划 → 地区生产总值.

    A share (占计划的100%, 占全市41%) is of the thing named before 占; what
    follows it (同比下降2%, 占全省36%) measures that thing again, whole.
    """
    if not spans or text.endswith(RATE_NAME_ENDS, *spans[-1]):
        return spans  # 占GDP比重, 高标准农田占比: a ratio's own name, which a gap or change measures
    if len(spans) > 1 and text.startswith("占", spans[-1][0]):
        return spans[:-1]
    a, b = spans[-1]
    k = text.find("占", a + 2, b)
    return spans[:-1] + ((a, k),) if k > 0 else spans


def shared_modifier(text: str, prev: Spans, cur: tuple[int, int]) -> Spans:
    """省级卫生镇1个、卫生村10条: a short list item shares the modifier of the one before.

    When the item's first two characters recur inside the previous indicator
    (卫生 in 省级卫生镇), the words before them there (省级) belong to it too.
    """
    a, b = cur
    if b - a > 6 or b - a < 3 or len(prev) != 1 \
            or text[a:a + 2] in _WORK_VERBS and not text.endswith(RATE_NAME_ENDS, a, b):
        return ()  # (改造老旧小区25个 after 棚户区改造1200套: a verb opening the item is its own work; 开工率 is a rate)
    pa, pb = prev[0]
    k = text.find(text[a:a + 2], pa + 1, pb)
    if k > pa and text[pa:k] in _VERB_CUES:
        return ()  # 完成投资325亿元,投资完成率70%: a verb is no modifier to share
    if k < 0 and pb - pa > b - a and text[a] in ONE_CHARACTER_ITEMS and text[pb - (b - a)] in ONE_CHARACTER_ITEMS \
            and text[a + 1:b] == text[pb - (b - a) + 1:pb]:
        return ((pa, pb - (b - a)),)  # 金融机构存款余额…、贷款余额…: the pair's other half shares the modifier
    return ((pa, k),) if k > pa else ()


def drop_note_marks(text: str, spans: Spans) -> Spans:
    """实施“三项工程”〔16〕技能培训: note markers are not words of the indicator."""
    for a, b in spans:
        if text.find("〔", a, b) >= 0 or text.find("[", a, b) >= 0 or text.find("”", a, b) >= 0:
            break
    else:
        return spans
    out = []
    for a, b in spans:
        for m in _NOTE_MARK_RE.finditer(text, a, b):
            if m.start() > a:
                out.append((a, m.start()))
            a = m.end()
        if b > a:
            out.append((a, b))
    return tuple(out)


def drop_inner_adverbs(text: str, spans: Spans) -> Spans:
    """重大项目累计完成投资, 确诊患者全部治愈出院: an adverb inside the words is no word of the indicator."""
    out = []
    for a, b in spans:
        for m in _INNER_ADVERB_RE.finditer(text, a + 1, b):
            if m.start() > a:
                out.append((a, m.start()))
            a = m.end()
        if b > a:
            out.append((a, b))
    return tuple(out) if out else spans


def join(text: str, spans: Spans) -> str:
    if len(spans) == 1:  # the common case: one slice, no list
        a, b = spans[0]
        return text[a:b]
    return "".join([text[a:b] for a, b in spans])


def list_items(text: str, spans: Spans, n: int) -> list[Spans] | None:
    """The ``n`` items a 分别 list's shared indicator names, one per number, or None.

    Items before a shared head take it: 存、贷款余额 → 存款余额, 贷款余额
    (short items, or one-character ones after a modifier: 金融机构存、贷款余额);
    基本养老保险、失业保险、工伤保险参保人数 → each …保险参保人数 (the items'
    common ending marks where the head starts). Short items after a long first
    one with the same last character take its modifier (道路交通事故起数和伤亡人数
    → 道路交通事故伤亡人数). Items of similar length stand alone (城镇调查失业率和
    城镇登记失业率), and so do items after a longer first one: a head they shared
    would make the last one the longest. Anything else is left shared. The other spans are shared by all items.
    """
    for i, (a, b) in enumerate(spans):  # the span that holds the list; the others are shared
        k = text.find("分别", a, b)
        b = k if k > a else b
        cuts = list(_ITEM_SEP_RE.finditer(text, a, b))
        if len(cuts) == n - 1:
            items = _split_items(text, a, b, cuts, n) or _short_items(text, a, b, cuts, spans[i][1])
            return [spans[:i] + item + spans[i + 1:] for item in items] if items else None
    return None


def _short_items(text: str, a: int, b: int, cuts: list[re.Match], end: int) -> list[Spans] | None:
    """生猪、牛、羊、家禽分别出栏…: words of one or two characters share no head; the verb after 分别 is each one's."""
    parts = list(zip([a] + [m.end() for m in cuts], [m.start() for m in cuts] + [b]))
    if any(not 1 <= e - s <= 2 for s, e in parts):
        return None
    vs = strip_lead(text, b + 2, end) if text.startswith("分别", b) else end
    verb = ((vs, end),) if 0 < end - vs <= 4 and "每" not in text[vs:end] else ()
    return [((s, e),) + verb for s, e in parts]


def _split_items(text: str, a: int, b: int, cuts: list[re.Match], n: int) -> list[Spans] | None:
    shared: Spans = ()
    parts = list(zip([a] + [m.end() for m in cuts], [m.start() for m in cuts] + [b]))
    lengths = [e - s for s, e in parts]
    if min(lengths) < 1:
        return None
    (first_s, first_e), (last_s, last_e) = parts[0], parts[-1]
    ordinal = 1 if text[first_s] == "第" else 0  # 第一、二、三产业增加值: numerals before a shared head
    if all(e_ - s_ == 1 + ordinal * (s_ == first_s) and text[e_ - 1] in _NUMERAL_CHARS for s_, e_ in parts[:-1]) \
            and text[last_s] in _NUMERAL_CHARS and last_e - last_s > 1:
        lead = ((first_s, first_s + ordinal),) if ordinal else ()
        head = (last_s + 1, last_e)
        return [shared + (lead if s_ != first_s else ()) + ((s_, e_), head) for s_, e_ in parts[:-1]] \
            + [shared + lead + (parts[-1],)]
    if all(text[s_:e_].isascii() for s_, e_ in parts[:-1]):  # PM10、PM2.5平均浓度: codes before a shared head
        head = _ASCII_LEAD_RE.match(text, last_s, last_e)
        if head and head.end() < last_e:
            return [shared + ((s_, e_), (head.end(), last_e)) for s_, e_ in parts[:-1]] + [shared + (parts[-1],)]
    if all(n_ <= 2 for n_ in lengths[:-1]) and lengths[-1] >= lengths[0] + 2:
        head = last_s + lengths[0]
        noun = _list_head(text, last_s, last_e, parts[:-1])
        if lengths[0] == 2 and noun is not None and noun - head == 1:
            head = noun  # 原煤、原油、天然气产量: the last item is a word one longer (天然气), not 天然+气产量
        return [shared + ((s, e), (head, last_e)) for s, e in parts[:-1]] + [shared + (parts[-1],)]
    if n == 2 and lengths[-1] >= 3 and text[first_e - 1] in ONE_CHARACTER_ITEMS \
            and text[last_s] in ONE_CHARACTER_ITEMS:
        modifier = ((first_s, first_e - 1),) if first_e - 1 > first_s else ()
        return [shared + ((first_s, first_e), (last_s + 1, last_e)), shared + modifier + (parts[-1],)]
    k = text.find("占", last_s + 2, last_e)
    if k > 0 and not any(text.find("占", s_, e_) >= 0 for s_, e_ in parts[:-1]):
        # 地区生产总值、财政收入占全市比重, …产业和高新技术产业增加值占…比重: every item has the share (and its owner word)
        whole = all(text[e_ - 1] in _MEASURE_NAME_ENDS for _, e_ in parts[:-1])  # 地区生产总值: a name of its own
        h = k if whole else next((k - len(w) for w in SHARE_OWNER_HEADS if text.endswith(w, last_s + 2, k)), k)
        return [shared + ((s_, e_), (h, last_e)) for s_, e_ in parts[:-1]] + [shared + (parts[-1],)]
    k = text.find("级", last_s + 1, last_e - 1)
    if k > 0 and all(text[e_ - 1] == "级" for _, e_ in parts[:-1]):  # 国家级、部级创新平台: grades before one head
        return [shared + ((s_, e_), (k + 1, last_e)) for s_, e_ in parts[:-1]] + [shared + (parts[-1],)]
    common = _common_suffix([text[s:e] for s, e in parts[:-1]])
    for size in range(len(common), 1, -1):  # the items' common ending marks where the shared head starts
        j = text.find(common[-size:], last_s + 1, last_e)
        # two items of one ending (基础养老金最低标准、…财政补助标准) stand alone
        if j >= 0 and (n >= 3 or j + size < last_e or min(lengths) >= 4):
            tail = (j + size, last_e)
            heads = parts[:-1] + [(last_s, tail[0])]
            return [shared + ((s, e),) + ((tail,) if tail[1] > tail[0] else ()) for s, e in heads]
    if lengths[0] >= 6 and all(n_ <= 4 for n_ in lengths[1:]) and all(text[e - 1] == text[first_e - 1]
                                                                      for _, e in parts[1:]):
        # 规模以上工业总产值、增加值: the owner ends before the head (and its 总)
        cut = first_e - 3 if text[first_e - 3] == "总" and not any(text[s] == "总" for s, _ in parts[1:]) else first_e - 2
        return [shared + (parts[0],)] + [shared + ((first_s, cut), (s, e)) for s, e in parts[1:]]
    # 地区生产总值、财政总收入、地方一般公共预算收入: full names of measures stand alone
    if min(lengths) >= 4 and all(text[e - 1] in _MEASURE_NAME_ENDS for _, e in parts) or min(lengths) >= 3 and (max(lengths) - min(lengths) <= 2 or lengths[0] > lengths[-1]):
        return [shared + (p,) for p in parts]
    own = next((w for w in LIST_HEAD_NOUNS if text.endswith(w, first_s, first_e)), None)
    if own and first_e - len(own) > first_s and all(text[s_:e_] in LIST_HEAD_NOUNS for s_, e_ in parts[1:]):
        owner = (first_s, first_e - len(own))  # 省属企业营业收入、利润: the owner of the first measure owns the rest
        return [shared + (parts[0],)] + [shared + (owner, p) for p in parts[1:]]
    noun = _list_head(text, last_s, last_e, parts[:-1])
    if noun is not None and min(lengths[:-1]) >= 2:  # 黄金、白银、精炼铜、镍产量: whole words before a head noun
        return [shared + ((s, e), (noun, last_e)) for s, e in parts[:-1]] + [shared + (parts[-1],)]
    return None


def _list_head(text: str, last_s: int, last_e: int, items: list[tuple[int, int]]) -> int | None:
    """Where the head noun the last item of a list ends with starts (产量, 产业增加值), or None.

    A word of trade before the noun (产业) is the head's too, unless an item
    ends with 业 already; the last item keeps at least one character of its own.
    """
    noun = next((w for w in LIST_HEAD_NOUNS if text.endswith(w, last_s, last_e)), None)
    if noun is None or any(text.endswith(noun, s, e) for s, e in items):
        return None
    start = last_e - len(noun)
    trade = next((w for w in LIST_HEAD_TRADES if text.endswith(w, last_s, start)), None)
    if trade and not any(text[e - 1] == "业" for _, e in items):
        start -= len(trade)
    return start if start > last_s else None


def _common_suffix(words: list[str]) -> str:
    out = words[0]
    for w in words[1:]:
        while out and not w.endswith(out):
            out = out[1:]
    return out


def plan_share(text: str, s: int, e: int) -> tuple[int, int] | None:
    """完成年度任务的 / 占年度计划 right before a percentage: the span of the plan noun."""
    m = _PLAN_SHARE_RE.search(text, max(s, e - 10), e)
    return m.span(1) if m else None
