"""Language data for finding the headline-targets block (主要预期目标).

A work report states the year's headline targets in one passage introduced
by a cue ("今年经济社会发展的主要预期目标是:"); a plan states its targets
in a 主要目标 section ("在“十四五”末实现以下主要目标:"). These regex
fragments are matched on the normalised text (Simplified, ASCII ``,;:()``,
Chinese ``。、“”—``).
"""
from __future__ import annotations

# --- the cue that opens a block ------------------------------------------------
# Each alternative ends where the list of targets begins.
_GOAL = r"(?:目标|指标)(?:和?任务)?"
_WHOSE = r"(?:(?:经济社会|经济)?发展|经济|奋斗)"
# 有 only before a colon: "主要预期目标有:" lists them, "主要预期目标有望实现" does not;
# 即 after a comma names them ("2018年的主要目标,即地区生产总值增长10%左右"), 即将, 即可 do not.
_SAY = r"(?:(?:初步)?(?:建议|安排|确定|设定|拟定|拟|定|预期|预计){0,2}(?:是|为|如下|包括|有(?=\s*:)|,?\s*即(?![将使便可刻时])))"
# A dash introduces the list as a colon does (news: "报告提出了今年发展的主要预期目标——地区生产总值增长7.5%,…"),
# and so does the closing bracket of a cue set off as a heading (【经济社会发展主要预期目标建议】).
_OPEN = r"(?::|——|—|】)"
BLOCK_CUES: tuple[str, ...] = (
    # a colon may follow the word for proposing or arranging them (…预期目标建议:, …主要指标安排:)
    rf"预期(?:性)?{_GOAL}(?:建议|安排)?{_SAY}?\s*{_OPEN}",
    rf"预期(?:性)?{_GOAL}(?:建议)?{_SAY}",
    # 主要(经济|经济社会)?发展目标, 主要经济目标, 主要奋斗目标: "街道确定的主要经济发展目标为:"
    rf"主要{_WHOSE}?{_GOAL}(?:建议)?{_SAY}\s*:?",
    rf"主要{_WHOSE}?{_GOAL}(?:建议|安排)?\s*{_OPEN}",
    # without 主要/预期: "今年全市经济社会发展的目标任务是:", "…发展的奋斗目标是:", "…的努力目标为:"
    *(rf"{economy}发展的?(?:奋斗|努力)?{_GOAL}{_SAY}\s*:?" for economy in ("经济社会", "国民经济和社会")),
    # set by a verb, with a comma: "全州划定发展预期目标,地区生产总值增长3%;…" (not "确定的预期目标,"
    # that refers to targets stated elsewhere)
    *(rf"{verb}了?(?:(?:今年|明年|全年|\d{{4}}年)?(?:全[省市区县州旗盟])?(?:经济社会)?发展的?|今年|明年|全年|\d{{4}}年)?"
      r"(?:主要)?预期目标(?=,)" for verb in ("确定", "划定", "设定", "提出")),
    # one alternative per verb: when every cue starts with a plain character the
    # regex engine skips ahead to those characters instead of trying every position
    *(rf"{verb}(?:以下|如下|下列)(?:几项)?(?:主要)?(?:预期)?{_GOAL}\s*:?"
      for verb in ("实现", "完成", "确定", "提出", "努力实现")),
)
# A heading line that is itself the cue ("第二节 主要目标", "(二)今年主要预期
# 目标"); its block runs to the next heading.
HEADING_CUE = (
    r"(?:[■□◆◇▲△▶►★☆●]\s*)?"
    r"(?:第[一二三四五六七八九十]+[章节]|[一二三四五六七八九十]+、|\(?[一二三四五六七八九十]+\)|\d+[.、])?\s*"
    r"(?:“?十[一二三四五六七八九]五”?(?:时期|期间)?|\d{4}年|今年|明年|全年)?(?:的)?"
    r"(?:全[省市区县州]|我[省市区县州])?(?:国民经济和社会|经济社会)?(?:发展)?(?:的)?"
    r"主要(?:预期|发展)?(?:目标|指标)(?:任务)?"
)
# The start of a paragraph that opens a new section (the end of a heading-cued block).
HEADING_START = r"(?:第[一二三四五六七八九十百]+[章节篇部]|[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|专栏)"
HEADING_MAX_CHARS = 30
# Web copies set an emphasised cue on a line of its own inside its sentence
# ("今年经济社会发展的\n主要预期目标\n是:地区生产总值增长…"): the cue line is no heading
# when the line before it stops mid-sentence and the line after goes on with the
# cue's verb or colon.
SENTENCE_STOPS = "。!?:;！？：；"
CUE_CONTINUATION = r"[ \t]*(?:(?:是|为|如下)?[ \t]*[:：]|是)"
# A cue is strong when it names the whole economy or the year's expected
# targets; a bare 主要目标是 may open the goals of one field (乡村振兴的主要
# 目标是), so such blocks are used only when no strong block exists.
STRONG_CUE = r"预期|经济社会|国民经济|经济和社会|发展的?主要|全年|今年|明年|本年|\d{4}年|以下主要|十[一二三四五六七八九]五"
# A cue naming one field's goals ("今年全市乡村振兴的主要目标是", "大气污染
# 防治的主要目标是") is weak even in a dated section: when the cue's clause
# says "X的" before 主要/目标 (time and scope words left out), X must be
# words for the whole economy or the government's work.
CUE_SCOPE_WORDS = r"^(?:今年|明年|全年|本年|\d{4}年|年度|全[省市区县州旗盟]|我[省市区县州旗]|本[省市区县]|建议|综合考虑|确定|提出)+"
ECONOMY_SUBJECT = (
    r"(?:(?:经济社会|国民经济和社会|经济和社会|社会经济|经济)(?:发展)?(?:工作)?|发展|政府工作|工作|主要经济指标|经济指标)"
    r"的?(?:主要)?$"
)

