"""Words of web-page chrome and scraper headers (see ``luoshi.read.chrome``).

A government web page copied as text starts with the site's widgets
(无障碍, 长者助手, 我的收藏), its 政府信息公开 info table (索引号: … 发布日期: …)
and a 【打印】【字体】 bar, and may end with 打印本页/关闭窗口/分享到.
Scrapers write their own ``标题：…`` / ``年份：…`` header and a ``=====``
rule. These lists say what such lines are made of; the algorithm only ever
looks at the lines before the body and after it.
"""
from __future__ import annotations

from luoshi.data.doc_types import TITLE_END

# A short line between chrome lines is chrome (a section name, an echoed page title), but not the line
# saying where the document was delivered (——2026年1月26日在某省第十四届人民代表大会第四次会议上), nor
# the title line right above it: they are the title page itself.
DELIVERY_LINE = r"^[—－-]{1,2}.{0,40}会议上"
TITLE_LINE = rf"(?:{TITLE_END})$"

# Stand-alone widgets and navigation words: a line made only of these is page chrome.
PAGE_TOKENS = frozenset({
    "无障碍", "无障碍浏览", "长者助手", "长者模式", "关怀版", "适老化", "读屏", "我的收藏", "收藏", "加入收藏",
    "设为首页", "首页", "网站首页", "返回首页", "网站地图", "登录", "注册", "个人中心", "用户中心", "退出",
    "简体", "繁体", "繁體", "简体版", "繁体版", "繁體版", "English", "EN", "手机版", "移动版", "智能问答",
    "政府信息公开", "信息公开", "规章库", "政策文件", "政务公开", "政策解读", "搜索", "站内搜索", "高级搜索",
    "打印", "打印本页", "关闭", "关闭窗口", "关闭本页", "返回顶部", "分享", "分享到", "微信", "微博",
    "QQ空间", "扫一扫", "大", "中", "小", "字号", "字体", "默认", "上一篇", "下一篇", "相关链接", "相关文章",
    "相关阅读", "相关稿件", "联系我们", "纠错", "我要纠错", "|", ">", ">>", "»", "-", "·",
    "收藏本站", "导航", "导航菜单", "下载", "下载本页", "复制链接", "详情", "大字号", "中字号", "小字号",
    "查看全文", "阅读全文", "返回列表", "×", "✕",
    # a font-size bar's buttons and a bracket it leaves on a line of its own (【字号： 加大 还原 减小 】)
    "加大", "还原", "减小", "全屏", "】", "]",
})
# A link that asks to be clicked ("》》点击图片进入专题《《"), with the arrows around it stripped.
CLICK_PROMPTS = ("点击图片", "点击进入", "点击查看", "点击下载", "点击阅读", "点击此处")
CLICK_ARROWS = "》《<>»«"
# A page's welcome banner ("欢迎光临某某网"): a short head line starting with one of these is chrome.
WELCOME_PREFIXES = ("欢迎光临", "欢迎访问", "欢迎来到", "欢迎您")
# The first word of a breadcrumb trail ("首页 > 政务公开 > 工作报告", "首页 理论教育 某文章标题").
BREADCRUMB_HEADS = ("首页", "网站首页", "主页", "当前位置", "您的位置", "您当前的位置", "所在位置")
# A site's stamp ("【www.example.com--报告】") names its domain; a line that does is chrome.
DOMAIN_MARKS = ("www.", "http://", "https://", ".com", ".cn", ".net", ".org")
# An article collection numbers its items and counts their characters: "篇一:…", "第一篇 …报告2150字".
COLLECTION_ITEM = r"篇[一二三四五六七八九十]{1,3}(?:[:：\s]|$)|第[一二三四五六七八九十]{1,3}篇.*?\d{3,5}字$"
# A navigation bar is a line of at least this many short cells between | separators.
LINK_BAR_CELLS = 5
LINK_BAR_CELL_MAX = 20

