"""Status values, colours and the fold of events into current state."""
from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from luoshi.register.status import (
    DUE_SOON_DAYS,
    STATUS_LABELS,
    colour,
    fold,
    is_due_soon,
    is_overdue,
    parse_deadline,
    split_units,
    status_key,
)

TODAY = date(2024, 6, 10)


def ev(type_: str, value: str | None, author: str = "张三", note: str | None = None):
    return SimpleNamespace(type=type_, value=value, author=author, note=note, at=datetime.now(UTC))


def test_the_six_statuses_of_the_issue_with_their_keys():
    assert list(STATUS_LABELS.values()) == ["未启动", "推进中", "已完成", "部分完成", "未完成", "无公开信息"]
    assert [status_key(label) for label in STATUS_LABELS.values()] == list(STATUS_LABELS)
    assert status_key(" done ") == "done"


def test_an_unknown_status_lists_the_valid_ones():
    with pytest.raises(ValueError) as err:
        status_key("搞定了")
    assert "推进中 (in_progress)" in str(err.value) and "无公开信息" in str(err.value)


@pytest.mark.parametrize(("deadline", "status", "expected"), [
    (TODAY - timedelta(days=1), "in_progress", "red"),
    (TODAY - timedelta(days=1), "done", "green"),
    (TODAY - timedelta(days=1), "not_done", "red"),
    (TODAY - timedelta(days=1), "no_public_info", "red"),
    (TODAY, "not_started", "yellow"),
    (TODAY + timedelta(days=DUE_SOON_DAYS), "in_progress", "yellow"),
    (TODAY + timedelta(days=DUE_SOON_DAYS + 1), "in_progress", "green"),
    (TODAY + timedelta(days=2), "done", "green"),
    (None, "not_started", "green"),
])
def test_colour_red_when_overdue_yellow_from_three_days_before(deadline, status, expected):
    assert colour(deadline, status, TODAY) == expected


@given(offset=st.integers(-400, 400), status=st.sampled_from(list(STATUS_LABELS)))
def test_colour_agrees_with_overdue_and_due_soon(offset, status):
    deadline = TODAY + timedelta(days=offset)
    overdue, soon = is_overdue(deadline, status, TODAY), is_due_soon(deadline, status, TODAY)
    assert not (overdue and soon)
    assert colour(deadline, status, TODAY) == ("red" if overdue else "yellow" if soon else "green")
    assert overdue == (status != "done" and offset < 0)
    assert soon == (status != "done" and 0 <= offset <= DUE_SOON_DAYS)


def test_no_events_means_not_started_with_the_default_deadline():
    state = fold([], date(2024, 12, 31))
    assert (state.status, state.lead_unit, state.deadline, state.notes) == ("not_started", None, date(2024, 12, 31), ())


def test_the_latest_event_of_each_kind_wins_and_notes_accumulate():
    state = fold([
        ev("status", "in_progress", note="已开工"), ev("lead", "市发改局"), ev("note", "完成立项"),
        ev("deadline", "2024-09-30"), ev("lead", "市住建局"), ev("cooperating", "市财政局、市自然资源局"),
        ev("status", "partly_done"),
    ], date(2024, 12, 31))
    assert state.status == "partly_done"
    assert state.lead_unit == "市住建局"
    assert state.cooperating_units == ("市财政局", "市自然资源局")
    assert state.deadline == date(2024, 9, 30)
    assert state.notes == ("已开工", "完成立项")


def test_a_persons_status_outranks_luoshis_suggestion_whatever_the_order():
    suggestion = ev("status", "done", author="luoshi:fulfilment")
    assert fold([suggestion]).status == "done"
    assert fold([ev("status", "in_progress"), suggestion]).status == "in_progress"
    assert fold([suggestion, ev("status", "not_done")]).status == "not_done"


def test_units_split_on_chinese_and_latin_separators():
    assert split_units("发改局、财政局，住建局; 水务局 ,") == ("发改局", "财政局", "住建局", "水务局")


def test_deadline_must_be_an_iso_date():
    assert parse_deadline("2024-12-31") == date(2024, 12, 31)
    with pytest.raises(ValueError) as err:
        parse_deadline("2024年底")
    assert "YYYY-MM-DD" in str(err.value)
