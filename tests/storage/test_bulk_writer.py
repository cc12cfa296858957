"""The background bulk writer: inserts land in order, errors reach the caller, rollback wins."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy.exc import IntegrityError

from yeda_desktop.storage.bulk import BulkWriter


def _engine(tmp_path: Path):  # type: ignore[no-untyped-def]
    engine = create_engine(f"sqlite:///{tmp_path / 'bulk.sqlite'}")
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)")
    return engine


def test_rows_arrive_in_order_and_commit(tmp_path: Path) -> None:
    engine = _engine(tmp_path)
    with engine.begin() as conn, BulkWriter(conn) as writer:
        for start in range(0, 10_000, 1000):
            rows = [(i, f"v{i}") for i in range(start, start + 1000)]
            writer.write("INSERT INTO t VALUES (?, ?)", rows)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*), max(id) FROM t").one() == (10_000, 9_999)


def test_an_insert_error_is_raised_to_the_caller_and_nothing_is_kept(tmp_path: Path) -> None:
    engine = _engine(tmp_path)
    with pytest.raises(sqlite_errors()), engine.begin() as conn, BulkWriter(conn) as writer:
        writer.write("INSERT INTO t VALUES (?, ?)", [(1, "a"), (2, "b")])
        writer.write("INSERT INTO t VALUES (?, ?)", [(3, None)])  # NOT NULL
        writer.drain()
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM t").scalar() == 0


def test_a_failure_in_the_caller_abandons_queued_rows(tmp_path: Path) -> None:
    engine = _engine(tmp_path)
    with pytest.raises(RuntimeError), engine.begin() as conn, BulkWriter(conn) as writer:
        for start in range(0, 50_000, 5000):
            rows = [(i, "x") for i in range(start, start + 5000)]
            writer.write("INSERT INTO t VALUES (?, ?)", rows)
        raise RuntimeError("cancelled")
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM t").scalar() == 0


def sqlite_errors() -> tuple[type[BaseException], ...]:
    import sqlite3

    return (sqlite3.IntegrityError, IntegrityError)
