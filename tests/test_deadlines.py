"""Deadlines from stated limits (年内, 6月底前, 2025年上半年) and from periods."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from luoshi.deadlines import default_deadline, period_end, stated_deadline


@pytest.mark.parametrize(("text", "year", "expected"), [
    ("2024年6月底前", None, date(2024, 6, 30)),
    ("6月底前", 2023, date(2023, 6, 30)),
    ("二月底", 2024, date(2024, 2, 29)),
    ("十一月底前", 2023, date(2023, 11, 30)),
    ("年内", 2023, date(2023, 12, 31)),
    ("年底前建成投产", 2023, date(2023, 12, 31)),
    ("上半年", 2024, date(2024, 6, 30)),
    ("三季度", 2024, date(2024, 9, 30)),
    ("力争2026年上半年完工", None, date(2026, 6, 30)),
    ("2025年", 2021, date(2025, 12, 31)),
])
def test_stated_limits_become_dates(text, year, expected):
    assert stated_deadline(text, year) == expected


@pytest.mark.parametrize("text", ["年内", "6月底前", "三季度"])
def test_a_limit_without_a_year_needs_the_documents_year(text):
    assert stated_deadline(text, None) is None


@pytest.mark.parametrize("text", ["", None, "尽快", "明年", "长期坚持"])
def test_no_date_is_guessed_from_words_without_one(text):
    assert stated_deadline(text, 2024) is None


def test_a_period_ends_on_the_last_day_of_its_last_year():
    assert period_end("2024") == date(2024, 12, 31)
    assert period_end("2021-2025") == date(2025, 12, 31)
    assert period_end("“十四五”时期") == date(2025, 12, 31) and period_end("十三五") == date(2020, 12, 31)
    assert period_end(None) is None and period_end("近期") is None


def test_a_stated_limit_wins_over_the_period():
    assert default_deadline("6月底前", "2024", 2024) == date(2024, 6, 30)
    assert default_deadline("尽快", "2024", 2024) == date(2024, 12, 31)
    assert default_deadline(None, None, 2023) == date(2023, 12, 31)
    assert default_deadline(None, None, None) is None


@given(st.text(max_size=30), st.none() | st.integers(1990, 2060))
def test_any_text_gives_a_date_or_none(text, year):
    result = stated_deadline(text, year)
    assert result is None or isinstance(result, date)
