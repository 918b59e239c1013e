"""Which quantities are not measures: names, slogans, ranks, thresholds, dates.

Each rule reads the words around a quantity (never a document's content):
a number inside a short quotation or a note marker is a name; one after 第
is an ordinal; one before 级/号/型 is a grade or a label; 年产N万吨 is the
capacity inside a project title; 3亿元以上项目4个 uses the first quantity only
to define the category that the second one counts.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from luoshi.data.quantities import (
    ATTENDANCE_WORDS,
    CAPACITY_PREFIXES,
    CAPACITY_VERBS,
    CATEGORY_HEADS,
    CHANGE_VERBS,
    CLASSIFIER_NOUNS,
    CLUSTER_HEADS,
    CLUSTER_VERBS,
    CN_COUNT_VERBS,
    COMPLETION_VERBS,
    DIMENSION_NOUNS,
    FIELD_SCOPES,
    HOSTING_VERBS,
    LEVEL_VERBS,
    MARK_WORDS,
    MEASURE_ACRONYMS,
    NAME_SUFFIXES,
    ORDINAL_PREFIXES,
    OUTLINE_NOUNS,
    OUTLINE_VERBS,
    POLICY_NOUNS,
    RANK_NOUNS,
    RANK_STEP_UNITS,
    RANK_STEP_VERBS,
    RANK_WORDS,
    RATE_NAME_ENDS,
    RATIO_INDICATOR_ENDS,
    ROAD_WORDS,
    ROUND_PREFIX_COMPARATORS,
    SCOPE_LEADS,
    SINCE_WORDS,
    SLOGAN_NOUNS,
    SPEED_PREFIXES,
    STEP_NOUNS,
    STREAK_LEADS,
    STREAK_SPANS,
    STRUCTURE_NOUNS,
    SUM_WORDS,
    TAX_NOUNS,
    THROUGHPUT_UNITS,
    TIME_LEAD_VERBS,
    TIME_LEAD_WORDS,
)
from luoshi.extract.alternation import word_pattern
from luoshi.extract.numbers import CN_CHARS
from luoshi.extract.quantities import Quantity

# Short quotations and brackets hold names (“百千万工程”, 《…31条》) and note markers (〔3〕).
_NAME_SPAN_RE = re.compile(
    r"“[^“”\n]{1,24}”|\"[^\"\n]{1,24}\"|《[^《》\n]{1,60}》|〔[^〔〕\n]{1,8}〕|﹝[^﹝﹞\n]{1,8}﹞"
    r"|\[[^\[\]\n]{1,4}\]|【[^【】\n]{1,8}】|「[^「」\n]{1,24}」|『[^『』\n]{1,24}』"
)
_POLICY_AFTER_RE = re.compile(
    r"(?:、[^,，。;；、]{0,16}?\d+条)*等?(?:" + "|".join(POLICY_NOUNS) + ")"
)
_POLICY_AT_RE = re.compile(word_pattern(POLICY_NOUNS))
_UNITLESS_INDICATOR_RE = re.compile(
    rf"(?:{word_pattern(RATIO_INDICATOR_ENDS)})(?:(?:由|从)[^,，。;；]*(?:{word_pattern(LEVEL_VERBS)})|由|从"
    rf"|(?:{word_pattern(LEVEL_VERBS)}))$"
)  # 收入比缩小至2.05, 收入比由2.5缩小到2.3 (both figures)
# A duration or an age is a measure only as a level reached or squeezed
# (优良天数达278天, 压缩至3个工作日, 人均预期寿命从74.9岁增长到78.3岁),
# never in 连续3年, 用3个月时间 or 60岁以上人群.
_TIME_LEAD_RE = re.compile(
    rf"(?:(?:{word_pattern(TIME_LEAD_VERBS)})(?:至|到|在)?|{word_pattern(TIME_LEAD_WORDS)})(?:平均)?$"
)
_CATEGORY_HEAD_RE = re.compile(rf"[^,，。;；、]{{0,8}}?(?:{word_pattern(CATEGORY_HEADS)})")
_CATEGORY_HEAD_AT_RE = re.compile(word_pattern(CATEGORY_HEADS))
_CLUSTER_HEAD_RE = re.compile(rf"\s*(?:{word_pattern(CLUSTER_HEADS)})")
_CLUSTER_VERB_RE = re.compile(rf"(?:{word_pattern(CLUSTER_VERBS)})$")
_CN_DIGIT_CHARS = set("一二两三四五六七八九")
_CN_NUMERAL_CHARS = frozenset(CN_CHARS)
_ROUND_LEADS = tuple(w for w, _ in ROUND_PREFIX_COMPARATORS)
# 十件民生实事中九件: a count of a part of counted things (N件…中M件)
_PARTITIVE_RE = re.compile(r"^(?:\d+|[一二两三四五六七八九十百千]+)[^\d,，。;；]{1,12}中$")
_COMPLETION_TAIL_RE = re.compile(rf"(?:{word_pattern(COMPLETION_VERBS)})[^,，。;；]{{0,4}}$")
# 年产碳酸钙粉20万吨和塑胶材料6.6万吨: capacities in a project title (not 年产值/年产量);
# 等 closes the titles, and the count after it (…花生油等100个重点项目) is a measure.
_CAPACITY_RE = re.compile(
    rf"(?:{word_pattern(CAPACITY_PREFIXES)})(?![值量能])[^,，。;；:：()“”等]{{0,14}}$"
)
_HAN_RE = re.compile(r"[\u4e00-\u9fff]")
_PEOPLE_RE = re.compile(r"[^\d\s,，。;；、]{0,4}人民")
_MANY_PART_RATIO_RE = re.compile(r"[:：∶]\d+(?:\.\d+)?[:：∶]\d")
_ATTENDANCE_RE = re.compile(word_pattern(ATTENDANCE_WORDS))
_CLAUSE_OPENERS = frozenset(",，;；。:：\n")


_ORDINAL_RE = re.compile(rf"(?:{word_pattern(ORDINAL_PREFIXES)})$")
_NAME_SUFFIX_RE = re.compile(word_pattern(NAME_SUFFIXES))
_HOSTING_RE = re.compile(rf"(?:{word_pattern(HOSTING_VERBS)})了?$")
_CAPACITY_VERB_RE = re.compile(rf"(?:{word_pattern(CAPACITY_VERBS)})$")
_SLOGAN_NOUN_RE = re.compile(word_pattern(SLOGAN_NOUNS))
_CN_COUNT_VERB_END_RE = re.compile(rf"(?:{word_pattern(CN_COUNT_VERBS)})$")
_CN_COUNT_VERB_START_RE = re.compile(word_pattern(CN_COUNT_VERBS))
_STRUCTURE_NOUN_RE = re.compile(word_pattern(STRUCTURE_NOUNS))


_STEP_RE = re.compile(rf"[^\d,，。;；、]{{0,5}}?(?:{word_pattern(STEP_NOUNS)})")
_ORDINAL_LASTS = frozenset(w[-1] for w in ORDINAL_PREFIXES) | {"\n"}  # ``$`` also matches before a final "\n"


def _after_ordinal(text: str, pos: int) -> bool:
    """第/前/No. right before ``pos``; one set lookup rejects most positions before the regex runs."""
    return pos > 0 and text[pos - 1] in _ORDINAL_LASTS and _ORDINAL_RE.search(text, max(0, pos - 3), pos) is not None


def _in_capacity_title(text: str, pos: int) -> bool:
    """年产…N万吨 before ``pos``; an ``in`` test of the window rejects most numbers before the regex runs."""
    start = max(0, pos - 16)
    window = text[start:pos]
    return any(map(window.__contains__, CAPACITY_PREFIXES)) and _CAPACITY_RE.search(text, start, pos) is not None


class NameSpans:
    """Spans of short quotations and brackets in a text, for fast lookup."""

    __slots__ = ("ends", "starts")

    def __init__(self, text: str) -> None:
        spans = [m.span() for m in _NAME_SPAN_RE.finditer(text)]
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]

    def covers(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, start) - 1
        return i >= 0 and self.ends[i] >= end


def is_name_or_label(text: str, q: Quantity, names: NameSpans) -> bool:
    """Numbers that belong to a name, slogan, ordinal, rank, grade or date."""
    ns, end = q.num_start, q.end
    prev = text[ns - 1] if ns else "\n"  # ("" is in every string: a text's edges are line breaks)
    nxt = text[end] if end < len(text) else "\n"
    if names.covers(ns, q.unit_end):
        return True
    if (_after_ordinal(text, ns) or q.pre_start < ns and _after_ordinal(text, q.pre_start)) \
            and not (q.unit_class == "measure" and text.endswith(ROAD_WORDS, max(0, q.pre_start - 3), q.pre_start)):
        return True  # (县道185.857公里 is a length: a road's number takes no unit of length)
    if prev in "+×*xX/-—·.#:：∶" or nxt in "+×*/" or text[q.unit_end:q.unit_end + 1] in ("+", "×", "*"):
        return True  # (the 1 of a ratio 2.3:1 is part of its notation)
    if nxt in ":：∶" and _MANY_PART_RATIO_RE.match(text, end):
        return True  # 三次产业结构比19.6∶40.9∶39.5: a structure of shares, no one figure
    if prev.isascii() and prev.isalpha() and not text.endswith(MEASURE_ACRONYMS, max(0, ns - 4), ns):
        return True  # G324, 5G; but GDP28.34亿元 is the measure's name and its figure
    if q.unit.endswith("人") and nxt == "民" or q.unit in ("万", "万人") and _PEOPLE_RE.match(text, end):
        return True  # 960万人民的期盼, 740多万本地人民: a people, not a count
    if q.unit == "个" and text.startswith(STREAK_SPANS, q.unit_end) and text.endswith(STREAK_LEADS, 0, q.pre_start):
        return True  # 连续16个季度高于全国平均水平: the length of a streak
    if q.unit == "届" and not _HOSTING_RE.search(text, max(0, q.pre_start - 3), q.pre_start):
        return True  # 十四届人大, 连续两届: a term or a streak; 举办两届 counts the editions held
    if prev == "每":
        return True  # 每10万人口…在校生: the base a rate is per, not a measure
    if q.unit == "个" and _STEP_RE.match(text, q.unit_end):
        return True  # 连跨3个千亿级台阶: thresholds crossed, a figure of speech
    if q.unit_class == "percent" and text.startswith(TAX_NOUNS, q.end):
        return True  # 企业和个人15%所得税优惠: the rate names a tax policy
    if q.unit == "人" and nxt == "制":
        return True  # 3人制篮球场: a format, not a count
    if q.unit_class == "measure" and text.endswith(SPEED_PREFIXES, max(0, q.pre_start - 4), q.pre_start):
        return True  # 时速350公里的高铁: the class of a line
    cls = q.unit_class
    # 300兆瓦级, 5号楼, 2型, 百强, 六个大…; but 12个大项目 counts big projects
    if (cls != "percent" and _NAME_SUFFIX_RE.match(text, q.unit_end)
            and not (text.startswith("大", q.unit_end) and (q.numeral == "arabic" or text.startswith(MARK_WORDS, q.unit_end)))
            and not (text.startswith("强", q.unit_end) and q.unit)):  # 500强 is a rank; 9轮强降雨 counts rains
        return True
    if cls == "voltage":
        return True
    if _in_capacity_title(text, ns):
        return True
    if cls == "measure" and text.endswith(SCOPE_LEADS, max(0, q.pre_start - 2), q.pre_start) \
            and _HAN_RE.match(nxt) and nxt not in "的以左和及与等":
        return True  # 长江沿线1公里化工腾退地块, 沿江1公里范围内: a band around a place
    if cls == "measure" and q.end == q.unit_end and text.startswith(DIMENSION_NOUNS, q.end):
        return True  # 4.5米水深航道, 110米口径射电望远镜: the spec of a thing named
    if (cls == "capacity" or cls == "measure" and q.unit.removesuffix("/年").endswith(THROUGHPUT_UNITS)) \
            and _HAN_RE.match(nxt) \
            and nxt not in "的以左和及与等" and not _CAPACITY_VERB_RE.search(text, max(0, q.pre_start - 5), q.pre_start):
        return True  # 星子风电场100兆瓦风力发电项目, 20万吨果蔬精深加工, 20亿立方米/年煤制气 (but 建成300兆瓦基地, and 改造8211万千瓦。)
    if q.unit.endswith("条") and (_POLICY_AFTER_RE.match(text, q.end) or prev == "”"):
        return True  # 民营经济31条、省30条政策; 落实“一次办妥”24条
    if cls == "time" and (q.pre_start == ns and not _TIME_LEAD_RE.search(text, max(0, ns - 6), ns)
                          or q.unit == "年" and 1900 <= q.value <= 2100
                          or _POLICY_AT_RE.match(text, q.end) or text.startswith(SINCE_WORDS, q.end)
                          or text.endswith("延长", 0, q.pre_start) and _HAN_RE.match(nxt) and nxt not in "以左的"
                          or q.unit == "年" and text.startswith(CHANGE_VERBS, q.end)):  # 近3年提升21个百分点: when
        return True  # 受教育年限达到11.3年 is a measure; 从2021年 is a date, 再延长30年政策 (…整省试点) a policy's name
    return cls == "classifier" and _STRUCTURE_NOUN_RE.match(text, q.unit_end) is not None


# (提出就业、收入等7项指标: the items the count sums may stand between)
_OUTLINE_VERB_RE = re.compile(rf"(?:{word_pattern(OUTLINE_VERBS)})了?(?:[^,，;；。\d]{{1,30}}等)?$")


def is_outline_count(text: str, q: Quantity) -> bool:
    """提出20项主要指标: a plan counting its own indicators lays out the text, it measures nothing."""
    return (q.unit_class == "classifier" and text.startswith(OUTLINE_NOUNS, q.end)
            and (_OUTLINE_VERB_RE.search(text, max(0, q.pre_start - 36), q.pre_start) is not None
                 or text.endswith("等", 0, q.pre_start)))  # 地区生产总值等6项指标不及预期: indicators named before


def is_unitless_level(text: str, q: Quantity) -> bool:
    """A number without unit is a measure only as a ratio level (城乡居民收入比缩小至2.05)."""
    if q.unit or q.fixed_unit:
        return True
    if q.numeral == "fraction":
        lead = text[max(0, q.pre_start - 3):q.pre_start]
        # 三分之二的县通了高速公路: a share of the things named after it
        return lead.endswith(("占", "的", "为", "达", "到", "至", "超")) or text.startswith("的", q.end)
    if q.numeral != "arabic":
        return False
    m = _UNITLESS_INDICATOR_RE.search(text, max(0, q.pre_start - 30), q.pre_start)
    if m is None:
        return False
    nxt = text[q.end:q.end + 1]  # a word after the number makes it a count, unless it is a base (由2.5缩小到)
    return not (nxt and _HAN_RE.match(nxt) and nxt not in "以左") or m.group().endswith(("由", "从"))


def is_attendance(text: str, q: Quantity, clause_start: int, clause_end: int) -> bool:
    """应到代表226人,实到代表206人: the roll of a session's deputies measures no work of the government."""
    if q.unit_class != "classifier" or not q.unit.endswith(("人", "名")):
        return False
    clause = text[clause_start:clause_end]
    return "代表" in clause and _ATTENDANCE_RE.search(clause) is not None


