"""Language data for document structure: heading patterns and role cues.

All patterns run on the normalised text (``luoshi.normalise``): Simplified,
ASCII ``( ) : , ; ! ?``, no spaces between Chinese characters.
"""
from __future__ import annotations

CN_NUMERAL = "一二三四五六七八九十百零〇两"
CN_DIGIT_VALUES = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_MULTIPLIERS = {"十": 10, "百": 100}
_CN = f"[{CN_NUMERAL}]{{1,4}}"

# --- numbered headings -----------------------------------------------------
# (kind, pattern matched at a line start). The order is the usual nesting
# order, outermost first: 第一篇 > 第一章 > 第一节 > 一、 > (一) > 1. > (1) > ①.
# A document's levels come from the kinds it actually uses (see
# ``luoshi.structure.headings``), so a report whose top level is 一、 gets
# level 1 for 一、 just as a plan gets level 1 for 第一章.
NUMBERED_KINDS: tuple[tuple[str, str], ...] = (
    ("part", rf"第(?P<n>{_CN})(?:篇|部分)"),
    ("chapter", rf"第(?P<n>{_CN})章"),
    ("section", rf"第(?P<n>{_CN})节"),
    ("cn", rf"(?P<n>{_CN})[、.](?![{CN_NUMERAL}])"),  # not 二、三产业
    ("cn_paren", rf"\((?P<n>{_CN})\)"),
    ("num", r"(?P<n>\d{1,2})(?:[、]|\.(?!\d))"),
    ("num_paren", r"\((?P<n>\d{1,2})\)"),
    ("circled", r"(?P<n>[①-⑳])"),
)
# Kinds written as 第X章: they never carry a first sentence of body text, and a
# PDF line break may leave one glued after the previous paragraph's 。.
CHAPTER_KINDS = frozenset({"part", "chapter", "section"})
# Kinds that are list items as often as headings: accepted only on a short
# line of their own, or glued to body text after a short first sentence.
LIST_KINDS = frozenset({"num", "num_paren", "circled"})

# 第 before a numeral makes it an ordinal (第 二、第三产业 where a wrapped line left a blank), never a label.
ORDINAL_PREFIX = "第"
# Boxes (专栏1 重大项目, 专栏:…) and appendices (附件一:…, 附件, 附录2).
BOX = rf"专栏(?P<n>\d{{1,2}}|{_CN})?"
ANNEX = rf"(?:附件|附录)(?P<n>\d{{1,2}}|{_CN})?"

# --- lengths -----------------------------------------------------------------
MAX_HEADING = 60  # characters of a heading on its own line (label included)
MAX_LIST_HEADING = 30  # the same for list kinds (1. / (1) / ①)
GLUED_WINDOW = 60  # a glued heading ends within this many characters of its label
WRAP_MIN = 15  # a heading line this long without final punctuation may wrap …
WRAP_MAX = 24  # … onto a next line at most this long (and no longer than itself)
# … that states no figure but a year (a digest's heading over its first item: 研发经费投入年均增长8%以上)
WRAP_FIGURE = r"(?<![\d.])\d+(?:\.\d+)?(?![\d.年])"

# --- unnumbered headings (a short line of their own) --------------------------
# Part headings group numbered sections: "2022年工作回顾" holds 一、…八、.
# They are accepted when the line ends with one of these words.
PART_HEADING_ENDINGS = (
    "工作回顾", "回顾", "主要成就", "工作总结", "工作安排", "重点工作", "工作任务", "重点任务",
    "主要任务", "目标任务", "奋斗目标", "主要目标", "总体要求", "目标要求", "工作部署", "主要工作",
    "成就", "成绩单", "预期目标", "主要指标", "目标指标",
    # year-end and mid-year reports: 2023年工作总结 … 2024年工作计划, 上半年工作情况 … 下半年工作打算; the
    # time or subject comes first (a bare 完成情况 line is a table's column head), and a line joining two parts
    # (2023年工作总结和2024年工作计划) is the document's title
    "^[^和及暨与]{2,}(?:工作计划|工作打算|工作思路|工作谋划|工作情况|完成情况|执行情况|推进情况)",
)
# A part heading may end with a colon when the list it announces follows on the next lines ("2020年成就:").
PART_HEADING_COLON = ":"
MAX_PART_HEADING = 24
# Bullets start list items: a line starting with one never continues the heading above it.
BULLETS = ("●", "■", "◆", "◇", "•", "▪", "▶", "►", "★", "☆", "○", "□", "√", "※")
# Headings that stand beside the numbered chapters: 前言, 附件, 名词解释.
STANDALONE_HEADINGS = (
    "前言", "序言", "引言", "导言", "结束语", "结语", "后记", "附件", "附录",
    "名词解释", "名词注释", "术语解释", "注释", "附注",
)

