"""An engine whose transactions include DDL, so a schema upgrade commits whole or not at all.

Python's sqlite3 module opens a transaction only before INSERT/UPDATE/DELETE and
runs CREATE/ALTER/DROP in autocommit; a migration killed halfway would leave new
tables behind with the old revision number ("table ... already exists" on the next
start). This engine turns the driver's own handling off and emits BEGIN itself
(SQLAlchemy's documented recipe for pysqlite), and is used only for migrations.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, event

from yeda_desktop.storage.engine import sqlite_engine


def _no_driver_transactions(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    dbapi_conn.isolation_level = None


def _begin(conn: Connection) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def transactional_engine(path: Path) -> Engine:
    """A SQLite engine where `engine.begin()` really is BEGIN … COMMIT, DDL included."""
    engine = sqlite_engine(path)
    event.listen(engine, "connect", _no_driver_transactions)
    event.listen(engine, "begin", _begin)
    return engine