# A cue right after one indicator's name ("经济增长预期目标定为6%左右,主要考虑了…") states or
# explains that indicator's target alone: its block is weak, used only when no block lists
# the targets.
ONE_INDICATOR_LEAD = r"(?:增长|增速|涨幅|失业率|收入|投资|总值|总额|GDP|强度|能耗)的?$"

# --- what ends a block -----------------------------------------------------------
# A sentence that opens with (or holds) one of these words talks *about* the
# targets (以上目标…, 这些指标的设定…, 围绕实现上述目标…) or turns to the
# work programme (我们将…, 重点抓好…): the block ends before it.
BLOCK_CLOSERS = (
    r"上述|以上(?:目标|指标)|这些(?:目标|指标)|该目标|此目标|围绕|为此|为实现|为了实现"
    r"|(?:实现|完成|达成|确保)(?:上述|以上|这些)"
    r"|做好今年|做好全年|做好明年|我们|必须|重点抓好|重点做好|着力做好|着力抓好|主要任务|工作任务"
    # the year's work announced (全年将加快推进重点项目建设9个): a programme, no longer targets
    r"|(?:全年|今年|明年|年内)?将(?:加快|着力|大力|重点|全力|继续|深入|扎实|积极)"
)
# A paragraph that refers back to targets already stated (提出上述预期目标,
# 这些指标的设定) explains them; a cue later in it ("经济增长预期目标为5%左
# 右,考虑了…") opens no block.
EXPLAINED_TARGETS = r"(?:上述|以上|这些|该)(?:预期|主要)?(?:目标|指标)"
# Paragraphs of a list that follows a cue ending with a colon (dashes may be
# box-drawing ── in texts from Traditional-script sources). Numbered
# heading labels (一、 (一) 1.) are left out: they open the next section as
# often as a list item; a list under them is found through the Structure.
LIST_ITEM_START = r"(?:——|—|─+|-|·|•|[●■□◆◇▲△▶►★☆]|[一二三四五六七八九十]+是|[①-⑳])"
# The first paragraph after the cue always belongs to the list; a later short
# paragraph continues it when it holds a number ("固定资产投资增长8%;" on a
# line of its own) or ends like a list clause (a target without a number,
# "居民收入增长与经济增长基本同步;", between two with numbers).
LIST_ITEM_MAX_CHARS = 80
LIST_CLAUSE_END = r"[,;、]\s*$"
# A numbered paragraph is a list item, not the next heading, when it is short,
# holds a number and ends like a clause ("(二)规模以上工业增加值增长8%;"):
# headings end without a mark.
NUMBERED_ITEM_END = r"[,;。]\s*$"
# ... but only in a numbered list: after items marked otherwise (——地区生产总值增长6%) a
# numbered paragraph opens the work programme ("(一)推动“1+3”产业发展。"). The numbered
# labels besides the heading ones (HEADING_START): 1. 2、 (3).
NUMBERED_LABEL = r"[(（]?\d{1,2}[)）]|\d{1,2}[.、．](?!\d)"
# The label that opens a list item (——, (一), 一是, 1.) is not part of the
# indicator's name: "——地区生产总值" names 地区生产总值. Any list item's start,
# and the numbered labels too; matched on the written form too, hence the
# full-width brackets.
ITEM_LABEL = (
    rf"^\s*(?:{LIST_ITEM_START}|[(（]?[一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、"
    r"|[(（]?\d{1,2}[)）]|\d{1,2}[.、．](?!\d))\s*"
)
# A sentence naming a target year ("展望2035年,…", "到2030年…") that is not
# the block's own year states another horizon's target (a base year, 比2020年,
# is not a target year).
TARGET_YEAR = r"(?:到|至|于|展望|力争到|争取到)(20\d\d)年|(20\d\d)年(?:底|末|前)"

