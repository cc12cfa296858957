"""Consistent backups with the SQLite backup API (never a file copy of a live database)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from yeda_desktop.errors import DatabaseError
from yeda_desktop.storage.paths import backups_dir

KEEP_BACKUPS = 20


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: datetime
    size: int
    reason: str


def _integrity_ok(path: Path) -> bool:
    """True only for a readable SQLite file that passes integrity_check."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        return bool(conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok")
    except sqlite3.Error:
        return False
    finally:
        conn.close()


def _copy(src_path: Path, dest_path: Path) -> None:
    src = sqlite3.connect(f"file:{src_path}?mode=ro", uri=True)
    dst = sqlite3.connect(dest_path)
    try:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")
    finally:
        dst.close()
        src.close()


def backup_database(db_path: Path, reason: str = "manual", keep: int = KEEP_BACKUPS) -> Path:
    """Write a checked backup of `db_path` into its backups/ folder and rotate old ones."""
    folder = backups_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    final = folder / f"{db_path.stem}-{stamp}-{reason}.sqlite"
    partial = final.with_suffix(".partial")
    try:
        _copy(db_path, partial)
        if not _integrity_ok(partial):
            raise DatabaseError("备份文件校验失败", "the backup failed its integrity check")
        partial.replace(final)
    except sqlite3.Error as exc:
        raise DatabaseError(f"备份失败：{exc}", f"backup failed: {exc}") from None
    finally:
        partial.unlink(missing_ok=True)
    rotate(db_path, keep)
    return final


def list_backups(db_path: Path) -> list[BackupInfo]:
    """Backups of this database, newest first."""
    folder = backups_dir(db_path)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob(f"{db_path.stem}-*.sqlite"):
        parts = path.stem[len(db_path.stem) + 1 :].split("-", 3)
        try:
            created = datetime.strptime("-".join(parts[:3]), "%Y%m%d-%H%M%S-%f")
        except ValueError:
            continue
        reason = parts[3] if len(parts) > 3 else ""
        found.append(BackupInfo(path, created, path.stat().st_size, reason))
    return sorted(found, key=lambda b: b.created, reverse=True)


def rotate(db_path: Path, keep: int = KEEP_BACKUPS) -> None:
    for old in list_backups(db_path)[keep:]:
        old.path.unlink(missing_ok=True)


def restore_database(backup: Path, db_path: Path) -> Path | None:
    """Replace the database with `backup`, keeping a backup of the current file first.

    The caller must have closed every connection to `db_path`.
    Returns the path of the safety copy of the replaced file (None if there was none).
    """
    if not backup.is_file():
        raise DatabaseError(f"备份文件不存在：{backup}", f"backup file not found: {backup}")
    if not _integrity_ok(backup):
        raise DatabaseError(
            f"备份文件已损坏，未恢复：{backup}", f"backup is damaged, nothing restored: {backup}"
        )
    safety = backup_database(db_path, "before-restore") if db_path.exists() else None
    try:
        _copy(backup, db_path)
    except sqlite3.Error as exc:
        raise DatabaseError(f"恢复失败：{exc}", f"restore failed: {exc}") from None
    return safety
