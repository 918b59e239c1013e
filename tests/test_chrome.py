"""Page chrome and scraper headers: seed 003, the Zhumadian reports, footers, and body left alone."""
from __future__ import annotations

from pathlib import Path

import pytest

from luoshi.read.chrome import find_chrome


def _read(shared: Path, name: str) -> str:
    return next((shared / "corpus").rglob(name)).read_text(encoding="utf-8")


def _marked(text: str, chrome) -> list[tuple[str, str]]:
    return [(c.kind, text[c.span.start:c.span.end].strip(" \u00a0\ue7e3\ue806\ue705")) for c in chrome]


def test_seed_003_site_chrome(shared):
    text = _read(shared, "003_b2a6abcdeeaf89f4.txt")
    chrome, hints = find_chrome(text)
    assert _marked(text, chrome) == [
        ("page", "无障碍\u00a0\u00a0 \ue806 长者助手 我的收藏\u00a0\u00a0\ue705 收藏"),
        ("page", "政府信息公开 规章库"),
        ("page", "江城区人民政府办公室政府信息公开"),  # the site's section name, between chrome lines
        ("page", "索引号: 114417027762037966/2021-00296 分类:"),
        ("page", "发布机构: 江城区人民政府办公室 成文日期: 2021-11-23"),
        ("page", "名称: 江城区九届人大一次会议政府工作报告"),
        ("page", "文号: 发布日期: 2021-11-24"),
        ("page", "主题词:"),
        ("page", "【打印】 【字体:"),
        ("page", "江城区九届人大一次会议政府工作报告"),  # the page title echoed above the date line
        ("page", "发布日期:2021-11-24\u00a0\u00a0浏览次数:-"),
    ]
    body = text.index("政\u00a0府\u00a0工\u00a0作\u00a0报\u00a0告")
    assert all(c.span.end < body for c in chrome)
    assert hints == {
        "index_number": "114417027762037966/2021-00296", "publisher": "江城区人民政府办公室",
        "written_date": "2021-11-23", "title": "江城区九届人大一次会议政府工作报告", "publish_date": "2021-11-24",
    }


@pytest.mark.parametrize("year", [2019, 2020, 2021, 2022, 2023])
def test_zhumadian_scraper_header(shared, year):
    text = _read(shared, f"zhumadian_{year}_gwr.txt")
    chrome, hints = find_chrome(text)
    head = [c for c in chrome if c.span.start < 200]
    assert [c.kind for c in head] == ["scraper_header", "scraper_header", "separator"]
    assert text[head[0].span.start:head[0].span.end].startswith("标题：")
    assert text[head[1].span.start:head[1].span.end] == f"年份：{year}"
    assert hints["year"] == str(year)
    assert hints["title"].endswith("年政府工作报告")
    assert text[head[-1].span.end:].lstrip().startswith("政府工作报告")


def test_zhumadian_related_links_glued_to_the_last_sentence(shared):
    tails = {}
    for year in (2019, 2020, 2021, 2022, 2023):
        text = _read(shared, f"zhumadian_{year}_gwr.txt")
        chrome, _ = find_chrome(text)
        tails[year] = [text[c.span.start:c.span.end] for c in chrome if c.span.start > 200]
        for c in chrome:
            if c.span.start > 200:
                assert text[c.span.start - 1] == "！"  # cut right after the body's last sentence
    assert tails == {
        2019: [],
        2020: ["图解：二O二O年政府工作报告"],
        2021: ["相关解读：图解2021年驻马店市政府工作报告视频解读：2021年驻马店市政府工作报告"],
        2022: [],
        2023: ["（图解）二0二三年政府工作报告"],
    }


@pytest.mark.parametrize("name", ["000_04df038d627074af.txt", "001_6c2582cb47a6a2df.txt",
                                  "002_ab862bf384cb27d5.txt", "004_f84b366bce13bc3e.txt"])
