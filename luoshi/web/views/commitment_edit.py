"""Editing a commitment from its page: status, lead unit, deadline, notes and evidence.

Every change is one ``luoshi.register.record`` event by the signed-in
editor (nothing is overwritten; the history shows who changed what). Forms
post here and come back to the commitment page; ``/api`` clients post JSON
(or, for a file, multipart) with the ``X-CSRF-Token`` header.
"""
from __future__ import annotations

import tempfile
from datetime import datetime
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import RedirectResponse
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from luoshi import register
from luoshi.accounts import User
from luoshi.errors import UsageError
from luoshi.register.events import MAX_EVIDENCE_BYTES
from luoshi.web import auth
from luoshi.web.pages import store_of

router = APIRouter()
Editor = Annotated[User, Depends(auth.require_role("editor"))]
EventType = Literal["status", "lead", "cooperating", "deadline", "note", "evidence"]
TEXT = ("utf-8", "gb18030")
ZIP = b"PK\x03\x04"
# Evidence files luoshi keeps: the suffix, and how the content must begin (None: text in UTF-8 or GB18030).
EVIDENCE_TYPES: dict[str, bytes | None] = {
    ".pdf": b"%PDF-", ".png": b"\x89PNG\r\n\x1a\n", ".jpg": b"\xff\xd8\xff", ".jpeg": b"\xff\xd8\xff",
    ".docx": ZIP, ".xlsx": ZIP, ".pptx": ZIP, ".txt": None, ".csv": None, ".md": None,
}

# What a form left empty needs (the browser's own check usually says it first).
MISSING = {"status": "请选择状态。", "lead": "请填写牵头单位。", "cooperating": "请填写配合单位。",
           "deadline": "请选择完成时限（年-月-日）。", "note": "请填写备注内容。"}
MISSING_EVIDENCE = "佐证需要说明、链接或文件，请至少填写一项。"
EVIDENCE = {"url", "file"}


class EventIn(BaseModel):
    """One change: ``value`` is a status (key or label), unit, ``YYYY-MM-DD`` deadline, note or evidence text."""

    type: EventType
    value: str | None = None
    note: str | None = None
    url: str | None = None


class EventOut(BaseModel):
    id: int
    commitment_id: int
    at: datetime
    author: str
    type: str
    value: str | None
    note: str | None
    url: str | None
    file_name: str | None
    file_sha256: str | None


@router.post("/commitments/{commitment_id}/status", include_in_schema=False)
def status_form(request: Request, commitment_id: int, user: Editor, status: Annotated[str, Form()],
                note: Annotated[str, Form()] = "") -> RedirectResponse:
    _record(request, commitment_id, user, "status", status, note=note)
    return _back(commitment_id, "status")


@router.post("/commitments/{commitment_id}/lead", include_in_schema=False)
def lead_form(request: Request, commitment_id: int, user: Editor, value: Annotated[str, Form()],
              note: Annotated[str, Form()] = "") -> RedirectResponse:
    _record(request, commitment_id, user, "lead", value, note=note)
    return _back(commitment_id, "lead")


@router.post("/commitments/{commitment_id}/deadline", include_in_schema=False)
def deadline_form(request: Request, commitment_id: int, user: Editor, value: Annotated[str, Form()],
                  note: Annotated[str, Form()] = "") -> RedirectResponse:
    _record(request, commitment_id, user, "deadline", value, note=note)
    return _back(commitment_id, "deadline")


@router.post("/commitments/{commitment_id}/note", include_in_schema=False)
def note_form(request: Request, commitment_id: int, user: Editor, value: Annotated[str, Form()]) -> RedirectResponse:
    _record(request, commitment_id, user, "note", value)
    return _back(commitment_id, "note")


@router.post("/commitments/{commitment_id}/evidence", include_in_schema=False)
async def evidence_form(request: Request, commitment_id: int, user: Editor, value: Annotated[str, Form()] = "",
                        url: Annotated[str, Form()] = "", note: Annotated[str, Form()] = "",
                        file: Annotated[UploadFile | None, File()] = None) -> RedirectResponse:
    await _evidence(request, commitment_id, user, value, url, note, file)
    return _back(commitment_id, "evidence")


