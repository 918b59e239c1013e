"""Shared pieces of the request handlers: the store, templates, errors.

The app object keeps the open ``Store`` and the Jinja environment in
``app.state``; handlers reach them through the request, so there is no
module-level state and several apps (tests) can live in one process.
"""
from __future__ import annotations

from fastapi import Request
from fastapi.responses import HTMLResponse

from luoshi.store import Store


def store_of(request: Request) -> Store:
    return request.app.state.store


def render(request: Request, template: str, status_code: int = 200, **context: object) -> HTMLResponse:
    """An HTML page; the environment autoescapes everything the template writes."""
    html = request.app.state.templates.get_template(template).render(
        request=request, settings=request.app.state.settings, **context)
    return HTMLResponse(html, status_code=status_code)


def wants_json(request: Request) -> bool:
    return request.url.path == "/api" or request.url.path.startswith("/api/")
