"""Bulk inserts on a second thread, so Python builds the next rows while the database writes.

sqlite3 and psycopg release the GIL while they execute, so generating rows
(Python) and inserting them (C) overlap on two cores. Only the writer thread
touches the connection until `drain()` returns; an insert error is re-raised in
the caller. Callers write `INSERT INTO t(cols) VALUES (?, …)`; on PostgreSQL a
plain insert like that becomes COPY (an order of magnitude faster than
executemany), anything else runs with psycopg's placeholders.
"""

from __future__ import annotations

import queue
import re
import threading
from collections.abc import Sequence
from types import TracebackType
from typing import Any

from sqlalchemy import Connection

_STOP = None
_PLAIN_INSERT = re.compile(
    r"^\s*INSERT\s+INTO\s+(\w+)\s*\(([\w\s,]+)\)\s*VALUES\s*\((?:\s*\?\s*,?)+\)\s*$",
    re.IGNORECASE,
)


class BulkWriter:
    """Runs `executemany(sql, rows)` calls in order on a background thread."""

    def __init__(self, conn: Connection, depth: int = 4) -> None:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        self._cursor = raw.cursor()
        self._server = conn.dialect.name == "postgresql"
        self._jobs: queue.Queue[tuple[str, Sequence[Sequence[Any]]] | None] = queue.Queue(depth)
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
                    if self._server:
                        self._server_write(sql, rows)
                    else:
                        self._cursor.executemany(sql, rows)
            except BaseException as exc:  # handed to the caller by drain()
                self._error = exc
            finally:
                self._jobs.task_done()

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
