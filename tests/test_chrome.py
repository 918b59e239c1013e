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


def test_one_huge_line_is_cheap():
    text = "加快建设" * 2_000_000
    assert find_chrome(text) == ((), {})
