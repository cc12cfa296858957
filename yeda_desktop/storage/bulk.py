"""Bulk inserts on a second thread, so Python builds the next rows while SQLite writes.

sqlite3 releases the GIL while it executes, so generating rows (Python) and
inserting them (C) overlap on two cores. Only the writer thread touches the
connection until `drain()` returns; an insert error is re-raised in the caller.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Sequence
from types import TracebackType
from typing import Any

from sqlalchemy import Connection

_STOP = None


class BulkWriter:
    """Runs `executemany(sql, rows)` calls in order on a background thread."""

    def __init__(self, conn: Connection, depth: int = 4) -> None:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        self._cursor = raw.cursor()
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
                    self._cursor.executemany(sql, rows)
            except BaseException as exc:  # handed to the caller by drain()
                self._error = exc
            finally:
                self._jobs.task_done()

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
