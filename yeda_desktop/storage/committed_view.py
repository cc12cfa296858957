"""The database as last committed, read on a second connection beside a writing transaction.

SQLite runs one statement at a time per connection. While a large import's
write-behind thread inserts on the importing connection, every lookup the merge
makes there (which of a chunk's records the centre has, which it deleted) first
waits for the insert statement that is running: in a 10,000-organization import
those waits were a fifth of its time. In WAL mode a second connection reads the last
committed state at the same time, never blocked by the writer. While the writing
transaction holds SQLite's write lock nothing else can commit, so that state stays
the database as it was before the transaction; `driver_sql.write_behind` uses it only
while the transaction has written nothing its lookups could see.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from yeda_desktop.storage.engine import BUSY_TIMEOUT_MS


class CommittedView:
    """A read transaction on its own connection, begun on the committed state."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    @classmethod
    def beside(cls, writing: sqlite3.Connection) -> CommittedView | None:
        """A view of `writing`'s database, or None where it would not be the state before
        `writing`'s transaction: not in WAL mode, not a file, or no write begun.

        Python's sqlite3 opens a transaction only before a write (INSERT, UPDATE,
        DELETE), and that write takes the lock: `in_transaction` means it is held.
        """
        if not writing.in_transaction:
            return None
        if str(writing.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "wal":
            return None
        path = next((str(file) for _, name, file in writing.execute("PRAGMA database_list")
                     if name == "main"), "")
        if not path:
            return None
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        try:
            conn.execute("PRAGMA query_only = 1")
            conn.execute("BEGIN")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the snapshot
        except sqlite3.Error:
            conn.close()
            return None
        return cls(conn)

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self._conn.execute(sql, tuple(params)).fetchall()

    def close(self) -> None:
        """End the read transaction: a checkpoint at the writer's commit can then reach it."""
        self._conn.close()
