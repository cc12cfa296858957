"""Plain DBAPI SQL with `?` placeholders, on either engine.

The merge and export paths write rows with the driver's own executemany (the
ORM's per-value processing would dominate a large import). sqlite3 takes `?`,
psycopg takes `%s` (and a literal `%` doubled); this is the one place that knows.
`insert_many` sends plain many-row inserts as COPY on PostgreSQL: executemany
sends a statement per row there (pipelined, still several times slower).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, CursorResult
from sqlalchemy.util.typing import TupleAny

# `IN (?, ?, …)` or a lone `?`, in order, to regroup a flat parameter list.
_IN_LIST_OR_MARK = re.compile(
    r"(?:\bNOT\s+)?\bIN\s*\(\s*\?(?:\s*,\s*\?)*\s*\)|\?", re.IGNORECASE
)
_PLAIN_INSERT = re.compile(
    r"^\s*INSERT\s+INTO\s+(\w+)\s*\(([\w\s,]+)\)\s*VALUES\s*\((\s*\?\s*(?:,\s*\?\s*)*)\)\s*$",
    re.IGNORECASE,
)


def run_sql(
    conn: Connection, sql: str, params: Sequence[Any] | Sequence[Sequence[Any]] = ()
) -> CursorResult[*TupleAny]:
    """Execute `sql`: executemany when `params` is a list of rows (tuples), else once."""
    if not params:
        return conn.exec_driver_sql(sql)
    if isinstance(params, list) and not isinstance(params[0], tuple | list | dict):
        params = tuple(params)  # a list of values is one row
    if conn.dialect.paramstyle == "qmark":
        return conn.exec_driver_sql(sql, params)
    if isinstance(params, tuple):
        sql, params = _as_arrays(sql, params)
    return conn.exec_driver_sql(sql.replace("%", "%%").replace("?", "%s"), params)


def _as_arrays(sql: str, params: tuple[Any, ...]) -> tuple[str, tuple[Any, ...]]:
    """`col IN (?, ?, …)` → `col = ANY(?)` with one array: psycopg parses a query with
    500 placeholders in milliseconds (every chunk of an import), one array in none."""
    values = iter(params)
    grouped: list[Any] = []

    def regroup(match: re.Match[str]) -> str:
        token = match.group(0)
        if token == "?":
            grouped.append(next(values))
            return "?"
        grouped.append([next(values) for _ in range(token.count("?"))])
        return "<> ALL(?)" if token[:3].upper() == "NOT" else "= ANY(?)"

    rewritten = _IN_LIST_OR_MARK.sub(regroup, sql)
    return rewritten, tuple(grouped)


def insert_many(conn: Connection, sql: str, rows: Sequence[Sequence[Any]]) -> None:
    """`INSERT INTO t (cols) VALUES (?, …)` for every row: executemany, or COPY on a server."""
    if not rows:
        return
    plain = _PLAIN_INSERT.match(sql)
    if conn.dialect.paramstyle == "qmark" or plain is None:
        run_sql(conn, sql, list(rows))
        return
    raw: Any = conn.connection.dbapi_connection  # psycopg's Connection, with COPY
    table, columns = plain.group(1), plain.group(2)
    with raw.cursor() as cursor, cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
