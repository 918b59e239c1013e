"""End to end in headless Chromium: filter the register, open a commitment, export, fulfilment, the board.

Same setup as ``test_web_e2e`` (Debian's chromium through Playwright, the
app on a free localhost port), on the bundled examples. Screenshots go to
``out/screenshots/``. Skipped, with the reason, where chromium or
playwright is missing.
"""
from __future__ import annotations

import io
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from e2e_browser import serving, shot, shots
from openpyxl import load_workbook

from luoshi import register
from luoshi.demo import run_demo
from luoshi.store import Store
from luoshi.web import Settings, create_app


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """(url, db): the examples served on a free port."""
    db = tmp_path_factory.mktemp("web") / "luoshi.db"
    with Store(db) as store:
        assert not [r for r in run_demo(store).results if r.failed]
        first = register.list_commitments(store, kind="measure")[0].id
        at = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)
        register.record(store, first, "lead", "市发展改革局", "张三", at)
        register.record(store, first, "status", "推进中", "张三", at.replace(day=2), note="一季度数据已发布")
        register.record(store, first, "evidence", "统计公报", "李四", at.replace(day=3), url="https://example.org/gb")
    with serving(create_app(Settings(db=str(db)))) as base:
        yield base, str(db)


def test_a_clerk_filters_the_register_opens_a_commitment_and_exports(site, page):
    base, db = site
    with Store(db, create=False) as store:
        measures = register.list_commitments(store, kind="measure")
    page.goto(base + "register")
    shots(page, "register")
    page.locator("select[name=kind]").select_option(value="measure")
    page.get_by_role("button", name="筛选").click()
    page.wait_for_url(re.compile(r"/register\?.*kind=measure"))
    rows = page.locator("table.register tbody tr")
    assert rows.count() == min(50, len(measures))
    assert f"符合条件 {len(measures)} 项" in page.locator("h1").inner_text()
    shot(page, "register-filtered")

    with page.expect_download() as download:
        page.get_by_role("link", name="Excel").click()
    sheet = load_workbook(io.BytesIO(Path(download.value.path()).read_bytes()), read_only=True).active
    assert [r[0] for r in list(sheet.iter_rows(values_only=True))[1:]] == [c.id for c in measures]

    rows.first.get_by_role("link").first.click()
    page.wait_for_url("**/commitments/*")
    assert page.locator(".context mark").inner_text() == measures[0].text
    assert page.locator(".timeline li").count() == 3 and "推进中" in page.locator(".timeline").inner_text()
    shots(page, "commitment", full_page=True)
    page.get_by_role("link", name="在原文中查看").click()
    page.wait_for_url(re.compile(r"/source#m\d+"))
    page.locator("#popover").wait_for(state="visible")


def test_fulfilment_comparison_and_board_render(site, page):
    base, _ = site
    page.goto(base + "fulfilment")
    assert page.locator("tr.verdict-row").count() > 0
    assert page.locator(".chart .bar").count() == 4
    shots(page, "fulfilment", full_page=True)
    page.goto(base + "comparison")
    assert page.locator(".chart .bar").count() > 0
    shots(page, "comparison", full_page=True)
    page.goto(base + "board")
    page.locator(".board-doc details summary").first.click()
    assert page.locator(".board-doc table").first.is_visible()
    shots(page, "board", full_page=True)
