"""``create_app(settings)``: the FastAPI application on a luoshi register.

Pages are server-rendered (Jinja2, autoescape on) with a little vanilla
JavaScript; CSS, scripts and fonts come from the package, never a CDN (so
there is no Swagger page, which would load from one: the schema is at
``/api/openapi.json``). A
strict Content-Security-Policy (no inline script or style) backs up the
escaping: even text that slipped through could not run. Errors are pages
in Chinese for people and ``{"detail": …}`` for ``/api`` clients.
"""
from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader, StrictUndefined
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from luoshi import uploads
from luoshi.errors import LuoshiError, NotFound
from luoshi.store import Store
from luoshi.web import auth, charts, labels
from luoshi.web.pages import render, wants_json
from luoshi.web.settings import Settings, secret_key
from luoshi.web.views import (
    analysis,
    board,
    commitment_edit,
    commitments,
    documents,
    register,
    upload,
)
from luoshi.web.views import auth as auth_views

STATIC = Path(__file__).with_name("static")
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                               "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}
STATUS_TEXT = {400: "请求有误", 404: "未找到", 405: "不支持该操作", 500: "服务器出错"}


def create_app(settings: Settings | None = None, store: Store | None = None) -> FastAPI:
    """The application on ``settings.db`` (or on an already open ``store``, which the caller closes).

    :raises NotFound: there is no database at ``settings.db``.
    """
    settings = settings or Settings()
    owned = store is None
    store = Store(settings.db, create=False) if store is None else store

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if not settings.public:  # ingests begun before this server started died with the server that ran them
            await run_in_threadpool(uploads.fail_interrupted, store, datetime.now(UTC))
        yield
        if owned:
            store.close()

    app = FastAPI(title="落实 luoshi", description="政府工作报告与规划纲要承诺台账：网页与 JSON 接口",
                  version="0.1.0", lifespan=lifespan, docs_url=None, redoc_url=None,
                  openapi_url="/api/openapi.json")
    app.state.settings = settings
    app.state.store = store
    app.state.secret_key = secret_key(settings)
    app.state.templates = templates()
    app.add_middleware(GZipMiddleware, minimum_size=2048)  # a source view is ~10 bytes of markup per character
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(documents.router)
    app.include_router(register.router)
    app.include_router(commitments.router)
    app.include_router(analysis.router)
    app.include_router(board.router)
    app.include_router(auth_views.router)
    app.include_router(commitment_edit.router)
    app.include_router(upload.router)
    auth.install(app)
    add_error_pages(app)

    @app.middleware("http")
    async def security_headers(request: Request, call_next) -> Response:
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    return app


def templates() -> Environment:
    env = Environment(loader=PackageLoader("luoshi.web", "templates"), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    env.globals.update(labels=labels, bar_chart=charts.bar_chart)
    env.policies["json.dumps_kwargs"] = {"sort_keys": False}  # popover fields in the order the view gives them
    env.filters["number"] = lambda v: "—" if v is None else f"{v:,}" if isinstance(v, int) else str(v)
    return env


def add_error_pages(app: FastAPI) -> None:
    def answer(request: Request, status: int, message: str) -> Response:
        if wants_json(request):
            return JSONResponse({"detail": message}, status_code=status)
        return render(request, "error.html", status_code=status, status=status,
                      heading=STATUS_TEXT.get(status, "出错了"), message=message)

    @app.exception_handler(NotFound)
    async def not_found(request: Request, _exc: NotFound) -> Response:
        doc_id = request.path_params.get("doc_id")
        return answer(request, 404, f"没有编号为 {doc_id} 的文件。" if doc_id is not None else "没有这项内容。")

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        if exc.status_code == 404:
            return answer(request, 404, "没有这个页面，请检查网址。")
        return answer(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        if wants_json(request):
            return JSONResponse({"detail": jsonable_encoder(exc.errors())}, status_code=422)
        return answer(request, 404, "没有这个页面，请检查网址（文件编号应为数字）。")

    @app.exception_handler(LuoshiError)
    async def luoshi_error(request: Request, exc: LuoshiError) -> Response:
        return answer(request, 500, f"服务器出错：{exc}")