# --- glued headings -------------------------------------------------------------
# "一、2020年工作回顾及“十三五”主要成就刚刚过去的一年,…": a top heading runs
# into its first sentence with no punctuation. It ends after the last of
# these words before the first punctuation mark (preferring one followed by
# a sentence opener), or else at the first 。/!/? (within GLUED_WINDOW). A
# short 一、 line is cut too when a sentence opener follows such a word:
# "三、2023年重点工作安排|围绕实现今年经济社会发展目标,重点做好以下工作:".
HEADING_FINAL_WORDS = (
    "回顾", "成就", "安排", "工作", "目标", "任务", "要求", "建设", "举措", "部署", "展望", "思路",
)
# Final words that, opening a title, take a year as their object (回顾2030年,我们… / 展望2031年,…): the year
# is no sentence opener after them.
YEAR_TAKING_WORDS = ("回顾", "展望")
SENTENCE_OPENERS = (
    r"\d{4}年[,是]", r"[二〇零一三四五六七八九]{4}年[,是]", "今年", "刚刚过去", "过去的一年", "过去一年", "过去的五年",
    "过去五年", "一年来", "五年来", "根据", "围绕", "面对", "当前", "新的一年", "我们", "党的",
    "按照", "综合", "奋进",
)

# --- roles ------------------------------------------------------------------------
# A heading's title decides its role when it contains one of these cues (the
# one that starts first wins; entries are regular expressions); otherwise it
# inherits its parent's role (top-level sections: the previous
# top-level section's review/plan role).
ROLE_CUES: dict[str, tuple[str, ...]] = {
    "glossary": ("名词解释", "名词注释", "术语解释", "名词说明"),
    "notes": ("注释", "附注"),
    "front": ("前言", "序言", "引言", "导言"),
    "review": (
        "回顾", "过去一年", "过去五年", "一年来", "五年来", "主要成就", "重大成就", "发展成就", "工作总结",
        "取得的成绩", "成绩与", "成绩单", "来之不易", "(?:主要|取得的)成效",
        # a chapter named for the ground it stands on (发展基础, “十三五”发展背景), not a task to build it (夯实发展基础)
        "(?:^|(?<=[”的期]))发展(?:基础|背景|环境|现状|形势)", "面临的(?:形势|环境)",
        "显著成就", "取得的成就", "历史性成就", "决定性成就",
    ),
    "plan": (
        "工作安排", "奋斗目标", "重点工作", "重点任务", "工作任务", "主要任务", "目标任务", "总体要求",
        "目标要求", "今年工作", "发展目标", "指导思想", "工作部署", "今后五年", "总体思路", "战略部署",
        "规划实施", "政策取向", "工作建议", "主要工作(?!回顾|总结)", "展望",
        # a plan report's second part (2025年计划草案) and a year-end report's (2025年工作计划, 下半年工作打算)
        "计划草案", "工作计划(?!执行|完成|落实)", "工作打算", "工作思路", "工作谋划",
        # a summary's closing part: 下一步工作, 下步工作举措, 下半年工作重点, 2031年工作要点, 发展思路和主要举措
        "下一?步", "工作重点$", "工作要点", "发展思路", "重大任务", "主要目标(?![^,]*(?:完成|实现))",
        # the thinking behind a plan (“十五五”时期发展的主要考虑, 明年工作的总体考虑)
        "(?:主要|总体|基本|初步)考虑$",
    ),
}
# A title whose head noun is the progress made (2030年计划执行情况, 重点任务推进情况) gets no role from its task or
# plan words: it stays open, and extraction reads it as a review (``luoshi.extract.roles``) while a targets
# statement in it (年初确定的主要预期目标是:…) still names targets.
PROGRESS_TITLE = r"(?:执行|完成|推进|落实|进展|工作|发展|运行)情况$"
# A title of clauses (紧盯目标任务,经济运行稳中向好) is a slogan: a part name (今后五年工作建议) has none. A
# sub-section's slogan that holds a cue word of the other part does not turn it from its part.
SLOGAN_TITLE = r"[,;]"
# In a text whose parts are only heading lines, a paragraph that opens on a lead-in ending in a colon
# (今年工作的总体要求是:…, 重点抓好以下几个方面工作:) ends the part a review line (一年来,我们主要做了以下工作:)
# began, unless it recalls an earlier plan (年初确定的主要目标是:).
PLAN_LEAD_INS = ("总体要求", "预期目标", "主要目标", "奋斗目标", "重点抓好", "重点做好", "着力抓好", "着力做好",
                 "抓好以下", "做好以下")
