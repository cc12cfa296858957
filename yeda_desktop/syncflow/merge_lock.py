"""One merge at a time in a centre's database, whichever process or administrator runs it.

A merge reads the change log and the records, decides, and writes; two at once
under READ COMMITTED could each decide on a state the other is changing (a lost
edit, a batch counted twice). On PostgreSQL every merging transaction first takes
one transaction-scoped advisory lock, so merges queue at the server and each sees
everything committed before it; the lock ends with the transaction, even if the
process dies. SQLite needs nothing: one process writes a file (storage.lock) and
SQLite serialises its transactions.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

MERGE_LOCK = 0x59454442  # any constant shared by every YEDA process


def hold_merge_lock(conn: Connection) -> None:
    """Wait for, then hold until commit or rollback, the database's merge lock."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": MERGE_LOCK})