def chinese_numeral_ok(text: str, q: Quantity, clause_start: int, clause_end: int) -> bool:
    """A Chinese numeral is a measure only with strong context.

    Small Chinese counts are mostly slogans and structure (两个确立, 八个方面,
    电镀、制革两基地); a count is a measure when a verb builds or completes
    the things counted (新建两所幼儿园, 三个集聚区…建设基本完成).
    """
    if q.numeral != "chinese":
        return True
    run = text[q.num_start:q.num_end]
    if run == "翻":
        return True  # 实现翻番: a doubling says its count in the word
    has_digit = any(c in _CN_DIGIT_CHARS for c in run)
    has_comparator = q.pre_start < q.num_start or q.comparator != "="
    if not has_digit and not run.startswith("十"):
        # 超千亿元, 千亿以上 closing a clause; not 万人, 千家万户 nor 确诊患者超百例首个…
        # (投资近千亿元、全长1.3万公里: an item of a list ends there too)
        if has_comparator and (q.end >= clause_end or text[q.end] in "的、" or text.startswith(MARK_WORDS, q.end)):
            return True
        # 千余家企业, 上千家配套企业, 举办千场会议: a round count of things, with 余/多/上 or a verb that makes
        # them (but 千家万户, 百家争鸣 are sayings, and 超百例首个 ranks)
        return (q.unit_class == "classifier" and (q.end >= len(text) or text[q.end] not in _CN_NUMERAL_CHARS)
                and not text.startswith(CLASSIFIER_NOUNS, q.unit_end - 1)  # 过亿项目: a class of projects
                and (text[q.num_end] in "余多" or text.startswith(_ROUND_LEADS, q.pre_start, q.num_start)
                     or _CN_COUNT_VERB_END_RE.search(text, clause_start, q.pre_start) is not None))
    if q.unit_class in ("percent", "ratio", "money", "measure", "magnitude") and (q.value >= 10 or q.unit_start < q.unit_end and text[q.unit_start] in "万亿"):
        return True
    before = text[clause_start:q.pre_start]
    if _PARTITIVE_RE.search(before):
        return True  # 十件民生实事中九件全面完成: nine of the ten
    if _SLOGAN_NOUN_RE.match(text, q.unit_end):
        return False
    if q.value >= 10:
        return True
    if q.unit_class == "ratio":
        return True
    if before.endswith(("“", "”", "、", "等", "和", "与", "及")) and not before.endswith(("和", "及")):
        return False
    if _CN_COUNT_VERB_END_RE.search(before):
        return True
    if before.endswith(("和", "及")) and _CN_COUNT_VERB_START_RE.match(before.lstrip("“”")):
        return True
    item = before[before.rfind("、") + 1:]
    if (_CN_COUNT_VERB_START_RE.search(item) and "“" not in item and (q.end >= clause_end or text[q.end] == "、")
            and q.unit_class == "classifier"):
        return True  # 新建幼儿园三所、改扩建中小学五所: the thing built, then its count, ends the item
    return not before.strip() and _COMPLETION_TAIL_RE.search(text, q.end, clause_end) is not None