# --- horizon: the coming year or several years -----------------------------------
# In a work report only the coming year's block counts (a new government's
# report may also state five-year goals: "全区国民经济和社会发展的主要指标确定
# 为:地区生产总值年均增长9%以上,届末总量突破500亿元").
_PLAN_NAME = r"十[一二三四五六七八九]五”?"
# The plan as a span of time (到“十四五”末, “十四五”期间, “十四五”时期).
_PLAN_SPAN = rf"{_PLAN_NAME}(?:末|期末|期间|时期)"
# A lead naming the plan's span or its goals ("“十四五”发展的主要目标是") is
# multi-year; one naming the plan only ("2024年是实施“十四五”规划的关键一
# 年,…主要预期目标是") is not.
MULTI_YEAR_WORDS = (
    rf"年均|届末|期末|五年|今后几年|未来几年|{_PLAN_SPAN}"
    rf"|{_PLAN_NAME}的?(?:经济社会|国民经济和社会)?(?:发展)?的?(?:主要|奋斗)?(?:目标|指标)"
    r"|远景|\d{4}\s*[-—~至到]\s*\d{4}年"
)
# An item stating a multi-year target (地区生产总值年均增长9%, 届末总量突破500亿元).
MULTI_YEAR_ITEM = r"年均|届末|期末|到20\d\d年"
ANNUAL_WORDS = r"今年|明年|本年|全年|年度"
# In a work report the coming year's targets are "预期目标": a cue saying 预期 is the year's list even under
# a heading that names the five-year plan too ("二、“十五五”时期目标任务和2026年工作安排"), unless
# its own words name the plan's span (今后五年的主要预期目标).
ANNUAL_CUE_WORD = "预期"
# Words that, anywhere in a block, mark a plan period's goals: the plan
# named as a span of time (到“十四五”末, “十四五”期间). An annual list may name
# the plan itself (完成“十四五”规划目标任务, 为“十五五”开好局): that is not one.
PLAN_WORDS = rf"{_PLAN_SPAN}|今后五年|未来五年|远景|展望\d{{4}}年"
# Title words telling a plan from a work report when the metadata has no type.
PLAN_TITLE_WORD = "规划"
REPORT_TITLE_WORD = "工作报告"
# Five-year plan names → their end year.
PLAN_END_YEARS: dict[str, int] = {
    "十一五": 2010, "十二五": 2015, "十三五": 2020, "十四五": 2025, "十五五": 2030, "十六五": 2035,
}

# Sections whose role means a cue inside them cannot open a headline block.
NON_TARGET_ROLES = frozenset({"chrome", "notes", "glossary"})
# In a review section a cue counts only without these (去年的主要预期目标是…).
PAST_WORDS = r"去年|上年|前年|过去|上一年|年初确定|年初提出|确定的"
# Of those, the words naming last year or its plan make a cue look back
# wherever it stands (过去一年,全市主要预期目标为…), unless the coming year
# is named beside them ("在去年的基础上,今年的主要预期目标是…"); a
# comparison (比上年增长5.2%) does not look back.
LAST_YEAR_WORDS = r"(?<![比较同])(?:去年|上年|前年|上一年)|过去一年|年初确定|年初提出"
COMING_YEAR_WORDS = r"今年|明年|本年"

