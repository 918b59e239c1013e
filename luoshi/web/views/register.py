"""The register of commitments: faceted filters, search, sorting, pages, and the current view as CSV or XLSX.

``/register`` and its JSON twin ``/api/register`` return one page;
``/register.csv`` and ``/register.xlsx`` take the same query parameters and
hold every matching row (all pages), written by ``luoshi.export``; they are
downloads, not pages, so the OpenAPI schema (``/api`` only) leaves them out.
"""
from __future__ import annotations

import io
from typing import Annotated, get_args

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response

from luoshi.export import write_text, write_xlsx
from luoshi.register import STATUS_LABELS
from luoshi.web import register_queries as rq
from luoshi.web.pages import render, store_of

router = APIRouter()
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def register_filter(
    region: Annotated[str | None, Query(description="地区")] = None,
    year: Annotated[str | None, Query(description="年份（- 为年份不详）")] = None,
    document: Annotated[str | None, Query(description="文件编号")] = None,
    role: Annotated[str | None, Query(description="章节类别：review、plan、targets 等")] = None,
    topic: Annotated[str | None, Query(description="领域（- 为未归类）")] = None,
    kind: Annotated[str | None, Query(description="类别：task 或 measure")] = None,
    status: Annotated[str | None, Query(description="状态：" + "、".join(STATUS_LABELS))] = None,
    lead_unit: Annotated[str | None, Query(description="牵头单位（- 为未指定）")] = None,
    overdue: Annotated[str | None, Query(description="yes：逾期；no：未逾期")] = None,
    q: Annotated[str | None, Query(description="承诺内容中的一段文字")] = None,
    sort: Annotated[str | None, Query(description="排序：doc、id、region、year、status、deadline、lead_unit、topic，"
                                                   "前加 - 为倒序")] = None,
    page: Annotated[int, Query(ge=1, description="页码（每页 50 条）")] = 1,
) -> rq.RegisterFilter:
    """The register's filter from query parameters; an empty parameter (a form's 全部) means no filter."""
    if sort and sort not in get_args(rq.RegisterSort):
        raise HTTPException(400, f"不能按“{sort}”排序。")
    if kind and kind not in rq.KIND_LABELS:
        raise HTTPException(400, "类别只能是 task 或 measure。")
    if status and status not in STATUS_LABELS:
        raise HTTPException(400, f"状态只能是 {'、'.join(STATUS_LABELS)} 之一。")
    if overdue and overdue not in ("yes", "no"):
        raise HTTPException(400, "是否逾期只能是 yes 或 no。")
    return rq.RegisterFilter(region or None, year or None, document or None, role or None, topic or None,
                             kind or None, status or None, lead_unit or None, overdue or None,
                             q.strip() if q and q.strip() else None, sort or "doc", page)


Filter = Annotated[rq.RegisterFilter, Depends(register_filter)]


@router.get("/register", response_class=HTMLResponse, include_in_schema=False)
def register_page(request: Request, chosen: Filter) -> HTMLResponse:
    return render(request, "register.html", view=rq.register_view(store_of(request), chosen),
                  facet_labels=rq.FACET_LABELS, kind_labels=rq.KIND_LABELS)


@router.get("/api/register", tags=["台账"], summary="承诺台账：筛选、搜索、排序、分页（每页 50 条）与各筛选项的数量")
def register_api(request: Request, chosen: Filter) -> rq.RegisterView:
    return rq.register_view(store_of(request), chosen)


@router.get("/register.csv", response_class=Response, include_in_schema=False)
def register_csv(request: Request, chosen: Filter) -> Response:
    stream = io.StringIO()
    write_text(rq.export_table(rq.matching_rows(store_of(request), chosen)), stream, "csv")
    return Response(("\ufeff" + stream.getvalue()).encode("utf-8"), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="register.csv"'})


@router.get("/register.xlsx", response_class=Response, include_in_schema=False)
def register_xlsx(request: Request, chosen: Filter) -> Response:
    book = io.BytesIO()
    write_xlsx(rq.export_table(rq.matching_rows(store_of(request), chosen)), book)
    return Response(book.getvalue(), media_type=XLSX,
                    headers={"Content-Disposition": 'attachment; filename="register.xlsx"'})
