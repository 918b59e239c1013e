"""Language data for quantities in Chinese government documents.

Everything the measure extractor knows about the *words* around a number
lives here as plain constants: numerals, units, comparator words, change
verbs, target/achievement cues and the contexts that make a number part of a
name rather than a measure. All strings are Simplified: extraction runs on the
normalised text (Simplified, half-width digits and ``%``).
"""
from __future__ import annotations

# --- numerals --------------------------------------------------------------

CN_DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}
CN_SMALL_UNITS: dict[str, int] = {"十": 10, "百": 100, "千": 1000}
CN_BIG_UNITS: dict[str, int] = {"万": 10_000, "亿": 100_000_000}

# --- units -----------------------------------------------------------------
# Units are grouped because the grammar around them differs: a classifier
# (个, 家) counts the noun that follows it (6个省级典型镇); a measure unit
# (亿元, 公里) closes a "indicator + number + unit" clause.

PERCENT_UNITS = ("个百分点", "百分点", "%", "‰")
MONEY_UNITS = ("亿美元", "万美元", "美元", "亿欧元", "欧元", "港元", "元",
               "兆元", "兆美元")  # 兆 before money is Taiwan's 万亿 (国内生产毛额达25.4兆元), never 兆瓦's mega
MEASURE_UNITS = (
    "平方公里", "平方千米", "平方米", "立方米", "立方",  # 立方: the spoken 立方米 (天然气产量420亿立方)
    "公里", "千米", "公顷", "亩次", "亩", "米", "厘米", "毫米",
    "吨标准煤", "吨", "公斤", "千克", "斤", "克", "毫克",  # 有机质27克/千克
    "万千瓦时", "千瓦时", "度电", "亿度", "万度",  # 输出345亿度 (a 度 is a kilowatt-hour)
    "标准箱", "标箱", "微克/立方米", "微克",
    "km", "KM", "MW", "GW", "kW", "TEU",
    "PFlops", "PFLOPS", "EFLOPS", "EFlops", "P",  # computing power: 算力规模达到11.4万P
    "kWh", "MWh", "GWh", "TWh",  # energy, as battery and power plants state it (产能达35GWh)
)
# Power units also name the class of a plant or line (星子风电场100兆瓦风力发电项目);
# they are measures only after a verb that builds or reaches them.
CAPACITY_UNITS = ("千瓦", "兆瓦", "吉瓦", "千伏安", "兆伏安", "MW", "GW", "kW", "kVA", "MVA")
# Weights and volumes that, written before a product or a plant, give its
# capacity as part of a project's name (20万吨果蔬精深加工项目).
THROUGHPUT_UNITS = ("吨", "立方米", "立方", "标箱", "标准箱", "千瓦时")
# Dimension nouns right after a length that make it the spec of a thing named
# (4.5米水深航道, 110米口径射电望远镜, 12.5米深水航道), not a length measured.
DIMENSION_NOUNS = ("水深", "深水", "口径", "跨径", "跨度", "直径")
# A voltage is always the class of a line or substation, never a measure.
VOLTAGE_UNITS = ("千伏", "伏", "kV", "KV")
CLASSIFIERS = (
    "人次", "户次", "场次", "剂次", "件次", "批次", "家", "所", "项", "条", "座", "处", "件", "宗",
    "笔",  # loans and deals: 排污权交易25笔
    "棵", "株", "场", "期", "台", "辆", "套", "间", "张", "栋", "剂", "头", "只", "羽",
    "名", "人", "户", "位", "支", "艘", "架", "对", "起", "枚", "块", "根", "盏",
    "金", "银", "铜",  # medals: 9金、5银、6铜 (not 5银行: the regex keeps banks out)
    "届",  # 举办两届博览会 counts editions held; else it is a term or an ordinal (十四届人大): see HOSTING_VERBS
    "篇", "部", "册", "份", "门", "种", "款", "例", "次", "眼", "孔", "片",
    "个", "列", "班", "尾", "棒", "箱", "段",  # 段: lengths of road or river, logs of a mushroom crop
    "口",  # 机井、塘坝、山坪塘 1400口 (the 人 of 人口 is kept out by the regex)
    "车次", "架次", "班次", "航次",  # trips: 开行量突破1.2万车次, 起降5万架次
    "万类", "组", "轮", "颗", "群",  # 归集数据21万类 (1类新药 is a class), 19组重组, 应对29轮强降雨, 卫星144颗, 长臂猿7群
)
# Denominators written after a unit belong to it: 1900元/月, 500元/亩.
# A density's area may carry a magnitude: 507公里/万平方公里, 5公里/百平方公里.
PER_UNITS = ("人", "月", "年", "吨", "亩", "平方公里", "万平方公里", "百平方公里", "平方米", "立方米", "公斤", "千克", "升", "天", "户",
             "小时", "千瓦时", "人次")
# Ratio-like units: 翻一番, 三成, 2倍.
RATIO_UNITS = ("倍", "番", "成")
# Units that measure time: a duration is a measure only when it is squeezed
# (审批时限压缩至3个工作日), never in 连续3年 or 两年时间.
TIME_UNITS = ("个工作日", "工作日", "个月", "天", "小时", "分钟", "岁", "年")

# Classifiers that never follow a Chinese numeral in a measure (一期 = phase).
CN_NUMERAL_BAD_UNITS = ("年", "期", "次", "种", "对", "门", "部", "班", "片", "列", "口",  # 三口之家, 一口价
                        "组", "轮", "批次")  # 三组, 新一轮, 第二批次

# --- comparator words ------------------------------------------------------
# Longest first; the regex alternations are built from these tuples.