def test_documents_without_chrome(shared, name):
    assert find_chrome(_read(shared, name)) == ((), {})


def test_footer_lines_at_the_end():
    text = "政府工作报告\n各位代表：现在，我代表市人民政府向大会报告工作。\n\n【打印本页】 【关闭窗口】\n分享到：微信 微博\n主办单位：某市人民政府办公室 版权所有\n"
    chrome, _ = find_chrome(text)
    assert _marked(text, chrome) == [
        ("page", "【打印本页】 【关闭窗口】"), ("page", "分享到：微信 微博"),
        ("page", "主办单位：某市人民政府办公室 版权所有"),
    ]


def test_body_is_never_marked():
    """Labels and widget words inside the body, or after it starts, are body text."""
    text = (
        "政府工作报告\n"
        "各位代表：现在，我代表市人民政府向大会报告工作。\n"
        "来源：统计公报。发布日期后的数据另行公布。\n"
        "打印\n"
        "加快建设，努力奋斗！\n"
    )
    assert find_chrome(text) == ((), {})


def test_a_title_before_the_first_chrome_line_is_not_chrome():
    text = "关于印发某市2024年政府工作报告的通知\n发布时间：2024-01-20 来源：市政府办公室\n各区人民政府：现印发给你们。\n"
    chrome, hints = find_chrome(text)
    assert _marked(text, chrome) == [("page", "发布时间：2024-01-20 来源：市政府办公室")]
    assert hints == {"publish_date": "2024-01-20"}


def test_the_title_page_between_chrome_lines_is_not_chrome():
    text = ("打印\n【字号：\n加大\n】\n2031年某省政府工作报告\n——2031年1月20日在某省第十五届人民代表大会第二次会议上\n"
            "来源：某省日报\n时间：2031-01-25\n某省人民政府省长 张三\n各位代表：\n现在，我代表省人民政府向大会报告工作。\n")
    chrome, _ = find_chrome(text)
    assert _marked(text, chrome) == [("page", "打印"), ("page", "【字号："), ("page", "加大"), ("page", "】"),
                                     ("page", "来源：某省日报"), ("page", "时间：2031-01-25")]


def test_one_huge_line_is_cheap():
    text = "加快建设" * 2_000_000
    assert find_chrome(text) == ((), {})


def test_info_table_rows_split_by_bars():
    """A page's info table copied as ``label | value | label: | value`` rows; the values become hints."""
    text = (
        "文件名称 | 某县2030年政府工作报告 | ||\n"
        "索引号 | 0000/2030-001 | 公开目录: | 工作报告 |\n"
        "有效性 | 有效 | 公开日期: | 2030-02-01 09:30 |\n"
        "各位代表：\n现在，我代表县人民政府向大会报告工作。\n"
    )
    chrome, hints = find_chrome(text)
    assert [k for k, _ in _marked(text, chrome)] == ["page"] * 3
    assert hints == {"title": "某县2030年政府工作报告", "index_number": "0000/2030-001",
                     "publish_date": "2030-02-01 09:30"}


def test_forum_post_furniture():
    """Widget words written without a gap, view counters, a poster's profile and a dated post line."""
    text = (
        "设为首页收藏本站\n查看: 15|回复: 2\n\n[某省] 某旗政府工作报告\n[复制链接]\n"
        "  积分\n  3万\n  版主\n  发表于 2030-3-1 10:00:00 | 只看该作者\n"
        "某旗政府工作报告\n各位代表：\n过去一年，全旗地区生产总值增长5%。\n"
    )
    chrome, _ = find_chrome(text)
    marked = [t for _, t in _marked(text, chrome)]
    assert marked[0] == "设为首页收藏本站" and marked[-1] == "发表于 2030-3-1 10:00:00 | 只看该作者"
    assert "3万" in marked  # a profile's number between chrome lines is chrome, never a measure
    assert text[chrome[-1].span.end:].lstrip().startswith("某旗政府工作报告\n各位代表")


