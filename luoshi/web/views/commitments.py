"""One commitment: its source span in context, fields, status timeline and evidence (read-only here).

Editing forms come from the accounts module's ``_edit_forms.html`` partial
when it is installed; this page includes it and asks for no sign-in itself.
"""
from __future__ import annotations

from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from luoshi.errors import NotFound
from luoshi.register import COLOUR_LABELS, STATUS_LABELS, evidence_file
from luoshi.web import register_queries as rq
from luoshi.web.pages import render, store_of

router = APIRouter()


@router.get("/commitments/{commitment_id}", response_class=HTMLResponse, include_in_schema=False)
def commitment_page(request: Request, commitment_id: int) -> HTMLResponse:
    return render(request, "commitment.html", view=rq.commitment_page(store_of(request), commitment_id),
                  kind_labels=rq.KIND_LABELS, colour_labels=COLOUR_LABELS, status_labels=STATUS_LABELS,
                  safe_url=rq.safe_url)


@router.get("/api/commitments/{commitment_id}", tags=["台账"],
            summary="一项承诺：原文上下文、状态、牵头单位、期限、证据与全部记录")
def commitment_api(request: Request, commitment_id: int) -> rq.CommitmentPage:
    return rq.commitment_page(store_of(request), commitment_id)


@router.get("/commitments/{commitment_id}/evidence/{sha256}", response_class=Response, include_in_schema=False)
def evidence_download(request: Request, commitment_id: int, sha256: str) -> Response:
    store = store_of(request)
    name = rq.has_evidence_file(rq.get(store, commitment_id), sha256)
    if name is None:
        raise NotFound(f"commitment {commitment_id} has no evidence file {sha256}")
    return Response(evidence_file(store, sha256), media_type="application/octet-stream",
                    headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quote(name)}"})
