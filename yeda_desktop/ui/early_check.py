"""The damage check of a database file, started before the storage is even loaded.

`PRAGMA quick_check` reads every page: on a 100,000-organization file it takes as long
as loading the core (SQLAlchemy, the models) and opening, so the window starts it at
once, on its own thread with the standard library's sqlite3, and `opening.open_work`
takes its verdict (SQLite does the reading with the GIL released, so the GUI thread
and the loading go on meanwhile). The verdict is read the way
`storage.integrity.quick_check` reads it: "ok", or damage.

The connection writes nothing (`query_only`) but is not opened read-only: left the
last one on the file (the open abandoned), a read-only connection could not remove
the WAL file it made, and the file would look as if it had not been closed.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported on the check's own thread
    import sqlite3


class EarlyCheck:
    """`PRAGMA quick_check(5)` of one file, running from construction; `wait()` for it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.rows: list[str] | None = None
        self.error: BaseException | None = None
        self._conn: sqlite3.Connection | None = None
        self._cancelled = False
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, name="early-quick-check", daemon=True)
        self._thread.start()

    @classmethod
    def start(cls, given: str) -> EarlyCheck | None:
        """A check of `given` if it names an existing file (not "", not a server URL)."""
        if not given or "://" in given:
            return None
        try:
            path = Path(given).expanduser().resolve()
            return cls(path) if path.is_file() else None
        except OSError:
            return None

    def _run(self) -> None:
        try:
            import sqlite3  # here, on this thread

            conn = sqlite3.connect(  # mode=rw: an existing file, never a new one
                self.path.as_uri() + "?mode=rw", uri=True, check_same_thread=False
            )
            try:
                conn.execute("PRAGMA query_only=1")
                with self._lock:
                    self._conn = conn
                    if self._cancelled:
                        return
                self.rows = [str(r[0]) for r in conn.execute("PRAGMA quick_check(5)")]
            finally:
                with self._lock:
                    self._conn = None
                conn.close()
        except BaseException as exc:  # handed to whoever waits
            self.error = exc

    def cancel(self) -> None:
        """Stop reading (the open failed or was abandoned); `wait()` returns soon after."""
        with self._lock:
            self._cancelled = True
            if self._conn is not None:
                self._conn.interrupt()

    def wait(self) -> None:
        self._thread.join()

    def damage(self) -> str | None:
        """After `wait()`: None if the file is sound, else SQLite's account of the damage."""
        if self.error is not None:
            import sqlite3

            if isinstance(self.error, sqlite3.DatabaseError):  # too damaged to be checked
                return str(self.error)
            raise self.error
        rows = self.rows or ["no answer"]
        return None if rows == ["ok"] else " ".join("; ".join(rows).split())[:300]
