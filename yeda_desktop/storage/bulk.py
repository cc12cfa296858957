"""Bulk inserts on a second thread, so Python builds the next rows while the database writes.

sqlite3 and psycopg release the GIL while they execute, so generating rows
(Python) and inserting them (C) overlap on two cores. Only the writer thread
touches the connection until `drain()` returns; an insert error is re-raised in
the caller. Callers write `INSERT INTO t(cols) VALUES (?, …)`; on PostgreSQL a
plain insert like that becomes COPY (an order of magnitude faster than
executemany), anything else runs with psycopg's placeholders.

`defer_indexes` drops a bulk load's plain indexes and gives back the statements
that rebuild them: building an index once from all its rows (a sort) is several
times cheaper than keeping it in step row by row.
"""

from __future__ import annotations

import json
import queue
import re
import threading
from collections.abc import Collection, Sequence
from types import TracebackType
from typing import Any

from sqlalchemy import Connection, text

_STOP = None
_PLAIN_INSERT = re.compile(
    r"^\s*INSERT\s+INTO\s+(\w+)\s*\(([\w\s,]+)\)\s*VALUES\s*\((?:\s*\?\s*,?)+\)\s*$",
    re.IGNORECASE,
)


class BulkWriter:
    """Runs `executemany(sql, rows)` calls in order on a background thread.

    `json_rows=True` (SQLite; for rows of str, int, bool and None only) hands each
    batch of a plain insert to SQLite as one JSON array, inserted by a single
    `INSERT … SELECT … FROM json_each(?)`. executemany takes the GIL back for every
    row, and while the caller's thread is busy in Python each take waits for it to
    yield (up to 5 ms): the two threads end up taking turns instead of overlapping.
    One statement per batch runs without the GIL from start to end.
    """

    def __init__(self, conn: Connection, depth: int = 4, *, json_rows: bool = False) -> None:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        self._cursor = raw.cursor()
        self._server = conn.dialect.name == "postgresql"
        self._json = json_rows and not self._server
        self._json_sql: dict[str, str | None] = {}
        self._jobs: queue.Queue[tuple[str, Sequence[Sequence[Any]] | None] | None] = queue.Queue(
            depth
        )
        self._error: BaseException | None = None
        self._abandoned = False
        self._thread = threading.Thread(target=self._run, name="bulk-writer", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while True:
            job = self._jobs.get()
            try:
                if job is _STOP:
                    return
                if self._error is None and not self._abandoned:
                    sql, rows = job
                    if rows is None:
                        self._cursor.execute(sql)
                    elif self._server:
                        self._server_write(sql, rows)
                    elif self._json and (json_sql := self._json_insert(sql)) is not None:
                        payload = json.dumps(
                            rows, ensure_ascii=False, check_circular=False, separators=(",", ":")
                        )
                        self._cursor.execute(json_sql, (payload,))
                    else:
                        self._cursor.executemany(sql, rows)
            except BaseException as exc:  # handed to the caller by drain()
                self._error = exc
            finally:
                self._jobs.task_done()

    def _json_insert(self, sql: str) -> str | None:
        """The one-statement form of a plain `INSERT INTO t (cols) VALUES (?, …)`."""
        if sql not in self._json_sql:
            plain = _PLAIN_INSERT.match(sql)
            if plain is None:
                self._json_sql[sql] = None
            else:
                table, columns = plain.group(1), plain.group(2)
                values = ", ".join(
                    f"json_extract(value, '$[{i}]')" for i in range(len(columns.split(",")))
                )
                self._json_sql[sql] = (
                    f"INSERT INTO {table} ({columns}) SELECT {values} FROM json_each(?)"
                )
        return self._json_sql[sql]

    def _server_write(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        plain = _PLAIN_INSERT.match(sql)
        if plain is None:
            self._cursor.executemany(sql.replace("?", "%s"), rows)
            return
        table, columns = plain.group(1), plain.group(2)
        with self._cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    def write(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        self._raise_pending()
        self._jobs.put((sql, rows))

    def execute(self, sql: str) -> None:
        """Run one statement without parameters (e.g. CREATE INDEX) in turn with the inserts."""
        self._raise_pending()
        self._jobs.put((sql, None))

    def drain(self) -> None:
        """Wait until every queued insert ran; after this the caller may use the connection."""
        self._jobs.join()
        self._raise_pending()

    def close(self) -> None:
        self._jobs.put(_STOP)
        self._thread.join()
        self._cursor.close()

    def _raise_pending(self) -> None:
        if self._error is not None:
            error, self._error = self._error, None
            raise error

    def __enter__(self) -> BulkWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            if exc_type is None:
                self.drain()
            else:
                self._abandoned = True  # the caller's transaction is being rolled back
        finally:
            self.close()


def defer_indexes(conn: Connection, tables: Collection[str]) -> list[str]:
    """Drop the plain indexes of `tables`; returns the statements that recreate them as they were.

    Only indexes that no constraint needs go: primary keys, unique indexes and
    anything a foreign key looks up stay. Run the returned statements before the
    transaction commits, with `BulkWriter.execute` or `recreate_indexes` (a
    rollback restores the indexes anyway: DDL is transactional on both engines).
    """
    by_table = defer_indexes_by_table(conn, tables)
    return [sql for statements in by_table.values() for sql in statements]


def defer_indexes_by_table(conn: Connection, tables: Collection[str]) -> dict[str, list[str]]:
    """`defer_indexes`, its statements by table (to rebuild each table's once it is full)."""
    if not tables:
        return {}
    quote = conn.dialect.identifier_preparer.quote
    found: list[tuple[str, str, str]] = []  # (table, index, statement)
    if conn.dialect.name == "postgresql":
        found = [
            (str(table), str(name), str(sql))
            for table, name, sql in conn.execute(
                text(
                    "SELECT t.relname, i.relname, pg_get_indexdef(i.oid) FROM pg_index x "
                    "JOIN pg_class i ON i.oid = x.indexrelid "
                    "JOIN pg_class t ON t.oid = x.indrelid "
                    "WHERE t.relname = ANY(:tables) AND pg_table_is_visible(t.oid) "
                    "AND NOT x.indisunique AND NOT x.indisprimary AND NOT EXISTS "
                    "(SELECT 1 FROM pg_constraint c WHERE c.conindid = i.oid) ORDER BY i.relname"
                ),
                {"tables": sorted(tables)},
            )
        ]
    else:
        for table in sorted(tables):
            for row in conn.exec_driver_sql(f"PRAGMA index_list({quote(table)})"):
                _seq, name, unique, origin = row[:4]
                if unique or origin != "c":
                    continue
                sql = conn.execute(
                    text("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = :n"),
                    {"n": name},
                ).scalar()
                if sql:
                    found.append((table, str(name), str(sql)))
    raw = conn.connection.dbapi_connection
    if found and conn.dialect.name == "sqlite" and not getattr(raw, "in_transaction", True):
        # Python's sqlite3 would run the DROPs in autocommit (it opens a transaction
        # only before INSERT/UPDATE/DELETE): a failed load would lose the indexes.
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    by_table: dict[str, list[str]] = {}
    for table, name, sql in found:
        conn.exec_driver_sql(f"DROP INDEX {quote(name)}")
        by_table.setdefault(table, []).append(sql)
    return by_table


def recreate_indexes(conn: Connection, statements: Sequence[str]) -> None:
    """Run `defer_indexes`' statements (as they are: PostgreSQL's spell `%` literally)."""
    raw = conn.connection.dbapi_connection
    assert raw is not None
    cursor = raw.cursor()
    try:
        for sql in statements:
            cursor.execute(sql)
    finally:
        cursor.close()