# "A和B分别控制在X和Y": one measure per number, each may carry the joined names.
LIST_JOINERS: tuple[str, ...] = ("以及", "和", "、", "及", "与")
RESPECTIVELY = "分别"
# "A和B均增长8%": one number for every listed name, one row each.
SHARED_VALUE = r"\s*(?:均|都)"
# 分别 before a single number gives it to every listed name too ("重大基础设施投资、民间投资
# 分别增长10%"), unless a second number follows in a list ("分别增长7%、8%": one each).
RESPECTIVELY_ONE = r"\s*分别"
NEXT_IN_LIST = r"\s*(?:以上|左右|以内|以下)?\s*(?:、|和|与|及|,)\s*[\d.]"
# Words a measure's indicator may keep that are not part of the name: a
# time scope or an adverb between the name and its verb (城镇调查失业率全年
# 控制在…, 粮食产量继续保持…), or the word target itself (经济增长预期目标为
# 5%左右). Read off the end before the canonical lookup.
NAME_TRAILING_WORDS = r"(?:全年|年内|继续|持续|进一步|力争|努力|争取|(?:预期)?目标(?:[设确拟]?定)?)+$"
# Wording variants the canonical table does not know, rewritten before the
# lookup: a statistical scope written before the name (区属地区生产总值,
# 规模以上固定资产投资 — 500万元以上项目, the usual caliber), 城/乡 shortened
# in a shared list (城、乡居民人均可支配收入 → 城居民…, 乡居民…), the
# farmers and herders of pastoral regions (农牧民人均纯收入), and a
# breakdown's bare 城镇居民/农村居民 (the unit decides it is about income).
NAME_VARIANTS: tuple[tuple[str, str], ...] = (
    (r"^[省市区县州旗]属(?=.)", ""),
    (r"^规模以上(?=(?:全社会)?固定资产投资)", ""),
    (r"^城(?=(?:常住)?居民)", "城镇"),
    (r"^乡(?=(?:常住)?居民)", "农村"),
    (r"^农牧民", "农民"),
    # a growth rate "arranged" as the target (地区生产总值按增长5%安排): the frame's words
    # are left around the name once the figure is taken out
    (r"按(?:照)?安排$", ""),
    # the old name (before 2015) of the general public budget: 公共财政预算收入,
    # often shortened to 公共财政收入
    (r"公共财政收入$", "公共财政预算收入"),
    # the same budget with its words in another order (一般财政预算收入)
    (r"一般财政预算收入$", "一般预算收入"),
    # "居民人均可支配收入增长6%,其中城镇、农村居民分别增长5.5%、7%": the
    # breakdown leaves out the income words its sentence has just written
    (r"^((?:城镇|农村)(?:常住)?居民)$", r"\1人均可支配收入"),
    # the research and development spending's share (of GDP, left unsaid): R&D占比, 研发投入占比
    (r"^((?:全社会)?(?:R&D|研发|研究与试验发展)(?:经费)?(?:投入|支出)?)占比$", r"\1强度"),
)
# A word that introduces the list may stay before the first name ("主要目标,即地区生产总值增长10%"),
# and so may 预期 where each target is stated as expected ("预期城镇新增就业3万人以上"; not the
# 预期 of 预期寿命): read off the start of the name.
NAME_LEADING_WORDS = r"^(?:即|也就是|预期(?!寿命))(?=.)"
# A bracketed Latin gloss follows the word it explains: an abbreviation (生产总值(GDP),
# 研究与试验发展(R&D)经费投入强度) or, in texts from some web converters, a syllable's
# pinyin (全社會(huì)固定資產投資); the name maps without it.
NAME_GLOSS = r"[(（][A-Za-z&āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü ]+[)）]"
# A list item ending like this already names a whole indicator
# (城镇调查失业率和城镇登记失业率); otherwise the items share the last one's
# tail (高新技术产业、战略性新兴产业占规模以上工业增加值比重), cut at 占
# when there is one.
COMPLETE_NAME_ENDINGS: tuple[str, ...] = (
    "率", "额", "值", "量", "收入", "数", "比重", "比例", "强度", "产量", "就业", "价格", "涨幅", "指数", "投资",
)
SHARE_WORD = "占"
# A compound naming two indicators at once, shared out over "分别X和Y":
# 城乡居民人均可支配收入分别增长6%和7.5% → 城镇居民… 6%, 农村居民… 7.5%.
PAIRED_PREFIXES: dict[str, tuple[str, str]] = {"城乡": ("城镇", "农村")}