# A floor or ceiling then 的 and the kind of thing it admits: 20万人口以上的县 (the noun of the size between),
# or a first condition joined by 且 to the one that closes the definition.
_DEFINED_KIND_RE = re.compile(r"(?:[^\d,，。;；、]{1,4}|且[^,，。;；、]{1,16}?)(?:以上|以下)的")
_SORTED_COUNT_RE = re.compile(r"的[^\d,，。;；、的]{1,6}?(?:达到|达)")
# 抓好1600个、年度投资6000亿元以上的重大项目: a sum of the things a count before it counts
_COUNTED_SUM_LEAD_RE = re.compile(rf"\d[个项家座所]、[^\d、,，。;；]{{0,6}}(?:{word_pattern(SUM_WORDS)})$")


def is_category_threshold(text: str, q: Quantity, nxt: Quantity | None, clause_end: int,
                          prev: Quantity | None = None) -> bool:
    """3亿元以上项目4个: the first quantity only defines what the second one counts."""
    if (q.unit_class == "classifier" and prev is not None and prev.end == q.pre_start and q.end > q.unit_end
            and q.end < len(text) and _HAN_RE.match(text[q.end])):
        return True  # 完成230个50户以上连片村寨…: a size right after a count sorts the things counted
    if q.unit_class not in ("money", "magnitude", "measure", "capacity"):
        return False
    if _DEFINED_KIND_RE.match(text, q.end):
        return True  # 覆盖20万人口以上的县, 销售额2万元以上且单量达1000单以上的经营主体: who qualifies
    lo = max(0, q.pre_start - 10)
    if "、" in text[lo:q.pre_start] and _COUNTED_SUM_LEAD_RE.search(text, lo, q.pre_start):
        return False
    # 年收入20万元以下“薄弱村”416个: a ceiling before the things it sorts is a threshold too
    ceiling = q.comparator == "<=" and q.end > q.unit_end and q.end < clause_end
    if q.comparator not in (">=", "range") and not ceiling and not text.startswith("级", q.end):
        # 100亿元产业项目: a sum right before the kind of thing it sizes is a label
        return q.unit_class in ("money", "magnitude") and _CATEGORY_HEAD_AT_RE.match(text, q.end) is not None
    if nxt is not None and nxt.num_start < clause_end and nxt.unit_class == "classifier":
        between = text[q.end:nxt.pre_start]
        if len(between) <= 10 and not re.search(r"[,，。;；、]|达|完成|实现|增长|投资|占", between):
            return True
        if _SORTED_COUNT_RE.fullmatch(between):
            return True  # 其中10万元以上的村达到236个: the floor names the things the count reaches
    if (nxt is not None and nxt.num_start < clause_end and nxt.unit_class in ("money", "magnitude")
            and q.end > q.unit_end and q.end < len(text) and _HAN_RE.match(text[q.end])
            and (q.num_start == 0 or text[q.num_start - 1] in _CLAUSE_OPENERS)):
        return True  # 500万元以上固定资产投资完成39亿元: a threshold opening the clause sorts what the sum is of
    return bool(_CATEGORY_HEAD_RE.match(text, q.end)) and not _is_cluster_size(text, q)