PREFIX_COMPARATORS: tuple[tuple[str, str], ...] = (
    ("不低于", ">="), ("不少于", ">="), ("不小于", ">="), ("超过", ">="), ("突破", ">="),
    ("至少", ">="), ("多于", ">="), ("跨越", ">="), ("跨过", ">="), ("迈过", ">="), ("跨上", ">="), ("迈上", ">="), ("高于", ">="), ("大于", ">="), ("超", ">="), ("逾", ">="),
    ("不超过", "<="), ("不高于", "<="), ("不大于", "<="), ("低于", "<="), ("少于", "<="),
    ("小于", "<="),
    ("大约为", "~"), ("约为", "~"), ("约合", "~"), ("大约", "~"), ("接近", "~"), ("约", "~"), ("近", "~"),
)
# Before a bare round magnitude only (上千家, 上万人, 过万亿元): words that set a floor. Before digits they
# are ordinary words (基础上3个), so they are no PREFIX_COMPARATORS.
ROUND_PREFIX_COMPARATORS: tuple[tuple[str, str], ...] = (("上", ">="), ("过", ">="))
SUFFIX_COMPARATORS: tuple[tuple[str, str], ...] = (
    ("以上", ">="), ("之上", ">="), ("多", ">="), ("余", ">="),
    ("以内", "<="), ("之内", "<="), ("以下", "<="),
    ("左右", "~"), ("上下", "~"), ("前后", "~"),
)
# Words that end in a one-character comparator by accident (签约亿元以上项目).
PREFIX_COMPARATOR_FALSE_FRIENDS = (
    "签约", "节约", "制约", "公约", "条约", "契约", "预约", "协约", "集约", "邀约", "履约", "违约",
    "守约", "相约", "特约", "最近", "附近", "邻近", "就近", "亲近", "赶超", "高超",
)
# 控制在 X → at most X unless 左右 says otherwise.
CAP_VERBS = ("控制在", "控制到", "压缩在")
# Words that join the two ends of a range: 5—8%, 5%至8%.
RANGE_JOINERS = ("—", "–", "-", "~", "～", "至", "到")

# --- change -----------------------------------------------------------------
# A number after one of these is a change over time (增长6%), unless the verb
# is followed by 至/到/为 (提高到80% is a level).
CHANGE_VERBS = (
    "增长", "增加", "提高", "提升", "上升", "上涨", "增收", "增效", "扩大",
    "下降", "降低", "减少", "压减", "压缩", "缩减", "削减", "缩小", "收窄", "回落", "递减", "递增",
    "翻", "多增", "净增", "拉动", "增产", "减产", "回升", "压降", "精简", "降价",
    "年增",  # 年增2.16%: the year-on-year rise of news and of Taiwan's reports (年减 would split 上年减少)
)
# Nouns that are changes by nature (居民消费价格涨幅控制在3%以内, 压减率100%).
CHANGE_NOUNS = (
    "涨幅", "增幅", "增速", "降幅", "增长率", "压减率", "下降率", "降低率", "减幅", "价格增长", "价格上涨",
    "CPI",
    "成长率", "年增率",  # Taiwan's words for 增长率 (经济成长率, 消费者物价指数年增率)
    "价格指数", "物价指数",  # 居民消费价格指数控制在3.5%以内: a price index in % is its rise
)
# The change words of a decrease (下降5%, 压减10%, 降幅3%); any other change word
# (增长, 提高, 涨幅, 翻) is an increase. Measure.direction comes from the last
# change word before the number.
DECREASE_WORDS = (
    "下降", "降低", "减少", "压减", "压降", "压缩", "缩减", "削减", "缩小", "收窄", "回落", "递减", "下滑", "精简", "降价",
    "下跌", "降幅", "减幅", "下降率", "降低率", "压减率", "负增长", "减产",
)
# Verbs that turn a change verb into a level (提高到, 下降至).
LEVEL_PARTICLES = ("至", "到", "为")
# Qualifiers that sit between the indicator and the change verb.
CHANGE_QUALIFIERS = (
    "同比", "比上年", "较上年", "比去年", "年均", "年平均", "两年平均", "三年平均", "五年平均", "平均", "可比",
    "同口径", "累计", "分别", "均", "再", "各",
)
# Qualifiers of a bare rate of change after a figure (收入3.5亿元,自然增幅2%,
# 同口径增幅6.1%): the rate is of that figure.
RATE_QUALIFIERS = ("自然", "名义", "实际", "现价", "按可比价")
BARE_RATES = ("增幅", "增速", "涨幅", "降幅", "减幅", "增长率", "增长幅度")
# A gap to another place or to a benchmark is not a change over time, and it
# measures the indicator of the figure before it (增长6.3%,高于全省1.3个百分点).
# Of them, the comparisons that may set a figure against another group, not only a place (增幅高于城镇居民).
GROUP_GAP_WORDS = ("高于", "低于", "快于", "慢于")
GAP_WORDS = GROUP_GAP_WORDS + ("领先", "超出", "高出", "超过", "比全省高", "比全国高",
                               "差目标", "差预期")  # (差 alone starts 差异化)
# A ratio to a reference (是2017年的1.8倍) also measures the figure before it.
RATIO_REFERENCES = ("是", "相当于", "为")
# A year after these words is the base of a comparison (是2017年的1.8倍,
# 比2015年增长, 较2020年下降), not the period of the figures that follow.
BASE_YEAR_LEADS = ("是", "为", "相当于", "比", "较", "同", "与", "高于", "低于", "超过")
# What such a ratio or gap is measured against, besides a year (2017年, “十三五”).
REFERENCE_WORDS = ("上年", "去年", "同期", "全省", "全国", "全市", "全区", "全县", "预期目标", "预期", "目标")
# Qualifiers that make a change verb a change wherever it stands in the clause
# (年均压减“三公”经费6%).
PERIOD_CHANGE_QUALIFIERS = ("年均", "年平均", "同比", "比上年", "较上年")

