"""Stored USCC and ID-number checks, once in Python and once as SQL expressions.

The model validators keep bad identifiers out of ORM writes, but rows arrive
from merged batches and imports too. The data-quality rule re-checks what is
stored, exactly as stored (no cleaning): the USCC fully (GB 32100: length,
alphabet, check digit) and the ID number structurally (GB 11643: length,
digits, check digit, a real birth date). The birth-place table of the full
validator cannot be expressed in SQL and is left to entry-time validation.
Both forms must agree; tests/rules/test_identifier_checks.py holds them to it.
The SQL forms live in `models.identifier_sql`, because the partial indexes that
keep the invalid rows at hand are part of the schema.
"""

from __future__ import annotations

from operator import mul

from yeda_desktop.models.identifier_sql import (
    ID_CHECK,
    ID_WEIGHTS,
    USCC_ALPHABET,
    USCC_WEIGHTS,
    id_number_is_valid_sql,
    uscc_is_valid_sql,
)

_DIGITS = frozenset("0123456789")


_USCC_VALUE = {ch: index for index, ch in enumerate(USCC_ALPHABET)}


def uscc_is_valid(value: str) -> bool:
    """Called for every data-quality finding when the ledger words it: kept lean."""
    if len(value) != 18 or not set(value[:8]) <= _DIGITS:
        return False
    try:
        values = [_USCC_VALUE[ch] for ch in value]
    except KeyError:
        return False
    total: int = sum(map(mul, values, USCC_WEIGHTS))  # the 17 weighted characters
    return (31 - total % 31) % 31 == values[17]


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


__all__ = [
    "ID_CHECK",
    "ID_WEIGHTS",
    "USCC_ALPHABET",
    "USCC_WEIGHTS",
    "id_number_is_valid",
    "id_number_is_valid_sql",
    "uscc_is_valid",
    "uscc_is_valid_sql",
]