@router.post("/api/commitments/{commitment_id}/events", tags=["承诺"], summary="记录一次变更（需编辑权限与 X-CSRF-Token）",
             status_code=201)
def event_api(request: Request, commitment_id: int, user: Editor, change: EventIn) -> EventOut:
    return _out(_record(request, commitment_id, user, change.type, change.value, note=change.note, url=change.url))


@router.post("/api/commitments/{commitment_id}/evidence", tags=["承诺"],
             summary="上传证据文件（multipart，需编辑权限与 X-CSRF-Token）", status_code=201)
async def evidence_api(request: Request, commitment_id: int, user: Editor, file: Annotated[UploadFile | None, File()] = None,
                       value: Annotated[str, Form()] = "", url: Annotated[str, Form()] = "",
                       note: Annotated[str, Form()] = "") -> EventOut:
    return _out(await _evidence(request, commitment_id, user, value, url, note, file))


async def _evidence(request: Request, commitment_id: int, user: User, value: str, url: str, note: str,
                    file: UploadFile | None) -> register.Event:
    if file is None or not file.filename:
        return await run_in_threadpool(_record, request, commitment_id, user, "evidence", value, note=note, url=url)
    name = safe_name(file.filename)
    content = await file.read(MAX_EVIDENCE_BYTES + 1)
    check_evidence(name, content)
    with tempfile.TemporaryDirectory(prefix="luoshi-evidence-") as folder:
        path = Path(folder, name)
        path.write_bytes(content)
        return await run_in_threadpool(_record, request, commitment_id, user, "evidence", value, note=note, url=url,
                                       file=path)


def check_evidence(name: str, content: bytes) -> None:
    """A size and type check: 413 over the cap, 400 for an unknown suffix or content that does not match it."""
    if len(content) > MAX_EVIDENCE_BYTES:
        raise HTTPException(413, f"证据文件“{name}”超过 {MAX_EVIDENCE_BYTES // 2**20} MB；请发布到网上后填写链接。")
    if not content:
        raise HTTPException(400, f"证据文件“{name}”是空的。")
    suffix = Path(name).suffix.lower()
    if suffix not in EVIDENCE_TYPES:
        raise HTTPException(400, f"不支持“{suffix or '无扩展名'}”类型的证据文件；可上传 "
                                 f"{'、'.join(EVIDENCE_TYPES)}。")
    magic = EVIDENCE_TYPES[suffix]
    if magic is not None and not content.startswith(magic) or magic is None and not _is_text(content):
        raise HTTPException(400, f"证据文件“{name}”的内容与扩展名 {suffix} 不符。")


def safe_name(given: str) -> str:
    """The file's own name, without any folder a browser or client sent along."""
    name = PureWindowsPath(PurePosixPath(given).name).name.strip().lstrip(".")
    return name[:200] or "evidence"


def _is_text(content: bytes) -> bool:
    if b"\x00" in content:
        return False
    for encoding in TEXT:
        try:
            content.decode(encoding)
            return True
        except UnicodeDecodeError:
            continue
    return False


def _record(request: Request, commitment_id: int, user: User, type_: str, value: str | None, **extra
            ) -> register.Event:
    extra = {k: v for k, v in extra.items() if v not in (None, "")}
    if not (value or "").strip() and (type_ in MISSING or type_ == "evidence" and not extra.keys() & EVIDENCE):
        raise HTTPException(400, MISSING.get(type_, MISSING_EVIDENCE))
    try:
        return register.record(store_of(request), commitment_id, type_, value or None, user.username, **extra)
    except UsageError as exc:
        raise HTTPException(400, f"输入有误：{exc.message}") from None


def _back(commitment_id: int, saved: str) -> RedirectResponse:
    """Back to the commitment's history, which says what was saved (``labels.SAVED``)."""
    return RedirectResponse(f"/commitments/{commitment_id}?saved={saved}#history", status_code=303)


def _out(event: register.Event) -> EventOut:
    return EventOut(id=event.id, commitment_id=event.commitment_id, at=event.at, author=event.author,
                    type=event.type, value=event.value, note=event.note, url=event.url, file_name=event.file_name,
                    file_sha256=event.file_sha256)
