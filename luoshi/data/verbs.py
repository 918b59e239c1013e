"""Action verbs that head a commitment (推进…, 加快建设…, 力争…), and the words around them.

A task is a clause whose head is one of ``ACTION_VERBS`` (after optional
adverbs from ``LEAD_ADVERBS``: 全力, 积极, 大力 …) followed by an object.
Several verbs may chain (加快推进, 力争建成): the head is the longest chain
at the clause start. All strings are Simplified; the regexes are built
longest first, so 建设 wins over 建 and 推进 over 推.

``RHETORIC_OBJECT_WORDS`` are words that carry no concrete object on
their own (坚持以人民为中心, 增强…意识): a clause whose object, with these
words removed, keeps fewer than ``MIN_OBJECT_CHARS`` characters is
rhetoric, not a task.
"""
from __future__ import annotations

# Verbs of doing, building, pushing and promising, two characters or more
# (one-character verbs such as 建/抓 are too ambiguous as clause heads).
ACTION_VERBS: tuple[str, ...] = (
    # commit / strive
    "力争", "确保", "争取", "务必",
    # push / speed up
    "推进", "推动", "加快", "加速", "促进", "带动", "抓好", "抓实", "抓紧", "狠抓", "紧抓",
    # build / start / finish
    "建成", "建设", "新建", "扩建", "改建", "续建", "开工", "动工", "竣工", "投产", "完成", "启动",
    "开通", "通车", "建立", "构建", "搭建", "组建", "兴建", "修建", "筹建", "打造", "实现",
    # carry out / implement
    "实施", "开展", "落实", "执行", "举办", "组织", "部署", "推广", "推行", "办好", "做好",
    # improve / deepen
    "改造", "提升", "提高", "优化", "深化", "完善", "健全", "强化", "加强", "巩固", "拓展", "扩大",
    "升级", "改善", "增强", "壮大", "做强", "做大", "做优", "做实", "补齐", "整治", "治理", "规范",
    "创建", "创新", "培育", "发展", "引进", "引导", "引育", "招引", "谋划", "规划", "布局", "设立",
    "出台", "制定", "修订", "编制", "建好", "用好", "用足", "管好", "上线", "新增", "增加", "降低", "减少", "压减",
    "保障", "保持", "稳定", "稳住", "支持", "鼓励", "扶持", "服务", "开发", "配套", "储备",
    "争创", "创成", "申报", "开放", "融入", "对接", "承接", "参与", "配合", "探索", "试点",
)

# Verbs that are as often nouns at a clause start (发展质量明显提升, 服务水平…): they head a
# task only after an adverb or a modal subject (加快发展…, 我们将发展…).
NOUN_LIKE_VERBS: frozenset[str] = frozenset((
    "发展", "服务", "创新", "规划", "布局", "稳定", "保障", "支持", "试点", "配套", "储备", "开放", "治理",
    "规范", "部署", "组织", "执行", "升级", "整治", "开发", "增加", "减少", "新增", "保持", "实现",
))

# Adverbs and manner words that may precede the head verb (全面推进, 积极稳妥推进).
LEAD_ADVERBS: tuple[str, ...] = (
    "全面", "全力", "积极", "大力", "加快", "持续", "继续", "进一步", "深入", "扎实", "切实", "着力",
    "统筹", "重点", "稳步", "有序", "稳妥", "坚决", "主动", "不断", "努力", "力争", "确保", "集中",
    "系统", "协同", "高标准", "高质量", "高水平", "全速", "加紧", "尽快", "率先", "优先", "同步",
    "全方位", "多措并举", "坚定不移", "毫不动摇", "聚力", "聚焦", "精准", "科学", "依法", "全年",
    "今年", "年内", "再", "要", "将", "还", "并", "同时", "也", "都", "已", "共", "累计", "新",
)

# Words that make an object abstract when nothing else is in it.
RHETORIC_OBJECT_WORDS: tuple[str, ...] = (
    "以人民为中心", "人民为中心", "新发展理念", "高质量发展", "稳中求进", "工作总基调", "总基调",
    "意识", "理念", "思想", "精神", "方向", "原则", "作风", "能力", "水平", "质量", "效率", "效能",
    "力度", "步伐", "进程", "作用", "成效", "实效", "发展", "建设", "工作", "力量", "全面", "更加",
    "进一步", "不断", "持续", "坚持", "以", "为", "的", "和", "与", "及", "等", "各项", "各类",
    "一批", "更高", "更好", "更大", "更多", "新", "高", "好", "大", "强", "优", "实", "深",
    "以下", "方面", "几个", "重点", "目标任务", "任务",
    *(n + "个" for n in "一二两三四五六七八九十"),  # 以下八个方面的工作
)
MIN_OBJECT_CHARS = 2

# Clauses that open with these are framing, not commitments (我们将…, 要…), and are peeled off first.
SUBJECT_PREFIXES: tuple[str, ...] = (
    "我们将", "我们要", "我们", "全市", "全区", "全县", "全省", "全镇", "各地", "各级", "今年", "明年",
    "全年", "年内", "同时", "此外", "另外", "其中", "并且", "要", "将", "并", "还",
)

# Subjects that announce an action, so that even a noun-like verb after them is one (我们将发展…).
MODAL_SUBJECTS: frozenset[str] = frozenset(("我们将", "我们要", "要", "将", "并", "还"))

# Deadlines stated in a clause: the longest phrase wins (2024年6月底前 before 年底前).
DEADLINE_PATTERNS: tuple[str, ...] = (
    r"(?:20\d\d年)?\d{1,2}月(?:底|末|份)?(?:前|之前|以前)",
    r"(?:20\d\d年)?(?:年底|年末|上半年|下半年|一季度|二季度|三季度|四季度|第[一二三四]季度)(?:前|之前|以前)?",
    r"20\d\d年(?:底|末)?(?:前|之前|以前)",
    r"到20\d\d年", r"至20\d\d年",
    r"年内", r"当年", r"年底前", r"今年内",
)
