"""driver_sql.write_behind: queued inserts are invisible to no statement that could see them."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine
from sqlalchemy.exc import IntegrityError

from yeda_desktop.storage import driver_sql
from yeda_desktop.storage.driver_sql import (
    insert_many,
    read_beside_queue,
    run_sql,
    write_behind,
)


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    eng = create_engine(f"sqlite:///{tmp_path / 'wb.sqlite'}")
    with eng.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE a (id INTEGER PRIMARY KEY, v TEXT)")
        conn.exec_driver_sql("CREATE TABLE b (id INTEGER PRIMARY KEY, v TEXT)")
    yield eng
    eng.dispose()


def rows(start: int, count: int) -> list[tuple[int, str]]:
    return [(i, f"值{i}") for i in range(start, start + count)]


def test_queued_rows_are_seen_by_a_select_of_their_table(engine: Engine) -> None:
    with engine.begin() as conn, write_behind(conn):
        insert_many(conn, "INSERT INTO a (id, v) VALUES (?, ?)", rows(0, 5000))
        assert run_sql(conn, "SELECT count(*) FROM a").scalar() == 5000
        insert_many(conn, "INSERT INTO a (id, v) VALUES (?, ?)", rows(5000, 7))
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*), max(id), min(v) FROM a").one() == (
            5007, 5006, "值0")


def test_other_statements_wait_and_order_is_kept(engine: Engine) -> None:
    with engine.begin() as conn, write_behind(conn):
        insert_many(conn, "INSERT INTO a (id, v) VALUES (?, ?)", rows(0, 3000))
        # an UPDATE of another table still waits: it could cascade or be counted
        run_sql(conn, "UPDATE b SET v = 'x'")
        assert not conn.info[driver_sql._BEHIND]._queued
        insert_many(conn, "INSERT INTO a (id, v) VALUES (?, ?)", rows(3000, 10))
        run_sql(conn, "UPDATE a SET v = 'changed' WHERE id >= 2990")  # after the inserts
        insert_many(conn, "INSERT INTO b (id, v) VALUES (?, ?)", rows(0, 3))
        # through SQLAlchemy without run_sql (text(), the ORM) the same
        assert conn.exec_driver_sql("SELECT count(*) FROM b").scalar() == 3
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM a WHERE v = 'changed'").scalar() == 20


class StuckCursor:
    """The writer's cursor, held in each statement until `release` is set; it writes nothing."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.closed = False

    def execute(self, _sql: str, _values: object) -> None:
        assert self.release.wait(10)

    def close(self) -> None:
        self.closed = True


def test_a_select_of_another_table_does_not_wait(engine: Engine) -> None:
    stuck = StuckCursor()
    release = stuck.release
    with engine.begin() as conn, write_behind(conn):
        behind = conn.info[driver_sql._BEHIND]
        behind._cursor = stuck
        insert_many(conn, "INSERT INTO a (id, v) VALUES (?, ?)", rows(0, 3))
        assert run_sql(conn, "SELECT count(*) FROM b").scalar() == 0  # did not wait
        assert behind._queued == {"a": 1}
        release.set()
        run_sql(conn, "SELECT count(*) FROM a")  # waits for it
        assert behind._queued == {}


def test_a_read_beside_the_queue_does_not_wait_even_on_a_queued_table(engine: Engine) -> None:
    stuck = StuckCursor()
    release = stuck.release
    with engine.begin() as conn:
        insert_many(conn, "INSERT INTO a (id, v) VALUES (?, ?)", rows(0, 2))
        with write_behind(conn):
            behind = conn.info[driver_sql._BEHIND]
            behind._cursor = stuck
            insert_many(conn, "INSERT INTO a (id, v) VALUES (?, ?)", rows(10, 3))
            # the rows already there, now, while the queued insert is still held
            assert read_beside_queue(conn, "SELECT id FROM a WHERE id < ? ORDER BY id",
                                     (100,)) == [(0,), (1,)]
            assert behind._queued == {"a": 1}
            release.set()
            assert run_sql(conn, "SELECT count(*) FROM a").scalar() == 2  # the stub wrote none
        assert stuck.closed  # the writer's cursor ends with the block
        assert read_beside_queue(conn, "SELECT count(*) FROM a") == [(2,)]  # no queue: plain


