"""Language data for document metadata: who speaks, where, when, at which session.

All strings are Simplified and half-width: metadata is read from the
normalised text. The patterns are what Chinese local-government reports and
plans print on their title page (政府工作报告 / ——2023年2月22日在连州市第十六届
人民代表大会第三次会议上 / 市长 戴少枚), what a government web page or a
scraper prints above the body (名称：… 成文日期：… / 标题：… 年份：…), and the
keys a sidecar or a table column may use (the read stage turns a page's or a
scraper's labelled header lines into ``Source.meta`` keys too).
"""
from __future__ import annotations

# --- numerals in dates and ordinals ------------------------------------------
# Scanned documents and scrapers write the zero of 二〇一九 as a letter or a circle.
ZERO_LOOKALIKES = str.maketrans({"O": "〇", "o": "〇", "○": "〇", "Ｏ": "〇", "0": "〇"})
CN_NUMERAL = "〇零一二三四五六七八九十两"

# --- sessions of the people's congress -----------------------------------------
# 第十六届人民代表大会第三次会议 (full) and 九届人大一次会议 (short) name the same thing;
# 常务委员会 sessions are not where a work report or plan is delivered.
ORDINAL = rf"[{CN_NUMERAL}\d]{{1,4}}"
SESSION = (
    rf"第?(?P<term>{ORDINAL})届(?:人民代表大会|人大)(?!常)"
    rf"第?(?P<meeting>{ORDINAL})次(?:全体)?会议"
)

# --- speakers -----------------------------------------------------------------
# The head of the government who delivers the report, as printed under the title.
LEADER_TITLES = (
    "代理市长", "代市长", "市长", "代理区长", "代区长", "区长", "代理县长", "代县长", "县长",
    "代理省长", "代省长", "省长", "代理州长", "代州长", "州长", "代理旗长", "代旗长", "旗长",
    "盟长", "自治区主席", "代主席", "主席", "行政长官",
)
# A personal name: two to four Han characters, or a transcribed name with a middle dot.
PERSON_NAME = r"[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,6}·[\u4e00-\u9fff]{1,8}"

# --- Source.meta keys (sidecar .meta.json, table columns, HTML) ------------------
# Canonical field → the keys that may carry it. Canonical names first.
META_KEYS: dict[str, tuple[str, ...]] = {
    "title": ("title", "标题", "名称", "文件名称"),
    "region": ("region", "地区", "行政区", "region_name", "area"),
    "parent_region": ("parent_region", "上级地区", "parent"),
    "province": ("province", "省份", "省"),
    "level": ("level", "级别", "行政级别"),
    "division_code": ("division_code", "adcode", "行政区划代码", "区划代码"),
    "year": ("year", "年份", "年度"),
    "period": ("period", "规划期"),
    "doc_type": ("doc_type", "type", "类型", "文种"),
    "session": ("session", "会议"),
    "date": ("date", "日期", "成文日期"),
    "speaker": ("speaker", "报告人"),
}
LEVEL_WORDS: dict[str, str] = {
    "province": "province", "prefecture": "prefecture", "county": "county",
    "省级": "province", "省": "province", "地级": "prefecture", "市级": "prefecture", "地级市": "prefecture",
    "县级": "county", "县": "county", "区县": "county",
}

# --- region cues in running text --------------------------------------------------
# A government calls its own territory 全市/我市/本市, 全区, 全县 …; the character
# after 全/我/本 is the suffix of its own name (连州市 → 市, 江城区 → 区).
SELF_CUE = r"(?:全|我|本)(?P<suffix>省|市|区|县|州|旗|盟)"
# District names made only of direction and generic characters (城区, 郊区, 矿区,
# 市中区, 河东区 …) are common nouns in any text: never counted as a mention.
GENERIC_NAME_CHARS = frozenset("东南西北中上下前后内外新老古城郊矿区关桥路河市县")
# County short names that are ordinary nouns in government prose (港口 = ports,
# 公安 = police, 光明 = bright …); the division table flags the non-noun ones
# (振兴, 合作, 新兴 …) itself.
COMMON_WORD_SHORT_NAMES = frozenset({
    "港口", "公安", "光明", "和平", "共和", "新华", "东风", "先锋", "工农", "运河", "滨海", "温泉",
    "白云", "红旗", "向阳", "大兴", "安居", "无为", "台前", "丰满", "长安", "金山", "天山", "西湖",
    "南山", "东山", "青山", "钟山", "太平", "永安", "和顺", "江北", "江南", "大通", "太和", "永和",
    "新城", "龙华", "城关", "友谊", "民权", "博爱", "富民", "惠民", "爱民", "同心", "清水", "石门",
    "莲花", "芙蓉", "天涯", "海棠", "灯塔", "大观", "建华", "新民",
})