# --- target / achievement cues ---------------------------------------------
TARGET_CUES = (
    "力争", "确保", "争取", "努力", "力求", "将", "要", "计划", "目标", "预期",
    "今年", "明年", "年内", "届末", "到20", "至20", "每年", "以上目标", "推动", "推进",
    "着力", "加快", "全力", "确定", "拟", "今后五年", "未来五年",
)
# Verbs of pushing work on that reviews use as much as plans (全面推进乡村振兴,新增…):
# they cue a sentence, not the paragraph around it.
WEAK_TARGET_CUES = ("推动", "推进", "着力", "加快", "全力")
ACHIEVEMENT_CUES = (
    "已", "了", "同比", "比上年", "较上年", "比去年", "累计", "共计", "年来", "以来",
    "过去", "去年", "上年", "荣获", "获评", "位居", "排名", "完成率", "实际", "全部完成",
    "基本完成", "顺利", "成功", "首次", "均达", "均完成", "建成投产", "分别完成",
    "超额完成", "创新高", "历史新高", "居全国", "居全省", "居全市",
    "初步统计", "初步核算", "据统计", "统计显示", "统计数据", "统计上报",  # statistics are of a year gone by
    "目前", "截至", "截止",  # how things stand now (目前,全县共开工建设农村公路89条)
    "工作回顾",  # a paragraph about the review (就2023年工作回顾,县长在报告中指出,…)
)
# Strong future cues that override a review section (rare; e.g. 下一步将…).
STRONG_TARGET_CUES = ("力争", "下一步", "今后", "明年", "今年计划")
# Cues that tell a review paragraph from a plan paragraph when a text has no
# headings to say so (luoshi.extract.roles.review_plan_split); only words
# that rarely appear on the other side.
PART_ACHIEVEMENT_CUES = (
    "同比", "比上年", "较上年", "累计", "已经", "了", "获评", "荣获", "获得", "成功", "顺利", "位居", "排名",
    "过去一年", "一年来", "五年来", "创新高", "历史新高", "初步统计", "初步核算", "据统计", "统计显示",
)
PART_TARGET_CUES = ("力争", "确保", "争取", "今年", "年内", "将", "要", "计划")
# Words that contain a cue word by accident (全力争取 holds 力争, 斗争取得 holds 争取);
# they are masked before cues are counted.
CUE_FALSE_FRIENDS = ("全力争取", "斗争取", "将军", "要素", "要求", "主要", "重要", "需要", "要务", "计划单列",
                     "纲要", "纪要", "摘要",  # a document's name (…规划纲要确定的目标), no "must"
                     "实际使用", "实际利用", "实际到位",  # 实际使用外资 names a measure, not a result
                     "行动计划", "三年计划", "五年计划",  # a programme's name (实施…三年行动计划), said of done work too
                     "计划的", "占计划", "年度计划投资",  # a share of the plan done (完成年度投资计划的23.7%, 完成年度计划投资130%)
                     "争取到位",  # funds obtained (争取到位各类资金16.99亿元), not sought
                     "目标的", "目标任务的",  # how a target went (完成目标任务的131%, 主要目标的完成)
                     "为目标", "这一目标",  # the aim work was done for (以改善生态为目标,完成…)
                     "从目前", "由目前", "从现在", "由现在")  # the base a plan starts from (CURRENT_WORDS)
# 预计 alone is no cue either way: reviews estimate the year just gone (预计完成地区生产总值60亿元)
# as often as plans project, and a projection says its time (到2030年, 明年, 今年), which is a cue.
# 初步预计 only ever reports a result: counted as an achievement cue.
ESTIMATE_CUES = ("初步预计",)
# Strong past cues that override a plan section (e.g. 去年完成…).
STRONG_ACHIEVEMENT_CUES = ("去年", "过去一年", "五年来", "一年来", "已经", "今年以来", "年初以来")

# Section titles (Simplified) that say what a section is about; used only when
# the structure stage gave no role.
# A report of how things stand (2023年计划执行情况, 主要目标完成情况, 2022年经济社会发展情况)
# reviews: its words are looked for before the plan words (计划, 目标) its title also holds.
REVIEW_TITLE_WORDS = ("回顾", "回头看", "过去", "成就", "成效", "成绩", "一年来", "五年来", "情况")
# Phrases that make a numbered line (一、过去五年工作回顾刚刚过去的…) a part heading
# even when the heading is glued to its first sentence.
PART_REVIEW_PHRASES = ("工作回顾", "过去五年", "过去一年", "五年来", "一年来")
PART_PLAN_PHRASES = ("工作安排", "总体要求", "主要目标", "奋斗目标", "今后五年", "未来五年", "工作任务", "重点工作")
NOTES_TITLE_WORDS = ("名词解释", "注释", "附件", "附注", "说明")
PLAN_TITLE_WORDS = ("安排", "任务", "目标", "计划", "打算", "建议", "今后", "未来", "展望", "重点工作", "怎么干")
# A short line that reports done work heads a review whatever else it names (news subheads: 牢牢守住了底线任务,
# 去年GDP增长4.9%; a digest's title: 各项目标任务高质量全面完成), unless it also looks ahead (PART_TARGET_CUES:
# 去年GDP增长4.9% 今年将…), when it heads neither.
DONE_LINE_WORDS = ("去年", "了", "全面完成", "圆满完成", "超额完成", "顺利完成", "如期完成")
DONE_LINE_FALSE_FRIENDS = ("为了", "除了", "了解", "了不起")

