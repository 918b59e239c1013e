"""End to end in a real headless Chromium: sign in, change a commitment's status, see it in the history.

Same setup as ``test_web_e2e.py`` (uvicorn on a free port, Debian's
chromium through Playwright); skipped where either is missing.
"""
from __future__ import annotations

import pytest
from argon2 import PasswordHasher
from conftest import make_document
from e2e_browser import ARGS, CHROMIUM, serving, sync_api

from luoshi import accounts, register
from luoshi.store import Store
from luoshi.web import Settings, create_app

PASSWORD = "correct horse 9"



@pytest.fixture
def site(tmp_path, monkeypatch):
    """The app, with one report and an editor, on a free port; the served URL, the store and a commitment id."""
    monkeypatch.setattr(accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    with Store(tmp_path / "luoshi.db") as store:
        store.save_document(make_document())
        accounts.add_user(store, "editor", PASSWORD, "editor")
        commitment = register.list_commitments(store)[0].id
        app = create_app(Settings(db=str(tmp_path / "luoshi.db"), secret_key="e2e"), store=store)
        with serving(app) as base:
            yield base, store, commitment


def test_an_editor_signs_in_and_changes_a_status(site):
    base, store, commitment = site
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        try:
            page = browser.new_context(locale="zh-CN").new_page()
            errors: list[str] = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.goto(f"{base}commitments/{commitment}")
            page.wait_for_url("**/login?next=*")  # not signed in: sent to the sign-in page, then back
            page.get_by_label("用户名").fill("editor")
            page.get_by_label("密码").fill(PASSWORD)
            page.get_by_role("button", name="登录").click()
            page.wait_for_url(f"**/commitments/{commitment}")
            page.get_by_label("状态").select_option(label="推进中")
            page.get_by_label("说明").first.fill("已开工建设")
            page.get_by_role("button", name="更新状态").click()
            page.wait_for_url(f"**/commitments/{commitment}#history")
            history = page.locator("ol.timeline").inner_text()
            assert "状态改为 推进中" in history and "editor" in history and "已开工建设" in history
            page.get_by_role("button", name="退出").click()
            page.wait_for_url("**/login")
            assert errors == []
        finally:
            browser.close()
    assert register.get(store, commitment).status == "in_progress"
