"""Stored USCC and ID-number checks, once in Python and once as SQL expressions.

The model validators keep bad identifiers out of ORM writes, but rows arrive
from merged batches and imports too. The data-quality rule re-checks what is
stored, exactly as stored (no cleaning): the USCC fully (GB 32100: length,
alphabet, check digit) and the ID number structurally (GB 11643: length,
digits, check digit, a real birth date). The birth-place table of the full
validator cannot be expressed in SQL and is left to entry-time validation.
Both forms must agree; tests/rules/test_identifier_checks.py holds them to it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Integer, and_, case, cast, func, literal, or_

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"
_DIGITS = frozenset("0123456789")


def uscc_is_valid(value: str) -> bool:
    if len(value) != 18 or not set(value[:8]) <= _DIGITS:
        return False
    if any(ch not in USCC_ALPHABET for ch in value[8:]):
        return False
    total = sum(USCC_ALPHABET.index(ch) * w for ch, w in zip(value, USCC_WEIGHTS, strict=False))
    return USCC_ALPHABET[(31 - total % 31) % 31] == value[17]


def _days_in_month(year: int, month: int) -> int:
    if month in (4, 6, 9, 11):
        return 30
    if month == 2:
        return 29 if (year % 4 == 0 and year % 100 != 0) or year % 400 == 0 else 28
    return 31


def id_number_is_valid(value: str) -> bool:
    if len(value) != 18 or not set(value[:17]) <= _DIGITS or value[17] not in "0123456789X":
        return False
    total = sum(int(ch) * w for ch, w in zip(value, ID_WEIGHTS, strict=False))
    if ID_CHECK[total % 11] != value[17]:
        return False
    year, month, day = int(value[6:10]), int(value[10:12]), int(value[12:14])
    return year >= 1 and 1 <= month <= 12 and 1 <= day <= _days_in_month(year, month)


def _glob_digits(column: Any, start: int, length: int) -> ColumnElement[bool]:
    return func.substr(column, start, length).op("GLOB")(literal("[0-9]" * length))


def _char_value(column: Any, pos: int, alphabet: str) -> ColumnElement[int]:
    """0-based index of the character at `pos` (1-based) in `alphabet`; -1 when absent."""
    return func.instr(literal(alphabet), func.substr(column, pos, 1)) - 1


def uscc_is_valid_sql(column: Any) -> ColumnElement[bool]:
    total = sum(
        (_char_value(column, i + 1, USCC_ALPHABET) * w for i, w in enumerate(USCC_WEIGHTS)),
        start=literal(0),
    )
    alphabet_ok = and_(
        *(_char_value(column, pos, USCC_ALPHABET) >= 0 for pos in range(9, 19))
    )
    return and_(
        func.length(column) == 18,
        _glob_digits(column, 1, 8),
        alphabet_ok,
        (31 - total % 31) % 31 == _char_value(column, 18, USCC_ALPHABET),
    )


def id_number_is_valid_sql(column: Any) -> ColumnElement[bool]:
    total = sum(
        (
            cast(func.substr(column, i + 1, 1), Integer) * w
            for i, w in enumerate(ID_WEIGHTS)
        ),
        start=literal(0),
    )
    year = cast(func.substr(column, 7, 4), Integer)
    month = cast(func.substr(column, 11, 2), Integer)
    day = cast(func.substr(column, 13, 2), Integer)
    leap = or_(and_(year % 4 == 0, year % 100 != 0), year % 400 == 0)
    days = case(
        (month.in_([4, 6, 9, 11]), 30),
        (month == 2, case((leap, 29), else_=28)),
        else_=31,
    )
    return and_(
        func.length(column) == 18,
        _glob_digits(column, 1, 17),
        func.substr(column, 18, 1) == func.substr(literal(ID_CHECK), total % 11 + 1, 1),
        year >= 1,
        month.between(1, 12),
        day >= 1,
        day <= days,
    )