PAST_PLAN_WORDS = ("确定的", "提出的", "去年", "上年", "年初")
MAX_LEAD_IN = 40  # characters before the colon
# A top-level heading without a cue ("二、解放思想，开创…新局面") is read from the first words of its
# first sentence: a review opens on the past ("过去一年，…", "五年来，…"), a plan on what is to come
# ("今后五年，…", "今年是…", "新的一年，…"). Regular expressions matched at the sentence start.
OPENING_CUES: dict[str, tuple[str, ...]] = {
    "review": ("过去的?一年", "过去的?五年", "一年来", "五年来", "刚刚过去的", "回顾"),
    "plan": ("今后(?:五年|一个时期|一段时期|年)?", "今年(?!以来)", "新的一年", "未来五年", "展望"),
}
# Under a part whose title names its review then its plan (“十四五”发展成就和“十五五”主要目标任务), the lead
# text turns to the plan at the first paragraph after its first that opens like a plan (OPENING_CUES) or
# names the plan document or its goals with one of these, and names no review cue.
PLAN_TURN_WORDS = ("今后五年", "未来五年", "规划纲要", "规划建议", "总体要求", "主要预期目标", "工作安排", "奋斗目标")
OPENING_WINDOW = 40  # the cue starts within this many characters of the heading's end (after blanks)
# A document that names itself a summary or a debrief (上半年工作总结, 镇长述职报告) looks back: its
# top-level sections without a cue are review. A line that also announces plans (…总结暨下半年工作安排) does not count.
RETROSPECTIVE_TITLE = r"^[^\n]{0,40}?(?:工作总结|述职报告|述职述廉报告)(?![^\n]*(?:安排|计划|打算|思路|要点))"
# A title that names a target list (主要目标, 主要指标, 发展主要指标表) and
# nothing else (no 工作/任务/要求/和/及/与) is a targets section.
TARGET_TITLE = r"(?:主要|预期|发展|奋斗|规划)?(?:目标|指标)表?$"
TARGET_TITLE_EXCLUDES = r"工作|任务|要求|思路|和|及|与"
# In body text: "今年经济社会发展的主要预期目标是:生产总值增长8%左右,…。" — a
# target word, an optional copula, a colon.
TARGET_WORDS = ("主要预期目标", "预期目标", "主要目标", "主要经济指标", "主要指标", "发展目标")
TARGET_COPULA = r"(?:是|为|确定为|如下)?:"
# Lines that continue a target list whose cue ends its line.
LIST_ITEM = r"——|-|•|·|\d{1,2}[.、](?!\d)|\(\d{1,2}\)|[①-⑳]|[一二三四五六七八九十]+是"
# A web copy may break a heading's label right after its opening bracket ("（" on a line of its own, "三）…"
# on the next): a line that is only one of these (as folded: full-width "（" is "(") runs on into the next,
# when that one goes on with the rest of a label (LONE_OPENER_TAIL: a numeral and its closing bracket).
LONE_OPENERS = "(〔【"
LONE_OPENER_TAIL = r"[一二三四五六七八九十\d]{1,3}[)〕】]"
# Front matter (title, session line, 各位代表) marks a preamble as "front".
FRONT_CUES = (
    "政府工作报告", "规划纲要", "各位代表", "同志们", "会议上", "人民政府", "审议", "现在,我代表",
)

# --- glossary -----------------------------------------------------------------------
# Note markers as cited in the body and as labels of their definitions.
NOTE_MARK = r"〔(?P<n>\d{1,3})〕|\[(?P<b>\d{1,3})\]"
# A glossary entry: optional label, a term of at most MAX_TERM characters, a colon.
ENTRY_LABEL = r"(?:〔\d{1,3}〕|\[\d{1,3}\]|\d{1,3}[.、](?!\d)|\(\d{1,3}\))"
MAX_TERM = 40
