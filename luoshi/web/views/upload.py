"""Uploading a document: editors send a file, luoshi reads it at once and analyses it after answering.

The size and format are checked and the file is read (decoding, format
sniffing by ``luoshi.read``) before anything is stored, so a bad file gets
its one-line error on the upload page and leaves nothing behind. The
progress page ``/uploads/{id}`` reloads itself (no script) until the ingest
is done.
"""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Depends, File, HTTPException, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from luoshi import uploads
from luoshi.accounts import User
from luoshi.errors import LuoshiError
from luoshi.ingest import error_line
from luoshi.model import Source
from luoshi.options import Options
from luoshi.read import FORMATS, read_bytes
from luoshi.web import auth
from luoshi.web.pages import render, store_of
from luoshi.web.views.commitment_edit import safe_name

router = APIRouter()
Editor = Annotated[User, Depends(auth.require_role("editor"))]
MAX_UPLOAD_BYTES = 20 * 2**20
REFRESH_SECONDS = 2
# What the upload form calls each format luoshi reads (luoshi.read.FORMATS), in this order.
FORMAT_NAMES = {"docx": "Word", "pdf": "PDF", "html": "网页", "txt": "纯文本", "md": "Markdown", "csv": "CSV",
                "jsonl": "JSON Lines", "parquet": "Parquet"}


@router.get("/upload", response_class=HTMLResponse, include_in_schema=False)
def upload_page(request: Request) -> HTMLResponse:
    return _page(request)


@router.post("/upload", include_in_schema=False)
async def upload(request: Request, user: Editor, background: BackgroundTasks,
                 file: Annotated[UploadFile | None, File()] = None) -> Response:
    try:
        upload_id = await _accept(request, user, file, background)
    except HTTPException as exc:
        return _page(request, str(exc.detail), exc.status_code)
    return RedirectResponse(f"/uploads/{upload_id}", status_code=303)


@router.post("/api/uploads", tags=["上传"], status_code=202,
             summary="上传文件（multipart 字段 file，需编辑权限与 X-CSRF-Token）；返回入库进度")
async def upload_api(request: Request, user: Editor, background: BackgroundTasks,
                     file: Annotated[UploadFile | None, File()] = None) -> uploads.Upload:
    upload_id = await _accept(request, user, file, background)
    return await run_in_threadpool(uploads.get, store_of(request), upload_id)


@router.get("/api/uploads", tags=["上传"], summary="最近的上传及其入库情况（最新在前）")
def uploads_api(request: Request) -> list[uploads.Upload]:
    return uploads.recent(store_of(request))


@router.get("/uploads/{upload_id}", response_class=HTMLResponse, include_in_schema=False)
def progress_page(request: Request, upload_id: int) -> HTMLResponse:
    found = uploads.get(store_of(request), upload_id)
    response = render(request, "upload_status.html", upload=found, refresh=REFRESH_SECONDS)
    if found.status == "running":
        response.headers["Refresh"] = str(REFRESH_SECONDS)
    return response


@router.get("/api/uploads/{upload_id}", tags=["上传"], summary="一次上传的入库进度：running、done 或 error")
def progress_api(request: Request, upload_id: int) -> uploads.Upload:
    return uploads.get(store_of(request), upload_id)


async def _accept(request: Request, user: User, file: UploadFile | None, background: BackgroundTasks) -> int:
    """Check and read the file now (400/413 with the reason); analyse and store it in the background."""
    if file is None or not file.filename:
        raise HTTPException(400, "请选择要上传的文件。")
    name = safe_name(file.filename)
    content = await file.read(MAX_UPLOAD_BYTES + 1)
    if len(content) > MAX_UPLOAD_BYTES:
        raise HTTPException(413, f"文件“{name}”超过 {MAX_UPLOAD_BYTES // 2**20} MB，无法上传；请拆分后再传。")
    suffix = name[name.rfind("."):].lower() if "." in name else ""
    if suffix not in FORMATS:
        raise HTTPException(400, f"不支持“{suffix or '无扩展名'}”类型的文件；可上传 {'、'.join(sorted(FORMATS))}。")
    sources = await run_in_threadpool(_read, content, name)
    store = store_of(request)
    upload_id = await run_in_threadpool(uploads.start, store, user, name, len(content))
    background.add_task(uploads.run, store, upload_id, sources, Options())
    return upload_id


def _read(content: bytes, name: str) -> list[Source]:
    errors: list[LuoshiError] = []
    try:
        sources = read_bytes(content, name, on_error=errors.append)
    except LuoshiError as exc:
        raise HTTPException(400, f"无法读取：{error_line(exc, name)}") from None
    if not sources:
        detail = error_line(errors[0], name) if errors else f"{name}: no document in the file"
        raise HTTPException(400, f"无法读取：{detail}")
    return sources


def _page(request: Request, error: str | None = None, status: int = 200) -> HTMLResponse:
    kinds = set(FORMATS.values())
    names = [name for kind, name in FORMAT_NAMES.items() if kind in kinds] + sorted(kinds - FORMAT_NAMES.keys())
    return render(request, "upload.html", status_code=status, error=error, formats="、".join(names),
                  suffixes=" ".join(sorted(FORMATS)), max_mb=MAX_UPLOAD_BYTES // 2**20,
                  recent=uploads.recent(store_of(request)))

