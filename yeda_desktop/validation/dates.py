"""A day as people write it (2020-07-01, 2020/7/1, 2020.7.1, 2020年7月1日, 20200701), for
the dates a sweep records that cannot lie ahead (joining the party)."""

from __future__ import annotations

from datetime import date, datetime

from yeda_desktop.errors import ValidationError

_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日", "%Y%m%d")


def normalize_past_day(value: date | str | None, field: str, field_zh: str,
                       today: date | None = None) -> date | None:
    """The day, or None when blank; a day after today is refused."""
    day: date | None
    if isinstance(value, datetime):
        day = value.date()
    elif isinstance(value, date):
        day = value
    elif value is None or not str(value).strip():
        return None
    else:
        day = _parsed(str(value).strip())
        if day is None:
            raise ValidationError(field, field_zh, "日期格式应为2020-07-01",
                                  "must be a date like 2020-07-01")
    if day > (today or date.today()):
        raise ValidationError(field, field_zh, "不能晚于今天", "must not be later than today")
    return day


def _parsed(text: str) -> date | None:
    for fmt in _FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None
