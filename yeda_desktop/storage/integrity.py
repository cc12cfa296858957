"""Spotting a damaged database file at open, and noticing whether a file was written.

`PRAGMA quick_check` reads every page (without the index cross-checks of
integrity_check), so bytes overwritten in the middle of the file are found when it
is opened, not hours later in the middle of a sweep.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Connection, text

from yeda_desktop.errors import DatabaseError


class CorruptDatabaseError(DatabaseError):
    """The file is damaged (or is not a database at all); a backup can replace it."""

    def __init__(self, db_path: Path, detail: str) -> None:
        super().__init__(
            f"无法打开数据库：文件已损坏或不是YEDA数据库：{db_path}。可以恢复最近一份完好的备份"
            "（菜单“文件 → 从备份恢复”，或命令 yeda restore）",
            f"cannot open the database (damaged or not a YEDA database): {db_path} ({detail}); "
            "restore the newest good backup (File → Restore from backup, or `yeda restore`)",
        )
        self.db_path = db_path
        self.detail = detail


def quick_check(conn: Connection, db_path: Path) -> None:
    """Raise CorruptDatabaseError unless SQLite's quick_check finds the file sound."""
    rows = [str(r[0]) for r in conn.execute(text("PRAGMA quick_check(5)"))]
    if rows != ["ok"]:
        raise CorruptDatabaseError(db_path, " ".join("; ".join(rows).split())[:300])


def change_marker(db_path: Path) -> tuple[int, int, int, int]:
    """Size and modification time of the file and its WAL: equal markers mean no write.

    An empty WAL counts as none (SQLite creates it on open and deletes it on close).
    """
    marker: list[int] = []
    for path in (db_path, db_path.with_name(db_path.name + "-wal")):
        try:
            st = os.stat(path)
        except OSError:
            marker += [0, 0]
        else:
            marker += [st.st_size, st.st_mtime_ns] if st.st_size else [0, 0]
    return (marker[0], marker[1], marker[2], marker[3])
