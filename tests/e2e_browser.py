"""Shared set-up of the end-to-end tests: Debian's chromium through Playwright, the app on a free port.

The ``browser`` and ``page`` fixtures live in ``conftest.py``. Importing
this module skips the importing test module, with the reason,
where chromium or playwright is missing (``.ci/setup.d/30-chromium.sh``
installs chromium in CI; ``playwright install`` is never run). Screenshots
go to ``out/screenshots/`` for people to look at.
"""
from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import REPO

from luoshi.web.serve import bind, server, url

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SCREENSHOTS = REPO / "out" / "screenshots"

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")
if not CHROMIUM.exists():
    pytest.skip("no /usr/bin/chromium (apt-get install chromium)", allow_module_level=True)


@contextmanager
def serving(app) -> Iterator[str]:
    """Serve ``app`` with uvicorn on a free localhost port in a background thread; yields its URL."""
    sock = bind("127.0.0.1", 0)
    uvicorn_server = server(app)
    thread = threading.Thread(target=uvicorn_server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        yield url(sock)
    finally:
        uvicorn_server.should_exit = True
        thread.join(timeout=10)
        sock.close()


def shot(page, name: str, *, full_page: bool = False) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=full_page)


def shots(page, name: str, *, full_page: bool = False) -> None:
    """Screenshots at the page's width (``name``) and on a 390px phone (``narrow-name``), which must not scroll sideways."""
    size = page.viewport_size
    shot(page, name, full_page=full_page)
    page.set_viewport_size({"width": 390, "height": 844})
    try:
        shot(page, f"narrow-{name}", full_page=full_page)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{name}: {overflow}px wider than a 390px screen"
    finally:
        page.set_viewport_size(size)