# --- words that frame a number but are not part of the indicator ------------
# Stripped from the start of the indicator (cue and light verbs, scope words).
INDICATOR_LEAD_WORDS = (
    "其中", "全年", "今年", "去年", "年内", "全市", "全区", "全县", "全省", "全镇", "全州", "全盟",
    "各县区", "各县", "各区", "各乡镇", "各地",
    "全旗", "全乡", "全村", "全国", "本年", "当年", "五年来", "一年来", "累计", "共计", "合计",
    "力争", "确保", "争取", "努力", "力求", "全力", "着力", "大力", "积极", "扎实", "加快",
    "推动", "推进", "持续", "继续", "进一步", "全面", "深入", "稳步", "突出抓好", "抓好",
    "实现", "完成", "达到", "预计", "要", "将", "已", "已经", "还将", "也将",
    "成功", "顺利", "全部", "与", "以及", "首次", "首度", "历史性", "一举", "形成", "打造", "加力",
    "超额完成", "超额",  # 超额完成12个百分点: by how much the plan was beaten, of the figure before
    "今后五年", "未来五年", "届末", "每年", "分别", "安排", "启动建设", "建设改造", "办好", "扎实办好",
    "坚决", "率先", "培育", "培育发展", "培育壮大", "争创", "统筹抓好", "统筹推进", "共有", "拥有", "现有",
    "近期", "中期", "远期", "规划近期", "规划中期", "规划远期",  # the stages of a plan are when, not what
)
# Whole-economy measures: a place, or a subject with 实现/完成, before one of
# them is who reports it, no word of it (四川实现地区生产总值, 某县规模以上工业
# 增加值); a product or a sector before it is (连州菜心, 海洋生产总值).
ECONOMY_NAMES = (
    "地区生产总值", "国内生产总值", "生产总值", "GDP", "一般公共预算收入", "财政总收入",
    "社会消费品零售总额", "固定资产投资", "规模以上工业增加值", "规上工业增加值", "进出口总额",
)
ECONOMY_DOER_VERBS = ("实现", "完成")  # 四川实现…: any of the names
# A bare place before the output of a whole economy (河北省地区生产总值); before the
# other names a zone is a part of the economy (产业集聚区固定资产投资), kept.
ECONOMY_PLACE_ENDS = ("省", "市", "县", "区", "州", "盟", "旗")
ECONOMY_OUTPUT_NAMES = ("地区生产总值", "国内生产总值", "生产总值", "GDP")
# Words holding 等 that is no list's end (中等收入群体比例, 高等教育毛入学率, 等级公路).
DENG_WORDS = ("中等", "同等", "高等", "初等", "平等", "对等", "上等", "优等", "等级", "等次", "等于")
# Cue verbs that, after 、, open a predicate of their own (实施…计划、确保入园率不低于90%).
CLAUSE_CUE_VERBS = ("确保", "力争", "争取", "努力实现", "实现", "完成")
# A clause opened by a preposition frames the indicator, which follows the
# frame's last target verb: 在“十四五”中前期实现地区生产总值超520亿元,
# 聚焦群众需求实施271个重点城建项目.
FRAME_PREPOSITIONS = ("为", "在", "于", "聚焦", "围绕")
FRAME_VERBS = ("实现", "确保", "力争", "争取", "实施")
# Verbs of building work that, after a place in such a frame, start the
# indicator themselves (在城南新建两所幼儿园 → 新建幼儿园).
FRAME_BUILD_VERBS = ("新建", "改扩建", "新改建", "扩建", "改造", "建成", "建设", "打造", "创建", "引进", "培育")
# Stripped from the end of the indicator (comparator and change words).
INDICATOR_TAIL_WORDS = (
    "分别", "均", "都", "各", "共", "合计", "累计", "总计", "达到", "达", "突破", "超过", "超",
    "不低于", "不少于", "不超过", "不高于", "低于", "高于", "至少", "约", "近", "接近", "逾",
    "控制在", "控制到", "稳定在", "保持在", "维持在", "发展在", "保持", "稳定", "提高到", "提高至", "提升到",
    "提升至", "增长到", "增长至", "增加到", "增加至", "下降到", "下降至", "降低到", "降低至",
    "降至", "升至", "缩小至", "缩小到", "扩大到", "扩大至", "为", "是", "在", "到", "至", "的",
    "同比", "比上年", "较上年", "年均", "年平均", "两年平均", "三年平均", "五年平均", "平均", "可比", "同口径", "再",
    "以上", "全部", "已", "预计", "首次", "再次", "一举", "争取", "力争", "确保", "努力",
    "逆势", "大幅", "快速", "较快", "稳步", "持续", "平稳", "平稳较快",  # how a figure moved (逆势增长5%)
    "连续", "双双",  # 收入连续跨越20亿元, 存贷款余额双双突破: how often or how many crossed, no word of what
    "每天", "每日", "每月", "每年", "每人", "每户",  # 检测能力达到每天19.7万人次: the rate's denominator, not its name
    "按可比口径", "可比口径", "按同口径", "按可比价格计算", "按可比价计算",
    "新增", "完成", "实现", "了", "有", "基本", "全面", "从", "由", "翻", "翻了", "、", ",", "和", "以及",
    "发展到", "发展至", "跨越", "迈上", "跃升至", "跃升到", "减至", "减到", "增至", "增到",
    "拓展至", "拓展到", "扩展至", "扩展到", "扩大至",
    # modal and manner words between a name and its figure (经济总量要达到, 绿地将达, 每年要提高)
    "要", "需", "需要", "将", "将向", "向", "每年", "实际", "继续",
    "跃上", "跨上", "站上", "登上",  # 粮食产量首次跃上1.4万亿斤新台阶
)
# Words of how things stand now: a figure after 从/由 and one of them is the
# base a plan starts from (由目前的3.5万元增长到5.3万元), an actual level.
CURRENT_WORDS = ("目前", "现在", "当前", "现有")
# Notes in brackets on how figures are counted (地区生产总值同比(下同)增长4.5%).
COUNTING_NOTES = ("下同", "预计数", "预计数,下同", "初步统计", "快报数", "现价", "可比价", "按可比价计算")
# Change verbs leave the indicator only when the figure is a change
# (地区生产总值增长6%); in 林分优化提升13万亩 提升 names the work measured.
INDICATOR_CHANGE_TAIL_WORDS = (
    "增长", "增加", "提高", "提升", "上升", "上涨", "下降", "降低", "减少", "压减", "压缩", "缩减",
    "削减", "缩小", "收窄", "回落", "回升", "递减", "递增", "多增", "净增", "增产", "减产", "精简",
)
# A comparison base (较2020年, 比“十三五”末/时期, 与上年相比) before a change or at
# the head of a clause: no word of the indicator, wherever it stands.
COMPARISON_BASE = (
    r"(?:(?:较|比|与)(?:“?十[一二三四五六]五”?(?:末期|末|时期|期间)?|(?:上年|去年)(?:末|底|同期)?|同期|(?:19|20)\d\d年(?:底|末)?"
    r"|(?:前|第)?[一二三四1-4]季度|上半年|\d{1,2}(?:-|—|－|~|至)\d{1,2}月|上月|年初)(?:相比)?"
    r"|在[^,，;；。]{1,12}?基础上)"  # 审批时限在法定时限基础上再减少50%
)
# Regex lead patterns that need a look at the next word: 高标准 is dropped
# before a verb (高标准建设…) but is part of 高标准农田; 指 opens a note's
# definition but starts 指标.
# Batches are how the work was done, not what was counted: 分4批集中开工…项目178个,
# 集中开工五批802个…项目.
BATCHES = r"(?<!第)分?(?:\d+|[一二两三四五六七八九十]+)批(?![次发])"
INDICATOR_LEAD_PATTERNS = (
    r"并(?![网购联轨])",  # 并 (and) opens a clause, but 并网 (grid connection), 并购 are words of what is measured
    r"和(?![美谐])",  # 和 (and) too, but not the 和 of 和美乡村
    r"近?\d{1,2}年(?=提升|提高|增长|下降|降低|增加|减少)",  # 近3年提升21个百分点: over how long, not what
    r"在\d+个(?=[^\d,，。;；、])",  # 在14个市州城区增补学位2万个: the places where (the count is no measure either)
    r"高(?:质量|标准|水平)(?=建设|完成|办理|打造|推进|实施|规划|推动)",
    r"建设(?![用项规资任单])",
    r"建成(?!区)",
    r"指(?![标导数南引挥令示望])",
    r"在(?=突出|抓好|推进|加快|全[市区县省])",
    r"全[国省市区县]率先",  # 在全省率先整合…: 率 here is no rate's suffix
    r"年(?:末|底)(?!前)",  # 年末常住人口城镇化率; 年底前…处理率 is a deadline, kept with it
    r"(?:实施|落实|推进|抓|办|用|管)好",  # 实施好年度计划投资…: doing it well is no word of the indicator
    r"(?:实施|开展)(?!项目|技术)",
    r"连续(?:\d+|[一二两三四五六七八九十]+)年",
    r"及(?!时)",  # 及 joins items; 及时 is an adverb of the verb after it
    # a span of years is when, not what: 五年内翻了一番, 三年来新增…
    r"(?:过去|近|这)?[一二两三四五六七八九十]+年(?:来|间|内|里)(?!累计|共)",
    r"有效(?!期)",
    r"共(?=举办|开展|组织|实施|培训|完成|新增|引进|投入|发放|解决|受理|办理|接待|建成|新建|签约|争取|救助|帮扶|开工|输转|转移|栽植)",
    # a comparison base is no word of the indicator: 较“十二五”末分别增长106.1%
    COMPARISON_BASE,
    r"(?:过去|近|这)?[一二两三四五六七八九十]+年(?:来|间|内)?(?=累计|共)",
    # 五年净增市场主体107.2万户, 3年增长58.6%: the years a change took
    r"(?:[一二两三四五六七八九十]|\d{1,2})年(?=净增|新增|增长|增加|提高|下降|减少)",
    BATCHES,
    # the place that speaks is no word of what it measures: 我镇新改建校舍12所, 该县每年造林…
    r"(?:我|该|本)(?:省|市|区|县|镇|乡|街道|旗|州|国)(?![级内外域委政])",
    r"我们",  # 我们将力争全年新增…: the speaker
    r"统筹(?=投入|安排|整合|使用)",  # 统筹投入各项资金37.7亿元: how the money was brought together
    r"计划(?=实施|引进|培训|改造)",  # 计划实施重点项目120个 (but 计划开工项目 names a kind of project)
    r"可(?=实现|完成|达到|达)",  # 预计全年可完成…: the modal of an estimate
    r"了(?!解)",  # 1万余人实现了安全饮水: the aspect particle left after the verb
    r"扣除[^,，;；。\d]{1,16}?后",  # 扣除留抵退税因素后增长3.2%: how the figure is counted
    r"剔除[^,，;；。\d]{1,16}?因素(?:后)?",  # 剔除留抵退税因素完成6.8亿元
    r"有(?![线序效关色机益力])",  # 全乡有山坪塘170余口
    # the part of the year a figure covers is when, not what: 前三季度…收入, 1-11月…收入
    r"(?:前|第)?[一二三四1-4]季度",
    r"\d{1,2}(?:-|—|－|~|至)\d{1,2}月(?:份)?",
    r"提出",  # 提出全社会研发经费投入年均增长7%以上: a plan says what it sets
    r"即(?![时将使便可])",  # 主要目标,即地区生产总值增长10%: 即 (namely) introduces what is measured
    r"(?:特别|尤其|其中)是",  # 特别是民间投资增长8.5%: singling out is no word of what is measured
    r"先后",  # 先后投资1282.5亿元
    r"获得(?!感)",  # 获得土地计划指标奖励1000亩 (but 获得感 is a noun)
    r"为(?=年度|全年|计划|目标|任务|省定|市定)",  # 为年度投资计划的30.90%, as 完成年度任务的107%
)
LIST_BULLETS = "●○•◆◇■□▪▶►"
# Labels that open a list item (regex, on the normalised text: brackets and
# full stops half-width): 一是…, ——, (一), (1), 1., 1、, ①. A label is no word
# of the indicator; 1. and 1、 only before a non-digit (1.5万亩 is a number).
LIST_LABELS = (
    r"[一二三四五六七八九十]+是(?![指否])",
    r"[—─]{1,2}",
    r"[(（](?:[一二三四五六七八九十]{1,3}|\d{1,2})[)）]",
    r"\d{1,2}[.．、](?!\d)",
    r"[\u2460-\u249b]",  # ① … ⑳, ⑴ … ⒇, ⒈ … ⒛
    rf"[{LIST_BULLETS}]",
)
# A bracketed aside right after a figure that gives the previous year's figure
# of the same indicator (增长6%左右(上年增长5.2%)): an achievement of that year.
PAST_ASIDE_WORDS = ("上年", "去年", "上一年", "上年度")
# Change verbs that make a change with counts and physical units too
# (企业增加15家); others (提升, 改造提升) only with rates and money.
COUNT_CHANGE_VERBS = ("增长", "增加", "减少", "下降", "净增", "压减", "削减", "增收", "提高", "缩短", "延长",
                      "增产", "减产")  # 粮食增产0.94亿斤: a harvest's change

