"""The public progress board (信息公开): read-only, and open to everyone without signing in."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from luoshi.register import COLOUR_LABELS, STATUS_LABELS
from luoshi.web import register_queries as rq
from luoshi.web.pages import render, store_of

router = APIRouter()
Page = Annotated[int, Query(ge=1, description=f"页码（每页 {rq.BOARD_PAGE_SIZE} 项承诺）")]


@router.get("/board", response_class=HTMLResponse, include_in_schema=False)
def board_page(request: Request, page: Page = 1) -> HTMLResponse:
    return render(request, "board.html", view=rq.board(store_of(request), page=page), colour_labels=COLOUR_LABELS,
                  status_labels=STATUS_LABELS,
                  kind_labels=rq.KIND_LABELS, safe_url=rq.safe_url)


@router.get("/api/board", tags=["信息公开"], summary="落实进度公开：各文件各状态的承诺数量与每项承诺的最新证据")
def board_api(request: Request, page: Page = 1) -> rq.Board:
    return rq.board(store_of(request), page=page)
