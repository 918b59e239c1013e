"""Fulfilment (were last year's targets met?) and comparison (targets by region × year, policy attention)."""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from luoshi.web import analysis_queries as aq
from luoshi.web.pages import render, store_of

router = APIRouter()


@router.get("/fulfilment", response_class=HTMLResponse, include_in_schema=False)
def fulfilment_page(request: Request) -> HTMLResponse:
    return render(request, "fulfilment.html", view=aq.fulfilment_page(store_of(request)))


@router.get("/api/fulfilment", tags=["分析"], summary="目标完成情况：每份工作报告的目标与次年报告所报实绩的对照")
def fulfilment_api(request: Request) -> aq.FulfilmentPage:
    return aq.fulfilment_page(store_of(request))


@router.get("/comparison", response_class=HTMLResponse, include_in_schema=False)
def comparison_page(request: Request) -> HTMLResponse:
    return render(request, "comparison.html", view=aq.comparison_page(store_of(request)))


@router.get("/api/comparison", tags=["分析"], summary="比较：各地各年主要预期目标、各领域政策关注度、目标升降")
def comparison_api(request: Request) -> aq.ComparisonPage:
    return aq.comparison_page(store_of(request))