# Labels of the page's info table ("发布机构: 江城区人民政府办公室"); a line starting with one is chrome.
PAGE_LABELS = (
    "索引号", "主题分类", "分类", "发布机构", "发文机关", "成文日期", "名称", "文号", "发文字号", "发布日期",
    "发布时间", "主题词", "浏览次数", "点击次数", "访问次数", "阅读次数", "浏览量", "访问量", "信息来源", "来源",
    "作者", "字号", "字体", "有效性", "生效日期", "当前位置", "您的位置", "您当前的位置", "所属机构", "公开方式",
    "公开范围", "责任编辑", "编辑", "审核", "校对", "网站标识码", "公安机关备案号", "主办单位", "承办单位",
    "主办", "承办", "技术支持", "联系电话", "地址", "分享到",
    "文件名称", "标题名称", "公开目录", "公开责任部门", "公开形式", "公开日期", "公开时间", "发文机构", "发文日期",
    "相关报道", "相关文档", "相关新闻", "内容概述", "快捷搜索", "热门搜索", "热门关键词", "时间", "日期", "发表时间",
    "更新时间", "查看", "查看人数", "回复", "导语", "摘要", "版面",
)
# A page's summary or lede above the article (【摘要】:…, 导语:…) repeats the article's own figures; it may be
# longer than other chrome lines.
SUMMARY_LABELS = ("摘要", "内容摘要", "内容提要", "导语", "核心提示")
MAX_SUMMARY_LINE = 600
# Labels a post's date follows with no colon ("发表于 2024-4-24 11:26:26"); with a colon they are PAGE_LABELS.
DATE_LABELS = ("发表于", "发布于", "更新于", "发表时间", "发布时间", "时间", "日期")

# Labels a scraper writes above the text it saved ("标题：二O一九年政府工作报告").
SCRAPER_LABELS = (
    "标题", "年份", "来源URL", "来源网址", "来源链接", "原文链接", "原文地址", "网址", "URL", "链接",
    "发文单位", "抓取时间", "采集时间", "爬取时间", "省份", "城市", "地区",
)

# Bracketed buttons: 【打印】 【字体: 大 中 小】 [关闭]; the opening word decides.
BUTTON_WORDS = ("打印", "关闭", "字体", "字号", "收藏", "分享", "返回", "纠错", "复制", "责任编辑", "大", "中", "小")

# Footer lines (searched from the end of the text): any of these words, or a label above.
FOOTER_WORDS = ("版权所有", "ICP备", "网站标识码", "公安机关备案号", "建议使用", "分辨率", "浏览器", "技术支持")

# Related-content links a scraper glued to the last sentence: "…而努力奋斗！图解：二O二O年政府工作报告".
TRAILING_LINKS = ("图解：", "图解:", "（图解）", "(图解)", "【图解】", "相关解读：", "相关解读:", "视频解读：",
                  "视频解读:", "一图读懂", "政策解读：", "相关链接：", "附件下载：")

# Which metadata a header label gives (Source.meta keys, as the metadata stage reads them).
LABEL_META = {
    "标题": "title", "名称": "title", "年份": "year", "来源URL": "source_url", "来源网址": "source_url",
    "来源链接": "source_url", "原文链接": "source_url", "原文地址": "source_url", "网址": "source_url",
    "URL": "source_url", "发布日期": "publish_date", "发布时间": "publish_date", "成文日期": "written_date",
    "发文单位": "publisher", "发布机构": "publisher", "发文机关": "publisher", "文号": "document_number",
    "发文字号": "document_number", "索引号": "index_number", "省份": "province",
    "文件名称": "title", "标题名称": "title", "公开日期": "publish_date", "发文机构": "publisher",
    "发文日期": "written_date",
}

# A page's number printed as a line of its own, marked as one: "— 3 —", "-3-", "第3页", "第 3 页 共 20 页",
# "3/20". Dashes are every dash a typesetter uses, digits may be full-width; no pattern crosses a line.
# A bare number ("3") is a page number only where most pages have one (``luoshi.read.pdf``).
_GAP, _DASH, _N = r"[^\S\n]*", "[-—–－‒―~～·•_]+", "[0-9０-９]{1,4}"
PAGE_NUMBER_MARKED = (rf"{_GAP}(?:{_DASH}{_GAP}{_N}{_GAP}{_DASH}|第{_GAP}{_N}{_GAP}页(?:{_GAP}共{_GAP}{_N}{_GAP}页)?"
                      rf"|{_N}{_GAP}[/／]{_GAP}{_N}{_GAP}页?){_GAP}")
PAGE_NUMBER_BARE = rf"{_GAP}{_N}{_GAP}"
# A running header or footer (the document's title, 内部资料) is a short line repeated at the top or the
# bottom of at least this share of the pages and of three pages at least; a bare page number ("3") has to
# be at the same end of that share of the pages and of two at least.
RUNNING_LINE_MAX = 40
RUNNING_SHARE = 0.5
RUNNING_MIN_PAGES = 3
