"""Consistent backups with the SQLite backup API (never a file copy of a live database).

Backups are made before a schema upgrade, before a restore, on request, on close
after changes and once a day; each is integrity-checked before it gets its name,
and old ones are thinned to the recent ones plus one per day, week and month.
"""

from __future__ import annotations

import shutil
import sqlite3
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from yeda_desktop.errors import DatabaseError
from yeda_desktop.storage.lock import acquire_writer_lock
from yeda_desktop.storage.paths import backups_dir

KEEP_BACKUPS = 20
"""Compatibility cap for `rotate` (the newest N); automatic backups are thinned instead."""


@dataclass(frozen=True)
class Thinning:
    """How many backups survive: the newest `recent`, then the newest of each day, week, month."""

    recent: int = 10
    days: int = 14
    weeks: int = 8
    months: int = 12


THINNING = Thinning()

# Backups that hold what is no longer in the database (a laptop's old zone, cleared when
# it moved to another centre: syncflow.centre_move): never thinned or rotated away.
KEPT_REASONS = frozenset({"before-centre-change"})


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


# A backup being written touches its file every few milliseconds; one untouched this
# long was abandoned (the app quit or was killed mid-copy) and would never be finished.
STALE_PARTIAL_S = 600


def remove_stale_partials(folder: Path, now: float | None = None) -> int:
    """Delete abandoned `.partial` backups (and their journals); returns how many.

    A process that quits while its daily backup is being copied leaves the half
    copy behind; an app opened and closed many times could fill the disk with them.
    """
    moment = time.time() if now is None else now
    removed = 0
    for path in [*folder.glob("*.partial"), *folder.glob("*.partial-journal")]:
        try:
            if moment - path.stat().st_mtime > STALE_PARTIAL_S:
                path.unlink()
                removed += 1
        except OSError:
            continue  # gone meanwhile, or not ours to delete
    return removed


def backup_database(
    db_path: Path, reason: str = "manual", keep: int | None = None
) -> Path:
    """Write a checked backup of `db_path` into its backups/ folder, then thin old ones.

    `keep=N` keeps just the newest N instead of thinning.
    """
    folder = backups_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    remove_stale_partials(folder)
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
    if keep is None:
        thin(db_path)
    else:
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
    """Keep only the newest `keep` backups (and those of `KEPT_REASONS`)."""
    for old in list_backups(db_path)[keep:]:
        if old.reason not in KEPT_REASONS:
            old.path.unlink(missing_ok=True)


def to_thin(
    backups: Sequence[BackupInfo], now: datetime, rule: Thinning = THINNING
) -> list[BackupInfo]:
    """The backups thinning deletes: not among the newest `recent`, and not the newest of
    its day (last `days` days), ISO week (last `weeks` weeks) or month (last `months`),
    nor of `KEPT_REASONS`."""
    newest_first = sorted(backups, key=lambda b: b.created, reverse=True)
    keep: set[Path] = {b.path for b in newest_first[: rule.recent]}
    keep |= {b.path for b in backups if b.reason in KEPT_REASONS}
    seen: dict[str, set[object]] = {"day": set(), "week": set(), "month": set()}
    for b in newest_first:
        age = now - b.created
        buckets: list[tuple[str, object, bool]] = [
            ("day", b.created.date(), age < timedelta(days=rule.days)),
            ("week", b.created.isocalendar()[:2], age < timedelta(weeks=rule.weeks)),
            ("month", (b.created.year, b.created.month), age < timedelta(days=31 * rule.months)),
        ]
        for name, bucket, in_window in buckets:
            if in_window and bucket not in seen[name]:
                seen[name].add(bucket)
                keep.add(b.path)
    return [b for b in newest_first if b.path not in keep]


def thin(db_path: Path, now: datetime | None = None, rule: Thinning = THINNING) -> list[Path]:
    """Delete the backups `to_thin` picks; returns what was deleted."""
    gone = to_thin(list_backups(db_path), now or datetime.now(), rule)
    for old in gone:
        old.path.unlink(missing_ok=True)
    return [b.path for b in gone]


def daily_backup(db_path: Path, now: datetime | None = None) -> Path | None:
    """Back up once a day: only if no backup of this database was made today."""
    today = (now or datetime.now()).date()
    found = list_backups(db_path)
    if found and found[0].created.date() == today:
        return None
    return backup_database(db_path, "daily")


def backup_after_changes(db_path: Path, changed: bool) -> Path | None:
    """The backup made when the app closes a database it changed."""
    return backup_database(db_path, "close") if changed and db_path.is_file() else None


def newest_good_backup(db_path: Path) -> BackupInfo | None:
    """The newest backup that passes integrity_check (what a damaged database is restored from)."""
    for info in list_backups(db_path):
        if _integrity_ok(info.path):
            return info
    return None


def _keep_damaged(db_path: Path) -> Path:
    """Set a damaged file aside byte for byte (it cannot pass a backup's integrity check).

    The name does not end in .sqlite, so it is never offered as a backup to restore.
    """
    folder = backups_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    remove_stale_partials(folder)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    kept = folder / f"{db_path.stem}-{stamp}-damaged.sqlite-damaged"
    shutil.copyfile(db_path, kept)
    for suffix in ("-wal", "-shm"):
        side = db_path.with_name(db_path.name + suffix)
        if side.exists():
            shutil.copyfile(side, kept.with_name(kept.name + suffix))
            side.unlink()
    return kept


def restore_database(backup: Path, db_path: Path) -> Path | None:
    """Replace the database with `backup`, keeping a backup of the current file first.

    The caller must have closed every connection to `db_path`; another process that
    still has it open makes this fail with DatabaseInUseError. A damaged current file
    is kept byte for byte (`*-damaged.sqlite-damaged`) instead of as a backup.
    Returns the path of the safety copy of the replaced file (None if there was none).
    """
    if not backup.is_file():
        raise DatabaseError(f"备份文件不存在：{backup}", f"backup file not found: {backup}")
    if not _integrity_ok(backup):
        raise DatabaseError(
            f"备份文件已损坏，未恢复：{backup}", f"backup is damaged, nothing restored: {backup}"
        )
    lock = acquire_writer_lock(db_path)
    try:
        safety: Path | None = None
        if db_path.exists():
            if _integrity_ok(db_path):
                safety = backup_database(db_path, "before-restore")
            else:
                safety = _keep_damaged(db_path)
                db_path.unlink()
        try:
            _copy(backup, db_path)
        except sqlite3.Error as exc:
            raise DatabaseError(f"恢复失败：{exc}", f"restore failed: {exc}") from None
        return safety
    finally:
        lock.release()