def _is_cluster_size(text: str, q: Quantity) -> bool:
    """新能源汽车及汽车零部件超200亿产业集群: the size a named cluster is to reach, not a category.

    A category threshold (超10亿元项目, 亿元以上企业) sorts many things by size;
    a cluster named by its industry right before 超/突破 is one thing, and the
    number is its target size. An enumeration ending in 等 (电子信息、建材等产值
    超500亿元产业集群) or a verb (打造超千亿产业集群) before it still defines a kind.
    """
    if q.pre_start == q.num_start or not _CLUSTER_HEAD_RE.match(text, q.end):
        return False
    lead = text[max(0, q.pre_start - 12):q.pre_start]
    lead = re.split(r"[,，。;；:：]", lead)[-1]
    return len(lead) >= 2 and bool(_HAN_RE.match(lead[-1])) and "等" not in lead \
        and not _CLUSTER_VERB_RE.search(lead)


_RANK_RE = re.compile("|".join(RANK_WORDS))
_RANK_NOUN_RE = re.compile("|".join(RANK_NOUNS))
_RANK_STEP_VERB_RE = re.compile(rf"(?:{word_pattern(RANK_STEP_VERBS)})了?$")
_RANK_EDGE_RE = re.compile(r"[前后](?:\d+|[一二三四五六七八九十百]+)(?:位|名|强)")
_RANK_PLACE_RE = re.compile(rf"第(?:\d+|[一二三四五六七八九十]+)(?:{word_pattern(RANK_STEP_UNITS)})")


