"""Finish a batch that was recorded but not yet renamed, so an interrupted export never forks
the chain.

A batch is written under `<name>.pending`, recorded (with the bookmark) in one commit, and
only then renamed to its final name. A kill before the commit leaves an unrecorded pending
file that the next export deletes (it was never part of the chain); a kill after it leaves
a recorded one, which the next export finishes instead of writing a new batch with the same
sequence number. A recorded batch whose file is gone or damaged is marked lost and the next
batch carries every local change again, so nothing is lost and no number is reused.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from yeda_desktop.errors import YedaError
from yeda_desktop.models.base import utcnow
from yeda_desktop.models.sync import ExportBookmark, SyncPackage
from yeda_desktop.storage import Database
from yeda_desktop.sync import KeySet, Manifest, PackageKind, inspect_package

SUFFIX = ".pending"
PENDING = "pending"


def pending_path(out: Path) -> Path:
    """Where a batch waits until its record is committed (never looks like a finished file)."""
    return out.with_name(out.name + SUFFIX)


@dataclass(frozen=True)
class Finished:
    """A recorded batch that an earlier, interrupted export left behind, now settled."""

    path: Path
    manifest: Manifest | None
    sequence: int
    lost: bool
    promoted: bool  # renamed now (False: it had been renamed before the interruption)


def promote(pending: Path, out: Path) -> None:
    """Give a recorded batch its final name (durably: the folder entry is synced too)."""
    try:
        os.replace(pending, out)
        if os.name == "posix":
            fd = os.open(out.parent, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
    except OSError as exc:
        raise YedaError(
            f"数据包已记录，但无法改为正式文件名（{exc.strerror or exc}）；"
            f"请重新插入 {out.parent} 所在的磁盘后再导出一次，程序会完成这一批",
            f"the batch is recorded but could not get its final name ({exc.strerror or exc}); "
            f"reconnect the drive holding {out.parent} and export again to finish it",
        ) from exc


def _intact_copy(path: Path, keys: KeySet, sha: str) -> Manifest | None:
    """The manifest of `path` when it is this laptop's intact package with that hash."""
    if not path.is_file():
        return None
    report = inspect_package(path, keys.public.signing)
    if report.intact and report.manifest is not None and report.manifest.sha256 == sha:
        return report.manifest
    return None


def _settle(session: Session, row: SyncPackage, keys: KeySet) -> Finished:
    out = Path(row.file_name or "")
    pending = pending_path(out)
    manifest = _intact_copy(pending, keys, row.manifest_sha256)
    promoted = manifest is not None
    if promoted:
        promote(pending, out)
    else:
        manifest = _intact_copy(out, keys, row.manifest_sha256)  # renamed, then interrupted
    lost = manifest is None
    if lost:
        with contextlib.suppress(OSError):
            pending.unlink(missing_ok=True)  # damaged: it must not travel
        mark = session.get(ExportBookmark, "batch")
        if mark is not None:
            mark.last_change_seq = 0  # the next batch carries every local change again
            mark.updated_at = utcnow()
    row.status = "lost" if lost else "exported"
    row.file_name = out.name
    return Finished(out, manifest, row.sequence, lost, promoted)


def finish_pending(db: Database, keys: KeySet) -> list[Finished]:
    """Settle every recorded-but-unrenamed batch, oldest first."""
    with db.session() as session:
        rows = session.scalars(
            select(SyncPackage)
            .where(SyncPackage.direction == "out", SyncPackage.kind == PackageKind.BATCH.value,
                   SyncPackage.status == PENDING)
            .order_by(SyncPackage.sequence)
        ).all()
        return [_settle(session, row, keys) for row in rows]


def drop_unrecorded(out: Path) -> None:
    """Delete a pending file no record knows about: an export killed before its commit."""
    with contextlib.suppress(OSError):
        pending_path(out).unlink(missing_ok=True)
