"""Backups are consistent copies made with the backup API; restore keeps the replaced file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from yeda_desktop.errors import DatabaseError
from yeda_desktop.models import Organization
from yeda_desktop.storage import open_database
from yeda_desktop.storage.backup import backup_database, list_backups, restore_database, rotate


def _names(path: Path) -> list[str]:
    db = open_database(path)
    try:
        with db.reader() as s:
            return sorted(s.scalars(select(Organization.name)))
    finally:
        db.close()


def test_backup_while_open_then_restore(db_path: Path) -> None:
    db = open_database(db_path)
    with db.session() as s:
        s.add(Organization(name="烟台甲科技有限公司"))
    # the writer still holds the file open (WAL mode): the backup must still be complete
    backup = backup_database(db_path, "manual")
    with db.session() as s:
        s.add(Organization(name="烟台乙科技有限公司"))
    db.close()
    assert _names(db_path) == ["烟台乙科技有限公司", "烟台甲科技有限公司"]

    safety = restore_database(backup, db_path)
    assert _names(db_path) == ["烟台甲科技有限公司"]
    assert safety is not None and safety.exists()
    assert _names(safety) == ["烟台乙科技有限公司", "烟台甲科技有限公司"]


def test_a_damaged_backup_is_not_restored(db_path: Path, tmp_path: Path) -> None:
    db = open_database(db_path)
    with db.session() as s:
        s.add(Organization(name="烟台甲科技有限公司"))
    db.close()
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"SQLite format 3\x00" + b"\xff" * 8000)
    with pytest.raises(DatabaseError):
        restore_database(bad, db_path)
    assert _names(db_path) == ["烟台甲科技有限公司"]


def test_rotation_keeps_the_newest(db_path: Path) -> None:
    open_database(db_path).close()
    made = [backup_database(db_path, f"n{i}", keep=100) for i in range(5)]
    rotate(db_path, keep=2)
    kept = [b.path for b in list_backups(db_path)]
    assert kept == [made[4], made[3]]
    with sqlite3.connect(kept[0]) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_abandoned_half_copies_are_cleared_by_the_next_backup(db_path: Path) -> None:
    """An app closed mid-way through its daily backup leaves a .partial file behind;
    opened and closed often, it would fill the disk. The next backup removes old ones
    and leaves one still being written alone."""
    import os
    import time

    open_database(db_path).close()
    folder = db_path.parent / "backups"
    folder.mkdir()
    old = folder / f"{db_path.stem}-20260101-000000-000000-daily.partial"
    old_journal = old.with_name(old.name + "-journal")
    fresh = folder / f"{db_path.stem}-20260101-000001-000000-daily.partial"
    for path in (old, old_journal, fresh):
        path.write_bytes(b"x" * 1024)
    an_hour_ago = time.time() - 3600
    os.utime(old, (an_hour_ago, an_hour_ago))
    os.utime(old_journal, (an_hour_ago, an_hour_ago))
    backup_database(db_path, "manual")
    assert not old.exists() and not old_journal.exists()
    assert fresh.exists()  # another process may still be writing it
    assert len(list_backups(db_path)) == 1
