"""Stored-identifier checks as SQL, shared by the partial indexes and the data-quality rule.

The model validators keep bad identifiers out of ORM writes, but rows also
arrive through bulk paths (merged packages, imports, generated data). Two
partial indexes hold exactly the rows whose stored USCC or ID number fails
its check, so the database maintains the answer on every write path and the
rules read a handful of index entries instead of re-checking every
identifier on every evaluation.

SQLite-only: GLOB, instr and substr (and the partial-index matching, which
needs the query's condition to be the index's condition, written with literal
values) live here and nowhere else; a PostgreSQL port replaces this module.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    and_,
    case,
    cast,
    func,
    literal,
    literal_column,
    not_,
    or_,
)
from sqlalchemy.dialects import sqlite

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"


def _glob_digits(column: Any, start: int, length: int) -> ColumnElement[bool]:
    return func.substr(column, start, length).op("GLOB")(literal("[0-9]" * length))


def _char_value(column: Any, pos: int, alphabet: str) -> ColumnElement[int]:
    """0-based index of the character at `pos` (1-based) in `alphabet`; -1 when absent."""
    return func.instr(literal(alphabet), func.substr(column, pos, 1)) - 1


def uscc_is_valid_sql(column: Any) -> ColumnElement[bool]:
    """GB 32100: length, alphabet and check digit of a stored (upper-case) USCC."""
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
    """GB 11643 structure: length, digits, check digit and a real birth date."""
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


def _render(condition: ColumnElement[bool]) -> str:
    """SQL text with every value inlined: a bound parameter would stop index matching."""
    return str(condition.compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True}))


@lru_cache(maxsize=1)
def invalid_id_number_where() -> str:
    """WHERE text over an unqualified `id_number`: a stored ID number that fails its check."""
    column: Any = literal_column("id_number")
    return _render(and_(column.is_not(None), not_(id_number_is_valid_sql(column))))


@lru_cache(maxsize=1)
def invalid_uscc_where() -> str:
    """WHERE text over an unqualified `uscc`: a stored USCC that fails its check."""
    column: Any = literal_column("uscc")
    return _render(and_(column.is_not(None), not_(uscc_is_valid_sql(column))))
