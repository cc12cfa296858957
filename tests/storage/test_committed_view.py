"""write_behind(committed_view=True): lookups beside the queue read the committed state on a
second connection, only while that is the answer, and leave no reader behind."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError

from yeda_desktop.storage import driver_sql
from yeda_desktop.storage.driver_sql import insert_many, read_beside_queue, run_sql, write_behind
from yeda_desktop.storage.engine import sqlite_engine


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "view.sqlite"


@pytest.fixture
def engine(path: Path) -> Iterator[Engine]:
    eng = sqlite_engine(path)  # the app's own: WAL
    with eng.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE a (id INTEGER PRIMARY KEY, v TEXT)")
        conn.exec_driver_sql("CREATE TABLE b (id INTEGER PRIMARY KEY, v TEXT)")
        conn.exec_driver_sql("INSERT INTO a (id, v) VALUES (1, '已提交'), (2, '已提交')")
    yield eng
    eng.dispose()


def test_lookups_read_the_committed_state_until_a_write(engine: Engine) -> None:
    with engine.begin() as conn:
        run_sql(conn, "INSERT INTO b (id, v) VALUES (1, '本事务')")  # the write lock
        with write_behind(conn, committed_view=True):
            behind = conn.info[driver_sql._BEHIND]
            assert behind.view is not None
            insert_many(conn, "INSERT INTO a (id, v) VALUES (?, ?)", [(3, "排队")])
            # the committed rows: neither this transaction's write nor its queued insert
            assert read_beside_queue(conn, "SELECT count(*) FROM b") == [(0,)]
            assert read_beside_queue(conn, "SELECT id FROM a ORDER BY id") == [(1,), (2,)]
            run_sql(conn, "UPDATE a SET v = '改' WHERE id = 1")  # may change any answer
            assert behind.view is None
            assert read_beside_queue(conn, "SELECT count(*) FROM b") == [(1,)]
            assert read_beside_queue(conn, "SELECT v FROM a WHERE id = 1") == [("改",)]
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM a").scalar() == 3


def test_no_view_before_the_transaction_writes(engine: Engine) -> None:
    """Before its first write the transaction holds no lock: another process could
    commit in between, and the view would not be the state the transaction started on."""
    with engine.begin() as conn, write_behind(conn, committed_view=True):
        assert conn.info[driver_sql._BEHIND].view is None
        assert read_beside_queue(conn, "SELECT count(*) FROM a") == [(2,)]


def test_the_view_ends_with_the_block_so_a_checkpoint_reaches_the_end(
    engine: Engine, path: Path
) -> None:
    with engine.begin() as conn:
        run_sql(conn, "INSERT INTO b (id, v) VALUES (1, 'x')")
        with write_behind(conn, committed_view=True):
            view = conn.info[driver_sql._BEHIND].view
            assert view is not None and read_beside_queue(conn, "SELECT 1") == [(1,)]
        assert conn.info.get(driver_sql._BEHIND) is None
    other = sqlite3.connect(path)
    try:
        busy, _frames, _done = other.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        assert busy == 0  # no read transaction left open by the view
    finally:
        other.close()
    with pytest.raises(sqlite3.ProgrammingError):
        view.rows("SELECT 1")  # closed


def test_an_error_on_the_view_is_raised_as_sqlalchemys(engine: Engine) -> None:
    with engine.begin() as conn:
        run_sql(conn, "INSERT INTO b (id, v) VALUES (1, 'x')")
        with write_behind(conn, committed_view=True):
            with pytest.raises(OperationalError, match="no such column"):
                read_beside_queue(conn, "SELECT nope FROM a")
            assert read_beside_queue(conn, "SELECT count(*) FROM b") == [(1,)]  # plain now
