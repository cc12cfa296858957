"""A join date as people write it, never after today."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from yeda_desktop.errors import ValidationError
from yeda_desktop.validation import normalize_past_day

TODAY = date(2026, 11, 30)


@pytest.mark.parametrize("typed", ["2020-07-01", "2020/7/1", "2020.7.1", "2020年7月1日",
                                   "20200701", " 2020-07-01 ", date(2020, 7, 1),
                                   datetime(2020, 7, 1, 9, 30)])
def test_the_ways_a_day_is_written(typed: object) -> None:
    assert normalize_past_day(typed, "join_date", "入党日期", TODAY) == date(2020, 7, 1)  # type: ignore[arg-type]


@pytest.mark.parametrize("blank", [None, "", "   "])
def test_blank_is_not_known(blank: str | None) -> None:
    assert normalize_past_day(blank, "join_date", "入党日期", TODAY) is None


@pytest.mark.parametrize(("typed", "reason"), [
    ("2020-13-01", "日期格式应为2020-07-01"), ("去年", "日期格式应为2020-07-01"),
    ("2026-12-01", "不能晚于今天"), (date(2027, 1, 1), "不能晚于今天"),
])
def test_what_is_refused_says_the_field_and_why(typed: object, reason: str) -> None:
    with pytest.raises(ValidationError) as refused:
        normalize_past_day(typed, "join_date", "入党日期", TODAY)  # type: ignore[arg-type]
    assert str(refused.value.zh) == f"入党日期：{reason}"
