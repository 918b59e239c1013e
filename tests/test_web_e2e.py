"""End to end in a real headless Chromium: list → document → source view → popover.

Runs the app with uvicorn on a free localhost port in a background thread
and drives Debian's chromium through Playwright (never a downloaded
browser). Screenshots go to ``out/screenshots/`` for people to look at.
Skipped, with the reason, where chromium or playwright is missing.
"""
from __future__ import annotations

import re

import pytest
from e2e_browser import serving, shot, shots

from luoshi.ingest import ingest
from luoshi.store import Store
from luoshi.web import Settings, create_app


@pytest.fixture(scope="module")
def site(shared, tmp_path_factory):
    """The app on seeds 000 (plan section) and 002 (Traditional, mojibake, glossary), served on a free port."""
    db = tmp_path_factory.mktemp("web") / "luoshi.db"
    seeds = sorted((shared / "corpus" / "seeds").glob("00[02]_*.txt"))
    with Store(db) as store:
        assert not [r for r in ingest(seeds, store) if r.failed]
    with serving(create_app(Settings(db=str(db)))) as base:
        yield base


def test_a_clerk_goes_from_the_list_to_a_highlighted_measure(site, page):
    page.goto(site)
    assert page.locator(".stats strong").first.inner_text() == "2"
    shots(page, "home")
    page.get_by_role("link", name="查看全部文件").click()
    page.wait_for_url("**/documents")
    rows = page.locator("table.documents tbody tr")
    assert rows.count() == 2
    shots(page, "documents")
    page.get_by_label("级别").select_option(label="县级（1）")
    page.get_by_role("button", name="筛选").click()
    page.wait_for_url(re.compile(r"/documents\?.*level=county"))
    assert rows.count() == 1 and "连州市" in rows.first.inner_text()
    page.get_by_role("link", name="清除条件").click()
    page.wait_for_url("**/documents")

    page.get_by_role("link", name="肇庆市政府工作报告（节选）").click()
    page.wait_for_url("**/documents/*")
    assert page.locator("h1").inner_text() == "肇庆市政府工作报告（节选）"
    assert page.locator(".outline li").count() > 3
    shots(page, "document")

    page.get_by_role("link", name="查看原文与标注").click()
    page.wait_for_url("**/source")
    target = page.locator(".source .hl.k-target", has_text="农村生活污水治理率达80%以上").first
    target.scroll_into_view_if_needed()
    target.hover()
    popover = page.locator("#popover")
    popover.wait_for(state="visible")
    text = popover.inner_text()
    assert "目标" in text and "农村生活污水治理率" in text and "80" in text and "不低于" in text
    shot(page, "source-hover")

    target.click()  # pinned: stays while the pointer moves away
    page.mouse.move(5, 5)
    assert popover.is_visible() and "pinned" in popover.get_attribute("class")
    page.keyboard.press("Escape")
    assert popover.is_hidden()

    first_measure = page.locator(".source [tabindex='0']").first  # keyboard users tab from measure to measure
    first_measure.focus()
    popover.wait_for(state="visible")
    items = page.request.get(page.url.replace("/documents/", "/api/documents/")).json()["items"]
    starts = {i["start"] for i in items if i["kind"] in ("target", "achievement")}
    assert page.locator(".source [tabindex='0']").count() == len(starts) > 0


def test_repairs_and_glossary_terms_are_marked_in_the_source(site, page):
    page.goto(site + "documents")
    page.locator("table.documents tbody tr", has_text="连州市").get_by_role("link").first.click()
    page.get_by_role("link", name="查看原文与标注").click()
    page.wait_for_url("**/source")
    repair = page.locator(".source .hl.k-repair").first
    repair.scroll_into_view_if_needed()
    repairs = page.request.get(page.url.replace("/documents/", "/api/documents/")).json()["counts"]["repair"]
    assert page.locator(".source .repair-after").count() == repairs > 0  # the reading after each garbled run
    repair.hover()
    assert "乱码修复" in page.locator("#popover").inner_text()
    shot(page, "source-repair")
    term = page.locator(".source .hl.k-glossary").first
    assert term.get_attribute("title")  # the definition as a native tooltip
    term.scroll_into_view_if_needed()
    term.hover()
    assert "释义" in page.locator("#popover").inner_text()
    shot(page, "source-glossary")


def test_a_link_to_a_headline_target_opens_it_in_the_source(site, page):
    page.goto(site + "documents")
    page.locator("table.documents tbody tr", has_text="连州市").get_by_role("link").first.click()
    assert page.locator(".chart-data table").is_visible()  # the chart's data table, shown with it
    assert page.locator(".chart .bar").count() == page.locator(".chart-data tbody tr").count() > 0
    shot(page, "document-headline-targets", full_page=True)
    first = page.locator("table.headline tbody tr").first
    indicator = first.locator("td").first.inner_text()
    first.get_by_role("link").click()
    page.wait_for_url("**/source#h*")
    popover = page.locator("#popover")
    popover.wait_for(state="visible")
    assert "pinned" in popover.get_attribute("class")
    assert "主要预期目标" in popover.inner_text() and indicator in popover.inner_text()
    shot(page, "source-linked-headline")
