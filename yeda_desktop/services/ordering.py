"""Text sorts that come out the same on SQLite and PostgreSQL.

SQLite compares text by code point (its BINARY collation). PostgreSQL uses the
database's collation, which depends on how the server was set up: en_US.UTF-8
ignores punctuation and case at first, zh_CN sorts Chinese by pinyin. So every
ORDER BY (and keyset comparison) on text in the services pins PostgreSQL to its
"C" collation, code-point order, and a list, a page boundary or "the first unit of
an organization" is the same on both engines. (NULLs need no care: the sorted text
columns are NOT NULL or folded with coalesce.)
"""

from __future__ import annotations

from sqlalchemy import ColumnElement
from sqlalchemy.orm import QueryableAttribute, Session


def dialect_of(session: Session) -> str:
    return str(session.get_bind().dialect.name)


def code_point(
    column: ColumnElement[str] | QueryableAttribute[str], dialect: str
) -> ColumnElement[str]:
    """`column` compared by code point (as is on SQLite, which always does)."""
    expression = column.expression
    return expression.collate("C") if dialect == "postgresql" else expression


def code_point_sql(expression: str, dialect: str) -> str:
    """The same for a text SQL expression."""
    return f'{expression} COLLATE "C"' if dialect == "postgresql" else expression