def test_traditional_page_chrome_with_pinyin_glosses():
    """Traditional pages are read through their Simplified form; a pinyin gloss does not hide a widget."""
    text = (
        "某報網(wǎng)>>某省頻道\n\n2030年01月05日10:18 | 來(lái)源:某報網(wǎng)\n小字號(hào)\n\n"
        "省長(zhǎng)作政府工作報告。\n\n【糾錯】 【責任編輯:某某】\n"
    )
    chrome, _ = find_chrome(text)
    marked = [t for _, t in _marked(text, chrome)]
    assert marked == ["某報網(wǎng)>>某省頻道", "2030年01月05日10:18 | 來(lái)源:某報網(wǎng)", "小字號(hào)",
                      "【糾錯】 【責任編輯:某某】"]


def test_breadcrumbs_banners_link_bars_and_dated_lines():
    text = (
        "欢迎光临某某范文网\n甲频道|乙频道|丙频道|丁频道|戊频道|己频道\n首页 理论学习 某县年鉴文章\n"
        "[工作报告] 发表于:2030-08-11 10:00\n时间:2030-08-11 理论学习 版权反馈\n"
        "2029年,全县经济运行稳中有进。\n"
    )
    chrome, _ = find_chrome(text)
    assert len(chrome) == 5
    assert text[chrome[-1].span.end:].lstrip().startswith("2029年,全县")


def test_title_page_dates_are_not_chrome():
    """A delivery date on a line of its own stays body: only labelled or widget lines start the chrome."""
    text = "政府工作报告\n\n发布时间:2030-03-12 浏览次数:\n\n政 府 工 作 报 告\n——在某县第一届人民代表大会第三次会议上\n(2030年3月12日)\n各位代表:\n现在,我代表县人民政府向大会报告工作。\n"
    chrome, _ = find_chrome(text)
    assert [t for _, t in _marked(text, chrome)] == ["发布时间:2030-03-12 浏览次数:"]


def test_a_summary_above_the_article_is_chrome_even_when_long():
    """A site's 【摘要】 repeats the article's figures; it is not the article."""
    summary = "【摘要】:" + "全年粮食产量达到20万吨,茶叶产量增长5%。" * 9
    text = f"首页 年鉴 某县年鉴\n时间:2030-01-01 年鉴 版权反馈\n{summary}\n2029年,全县粮食产量达到20万吨。\n"
    chrome, _ = find_chrome(text)
    assert len(summary) > 200 and [text[c.span.start:c.span.end] for c in chrome][-1] == summary
    assert text[chrome[-1].span.end:].strip().startswith("2029年")


def test_a_search_box_label_is_chrome():
    text = "快捷搜索:范文 讲话 总结\n\n某区政府工作报告\n\n各位代表:\n现在,我代表区人民政府向大会报告工作。\n"
    chrome, _ = find_chrome(text)
    assert [t for _, t in _marked(text, chrome)] == ["快捷搜索:范文 讲话 总结"]


def test_article_collection_furniture():
    """范文 sites: a tag box, the site's domain stamp, and numbered items with a character count."""
    text = (
        "某某报告范文\n\n| 报告 |\n\n【www.example.com--报告】\n\n篇一:某镇政府工作报告\n"
        "第一篇 某镇政府工作报告3200字\n各位代表:\n我代表镇人民政府,向大会报告工作。\n"
    )
    chrome, _ = find_chrome(text)
    assert [t for _, t in _marked(text, chrome)] == [
        "| 报告 |", "【www.example.com--报告】", "篇一:某镇政府工作报告", "第一篇 某镇政府工作报告3200字"]


def test_a_plan_part_heading_is_not_a_collection_item():
    text = "某县国民经济和社会发展第十五个五年规划纲要\n第一篇 开启现代化建设新征程\n第一章 发展基础\n“十四五”时期,全县生产总值年均增长6%。\n"
    assert find_chrome(text) == ((), {})