# Endings of a rate's name (配备率, 优良水质比例): a percentage after it is that
# rate's level, and the words after the number (达标) are no part of its name.
RATE_NAME_ENDS = ("率", "比例", "比重", "占比")
# Verbs that start the predicate of another figure in the same clause: the
# words a count quantifies stop before them (21个重点项目完成投资17.84亿元).
POST_CUT_WORDS = (
    "完成", "实现", "达到", "建成", "投产", "开工", "通过", "获得", "占", "增长", "新增",
    "累计", "总投资", "投资", "其中", "分别", "共", "计划", "带动", "吸纳", "覆盖", "预计",
    "年销售收入", "销售收入", "营业收入", "主营业务收入",  # 75家龙头企业年销售收入18.4亿元
)
# A number before these words (later in its clause) is the size of a ranking's
# field, not a measure: 在全国312个普通地级市运行质量排名中位居第二位, and so is
# the group a place is one of (获得称号的全国15个地级市之一).
RANK_WORDS = ("排名", "位居", "位列", "排在", "排第", "名列", "之一")
# A step count after these words (earlier in its clause) moves a rank, it
# measures nothing: 综合排名上升70位, 位次前移5名.
RANK_NOUNS = ("排名", "排位", "位次", "名次")
# The whole field a count right after them sizes (全国168个重点城市…后十位): with a top or bottom place after it, no measure.
FIELD_SCOPES = ("全国", "全省", "全市", "全区")
RANK_STEP_UNITS = ("位", "名", "个位次")
# Verbs that move a rank by such steps even in a clause of their own (较上年前移3位).
RANK_STEP_VERBS = ("前移", "后移", "上升", "下降", "前进", "后退", "跃升", "进位")
# Words between a count and a money threshold that make the money a sum of the
# things counted (21个项目总投资超100亿元), not the size each one passes
# (40家企业主营业务收入超10亿元).
SUM_WORDS = ("总", "累计", "合计", "共计", "一共", "完成", "实现", "投资", "投入", "带动")
# Words that always end what a count quantifies: the next list item, 等, a frame.
POST_STOP_WORDS = (
    "、", "等", "基础上", "的基础上", "为重点", "为抓手", "为载体", "为主", "为引领", "为龙头", "为依托", "为核心",
    "初具规模", "全部完成", "基本完成", "全面完成", "顺利完成",  # what was said of the things counted
    "超额完成", "全部超额", "全部办结", "基本办结",
    "进展顺利", "顺利推进", "有序推进", "加快推进", "扎实推进", "稳步推进", "全面推进",
    "全部开工", "全部建成", "全部竣工",
    "以及", "和一批", "及一批",  # a vague count (一批) starts the next item
)
# Marks a figure crosses (突破百亿元大关, 跨上70亿元台阶): no words of what crossed them.
MARK_WORDS = ("大关", "台阶", "新台阶")
# Nouns that a figure's 的 attaches it to without naming what it measures:
# 实现地区生产总值超3000亿元的目标 (the indicator is before the number).
GOAL_NOUNS = ("目标", "任务", "要求")
# 分别完成年度任务的107%、135%: each share of a plan done belongs to one topic of the list.
PLAN_SHARE_NOUNS = (
    "年度任务", "年度计划", "年度投资计划", "投资计划", "全年任务", "全年计划", "全年目标", "年度目标", "目标任务",
    "省定任务", "省定目标", "市定任务", "市定目标", "任务", "计划", "目标",
)
# Last characters of the full name of a measure (地区生产总值, 财政总收入, 税收总额,
# 粮食产量, 城镇化率…): items that all end in one are whole names, not parts of a shared one.
MEASURE_NAME_ENDS = "值额入出率量数积重资"
# One-character items that a list joins before a shared head (金融机构存、贷款余额 →
# 存款余额, 贷款余额; 进、出口总额): the item is one character, the head is shared.
ONE_CHARACTER_ITEMS = frozenset("存贷进出省市县乡镇村城中小大水电气肉蛋奶粮油")
# Levels that, alone before a count, grade the things the previous figure counted
# (重点龙头企业达410家,其中国家级6家、省级80家 → 国家级重点龙头企业).
LEVEL_WORDS = ("国家级", "省级", "市级", "县级", "省市级", "省级以上", "国家级以上", "市级以上")
# Attribute nouns that take the topic of the previous measure as their owner
# (产值12亿元 after 菜心种植面积达8万亩 → 菜心产值).
# Words that open a bracket giving the goal set for the figure before it
# (增长5.9%,排名全市第1位(预期目标为8.5%以上)): the figure in it is a target.
GOAL_ASIDE_WORDS = ("预期目标", "年度目标", "年初目标", "目标任务", "目标", "年度计划", "计划目标", "计划")
# A compound naming both of a pair, shared out over a 分别 list of two numbers
# (城乡居民人均可支配收入分别增长6%和7.5% → 城镇居民…, 农村居民…), as written in
# either script: (compound, first, second).
PAIRED_COMPOUNDS = (
    ("城乡", "城镇", "农村"), ("城鄉", "城鎮", "農村"),
    ("存贷款", "存款", "贷款"), ("存貸款", "存款", "貸款"),
)
# The Simplified form of each compound and its pair.
SIMPLIFIED_PAIRS = {
    "城乡": ("城乡", "城镇", "农村"), "城鄉": ("城乡", "城镇", "农村"),
    "存贷款": ("存贷款", "存款", "贷款"), "存貸款": ("存贷款", "存款", "贷款"),
}
# Two-character verbs of work that open a list item of their own (改造老旧小区25个):
# no modifier of the item before is shared with it.
WORK_VERBS = ("改造", "建设", "新建", "改建", "开工", "完成", "实施", "开展", "提升", "整治", "培训", "发放", "引进",
              "建成", "修复", "治理", "创建", "培育")
