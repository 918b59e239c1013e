"""Home, the document list, one document's outline and its highlighted source.

Each page ``/X`` has a JSON twin ``/api/X`` returning the same dataclass
the page's template renders.
"""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from luoshi.web import labels, queries
from luoshi.web.pages import render, store_of
from luoshi.web.source_view import pieces

router = APIRouter()


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def home_page(request: Request) -> HTMLResponse:
    return render(request, "home.html", view=queries.home(store_of(request)))


@router.get("/api", tags=["文件"], summary="首页：入库文件与指标数量")
def home_api(request: Request) -> queries.Home:
    return queries.home(store_of(request))


@router.get("/documents", response_class=HTMLResponse, include_in_schema=False)
def documents_page(request: Request) -> HTMLResponse:
    return render(request, "documents.html", view=queries.document_list(store_of(request)))


@router.get("/api/documents", tags=["文件"], summary="文件列表（每个文件的最新版本）")
def documents_api(request: Request) -> queries.DocumentList:
    return queries.document_list(store_of(request))


@router.get("/documents/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
def document_page(request: Request, doc_id: int) -> HTMLResponse:
    return render(request, "document.html", view=queries.document_page(store_of(request), doc_id))


@router.get("/api/documents/{doc_id}", tags=["文件"], summary="文件信息、目录结构与数量")
def document_api(request: Request, doc_id: int) -> queries.DocumentPage:
    return queries.document_page(store_of(request), doc_id)


@router.get("/documents/{doc_id}/source", response_class=HTMLResponse, include_in_schema=False)
def source_page(request: Request, doc_id: int) -> HTMLResponse:
    page = queries.source_page(store_of(request), doc_id)
    return render(request, "source.html", view=page, pieces=pieces(page),
                  items={i.id: {"kind": i.kind, "fields": i.fields} for i in page.items},
                  popover_labels={"kinds": labels.KINDS, "fields": labels.FIELDS, "values": labels.VALUES})


@router.get("/api/documents/{doc_id}/source", tags=["文件"], summary="原文全文与全部标注（偏移量）")
def source_api(request: Request, doc_id: int) -> queries.SourcePage:
    return queries.source_page(store_of(request), doc_id)
