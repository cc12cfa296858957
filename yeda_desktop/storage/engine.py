"""SQLAlchemy engines: SQLite with the pragmas a month of fieldwork needs, or PostgreSQL.

WAL so readers never block the writer, `synchronous=FULL` so a power cut after
commit loses nothing, foreign keys enforced, and a busy timeout instead of an
immediate "database is locked".
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event

from yeda_desktop.storage.checkpoint import restore_on_checkin

BUSY_TIMEOUT_MS = 5000
# 64 MiB of page cache: bulk imports and index builds over 100,000 organizations
# touch far more than SQLite's 2 MiB default, and the app's memory budget allows it.
CACHE_KIB = 65536


def _set_sqlite_pragmas(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
    cur.close()


def sqlite_engine(path: Path, *, read_only: bool = False) -> Engine:
    url = f"sqlite:///file:{path}?mode=ro&uri=true" if read_only else f"sqlite:///{path}"
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", _set_sqlite_pragmas)
    restore_on_checkin(engine)
    return engine


def server_engine(url: URL, *, read_only: bool = False) -> Engine:
    """PostgreSQL through psycopg 3: READ COMMITTED (its default) with row and
    advisory locks where concurrent administrators could collide (see syncflow)."""
    return create_engine(
        url,
        pool_pre_ping=True,
        connect_args={"connect_timeout": 10, "application_name": "yeda"},
        execution_options={"postgresql_readonly": True} if read_only else {},
    )