# What of each item a share list measures, said once before 占 (高新技术产业、战略性新兴产业
# 增加值占规上工业比重): it goes to every item with the share.
SHARE_OWNER_HEADS = ("增加值", "总产值", "产值", "营业收入", "收入", "投资", "支出")
# Heads a list of whole words shares (原煤、原油、天然气产量 → 原煤产量…; 新材料、生物医药产业产值
# → 新材料产业产值…): the last item ends with one, the items before it stand without it.
LIST_HEAD_NOUNS = ("增加值", "总产值", "产值", "总产量", "产量", "营业收入", "营收", "销售额", "销售收入", "利润",
                   "投资", "出口额", "进口额", "交易额", "成交额", "余额", "总额")
# Words of trade between the items and the head they share (…装备制造产业增加值), theirs too
# unless an item already ends with 业 (规上制造业、…产业增加值 → 规上制造业增加值).
# Words that open with the 和 of a list but are one word (和美乡村): no list item starts there.
AND_WORDS = ("和美", "和谐")
LIST_HEAD_TRADES = ("全产业链", "产业链", "产业", "行业")
# One-character items of a 城、乡 list, spelt out as the names they stand for:
# (item as read in Simplified, full name in Simplified, full name in Traditional).
ITEM_EXPANSIONS = (("城居民", "城镇居民", "城鎮居民"), ("乡居民", "农村居民", "農村居民"))
# The roll of a session (应到代表226人,实到代表206人,符合法定人数): no measure.
ATTENDANCE_WORDS = ("应到", "实到", "应出席", "实出席", "出席会议", "列席会议", "缺席", "符合法定人数")
# Adverbs inside the words of a figure (重大项目累计完成投资, 患者全部治愈出院): no words of it.
INNER_ADVERBS = ("累计", "全部", "先后")
# Words ending in 约 (about) that are no comparator at an indicator's end (项目成功签约).
YUE_WORDS = ("签约", "节约", "合约", "公约", "制约", "预约", "履约", "违约", "条约", "契约", "集约", "践约")
# The speed of a figure's growth, said alone after it (地区生产总值突破200亿元,增速高于全市…):
# the whole figure before owns it.
GROWTH_RATE_HEADS = ("增速", "增幅", "降幅", "涨幅")
# Attributes that count what there is now (总数达360家), not what was added: the
# owner they take from the figure before loses its flow verb (新增规上企业 → 规上企业).
STOCK_ATTRIBUTES = ("总数", "总量", "数量", "规模")
FLOW_LEADS = ("新增", "净增", "新认定", "新培育", "新引进", "新建", "新登记", "新发展")
ATTRIBUTE_HEADS = (
    "总投资", "总投资额", "投资总额", "计划投资额", "计划投资", "完成投资", "投资", "投入", "年产值", "产值",
    "主营业务收入", "营业收入", "营收", "销售收入", "税收", "利税", "利润", "总额", "总量", "规模", "面积", "总产量", "产量",
    "总数", "数量", "总产", "总收入",  # 水稻种植面积5000亩,总产2600吨
    # the farming verb is part of the area, not of its owner: 粮食播种面积 → 粮食 (for 粮食产量)
    "种植面积", "播种面积", "收获面积", "养殖面积",
)

