"""Stored-identifier checks as SQL, shared by the partial indexes and the data-quality rule.

The model validators keep bad identifiers out of ORM writes, but rows also
arrive through bulk paths (merged packages, imports, generated data). Two
partial indexes hold exactly the rows whose stored USCC or ID number fails
its check, so the database maintains the answer on every write path and the
rules read a handful of index entries instead of re-checking every
identifier on every evaluation.

The checks are SQLAlchemy expressions that compile for each engine: the few
engine-specific pieces are the elements below (SQLite's GLOB and instr,
PostgreSQL's `~` and strpos, and a guard so PostgreSQL never casts a non-digit,
which raises there instead of giving 0). A partial index is only used when the
query's condition is the index's condition with the same literal values, so
`invalid_id_number`/`invalid_uscc` always render their values inline.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from sqlalchemy import (
    Boolean,
    ColumnElement,
    Integer,
    and_,
    case,
    cast,
    false,
    func,
    literal,
    literal_column,
    not_,
    or_,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql import operators
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ClauseList, Grouping, UnaryExpression
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.sql.visitors import InternalTraversal

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"


# --- the engine-specific pieces -------------------------------------------------------------


class AllDigits(ColumnElement[bool]):
    """`text` is exactly `length` ASCII digits: SQLite GLOB, PostgreSQL a regular expression.

    Rendered in parentheses (as a custom operator inside AND always was), so the SQLite
    text of the conditions, and with it the partial indexes' stored SQL, is unchanged.
    """

    type = Boolean()
    inherit_cache = True
    _traverse_internals = [  # noqa: RUF012 - SQLAlchemy's class-level declaration
        ("text", InternalTraversal.dp_clauseelement),
        ("length", InternalTraversal.dp_plain_obj),
    ]

    def __init__(self, text: ColumnElement[Any], length: int) -> None:
        self.text = text
        self.length = length

    def self_group(self, against: Any = None) -> ColumnElement[Any]:
        return self  # already in parentheses (and never `= 1` on SQLite)


@compiles(AllDigits)
def _all_digits_glob(element: AllDigits, compiler: SQLCompiler, **kw: Any) -> str:
    glob = element.text.op("GLOB")(literal("[0-9]" * element.length))
    return compiler.process(Grouping(glob), **kw)


@compiles(AllDigits, "postgresql")
def _all_digits_regex(element: AllDigits, compiler: SQLCompiler, **kw: Any) -> str:
    regex = element.text.op("~")(literal(f"^[0-9]{{{element.length}}}$"))
    return compiler.process(Grouping(regex), **kw)


class CharPosition(FunctionElement[int]):
    """(haystack, needle): the 1-based position of needle, 0 when absent.

    SQLite's instr, PostgreSQL's strpos.
    """

    type = Integer()
    inherit_cache = True
    name = "strpos"


@compiles(CharPosition)
def _instr(element: CharPosition, compiler: SQLCompiler, **kw: Any) -> str:
    return "instr" + compiler.process(element.clause_expr, **kw)


@compiles(CharPosition, "postgresql")
def _strpos(element: CharPosition, compiler: SQLCompiler, **kw: Any) -> str:
    return "strpos" + compiler.process(element.clause_expr, **kw)


class GuardedAnd(ColumnElement[bool]):
    """`guards AND checks`, where the checks may only be evaluated once the guards hold.

    SQLite: a plain AND (its casts of non-digits give 0, never an error). PostgreSQL: a
    cast of a non-digit raises and AND promises no order, so `CASE WHEN guards THEN checks
    ELSE false END`. Negated and grouped like an AND, so SQLite renders `NOT (… AND …)`.
    """

    type = Boolean()
    inherit_cache = True
    _traverse_internals = [  # noqa: RUF012 - SQLAlchemy's class-level declaration
        ("guards", InternalTraversal.dp_clauseelement),
        ("checks", InternalTraversal.dp_clauseelement),
    ]

    def __init__(self, guards: list[ColumnElement[bool]], checks: list[ColumnElement[bool]]):
        self.guards = ClauseList(*guards, operator=operators.and_)
        self.checks = ClauseList(*checks, operator=operators.and_)

    def self_group(self, against: Any = None) -> ColumnElement[Any]:
        if against is not None and operators.is_precedent(operators.and_, against):
            return Grouping(self)
        return self

    def _negate(self) -> ColumnElement[Any]:
        return UnaryExpression(self.self_group(against=operators.inv), operator=operators.inv)


@compiles(GuardedAnd)
def _guarded_and(element: GuardedAnd, compiler: SQLCompiler, **kw: Any) -> str:
    return compiler.process(and_(*element.guards.clauses, *element.checks.clauses), **kw)


@compiles(GuardedAnd, "postgresql")
def _guarded_case(element: GuardedAnd, compiler: SQLCompiler, **kw: Any) -> str:
    guarded = case(
        (and_(*element.guards.clauses), and_(*element.checks.clauses)), else_=false()
    )
    return compiler.process(guarded, **kw)


class Inlined(ColumnElement[bool]):
    """A condition rendered with its values written out, never as bound parameters.

    A partial index is used only for a query whose condition is the index's own, values
    included (SQLite matches the expression; PostgreSQL proves the implication, which a
    generic plan's parameters would defeat).
    """

    type = Boolean()
    inherit_cache = True
    _traverse_internals = [  # noqa: RUF012 - SQLAlchemy's class-level declaration
        ("condition", InternalTraversal.dp_clauseelement),
    ]

    def __init__(self, condition: ColumnElement[bool]) -> None:
        self.condition = condition

    def self_group(self, against: Any = None) -> ColumnElement[Any]:
        if against is not None and operators.is_precedent(operators.and_, against):
            return Grouping(self)
        return self


@compiles(Inlined)
def _inlined(element: Inlined, compiler: SQLCompiler, **kw: Any) -> str:
    kw["literal_binds"] = True
    return compiler.process(element.condition, **kw)


# --- the checks -----------------------------------------------------------------------------


def _char_value(column: Any, pos: int, alphabet: str) -> ColumnElement[int]:
    """0-based index of the character at `pos` (1-based) in `alphabet`; -1 when absent."""
    return CharPosition(literal(alphabet), func.substr(column, pos, 1)) - 1


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
        AllDigits(func.substr(column, 1, 8), 8),
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
    return GuardedAnd(
        [func.length(column) == 18, AllDigits(func.substr(column, 1, 17), 17)],
        [
            func.substr(column, 18, 1)
            == func.substr(literal(ID_CHECK), total % 11 + 1, 1),
            year >= 1,
            month.between(1, 12),
            day >= 1,
            day <= days,
        ],
    )


def invalid_id_number(column: Any) -> ColumnElement[bool]:
    """A stored ID number that fails its check: the partial index's condition, inlined."""
    return Inlined(and_(column.is_not(None), not_(id_number_is_valid_sql(column))))


def invalid_uscc(column: Any) -> ColumnElement[bool]:
    """A stored USCC that fails its check: the partial index's condition, inlined."""
    return Inlined(and_(column.is_not(None), not_(uscc_is_valid_sql(column))))


_DIALECTS: dict[str, Dialect] = {
    "sqlite": sqlite.dialect(),
    # "named" parameters: the text keeps single percent signs (psycopg's would double them).
    "postgresql": postgresql.dialect(paramstyle="named"),  # type: ignore[no-untyped-call]
}


def _render(condition: ColumnElement[bool], dialect: str) -> str:
    return str(condition.compile(dialect=_DIALECTS[dialect]))


@lru_cache(maxsize=2)
def invalid_id_number_where(dialect: str = "sqlite") -> str:
    """WHERE text over an unqualified `id_number`: a stored ID number that fails its check."""
    return _render(invalid_id_number(literal_column("id_number")), dialect)


@lru_cache(maxsize=2)
def invalid_uscc_where(dialect: str = "sqlite") -> str:
    """WHERE text over an unqualified `uscc`: a stored USCC that fails its check."""
    return _render(invalid_uscc(literal_column("uscc")), dialect)
