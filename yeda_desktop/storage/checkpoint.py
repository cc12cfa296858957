"""A large transaction's write-ahead log copied into the database file after it, not in it.

SQLite copies the WAL back into the database file (a checkpoint) within the very commit
that takes the log past 1000 pages. After a batch import that is tens of megabytes
copied while the import still shows itself running: a 10,000-organization batch's
commit took 0.22-0.26 s with it and 0.11-0.14 s without (2026-11-29). The data is as
safe either way: with `synchronous=FULL` the commit has made the log durable, and the
checkpoint only moves it.

`defer_checkpoint(conn)` leaves one transaction's commit without it (the connection gets
its automatic checkpoints back when it returns to the pool), and a `Checkpointer` runs it
afterwards on a thread and a connection of its own. A PASSIVE checkpoint waits for
nobody, so the app goes on reading and writing meanwhile; closing the database waits
for it.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, event

log = logging.getLogger(__name__)

AUTOCHECKPOINT_PAGES = 1000  # SQLite's default
_DEFERRED = "yeda_checkpoint_deferred"


def defer_checkpoint(conn: Connection) -> None:
    """The commit of this connection's transaction leaves the WAL as it is (SQLite only)."""
    if conn.dialect.name != "sqlite":
        return
    conn.exec_driver_sql("PRAGMA wal_autocheckpoint=0")
    conn.connection.info[_DEFERRED] = True


def restore_on_checkin(engine: Engine) -> None:
    """A connection `defer_checkpoint` was used on checkpoints by itself again once it is
    back in the engine's pool (pragmas stay with a connection, and the pool reuses it)."""

    def checkin(dbapi_conn: Any, record: Any) -> None:
        if record.info.pop(_DEFERRED, False) and dbapi_conn is not None:
            dbapi_conn.execute(f"PRAGMA wal_autocheckpoint={AUTOCHECKPOINT_PAGES}")

    event.listen(engine, "checkin", checkin)


class Checkpointer:
    """Runs a database file's checkpoint on a thread, one at a time."""

    def __init__(self, path: Path, busy_timeout_s: float) -> None:
        self._path = path
        self._timeout = busy_timeout_s
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Checkpoint now, beside the caller (a checkpoint already running covers it, if it
        began after the commit that asks; one that began before is followed by another)."""
        with self._lock:
            previous = self._thread
            thread = threading.Thread(target=self._run, args=(previous,),
                                      name="wal-checkpoint", daemon=True)
            self._thread = thread
            thread.start()

    def _run(self, previous: threading.Thread | None) -> None:
        if previous is not None:
            previous.join()
        try:
            conn = sqlite3.connect(self._path, timeout=self._timeout)
            try:
                conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
            finally:
                conn.close()
        except sqlite3.Error as exc:  # the next commit's or the last close's checkpoint does it
            log.warning("background checkpoint of %s failed: %s", self._path, exc)

    def wait(self) -> None:
        """Until the last checkpoint asked for has run."""
        with self._lock:
            thread = self._thread
        if thread is not None:
            thread.join()
