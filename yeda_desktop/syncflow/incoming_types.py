"""Each incoming value of the type its column stores, before the merge writes it.

The models' validators (incoming_checks) guard the values that have rules; the others
were written as they came. A validly signed but hand-made line with text in a date
column ended the import in a traceback when the change log spelled the date, and on
PostgreSQL any value of the wrong type or too long for its column failed the whole
batch's insert. Such a record is now refused with the column named.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from functools import cache, lru_cache
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Enum, Integer, String, Text

from yeda_desktop.syncflow.records import table_by_name


@dataclass(frozen=True)
class _Columns:
    """What a table's columns take: JSON types, and the checks a type alone cannot make."""

    types: dict[str, tuple[type, ...]]
    flags: tuple[str, ...]  # booleans: 0 or 1 (or true/false)
    stamps: tuple[str, ...]  # DateTime: ISO text
    days: tuple[str, ...]  # Date: ISO day
    lengths: tuple[tuple[str, int], ...]  # String(n): at most n characters


@cache
def _columns(table_name: str) -> _Columns:
    types: dict[str, tuple[type, ...]] = {}
    flags, stamps, days, lengths = [], [], [], []
    for col in table_by_name()[table_name].columns:
        kind = col.type
        if isinstance(kind, Boolean):
            types[col.name] = (int, bool)
            flags.append(col.name)
        elif isinstance(kind, Integer):
            types[col.name] = (int,)
        elif isinstance(kind, DateTime):
            types[col.name] = (str,)
            stamps.append(col.name)
        elif isinstance(kind, Date):
            types[col.name] = (str,)
            days.append(col.name)
        elif isinstance(kind, String | Text | Enum):  # Enum and Text are Strings too
            types[col.name] = (str,)
            length = getattr(kind, "length", None)
            if length:
                lengths.append((col.name, int(length)))
    return _Columns(types, tuple(flags), tuple(stamps), tuple(days), tuple(lengths))


@lru_cache(maxsize=4096)
def _wrong_type(table_name: str, names: tuple[str, ...], kinds: tuple[type, ...]) -> str | None:
    """The first column given a value of a type it does not take (cached by the shape of
    a record: a batch's records come in a handful of shapes)."""
    types = _columns(table_name).types
    for name, kind in zip(names, kinds, strict=True):
        wanted = types.get(name)
        if wanted is not None and kind is not type(None) and kind not in wanted:
            return name
    return None


def _is_stamp(value: str) -> bool:
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def _is_day(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def type_problem(table_name: str, values: dict[str, Any]) -> tuple[str, str] | None:
    """Why one of a record's values cannot be stored in its column (zh, en), or None."""
    name = _wrong_type(table_name, tuple(values), tuple(map(type, values.values())))
    if name is not None:
        kind = type(values[name]).__name__
        return (f"字段 {name} 的值类型不对（{kind}）",
                f"field {name} holds a value of the wrong type ({kind})")
    columns = _columns(table_name)
    for name in columns.flags:
        if values.get(name) not in (None, 0, 1):
            return f"字段 {name} 只能是 0 或 1", f"field {name} must be 0 or 1"
    for names, valid, zh, en in (
        (columns.stamps, _is_stamp, "时间", "a time"),
        (columns.days, _is_day, "日期", "a date"),
    ):
        for name in names:
            value = values.get(name)
            if value is not None and not valid(value):
                return f"字段 {name} 不是有效的{zh}", f"field {name} is not {en}"
    for name, most in columns.lengths:
        value = values.get(name)
        if value is not None and len(value) > most:
            return (f"字段 {name} 超过 {most} 个字符",
                    f"field {name} is longer than {most} characters")
    return None