# --- not measures -----------------------------------------------------------
# A number right after one of these is an ordinal or a rank.
ORDINAL_PREFIXES = ("第", "前", "top", "TOP", "No.", "NO.", "国道", "省道", "县道")
# Road classes among them: a length after one (县道185.857公里) measures the roads, it names none.
ROAD_WORDS = ("国道", "省道", "县道", "乡道", "村道")
# Latin names of a measure that a figure may follow with no space (GDP28.34亿元).
MEASURE_ACRONYMS = ("GDP",)
# A speed after these is the class of a line (时速350公里的高铁), not a measure.
SPEED_PREFIXES = ("时速", "设计时速")
# Words after a number+unit that make it a name/grade (300兆瓦级, 百亿元级, 5号楼).
# Words of a band along or around a place right before a length (长江沿线1公里化工企业, 沿江1公里范围内):
# the length bounds the area a thing lies in, it measures nothing (but 修复长江岸线12公里 does).
SCOPE_LEADS = ("沿线", "沿岸", "两岸", "沿江", "沿河", "沿湖", "周边", "周围", "外围")
# Nouns that open with a classifier: after a bare magnitude (过亿项目, 千场景) the classifier is the
# noun's first character, and the magnitude names a class of the thing, not a count of it.
CLASSIFIER_NOUNS = ("项目", "场景", "场馆", "家庭", "户籍", "台阶", "个人", "名片", "条件", "件事")
# Verbs right before a count of 届 that make it the editions of an event held (成功举办两届大会).
HOSTING_VERBS = ("举办", "承办", "主办", "办好")  # (not 召开: 召开十届二次全会 names a session)
NAME_SUFFIXES = ("级", "号", "型", "强", "届", "周年", "大", "星级", "甲", "线", "路", "段")
# Words after a count that make it a slogan/structure count, not a measure.
SLOGAN_NOUNS = (
    "方面", "确立", "维护", "意识", "自信", "全面", "坚持", "务必", "毫不动摇", "责任", "机制",
    "体系", "定位", "合作区", "行动", "工程", "计划", "战略", "理念", "规定", "原则",
    "示范", "革命", "清单", "本领", "能力", "底线", "攻坚", "任务", "关系", "融合", "同步",
    "一", "大", "化", "通", "基地", "中心", "集群", "重点", "区", "带", "轴", "圈", "核",
)
# Nouns after any count that make it the structure of a text or a policy
# (八个方面, 扫黑除恶6个机制), not a measure.
STRUCTURE_NOUNS = ("方面", "机制", "原则", "意识", "自信", "领域")
# A plan laying out its own indicators (提出20项主要指标, 围绕创新提出3项指标)
# counts parts of the text, not the world: a verb of setting out right before
# the count and an indicator noun right after it.
OUTLINE_VERBS = ("提出", "设置", "设定", "设立", "确定", "细化", "包括", "涵盖")
OUTLINE_NOUNS = ("主要指标", "指标", "约束性指标", "预期性指标")
# Verbs before a small Chinese-numeral count that make it a real quantity
# (新建两所幼儿园, 完成…四宗中小河流治理工程).
CN_COUNT_VERBS = (
    "新建", "建成", "完成", "新增", "改造", "改扩建", "建设", "办好", "办理", "创建", "引进",
    "培育", "开工", "投产", "修缮", "治理", "落实", "打掉", "破获", "新开", "开通",
    "举办",  # 举办千场专业会议
)
# A running total (累计达到25家) after a count of new things (新增上市公司3家)
# counts all of them: the words of newness leave the indicator it takes.
TOTAL_WORDS = ("累计", "共计", "总数", "总计", "达", "增至", "增加到", "发展到")  # (新增2家,达到22家)
NEW_WORDS = ("新增", "新建", "新认定", "新引进", "新培育", "新设")
# Verbs that start work on things a later count says are done (新开工项目120个、竣工80个).
WORK_START_VERBS = ("新开工", "开工", "筹集", "启动", "实施", "开工建设")
# A rate of newness (日均新增市场主体196户) leaves with the newness.
PER_TIME_WORDS = ("日均", "月均", "年均", "每天", "每日", "每月", "每年")
# Words that say things were put to use; with COMPLETION_VERBS alone before a
# count (建成投用10个) they leave the things counted to the clause before.
IN_USE_VERBS = ("投用", "运营", "使用")
# Verbs that settle things found before (排查问题楼盘80个、化解44个): alone before a
# count they take the things of the count before.
SETTLING_VERBS = ("解决", "化解", "整改", "办结", "结案", "处置", "销号", "清零", "答复", "回复")
# Comparators that open a size floor after a count (3家超50亿元).
FLOOR_COMPARATORS = ("超过", "超", "突破", "不低于", "不少于")
# A count after these words (with nothing between) closes a clause that says it
# was done: 三个集聚区雨污管网建设基本完成.
COMPLETION_VERBS = ("完成", "建成", "投产", "竣工", "达标", "出列", "通过", "实现", "开工", "落地")
# Head nouns of a category that a threshold defines (3亿元以上项目, 超10亿元企业).
CATEGORY_HEADS = ("项目", "企业", "工程", "产业", "集群", "园区", "平台", "商户", "品牌", "客商", "城市")
# A named cluster reaching a size (汽车零部件超200亿产业集群) is a measure, not a
# category; unless a verb opens the phrase (打造超千亿产业集群 names a kind).
CLUSTER_HEADS = ("产业集群", "集群", "产业链")
CLUSTER_VERBS = ("打造", "培育", "建设", "发展", "壮大", "形成", "建成", "引进", "对接", "嵌入", "争创", "创建")
# Words before a duration or an age that make it a level reached or squeezed.
TIME_LEAD_VERBS = ("压缩", "缩短", "减少", "缩减", "降低", "控制", "压减", "提速", "增长", "提高", "延长", "保持",
                   "稳定")  # 连续6年稳定在325天以上: the level held, after the streak
