"""Export today's work: the local edits since the last export, as the next batch of the chain.

The file gets its final name only after the bookmark and the package record committed
(see `pending_export`), so no interruption can leave two different batches with one number.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from yeda_desktop.errors import YedaError
from yeda_desktop.models.base import utcnow
from yeda_desktop.models.sync import ExportBookmark, SyncPackage
from yeda_desktop.storage import Database
from yeda_desktop.storage.driver_sql import run_sql
from yeda_desktop.storage.migrate import head_revision
from yeda_desktop.sync import KeySet, Manifest, PackageFields, PackageKind, SyncError, write_package
from yeda_desktop.syncflow import packages
from yeda_desktop.syncflow.batch_lines import put_line
from yeda_desktop.syncflow.installation import Role, load_installation, require_installation
from yeda_desktop.syncflow.lines import encode_lines
from yeda_desktop.syncflow.pending_export import (
    PENDING,
    drop_unrecorded,
    finish_pending,
    pending_path,
    promote,
)
from yeda_desktop.syncflow.records import (
    CHUNK,
    as_stamp,
    fetch_rows,
    table_by_name,
    travelling_tables,
)

BOOKMARK = "batch"
Progress = Callable[[int, int], None]


@dataclass(slots=True)
class _Touched:
    """What the log says about one record since the bookmark."""

    inserted_at: str | None = None
    deleted_at: str | None = None
    last_at: str = ""
    officer: str | None = None
    fields: dict[str, list[Any]] = field(default_factory=dict)  # field -> [at, first old]

    def add(self, op: str, name: str | None, old: str | None, at: str,
            officer: str | None) -> None:
        """Fold in the next log entry of this record (in log order)."""
        self.last_at, self.officer = at, officer or self.officer
        if op == "insert":
            self.inserted_at = self.inserted_at or at
            self.deleted_at = None
        elif op == "delete":
            self.deleted_at = at
        elif name is not None:
            previous = self.fields.get(name)
            first_old = previous[1] if previous else (None if old is None else json.loads(old))
            self.fields[name] = [at, first_old]


@dataclass(frozen=True)
class ExportResult:
    path: Path
    manifest: Manifest
    records: dict[str, int]
    full: bool
    resumed: bool = False  # an interrupted export's batch was finished instead of a new one


_PENDING = "seq > ? AND seq <= ? AND package_id IS NULL"


def _scan(conn: Connection, since: int) -> tuple[dict[str, int], int]:
    """How many records of each synced table the log touched after `since`, and the last
    entry's seq: counted by the database, so nothing per record is held in memory."""
    last = run_sql(conn, "SELECT max(seq) FROM change_log WHERE seq > ? AND package_id IS NULL",
                   (since,)).scalar()
    if last is None:
        return {}, since
    names = set(table_by_name())
    counts = {
        table: int(n) for table, n in run_sql(conn,
            f"SELECT table_name, count(DISTINCT record_id) FROM change_log WHERE {_PENDING} "
            "GROUP BY table_name", (since, last))
        if table in names and n
    }
    return counts, int(last)


def _touched(conn: Connection, table: str, since: int, last: int,
             ) -> Iterator[dict[str, _Touched]]:
    """The log of one table after `since` folded by record, in record-id order, streamed in
    groups of at most `CHUNK` records (a group ends only where a record's entries end)."""
    rows = run_sql(conn,
        f"SELECT record_id, op, field, old_value, at, officer FROM change_log "
        f"WHERE table_name = ? AND {_PENDING} ORDER BY record_id, seq",
        (table, since, last),
    )
    group: dict[str, _Touched] = {}
    rid_before, entry, at_before = None, _Touched(), ""
    for rid, op, name, old, at_value, officer in rows:
        at = as_stamp(at_value)
        if at == at_before:
            at = at_before  # one string for a run of equal stamps (a record's entries)
        at_before = at
        if rid != rid_before:
            if len(group) >= CHUNK:
                yield group
                group = {}
            entry = group[rid] = _Touched()
            rid_before = rid
        entry.add(op, name, old, at, officer)
    if group:
        yield group


def _lines(
    conn: Connection, since: int, last: int, counts: dict[str, int], done_counts: dict[str, int],
    progress: Progress | None,
) -> Iterator[dict[str, Any]]:
    total = sum(counts.values())
    done = 0
    for table in travelling_tables():
        if not counts.get(table.name):
            continue
        deleted: list[dict[str, Any]] = []
        for records in _touched(conn, table.name, since, last):
            ids = sorted(records)
            present = set()
            for row in fetch_rows(conn, table.name, ids):
                rid = row["id"]
                present.add(rid)
                info = records[rid]
                line = put_line(table.name, row, info.fields, last_at=info.last_at,
                                officer=info.officer, inserted_at=info.inserted_at)
                done_counts[table.name] = done_counts.get(table.name, 0) + 1
                done += 1
                if progress and done % 500 == 0:
                    progress(done, total)
                yield line
            for rid in ids:
                info = records[rid]
                if rid not in present and info.deleted_at and not info.inserted_at:
                    deleted.append({"t": table.name, "id": rid, "op": "del",
                                    "at": info.deleted_at, "by": info.officer})
        for line in deleted:  # after the table's puts, as before
            done_counts[table.name] = done_counts.get(table.name, 0) + 1
            yield line
    if progress:
        progress(total, total)


def resume_export(db: Database, keys: KeySet) -> ExportResult | None:
    """Finish the batch an interrupted export recorded but did not rename (None: nothing was
    left behind, or its file was lost and the next batch will carry everything again)."""
    finished = [f for f in finish_pending(db, keys) if f.promoted]
    if not finished:
        return None
    last = finished[-1]
    assert last.manifest is not None
    return ExportResult(last.path, last.manifest, dict(last.manifest.record_counts),
                        full=last.manifest.extra.get("full") == "yes", resumed=True)


