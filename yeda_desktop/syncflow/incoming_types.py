"""Each incoming value of the type its column stores, before the merge writes it.

The models' validators (incoming_checks) guard the values that have rules; the others
were written as they came. A validly signed but hand-made line with text in a date
column ended the import in a traceback when the change log spelled the date, and on
PostgreSQL any value of the wrong type or too long for its column failed the whole
batch's insert. Such a record is now refused with the column named.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from itertools import repeat
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Enum, Integer, String, Text

from yeda_desktop.syncflow.batch_lines import is_stamp
from yeda_desktop.syncflow.records import table_by_name


@dataclass(frozen=True)
class _Columns:
    """What a table's columns take: JSON types, and the checks a type alone cannot make."""

    types: dict[str, tuple[type, ...]]
    flags: tuple[str, ...]  # booleans: 0 or 1 (or true/false)
    integers: tuple[str, ...]  # Integer: within PostgreSQL's (SQLite's is wider)
    stamps: tuple[str, ...]  # DateTime: ISO text
    days: tuple[str, ...]  # Date: ISO day
    lengths: tuple[tuple[str, int], ...]  # String(n): at most n characters


@cache
def _columns(table_name: str) -> _Columns:
    types: dict[str, tuple[type, ...]] = {}
    flags, integers, stamps, days, lengths = [], [], [], [], []
    for col in table_by_name()[table_name].columns:
        kind = col.type
        if isinstance(kind, Boolean):
            types[col.name] = (int, bool)
            flags.append(col.name)
        elif isinstance(kind, Integer):
            types[col.name] = (int,)
            integers.append(col.name)
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
    return _Columns(types, tuple(flags), tuple(integers), tuple(stamps), tuple(days),
                    tuple(lengths))


# An INTEGER column on PostgreSQL; a centre on either engine takes the same values.
INT_RANGE = range(-(2**31), 2**31)


_SCALARS = frozenset({str, int, float, bool, type(None)})


@lru_cache(maxsize=4096)
def _wrong_type(
    table_name: str, names: tuple[str, ...], kinds: tuple[type, ...]
) -> tuple[str, str] | None:
    """What is wrong with a record of this shape: a value that is not a single one, or one
    of a type its column does not take. Cached by the shape (the names and the types): a
    batch's records come in a handful of them."""
    columns = _columns(table_name)
    for name, kind in zip(names, kinds, strict=True):
        if kind not in _SCALARS:
            return f"字段 {name} 的值不是单个值", f"field {name} holds no single value"
        wanted = columns.types.get(name)
        if wanted is not None and kind is not type(None) and kind not in wanted:
            return (f"字段 {name} 的值类型不对（{kind.__name__}）",
                    f"field {name} holds a value of the wrong type ({kind.__name__})")
    return None


def _is_day(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def type_problem(
    table_name: str, values: dict[str, Any], *, lengths: bool = True
) -> tuple[str, str] | None:
    """Why one of a record's values cannot be stored in its column (zh, en), or None.

    `lengths`: also refuse text longer than its column (PostgreSQL enforces it; SQLite,
    which a laptop runs, does not, so a SQLite centre takes what the laptop took).
    """
    columns = _columns(table_name)
    found = _wrong_type(table_name, tuple(values), tuple(map(type, values.values())))
    if found is not None:
        return found
    for name in columns.flags:  # of a flag's type by now
        if values.get(name) not in (None, 0, 1):
            return f"字段 {name} 只能是 0 或 1", f"field {name} must be 0 or 1"
    for name in columns.integers:  # of an integer's type by now
        if (value := values.get(name)) is not None and value not in INT_RANGE:
            return f"字段 {name} 的数值超出范围", f"field {name} is out of range"
    for names, valid, zh, en in (
        (columns.stamps, is_stamp, "时间", "a time"),
        (columns.days, _is_day, "日期", "a date"),
    ):
        for name in names:
            value = values.get(name)
            if value is not None and not valid(value):
                return f"字段 {name} 不是有效的{zh}", f"field {name} is not {en}"
    if lengths:
        for name, most in columns.lengths:
            value = values.get(name)
            if value is not None and len(value) > most:
                return (f"字段 {name} 超过 {most} 个字符",
                        f"field {name} is longer than {most} characters")
    return None


_NONE = type(None)
_FLAG_VALUES = frozenset({None, 0, 1})  # True and False are 1 and 0 here


def problems(
    table_name: str, rows: list[dict[str, Any]], *, lengths: bool = True
) -> dict[int, tuple[str, str]]:
    """`type_problem` of each of a chunk's records that has one, by position.

    Column by column, with sets: a batch is tens of thousands of records, nearly all
    fine, and record by record these checks cost a 10,000-organization import about
    0.2 CPU-s (0.07 this way). Only a record
    a column check singles out is checked alone, for its message. Columns the table
    does not have are not looked at: the merge never reads them.
    """
    columns = _columns(table_name)
    suspects: set[int] = set()
    for name in columns.types.keys() & set().union(*rows):
        values = list(map(dict.get, rows, repeat(name)))
        allowed = {*columns.types[name], _NONE}
        if not allowed.issuperset(map(type, values)):
            suspects.update(i for i, v in enumerate(values) if type(v) not in allowed)
            continue
        if name in columns.flags and not _FLAG_VALUES.issuperset(values):
            suspects.update(i for i, v in enumerate(values) if v not in _FLAG_VALUES)
        if name in columns.integers:
            numbers = [v for v in values if v is not None]
            if numbers and (min(numbers) not in INT_RANGE or max(numbers) not in INT_RANGE):
                suspects.update(i for i, v in enumerate(values)
                                if v is not None and v not in INT_RANGE)
        for checked, valid in ((columns.stamps, is_stamp), (columns.days, _is_day)):
            if name in checked:
                bad = {v for v in set(values) if v is not None and not valid(v)}
                suspects.update(i for i, v in enumerate(values) if v in bad)
        most = dict(columns.lengths).get(name) if lengths else None
        if most is not None and max(map(len, filter(None, values)), default=0) > most:
            suspects.update(i for i, v in enumerate(values) if v is not None and len(v) > most)
    found = {i: type_problem(table_name, rows[i], lengths=lengths) for i in sorted(suspects)}
    return {i: problem for i, problem in found.items() if problem is not None}