def is_rank_field(text: str, q: Quantity, clause_start: int, clause_end: int) -> bool:
    """在全国312个普通地级市…排名中位居第二位: the size of a ranking's field.

    Also the steps a rank moved (综合排名上升70位): a rank is no measure.
    """
    if q.unit_class in ("money", "magnitude"):
        # 在过5万亿的经济大省中增速第一: the size that sorts a ranking's field
        return text.find("在", clause_start, q.pre_start) >= 0 and _FIELD_RANK_RE.match(text, q.end, clause_end) is not None
    if q.unit_class != "classifier":
        return False
    if q.unit in RANK_STEP_UNITS and (_RANK_NOUN_RE.search(text, clause_start, q.pre_start)
                                      or _RANK_STEP_VERB_RE.search(text, max(clause_start, q.pre_start - 3), q.pre_start)):
        return True
    # 位列全国337个城市第17位: the place in the field follows the field (not after a list's 、:
    # 获得48枚金牌、位列全国第3 counts the medals, then ranks them)
    m = _RANK_RE.search(text, q.end, clause_end) or _RANK_PLACE_RE.search(text, q.end, clause_end)
    if m and "、" not in text[q.end:m.start()]:
        return True
    # 退出全国168个重点城市“后十位”: a field of all the country's places, then its top or bottom places
    return text.endswith(FIELD_SCOPES, 0, q.pre_start) and _RANK_EDGE_RE.search(text, q.end, clause_end) is not None


