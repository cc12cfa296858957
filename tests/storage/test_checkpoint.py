"""A large transaction's WAL is copied into the file after its commit, on a thread, and the
connection it used checkpoints by itself again."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from pooled_settings import pooled_autocheckpoints

from yeda_desktop.storage import Database, open_database
from yeda_desktop.storage.checkpoint import AUTOCHECKPOINT_PAGES, defer_checkpoint

ROWS = 1500  # 4 KiB each: past SQLite's 1000-page threshold for a checkpoint at commit
MIB = 1 << 20


def _fill(db: Database, first: int, *, deferred: bool) -> None:
    with db.session() as session:
        conn = session.connection()
        if deferred:
            defer_checkpoint(conn)
        conn.exec_driver_sql(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) "
            "INSERT INTO app_state (key, value) "
            "SELECT 'fill.' || (i + ?), hex(randomblob(2048)) FROM n", (ROWS, first))


def _until(condition: Callable[[], bool], seconds: float = 30.0) -> bool:
    end = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > end:
            return False
        time.sleep(0.02)
    return True


def test_a_deferred_commit_leaves_its_log_to_the_thread(tmp_path: Path) -> None:
    path = tmp_path / "yeda.sqlite"
    db = open_database(path)
    wal = path.with_name(path.name + "-wal")
    try:
        before = path.stat().st_size
        _fill(db, 0, deferred=True)
        # Committed and durable in the log; the file itself not yet written.
        assert wal.stat().st_size > 4 * MIB
        assert path.stat().st_size == before
        with db.reader() as session:
            assert session.connection().exec_driver_sql(
                "SELECT count(*) FROM app_state WHERE key LIKE 'fill.%'").scalar() == ROWS
        # Every pooled connection checkpoints by itself again.
        assert pooled_autocheckpoints(db) == {AUTOCHECKPOINT_PAGES}
        db.checkpoint_soon()
        assert _until(lambda: path.stat().st_size > 4 * MIB)
    finally:
        db.close()


def test_an_ordinary_commit_still_checkpoints_in_itself(tmp_path: Path) -> None:
    path = tmp_path / "yeda.sqlite"
    db = open_database(path)
    try:
        _fill(db, 0, deferred=True)
        size = path.stat().st_size
        _fill(db, ROWS, deferred=False)  # the WAL is past the threshold at this commit
        assert path.stat().st_size > size + 4 * MIB
    finally:
        db.close()


def test_closing_waits_for_the_checkpoint(tmp_path: Path) -> None:
    path = tmp_path / "yeda.sqlite"
    db = open_database(path)
    _fill(db, 0, deferred=True)
    db.checkpoint_soon()
    db.close()
    again = open_database(path)
    try:
        with again.reader() as session:
            assert session.connection().exec_driver_sql(
                "SELECT count(*) FROM app_state WHERE key LIKE 'fill.%'").scalar() == ROWS
    finally:
        again.close()
