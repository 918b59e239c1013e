"""Signing in and out, and ``/api/me`` (who the browser is signed in as, and its CSRF token).

A failed sign-in says only that the name or password is wrong; after
``accounts.FAILED_LOGINS`` failures for one name from one address the
answer is 429 until the window has passed.
"""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from luoshi import accounts
from luoshi.accounts import User
from luoshi.web import auth
from luoshi.web.pages import render, store_of

router = APIRouter()
WRONG = "用户名或密码错误。"


class Credentials(BaseModel):
    username: str
    password: str


class Me(BaseModel):
    """The signed-in user (``null`` when nobody is), and what the site allows."""

    username: str | None
    role: str | None
    csrf_token: str | None  # send it as the X-CSRF-Token header with every change
    can_edit: bool
    public: bool
    has_users: bool


@router.get("/login", response_class=HTMLResponse, include_in_schema=False)
def login_page(request: Request, next: str = "/") -> HTMLResponse:
    return _login_form(request, next)


@router.post("/login", response_class=HTMLResponse, include_in_schema=False)
async def login(request: Request, username: Annotated[str, Form()] = "", password: Annotated[str, Form()] = "",
                csrf_token: Annotated[str, Form()] = "", next: Annotated[str, Form()] = "/") -> Response:
    if not auth.login_token_ok(request, csrf_token):
        return _login_form(request, next, auth.BAD_CSRF, 403, username)
    try:
        token, _session = await run_in_threadpool(_sign_in, request, username, password)
    except HTTPException as exc:
        return _login_form(request, next, str(exc.detail), exc.status_code, username)
    response = RedirectResponse(_local(next), status_code=303)
    auth.set_cookie(request, response, auth.SESSION_COOKIE, token, int(accounts.SESSION_LIFETIME.total_seconds()))
    response.delete_cookie(auth.LOGIN_COOKIE, path="/")
    return response


@router.post("/logout", include_in_schema=False)
def logout(request: Request, _user: Annotated[User, Depends(auth.require_role("viewer"))]) -> Response:
    accounts.destroy_session(store_of(request), request.cookies.get(auth.SESSION_COOKIE))
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(auth.SESSION_COOKIE, path="/")
    return response


@router.get("/api/me", tags=["账号"], summary="当前登录的用户与 CSRF 令牌")
def me_api(request: Request) -> Me:
    found = auth.access_of(request)
    user = found.session.user if found.session else None
    return Me(username=user.username if user else None, role=user.role if user else None,
              csrf_token=found.session.csrf_token if found.session else None, can_edit=auth.can_edit(request),
              public=request.app.state.settings.public, has_users=found.has_users)


@router.post("/api/login", tags=["账号"], summary="登录：成功后设置会话 Cookie，返回 CSRF 令牌",
             responses={401: {"description": "用户名或密码错误"}, 429: {"description": "失败次数过多"}})
def login_api(request: Request, credentials: Credentials, response: Response) -> Me:
    token, opened = _sign_in(request, credentials.username, credentials.password)
    auth.set_cookie(request, response, auth.SESSION_COOKIE, token, int(accounts.SESSION_LIFETIME.total_seconds()))
    return Me(username=opened.user.username, role=opened.user.role, csrf_token=opened.csrf_token,
              can_edit=opened.user.can("editor"), public=False, has_users=True)


@router.post("/api/logout", tags=["账号"], summary="退出登录（需 X-CSRF-Token）", status_code=204)
def logout_api(request: Request, _user: Annotated[User, Depends(auth.require_role("viewer"))]) -> Response:
    accounts.destroy_session(store_of(request), request.cookies.get(auth.SESSION_COOKIE))
    response = Response(status_code=204)
    response.delete_cookie(auth.SESSION_COOKIE, path="/")
    return response


def _sign_in(request: Request, username: str, password: str) -> tuple[str, accounts.Session]:
    if request.app.state.settings.public:
        raise HTTPException(403, "信息公开网站无需也不能登录。")
    store = store_of(request)
    ip = request.client.host if request.client else "unknown"
    try:
        user = accounts.authenticate(store, username, password, ip)
    except accounts.TooManyAttempts as exc:
        minutes = -(-exc.retry_after // 60)
        raise HTTPException(429, f"登录失败次数过多，请 {minutes} 分钟后再试。",
                            headers={"Retry-After": str(exc.retry_after)}) from None
    if user is None:
        raise HTTPException(401, WRONG)
    return accounts.create_session(store, user)


def _login_form(request: Request, next: str, error: str | None = None, status: int = 200,
                username: str = "") -> HTMLResponse:
    token = auth.login_token(request)
    response = render(request, "login.html", status_code=status, login_token=token, next=_local(next),
                      error=error, username=username, has_users=auth.access_of(request).has_users)
    auth.set_cookie(request, response, auth.LOGIN_COOKIE, token, 3600)
    response.headers["Cache-Control"] = "no-store"
    return response


def _local(target: str) -> str:
    """Only a path on this site (never ``//elsewhere`` or ``https://…``) is followed after signing in."""
    return target if target.startswith("/") and not target.startswith(("//", "/\\")) else "/"
