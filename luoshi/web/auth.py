"""Who is asking, and may they: sessions, roles and CSRF tokens for the web application.

``install(app)`` adds a middleware that finds the request's session (the
``luoshi_session`` cookie: HttpOnly, SameSite=Lax, Secure over https) and
keeps everyone without one on the sign-in page — unless the app runs in
public mode, or no account exists yet (then the site is read-only for all).
Handlers that change anything depend on ``require_role("editor")``, which
also checks the session's CSRF token: the form field ``csrf_token`` or the
``X-CSRF-Token`` header, compared in constant time.
"""
from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Awaitable, Callable
from urllib.parse import quote

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from luoshi import accounts
from luoshi.accounts import Session, User
from luoshi.register import STATUS_LABELS
from luoshi.web.pages import store_of, wants_json

SESSION_COOKIE = "luoshi_session"
LOGIN_COOKIE = "luoshi_login"  # the sign-in form's token, before there is a session to hold one
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"
OPEN_PATHS = ("/login", "/api/login", "/api/me", "/api/openapi.json", "/favicon.ico",
              "/board", "/api/board")  # the public progress board (信息公开) needs no sign-in
MAX_REQUEST_BYTES = 21 * 2**20  # a 20 MiB file and its form; larger requests are refused before they are read
NO_USERS = "还没有任何账号，网站只读。管理员请在服务器上运行 luoshi user add 用户名 --role admin 创建账号。"
PUBLIC_READ_ONLY = "这是只读的信息公开网站，不能修改。"
BAD_CSRF = "表单已过期或来源不明（CSRF 令牌不符），请刷新页面后重试。"
_SCOPE_KEY = "luoshi.access"


class Access:
    """What the middleware found out about a request: its session, and whether any account exists."""

    __slots__ = ("has_users", "session")

    def __init__(self, session: Session | None, has_users: bool) -> None:
        self.session, self.has_users = session, has_users


def install(app: FastAPI) -> None:
    """Add the sign-in check and the template helpers (``csrf_token``, ``current_user``, ``can_edit``, …)."""
    app.state.templates.globals.update(csrf_token=csrf_token, current_user=current_user, can_edit=can_edit,
                                       accounts_exist=lambda request: access_of(request).has_users,
                                       role_labels=accounts.ROLE_LABELS, status_labels=STATUS_LABELS)

    @app.middleware("http")
    async def access(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        if request.method == "POST" and _declared_length(request) > MAX_REQUEST_BYTES:
            return _refuse(request, 413, f"上传内容超过 {MAX_REQUEST_BYTES // 2**20} MB，无法接收。")
        found = await run_in_threadpool(_access, request)
        request.scope[_SCOPE_KEY] = found
        path = request.url.path
        if found.session is None and found.has_users and not request.app.state.settings.public \
                and not (path in OPEN_PATHS or path.startswith("/static/")):
            if wants_json(request):
                return JSONResponse({"detail": "请先登录。"}, status_code=401)
            target = path + (f"?{request.url.query}" if request.url.query else "")
            return RedirectResponse(f"/login?next={quote(target, safe='')}", status_code=303)
        return await call_next(request)


def _declared_length(request: Request) -> int:
    value = request.headers.get("content-length", "")
    return int(value) if value.isdigit() else 0


def _access(request: Request) -> Access:
    store = store_of(request)
    return Access(accounts.session_of(store, request.cookies.get(SESSION_COOKIE)), accounts.has_users(store))


def _refuse(request: Request, status: int, message: str) -> Response:
    if wants_json(request):
        return JSONResponse({"detail": message}, status_code=status)
    return Response(message, status_code=status, media_type="text/plain; charset=utf-8")


def access_of(request: Request) -> Access:
    found = request.scope.get(_SCOPE_KEY)
    return found if found is not None else _access(request)


def session(request: Request) -> Session | None:
    return access_of(request).session


def current_user(request: Request) -> User | None:
    found = session(request)
    return found.user if found is not None else None


def csrf_token(request: Request) -> str:
    """The token every form of this session carries (empty without a session)."""
    found = session(request)
    return found.csrf_token if found is not None else ""


def can_edit(request: Request) -> bool:
    user = current_user(request)
    return user is not None and user.can("editor") and not request.app.state.settings.public


def require_role(role: str) -> Callable[[Request], Awaitable[User]]:
    """A dependency: the signed-in user when they have ``role`` and the request carries their CSRF token.

    401 without a session, 403 for a weaker role, public mode, no accounts, or a missing or wrong token.
    """
    async def dependency(request: Request) -> User:
        if request.app.state.settings.public:
            raise HTTPException(403, PUBLIC_READ_ONLY)
        found = access_of(request)
        if not found.has_users:
            raise HTTPException(403, NO_USERS)
        if found.session is None:
            raise HTTPException(401, "请先登录。")
        user = found.session.user
        if not user.can(role):
            raise HTTPException(403, f"您的账号（{accounts.ROLE_LABELS[user.role]}）没有此操作的权限；请联系管理员。")
        if request.method not in ("GET", "HEAD") and not same_token(await sent_token(request),
                                                                   found.session.csrf_token):
            raise HTTPException(403, BAD_CSRF)
        return user

    return dependency


async def sent_token(request: Request) -> str:
    """The CSRF token the request carries: the header, else the form field."""
    header = request.headers.get(CSRF_HEADER)
    if header:
        return header
    if request.headers.get("content-type", "").startswith(("multipart/form-data",
                                                            "application/x-www-form-urlencoded")):
        value = (await request.form()).get(CSRF_FIELD)
        return value if isinstance(value, str) else ""
    return ""


def same_token(given: str, expected: str) -> bool:
    return bool(given) and bool(expected) and hmac.compare_digest(given.encode(), expected.encode())


def login_token(request: Request) -> str:
    """A fresh token for the sign-in form: a nonce signed with the app's key (also set as a cookie)."""
    nonce = secrets.token_urlsafe(16)
    return f"{nonce}.{_sign(request, nonce)}"


def login_token_ok(request: Request, given: str) -> bool:
    """The form's token is the one in the cookie, and this app signed it."""
    cookie = request.cookies.get(LOGIN_COOKIE, "")
    nonce, _, signature = given.partition(".")
    return same_token(given, cookie) and same_token(signature, _sign(request, nonce))


def _sign(request: Request, nonce: str) -> str:
    return hmac.new(request.app.state.secret_key.encode(), f"login:{nonce}".encode(), hashlib.sha256).hexdigest()


def set_cookie(request: Request, response: Response, name: str, value: str, max_age: int) -> None:
    response.set_cookie(name, value, max_age=max_age, httponly=True, samesite="lax", path="/",
                        secure=request.url.scheme == "https")