TIME_LEAD_WORDS = ("达到", "达", "为", "从", "由", "不超过", "超过", "不少于")
# A span of time up to now (为24年来新低, 6年以来最大增幅) dates what follows; it measures nothing.
SINCE_WORDS = ("来", "以来")
# A run of quarters or months a state lasted (连续16个季度高于全国, 连续30个月居前列): how long, no measure.
STREAK_LEADS = ("连续",)
STREAK_SPANS = ("季度", "月")
# Thresholds a total crossed, counted (连跨3个千亿级台阶): a figure of speech, no measure.
STEP_NOUNS = ("台阶",)
# …and such a phrase inside a figure's words is none of them (地区生产总值跨越3个千亿元台阶,达到1.5万亿元).
STEP_PHRASE = r"(?:连跨|跨越|跨上|迈上)(?:\d+|[一二两三四五六七八九十])个[^\d,，。;；、]{0,5}?台阶"
# Taxes whose rate a percentage right before them names (15%所得税优惠): a policy, no measure.
TAX_NOUNS = ("所得税", "增值税", "关税", "税率")
# A unitless number is a measure only as the level of a ratio-like indicator
# (城乡居民收入比缩小至2.05, 恩格尔系数降至30).
RATIO_INDICATOR_ENDS = ("比", "系数", "指数", "比值", "倍数", "弹性")
LEVEL_VERBS = (
    "缩小至", "缩小到", "降至", "降到", "下降到", "下降至", "提高到", "提高至", "提升到", "提升至",
    "达到", "达", "为", "保持在", "控制在", "稳定在",
    "收窄至", "收窄到", "缩至", "降低至", "降低到",  # 收入比收窄至2.1
)
# Policy names written as "N条" (民营经济31条、省30条政策).
POLICY_NOUNS = ("政策", "措施", "意见", "规定", "举措", "办法", "细则")
# Capacity inside a project title: 年产2.1万吨铜箔项目.
CAPACITY_PREFIXES = ("年产", "日产", "年处理", "日处理", "年吞吐", "年加工", "设计产能")
# Verbs/comparators after which a power capacity is a measure (建成300兆瓦农光互补基地).
CAPACITY_VERBS = (
    "建成", "新建", "建设", "新增", "装机", "装机容量", "达到", "达", "突破", "超过", "完成",
    "并网", "投产", "总装机", "容量", "规模",
    "形成", "输送",  # 形成60万吨煤炭储备能力, 输送约800亿立方米源头活水
)

# --- periods ----------------------------------------------------------------
# First year of a five-year plan → its name, for the period of plan targets.
FIVE_YEAR_PLANS = {2006: "十一五", 2011: "十二五", 2016: "十三五", 2021: "十四五", 2026: "十五五"}
PLAN_FIRST_YEARS = {name: year for year, name in FIVE_YEAR_PLANS.items()}  # 十四五 → 2021
# Words after a plan's name that make it the time of a figure (在“十四五”中前期
# 实现…, “十三五”期间累计…), not a mention of the plan (“十四五”规划, 开局之年).
PLAN_TIME_WORDS = ("时期", "期间", "中前期", "前期", "中期", "后期", "期末", "末", "内")
# Words in a sentence that pin a figure to the document's year.
THIS_YEAR_WORDS = ("今年", "年内", "全年", "本年", "本年度", "当年")