def test_an_insert_error_is_raised_as_sqlalchemys(engine: Engine) -> None:
    with engine.connect() as conn:
        conn.exec_driver_sql("INSERT INTO a (id, v) VALUES (1, 'old')")
        conn.commit()
        with pytest.raises(IntegrityError), write_behind(conn):
            insert_many(conn, "INSERT INTO a (id, v) VALUES (?, ?)", rows(0, 3))
            insert_many(conn, "INSERT INTO a (id, v) VALUES (?, ?)", rows(100, 3))
        conn.rollback()
        assert conn.exec_driver_sql("SELECT count(*) FROM a").scalar() == 1
        assert driver_sql._BEHIND not in conn.info


def test_an_error_in_the_block_skips_what_is_still_queued(engine: Engine) -> None:
    with engine.connect() as conn:
        with pytest.raises(RuntimeError), write_behind(conn):
            insert_many(conn, "INSERT INTO a (id, v) VALUES (?, ?)", rows(0, 10))
            raise RuntimeError("cancelled")
        conn.rollback()
        assert conn.exec_driver_sql("SELECT count(*) FROM a").scalar() == 0


def test_many_statements_per_insert_and_the_switch_interval_restored(engine: Engine) -> None:
    import sys

    before = sys.getswitchinterval()
    width = 2
    count = 3 * driver_sql.VALUES_PER_STATEMENT // width + 1
    with engine.begin() as conn, write_behind(conn):
        assert sys.getswitchinterval() <= driver_sql._SWITCH_INTERVAL_S
        insert_many(conn, "INSERT INTO a (id, v) VALUES (?, ?)", rows(0, count))
    assert sys.getswitchinterval() == before
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM a").scalar() == count


def test_nested_or_server_blocks_are_plain(engine: Engine) -> None:
    with engine.begin() as conn, write_behind(conn):
        outer = conn.info[driver_sql._BEHIND]
        with write_behind(conn):
            assert conn.info[driver_sql._BEHIND] is outer
        assert conn.info[driver_sql._BEHIND] is outer



class CountingCursor:
    """The writer's cursor, counting the values each statement binds."""

    def __init__(self, cursor: object) -> None:
        self.cursor = cursor
        self.bound: list[int] = []

    def execute(self, sql: str, values: list[object]) -> None:
        self.bound.append(len(values))
        self.cursor.execute(sql, values)  # type: ignore[attr-defined]

    def close(self) -> None:
        self.cursor.close()  # type: ignore[attr-defined]


def test_a_column_with_one_value_is_bound_once_and_every_value_kept(engine: Engine) -> None:
    """Columns without a type keep what was bound: 1 and 1.0 (equal in Python) stay an
    integer and a real, True an integer; the first statement's constant x varies in the
    second, which binds it row by row."""
    columns = "id, n, t, x, f, m"
    per = driver_sql.VALUES_PER_STATEMENT // 6
    data = [
        (i, None, "楼宇", 7 if i < per else i, 0.5, (1, 1.0, True)[i % 3])
        for i in range(2 * per)
    ]
    with engine.begin() as conn:
        for table in ("folded", "plain"):
            conn.exec_driver_sql(f"CREATE TABLE {table} (id INTEGER PRIMARY KEY, n, t, x, f, m)")
        conn.connection.dbapi_connection.executemany(  # type: ignore[union-attr]
            f"INSERT INTO plain ({columns}) VALUES (?, ?, ?, ?, ?, ?)", data)
    with engine.begin() as conn, write_behind(conn):
        behind = conn.info[driver_sql._BEHIND]
        behind._cursor = counting = CountingCursor(behind._cursor)
        insert_many(conn, f"INSERT INTO folded ({columns}) VALUES (?, ?, ?, ?, ?, ?)", data)
    # n, t, x and f once, id and m per row; then x per row too
    assert counting.bound == [4 + 2 * per, 3 + 3 * per]
    read = "SELECT *, typeof(n), typeof(t), typeof(x), typeof(f), typeof(m) FROM {} ORDER BY id"
    with engine.connect() as conn:
        folded = conn.exec_driver_sql(read.format("folded")).all()
        assert folded == conn.exec_driver_sql(read.format("plain")).all()
    assert {row[-1] for row in folded} == {"integer", "real"}
    assert len(folded) == 2 * per
