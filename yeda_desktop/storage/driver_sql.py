"""Plain DBAPI SQL with `?` placeholders, on either engine.

The merge and export paths write rows with the driver's own executemany (the
ORM's per-value processing would dominate a large import). sqlite3 takes `?`,
psycopg takes `%s` (and a literal `%` doubled); this is the one place that knows.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, CursorResult
from sqlalchemy.util.typing import TupleAny


def run_sql(
    conn: Connection, sql: str, params: Sequence[Any] | Sequence[Sequence[Any]] = ()
) -> CursorResult[*TupleAny]:
    """Execute `sql`: executemany when `params` is a list of rows (tuples), else once."""
    if not params:
        return conn.exec_driver_sql(sql)
    if isinstance(params, list) and not isinstance(params[0], tuple | list | dict):
        params = tuple(params)  # a list of values is one row
    if conn.dialect.paramstyle != "qmark":
        sql = sql.replace("%", "%%").replace("?", "%s")
    return conn.exec_driver_sql(sql, params)
