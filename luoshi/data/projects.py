"""What makes a phrase a named key project: a kind suffix after a specific name.

A project is ``<name prefix><kind suffix>`` (肇明 + 高速, 西江 + 码头,
市第一人民 + 医院). The suffix says what kind of thing it is
(``KIND_SUFFIXES`` maps each to a category). The prefix must be specific:
after stripping leading verbs and function words it keeps 2–8 characters
and is not made up only of ``GENERIC_MODIFIERS`` (现代农业产业园, 省级园区,
公立医院 are kinds, not names). A prefix containing a ``GENERIC_MARKS``
character (级, 类, 批 …) is a category too (县级人民医院, 各类园区).
"""
from __future__ import annotations

# suffix → category; longest suffixes are tried first.
KIND_SUFFIXES: dict[str, str] = {
    "高速公路": "transport", "高速": "transport", "高铁": "transport", "铁路": "transport",
    "城际铁路": "transport", "城际": "transport", "轻轨": "transport", "地铁": "transport",
    "快速路": "transport", "大道": "transport", "大桥": "transport", "隧道": "transport",
    "国道": "transport", "省道": "transport", "机场": "transport", "高铁站": "transport",
    "火车站": "transport", "客运站": "transport",
    "码头": "port", "港区": "port", "作业区": "port", "港": "port", "航道": "port", "船闸": "port",
    "产业园": "park", "工业园": "park", "科技园": "park", "物流园": "park", "园区": "park",
    "开发区": "park", "产业城": "park", "物流港": "park", "合作区": "park", "创新港": "park",
    "大学": "school", "学院": "school", "学校": "school", "中学": "school", "小学": "school",
    "幼儿园": "school", "职业技术学校": "school",
    "医院": "hospital", "中医院": "hospital", "卫生院": "hospital", "疾控中心": "hospital",
    "水库": "water", "水厂": "water", "污水处理厂": "water", "灌区": "water", "引水工程": "water",
    "电站": "energy", "电厂": "energy", "变电站": "energy", "风电场": "energy", "光伏电站": "energy",
    "体育馆": "culture", "体育中心": "culture", "博物馆": "culture", "图书馆": "culture",
    "文化中心": "culture", "会展中心": "culture", "景区": "culture",
}

# Words that describe a class of projects, never name one.
GENERIC_MODIFIERS: tuple[str, ...] = (
    "现代农业", "农业", "农产品", "加工", "产业", "工业", "科技", "创新", "创业", "物流", "智慧", "数字",
    "现代", "国家", "国际", "省", "市", "县", "区", "镇", "乡", "村", "国家级", "省级", "市级", "县级",
    "重点", "特色", "专业", "专业化", "示范", "标准化", "高标准", "新型", "综合", "公立", "公办", "民办",
    "人民", "中心", "区域", "乡镇", "社区", "城乡", "农村", "城市", "城区", "基层", "各类", "各级",
    "高速", "公路", "铁路", "高铁", "城际", "轨道", "交通", "航运", "内河", "临港", "空港", "港口",
    "产城", "园区", "大", "小", "新", "老", "主", "重", "高", "中", "一批", "一个", "两个", "多个",
    "制造业", "生态", "绿色", "低碳", "循环", "化工", "食品", "医药", "健康", "文化", "旅游", "文旅",
    "教育", "职业", "普惠", "义务", "寄宿制", "九年一贯制", "妇幼", "妇女儿童", "儿童", "中医", "抽水蓄能",
    "储能", "光伏", "风电", "水电", "火电", "污水", "垃圾", "供水", "水利", "配套", "周边", "沿线",
    "粤港", "深港", "广深港", "港澳", "粤港澳", "大湾区", "经济", "中职", "中小学", "城镇", "优质", "高水平",
    "互联网", "网上", "乡村振兴", "人力资源", "电商", "跨境", "公共", "实验", "特殊教育", "专门",
    "全国", "全省", "全市", "全区", "全县", "镇街", "附属", "定点", "救治", "传统", "体育", "生活", "储运",
    "智能", "金融", "零部件", "冷链", "项目", "工程", "幼儿园", "中心学校",
    "三甲", "民营", "优势", "精品", "用户侧", "通航", "应用技术", "专科", "班列", "先进",
)
# Idioms shaped like a name (开辟阳关大道, 走上康庄大道).
IDIOM_NAMES: frozenset[str] = frozenset(("阳关大道", "康庄大道", "光明大道", "金光大道"))

# Characters that turn a prefix into a category (县级人民医院, 各类园区, 一批产业园).
GENERIC_MARKS = "级类批些各每等型式性化体"

# Words that never belong to a name: a name starts after the last of them in the
# run left of the suffix (加快建设肇明高速, 中心城区至明港机场). The action verbs
# and lead adverbs of ``luoshi.data.verbs`` count too.
NAME_CUT_WORDS: tuple[str, ...] = (
    "加快建设", "加快推进", "积极配合", "全力配合", "配合推进", "推进", "推动", "加快", "建设", "建成",
    "抓好", "依托", "支持", "完善", "谋划", "启动", "开工", "动工", "新建", "改造", "打造", "实施", "争取",
    "力争", "确保", "开通", "配合", "参与", "提升", "优化", "加强", "做强", "扩建", "续建", "完成", "引进",
    "落实", "组建", "承接", "对接", "融入", "服务", "探索", "积极", "全力", "重点", "继续", "持续",
    "以", "和", "与", "及", "等", "的", "在", "对", "把", "将", "为", "由", "向", "从", "至", "到", "是",
    "了", "于", "同", "跟", "或", "一是", "二是", "三是", "四是", "五是", "监测", "监控", "修缮", "照明",
    "吸引", "围绕", "联合", "结合", "沿", "现有", "连接", "衔接", "做深", "指", "启用", "发挥", "开辟",
    "成立", "掀起", "下穿", "项目", "工程", "层面", "好", "理顺", "名列", "占", "有", "锚定",
    "收治", "设置", "一期", "二期",
)
# A count before a name is no part of it: 4个西江码头, 全市2000所中小学.
COUNT_PREFIX = r"[\d一二两三四五六七八九十百千万]+[个所座条家项批处]"
# A name ends here on its left: punctuation and quotes.
NAME_LEFT_STOPS = "，,、。；;：:！!？?（()）“”\"'‘’《》【】\n\t 　…—"

# The character after 港 that makes it 香港/港澳 rather than a port.
PORT_FALSE_FOLLOWERS = "澳资台人股深珠城口湾"
PORT_FALSE_LEADERS = "香"  # 香港
