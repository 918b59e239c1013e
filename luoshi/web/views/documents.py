"""Home, the document list, one document's outline and its highlighted source.

Each page ``/X`` has a JSON twin ``/api/X`` returning the same dataclass
the page's template renders.
"""
from __future__ import annotations

from typing import Annotated, get_args

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from luoshi.web import labels, queries
from luoshi.web.pages import render, store_of
from luoshi.web.source_view import pieces

router = APIRouter()


def document_filter(
    region: Annotated[str | None, Query(description="地区，如 连州市")] = None,
    level: Annotated[str | None, Query(description="行政级别：province、prefecture 或 county")] = None,
    year: Annotated[str | None, Query(description="年份")] = None,
    doc_type: Annotated[str | None, Query(description="文件类型，如 政府工作报告")] = None,
    q: Annotated[str | None, Query(description="标题、地区或文件名中的词（空格分隔，须全部出现）")] = None,
    sort: Annotated[str | None, Query(description="排序：id、year、region、measures、characters、ingested_at，"
                                                   "前加 - 为倒序")] = None,
) -> queries.DocumentFilter:
    """The list's filter from query parameters; an empty parameter (a form's 全部) means no filter."""
    if level and level not in labels.LEVELS:
        raise HTTPException(400, f"行政级别只能是 {'、'.join(labels.LEVELS)} 之一。")
    if year and not year.isdigit():
        raise HTTPException(400, "年份应为数字，如 2023。")
    if sort and sort not in get_args(queries.DocumentSort):
        raise HTTPException(400, f"不能按“{sort}”排序。")
    return queries.DocumentFilter(region or None, level or None, int(year) if year else None, doc_type or None,
                                  q.strip() if q and q.strip() else None, sort or "id")


Filter = Annotated[queries.DocumentFilter, Depends(document_filter)]


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def home_page(request: Request) -> HTMLResponse:
    return render(request, "home.html", view=queries.home(store_of(request)))


@router.get("/api", tags=["文件"], summary="首页：入库文件与指标数量")
def home_api(request: Request) -> queries.Home:
    return queries.home(store_of(request))


@router.get("/documents", response_class=HTMLResponse, include_in_schema=False)
def documents_page(request: Request, chosen: Filter) -> HTMLResponse:
    return render(request, "documents.html", view=queries.document_list(store_of(request), chosen))


@router.get("/api/documents", tags=["文件"], summary="文件列表（每个文件的最新版本），可筛选、排序")
def documents_api(request: Request, chosen: Filter) -> queries.DocumentList:
    return queries.document_list(store_of(request), chosen)


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