def is_scope_count(text: str, q: Quantity, nxt: Quantity | None, clause_end: int) -> bool:
    """在14个市州城区增补学位2万个: the places where, when a figure of what is done follows in the clause."""
    return (q.unit_class == "classifier" and text.endswith("在", 0, q.pre_start)
            and nxt is not None and nxt.num_start < clause_end)


_SUM_RE = re.compile(word_pattern(SUM_WORDS))
_FIELD_RANK_RE = re.compile(r"[^,，;；。]{0,10}中[^,，;；。]{0,6}(?:第[一二三四五六七八九十\d]|首位|前列)")


def is_member_threshold(text: str, q: Quantity, prev: Quantity | None, clause_start: int) -> bool:
    """40家企业主营业务收入超10亿元, 3家超50亿元: the size each thing counted passes, not a measure.

    A money floor after a count in the same clause sorts the things counted;
    the count is the measure. Words of a sum between them (21个项目总投资超
    100亿元) make the money their total, which is one.
    """
    if q.unit_class == "percent" and q.comparator == ">=" and prev is not None and prev.num_start >= clause_start \
            and prev.unit_class == "classifier":
        # 11个省份开工率超过95%: a rate floor after a count sorts the things counted, as a sum floor does
        between = text[prev.end:q.pre_start]
        return len(between) <= 12 and between.endswith(RATE_NAME_ENDS) and not re.search(r"[,，;；。、]", between)
    if q.unit_class not in ("money", "magnitude") or q.comparator != ">=":
        return False
    if prev is None or prev.num_start < clause_start:
        return False
    if prev.unit_class != "classifier" and not (prev.unit_class == "percent" and text.startswith("的", prev.end)):
        return False  # 20%的村集体年收入超30万元: the share is the measure, the floor sorts what it is a share of
    between = text[prev.end:q.pre_start]
    return len(between) <= 12 and not _SUM_RE.search(between) and not re.search(r"[,，;；。、]", between)