def export_batch(
    db: Database,
    keys: KeySet,
    out: Path,
    *,
    officer: str | None = None,
    full: bool = False,
    progress: Progress | None = None,
) -> ExportResult:
    """Write the next batch (all local edits ever with `full`), then move the bookmark.

    A batch an interrupted export left recorded but unrenamed is finished first and
    returned instead (`resumed`): writing a new one would reuse its sequence number.
    Otherwise the batch is written and verified under a pending name, recorded with the
    bookmark in one commit, and renamed; a failure before the commit leaves everything
    as it was, one after it is finished by the next export.
    """
    resumed = resume_export(db, keys)
    if resumed is not None:
        return resumed
    if out.exists():
        raise YedaError(f"目标文件已存在：{out.name}",
                        f"the target file already exists: {out.name}")
    pending = pending_path(out)
    drop_unrecorded(out)
    committed = False
    try:
        with db.session() as session:
            inst = require_installation(session, Role.LAPTOP)
            profile = packages.centre_profile(session)
            mark = session.get(ExportBookmark, BOOKMARK) or ExportBookmark(
                name=BOOKMARK, last_change_seq=0, last_sequence=0
            )
            conn = session.connection()
            since = 0 if full else mark.last_change_seq
            record_counts, last_seq = _scan(conn, since)
            if not record_counts:
                raise YedaError(
                    "自上次导出以来没有新的修改，无需导出",
                    "nothing changed since the last export; there is nothing to export",
                )
            counts: dict[str, int] = {}
            sequence = (mark.last_sequence or 0) + 1
            fields = PackageFields(
                kind=PackageKind.BATCH, source_device_id=inst.device_id,
                officer=officer or "", target_centre_id=profile["centre_id"], sequence=sequence,
                previous_package_sha256=mark.last_package_sha256,
                schema_revision=head_revision(),
                record_counts=record_counts,
                extra={"full": "yes" if full else "no"},
            )
            try:
                manifest = write_package(
                    pending, fields,
                    encode_lines(_lines(conn, since, last_seq, record_counts, counts, progress)),
                    keys,
                    [profile["age_recipient"], keys.public.age_recipient],
                )
            except SyncError as exc:
                raise packages.from_sync_error(exc) from None
            packages.record(session, manifest, manifest.sha256, direction="out",
                                  status=PENDING, file_name=str(out.absolute()))
            mark.last_change_seq = max(last_seq, mark.last_change_seq)
            mark.last_sequence = sequence
            mark.last_package_id = str(manifest.package_id)
            mark.last_package_sha256 = manifest.sha256
            mark.updated_at = utcnow()
            session.merge(mark)
            session.flush()
        committed = True
    finally:
        if not committed:
            drop_unrecorded(out)  # the chain did not move: the file must not travel
    promote(pending, out)
    with db.session() as session:
        saved = session.get(SyncPackage, str(manifest.package_id))
        if saved is not None:
            saved.status, saved.file_name = "exported", out.name
    return ExportResult(out, manifest, counts, full)


def records_to_send(session: Session) -> int:
    """Records the next batch would carry, counted in the caller's transaction."""
    mark = session.get(ExportBookmark, BOOKMARK)
    counts, _last = _scan(session.connection(), mark.last_change_seq or 0 if mark else 0)
    return sum(counts.values())


def restart_chain(session: Session) -> None:
    """Make the next batch a first one: sequence 1, chained to nothing.

    For a laptop moved to another centre, which has none of its batches: numbering on
    would have it report every earlier one as "not arrived".
    """
    mark = session.get(ExportBookmark, BOOKMARK)
    if mark is not None:
        mark.last_sequence = 0
        mark.last_package_id = mark.last_package_sha256 = None


def unsent_since(conn: Connection, since: int) -> int:
    """Local edits logged after change-log seq `since` (what the next batch would carry)."""
    value = run_sql(conn,
        "SELECT count(*) FROM change_log WHERE seq > ? AND package_id IS NULL", (since,)
    ).scalar()
    return int(value or 0)


def unsent_changes(db: Database) -> int:
    with db.reader() as session:
        mark = session.get(ExportBookmark, BOOKMARK)
        return unsent_since(session.connection(), mark.last_change_seq if mark else 0)


@dataclass(frozen=True)
class Unsent:
    """What the next batch would carry: the officer's "have I handed everything in?"."""

    records: int  # records (organizations, people, visits …) the next batch carries
    changes: int  # change-log entries behind them (a new record is several)
    last_sequence: int  # the last batch exported, 0 before the first
    last_export_at: datetime | None
    confirmed: int = 0  # batches the centre's receipts confirm as received


def unsent_work(db: Database) -> Unsent | None:
    """Counted from the export bookmark, as `export_batch` will count them; None at the
    centre, which hands no batches in (an installation without a role yet is a laptop to be)."""
    with db.reader() as session:
        inst = load_installation(session)
        if inst is not None and inst.is_centre:
            return None
        mark = session.get(ExportBookmark, BOOKMARK)
        since = mark.last_change_seq or 0 if mark else 0
        conn = session.connection()
        counts, _last = _scan(conn, since)
        exported = mark.last_sequence or 0 if mark else 0
        confirmed = run_sql(conn,
            "SELECT count(*) FROM sync_packages WHERE direction = 'out' AND kind = 'batch' "
            "AND acknowledged_at IS NOT NULL").scalar()
        return Unsent(
            records=sum(counts.values()),
            changes=unsent_since(conn, since) if counts else 0,
            last_sequence=exported,
            last_export_at=mark.updated_at if mark and exported else None,
            confirmed=int(confirmed or 0),
        )
