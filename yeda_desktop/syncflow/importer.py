"""Import any package: refuse with a sentence, quarantine untrusted batches, or apply whole.

At the centre a batch is checked (kind, centre, schema, trust, signature and hashes,
sequence chain) before anything is written, then merged in one transaction.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Sequence
from pathlib import Path

from sqlalchemy import Connection, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from yeda_desktop.gc_pause import fewer_collections
from yeda_desktop.models import Device
from yeda_desktop.models.base import utcnow
from yeda_desktop.models.sync import QuarantinedPackage, SyncPackage
from yeda_desktop.storage import Database, search_index, search_worker
from yeda_desktop.storage.checkpoint import defer_checkpoint
from yeda_desktop.storage.driver_sql import run_sql, write_behind
from yeda_desktop.sync import KeySet, Manifest, PackageKind, Problem, SyncError, read_package
from yeda_desktop.syncflow import duplicates, packages
from yeda_desktop.syncflow.baseline import import_baseline
from yeda_desktop.syncflow.enrolment import missing_sequences, trust_of
from yeda_desktop.syncflow.fresh_index import FreshIndex
from yeda_desktop.syncflow.installation import (
    Role,
    check_centre_keys,
    load_installation,
    profile_json,
    require_installation,
)
from yeda_desktop.syncflow.lines import decode_lines
from yeda_desktop.syncflow.merge import Merger
from yeda_desktop.syncflow.merge_lock import hold_merge_lock
from yeda_desktop.syncflow.packages import Refused
from yeda_desktop.syncflow.profile import TakenProfile, import_profile
from yeda_desktop.syncflow.receipts import import_receipt
from yeda_desktop.syncflow.records import defer_foreign_keys, stamp
from yeda_desktop.syncflow.report import ImportReport

Progress = Callable[[int, int], None]
QUARANTINE = {Problem.DEVICE_UNKNOWN, Problem.DEVICE_PENDING, Problem.DEVICE_REVOKED}


# A file this large may hold a batch of search_worker.WORKER_FROM records (a 10,000-
# organization batch with its 30,000 people: 19 MiB, about 500 bytes a record).
EARLY_WORKER_BYTES = 512 * 1024


def get_ready(db: Database, files: Sequence[Path] | None = None) -> None:
    """Before a centre imports batches: start the search worker a large batch uses, so
    that it loads pypinyin meanwhile: while the files are chosen (the import window
    opened), or the keys are read and the packages checked (`yeda import FILES`). With
    `files`, only if one of them is large enough to hold such a batch: for a small one,
    the worker would only be started and stopped again."""
    if files is not None and not any(_size(f) >= EARLY_WORKER_BYTES for f in files):
        return
    with db.reader() as session:
        inst = load_installation(session)
    if inst is not None and inst.role is Role.CENTRE:
        search_worker.warm(db.engine.dialect.name)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:  # missing: said when it is imported
        return 0


def import_file(
    db: Database, keys: KeySet, path: Path, *, progress: Progress | None = None,
    replace_centre: bool = False,
) -> ImportReport:
    """Import one package of whatever kind this installation accepts.

    `replace_centre`: a laptop takes a profile signed by another centre key than the one
    it trusts (asked for after `profile.OtherCentre`, never by default).
    """
    with fewer_collections():
        return _import_file(db, keys, path, progress, replace_centre)


def _import_file(
    db: Database, keys: KeySet, path: Path, progress: Progress | None, replace_centre: bool
) -> ImportReport:
    if path.name.endswith((".pending", ".partial")):
        raise Refused(
            "这是一次未完成的导出留下的文件，不能导入；请在写出它的电脑上再导出一次以完成它",
            "this file was left by an unfinished export and cannot be imported; export again "
            "on the computer that wrote it to finish it",
            "unfinished",
        )
    manifest = packages.peek(path)
    packages.check_schema(manifest)
    with db.reader() as session:
        inst = require_installation(session)
    if inst.role is Role.CENTRE:
        packages.check_kind(manifest, PackageKind.BATCH, where_zh="中心导入",
                            where_en="the centre's import")
        return import_batch(db, keys, path, manifest, progress=progress)
    if manifest.kind is PackageKind.BATCH:
        raise Refused(
            "外业笔记本不能导入其他设备的工作数据包；请交给中心导入",
            "a field laptop cannot import batches from other devices; take it to the centre",
            "wrong_kind",
        )
    packages.check_kind(manifest, PackageKind.BASELINE, PackageKind.RECEIPT,
                        PackageKind.CENTRE_PROFILE, where_zh="外业笔记本",
                        where_en="a field laptop")
    if manifest.kind is PackageKind.BASELINE:
        return import_baseline(db, keys, path, manifest, progress)
    if manifest.kind is PackageKind.CENTRE_PROFILE:
        with db.reader() as session:
            before = profile_json(session)
        taken = import_profile(db, path, replace=replace_centre)
        return _profile_report(manifest, taken, before)
    return import_receipt(db, keys, path, manifest)


def _profile_report(
    manifest: Manifest, taken: TakenProfile, before: dict[str, object] | None
) -> ImportReport:
    """A laptop's first package: whose it is, and the code to compare with the centre's.

    After a change of centre (`before` another one): that this laptop must enrol there,
    and what was taken off it and where the backup is.
    """
    head = taken.head
    name, centre, code = head.get("centre_name"), head.get("centre_id"), head.get("fingerprint")
    report = ImportReport(
        status="imported", kind=manifest.kind.value, package_id=str(manifest.package_id),
        message_zh=f"已导入中心“{name}”（{centre}）的配置文件；中心核对码 {code}，"
        "请与管理员核对",
        message_en=f"imported the profile of centre {name} ({centre}); centre code {code}: "
        "compare it with the administrator's",
    )
    if before is not None and before.get("centre_id") != centre:
        report.note(
            f"本机已从中心“{before.get('centre_name')}”改为中心“{name}”；请写出设备登记申请"
            "（数据交换 → 写出设备登记申请）交给新中心的管理员，批次编号从 1 重新开始",
            f"this laptop moved from centre {before.get('centre_name')} to centre {name}: "
            "write an enrolment request (Exchange → Write enrolment request) for the new "
            "centre's administrator; batches are numbered from 1 again",
        )
        if taken.cleared is not None:
            count, backup = taken.cleared.records, taken.cleared.backup
            report.note(
                f"原中心辖区的 {count} 条记录已从本机清除（已先备份到 {backup}）；"
                "请导入新中心的基线数据，取得新辖区的楼宇",
                f"{count} records of the old centre's zone were taken off this laptop "
                f"(backed up first to {backup}); import the new centre's baseline for the "
                "buildings of its zone",
            )
    elif before is not None and before.get("signing_public_key") != head["signing_public_key"]:
        report.note(f"本机已改用中心“{name}”的新密钥",
                    f"this laptop now uses centre {name}'s new keys")
    return report


def _quarantine(db: Database, path: Path, manifest: Manifest, exc: SyncError) -> ImportReport:
    folder = db.work_dir / "quarantine"
    folder.mkdir(parents=True, exist_ok=True)
    stored = folder / f"{manifest.package_id}.yeda"
    with db.session() as session:
        existing = session.scalar(
            select(QuarantinedPackage).where(
                QuarantinedPackage.package_id == str(manifest.package_id),
                QuarantinedPackage.status == "waiting",
            )
        )
        if existing is None:
            if path.resolve() != stored.resolve():
                shutil.copyfile(path, stored)
            session.add(QuarantinedPackage(
                package_id=str(manifest.package_id), device_id=manifest.source_device_id,
                kind=manifest.kind.value, sequence=manifest.sequence,
                problem=exc.problem.value, reason_zh=exc.zh, reason_en=exc.en,
                stored_path=str(stored), original_name=path.name,
            ))
    return ImportReport(
        status="quarantined", kind=manifest.kind.value, package_id=str(manifest.package_id),
        device_id=manifest.source_device_id, sequence=manifest.sequence,
        message_zh=f"已隔离：{exc.zh}", message_en=f"quarantined: {exc.en}",
    )


def _check_chain(session: Session, manifest: Manifest, sha: str) -> ImportReport | None:
    """Replays are no-ops; a reused id or sequence with other content, or a fork, is refused."""
    pid = str(manifest.package_id)
    seen = session.get(SyncPackage, pid)
    device_id, seq = manifest.source_device_id, manifest.sequence
    known = session.get(Device, device_id)
    # By its name first, as the import's own report names it, not by a bare UUID.
    named = bool(known and known.name)
    device = f"“{known.name}”（{device_id}）" if known and named else f" {device_id} "
    device_en = f"{known.name} ({device_id})" if known and named else device_id
    if seen is not None:
        if seen.manifest_sha256 == sha:
            return ImportReport(
                status="already_imported", kind=manifest.kind.value, package_id=pid,
                device_id=device_id, sequence=seq,
                message_zh=f"设备{device}的第 {seq} 批数据已导入过，本次未做任何修改",
                message_en=f"batch {seq} from device {device_en} was already imported; "
                "nothing changed",
            )
        raise Refused(f"数据包编号 {pid} 已被另一份内容使用，拒收",
                      f"package id {pid} was already used by other content; refused", "replay")
    same_device = {
        row.sequence: row
        for row in session.scalars(
            select(SyncPackage).where(SyncPackage.device_id == device_id,
                                      SyncPackage.kind == PackageKind.BATCH.value,
                                      SyncPackage.direction == "in")
        )
    }
    if seq in same_device:
        raise Refused(
            f"设备{device}的第 {seq} 批数据已导入，这份同序号的数据包内容不同，拒收",
            f"batch {seq} from device {device_en} was already imported with different content; "
            "this one is refused",
            "sequence_reused",
        )
    before, after = same_device.get(seq - 1), same_device.get(seq + 1)
    if (before and manifest.previous_package_sha256 != before.manifest_sha256) or (
        after and after.previous_sha256 != sha
    ):
        raise Refused(
            f"设备{device}的第 {seq} 批数据与已导入的前后批次不衔接（链条校验失败），拒收",
            f"batch {seq} from device {device_en} does not chain to the batches already imported; "
            "refused",
            "chain_broken",
        )
    return None


def import_batch(
    db: Database, keys: KeySet, path: Path, manifest: Manifest, *,
    progress: Progress | None = None, quarantined_id: str | None = None,
) -> ImportReport:
    """Verify and merge one batch at the centre, all in one transaction.

    A large batch's search terms are computed by a second process meanwhile
    (search_worker; SQLite), started first so that it loads pypinyin while this one
    verifies.
    """
    prefetch = search_worker.prefetch_for(manifest.record_counts, db.engine.dialect.name)
    try:
        return _import_batch(db, keys, path, manifest, progress, quarantined_id, prefetch)
    finally:
        if prefetch is not None:
            prefetch.close()


def _import_batch(
    db: Database, keys: KeySet, path: Path, manifest: Manifest,
    progress: Progress | None, quarantined_id: str | None,
    prefetch: search_worker.TermPrefetch | None,
) -> ImportReport:
    with db.reader() as session:
        inst = require_installation(session, Role.CENTRE)
        packages.check_centre(manifest, inst.centre_id)
        # Other keys could not decrypt it anyway: say which folder, not "not for this key".
        check_centre_keys(session, keys)

        try:
            package = read_package(path, lambda m: trust_of(session, m), keys,
                                   spool_dir=db.work_dir)
        except SyncError as exc:
            if exc.problem in QUARANTINE and quarantined_id is None:
                session.close()
                return _quarantine(db, path, manifest, exc)
            raise packages.from_sync_error(exc) from None
    device_id = manifest.source_device_id
    report = ImportReport(status="imported", kind=manifest.kind.value,
                          package_id=str(manifest.package_id), device_id=device_id,
                          sequence=manifest.sequence)
    total = sum(manifest.record_counts.values()) or 1
    try:
        with package, db.session() as session:
            session.info["skip_change_log"] = True  # the merge writes the log with provenance
            hold_merge_lock(session.connection())  # before reading what was imported
            early = _check_chain(session, manifest, package.manifest_sha256)
            if early is not None:
                return early
            conn = session.connection()
            defer_foreign_keys(conn)
            defer_checkpoint(conn)  # the WAL is copied into the file after, beside the app
            fresh = (FreshIndex(conn, prefetch.known if prefetch else None)
                     if search_index.has_index(conn) else None)
            merger = Merger(conn, package_id=str(manifest.package_id), device_id=device_id,
                            now=stamp(utcnow()), report=report, index=fresh)
            lines = decode_lines(package.iter_payload())
            if prefetch is not None:
                lines = prefetch.tap(lines)
            # SQLite: rows (and new records' search documents) are inserted by a second
            # thread while this one reads and merges the next (every insert has run when
            # the block ends). The merge's lookups read the committed state beside it
            # while it is the answer: so far this transaction changed only FTS settings.
            with search_index.many_writes(conn), write_behind(conn, committed_view=True):
                merger.run(lines, (lambda done: progress(done, total)) if progress else None)
                refresh_statistics(conn, merger.touched)
                known = prefetch.answer() if prefetch else {}  # the log is written meanwhile
                if fresh is not None:
                    fresh.finish(known)
                search_index.refresh_records(conn, merger.reindex, known)  # the other records
                report.duplicates += duplicates.detect(conn, merger.touched_orgs)
            device = session.get(Device, device_id)
            assert device is not None
            device.last_sequence = max(device.last_sequence or 0, manifest.sequence)
            seen = {
                s for (s,) in run_sql(conn,
                    "SELECT sequence FROM sync_packages WHERE device_id = ? AND kind = 'batch' "
                    "AND direction = 'in'", (device_id,))
            } | {manifest.sequence}
            name = device.name or device_id
            for missing in missing_sequences(seen):
                report.missing_sequences.append(missing)
                report.note(f"设备“{name}”（{device_id}）的第 {missing} 批数据尚未到达",
                            f"batch {missing} from device {name} ({device_id}) has not arrived")
            report.message_zh = f"已导入设备“{name}”的第 {manifest.sequence} 批数据"
            report.message_en = f"imported batch {manifest.sequence} from device {name}"
            packages.record(session, manifest, package.manifest_sha256, direction="in",
                            status="imported", file_name=path.name, report=report.to_json())
            if quarantined_id:
                row = session.get(QuarantinedPackage, quarantined_id)
                if row is not None:
                    row.status, row.resolved_at = "imported", utcnow()
            session.flush()
    except IntegrityError as exc:
        raise _integrity_refusal(exc) from None
    db.checkpoint_soon()
    return report


def _integrity_refusal(exc: IntegrityError) -> Refused:
    """What a constraint the merge could not foresee says about the package, in words.

    A reference to a record the centre lacks is the likely one (an earlier batch not
    imported yet); two records of one batch with the same unique values only a hand-made
    package has (a laptop's own database forbids them).
    """
    text = str(exc.orig)
    code = getattr(exc.orig, "sqlstate", None) or getattr(exc.orig, "pgcode", None)
    if text.startswith("UNIQUE constraint failed: ") or code == "23505":
        where = text.removeprefix("UNIQUE constraint failed: ").splitlines()[0]
        return Refused(
            f"数据包中有记录与另一条记录的唯一字段相同（{where}），未做任何修改",
            f"the package has records with the same unique values ({where}); nothing was "
            "written",
            "integrity",
        )
    return Refused(
        "数据包引用了中心没有的记录（可能有更早的批次尚未到达），未做任何修改",
        "the package refers to records the centre does not have (an earlier batch may be "
        "missing); nothing was written",
        "integrity",
    )


# Above this many new or changed rows the planner's table statistics are out of date.
ANALYZE_AFTER = 2000


def refresh_statistics(conn: Connection, touched: dict[str, set[str]]) -> None:
    """PostgreSQL: re-sample the tables a large batch just filled, inside its transaction.

    Until autovacuum comes by, the planner still believes a freshly filled table is
    nearly empty and scans it whole for every id lookup that follows (duplicate
    detection, the search index): quadratic in the batch. ANALYZE counts the
    transaction's own rows and samples at most 30,000 of them, so it costs little.
    """
    if conn.dialect.name != "postgresql":
        return
    big = sorted(t for t, ids in touched.items() if len(ids) >= ANALYZE_AFTER)
    if big:
        conn.exec_driver_sql(f"ANALYZE {', '.join([*big, 'change_log'])}")


def waiting(session: Session, device_id: str | None = None) -> list[QuarantinedPackage]:
    query = select(QuarantinedPackage).where(QuarantinedPackage.status == "waiting")
    if device_id:
        query = query.where(QuarantinedPackage.device_id == device_id)
    return list(session.scalars(query.order_by(QuarantinedPackage.sequence)))


def release(db: Database, keys: KeySet, device_id: str | None = None) -> list[ImportReport]:
    """Import the quarantined packages whose devices are now approved (in sequence order)."""
    with db.reader() as session:
        rows = [(r.id, Path(r.stored_path)) for r in waiting(session, device_id)]
    reports = []
    for row_id, stored in rows:
        manifest = packages.peek(stored)
        try:
            with fewer_collections():
                reports.append(import_batch(db, keys, stored, manifest, quarantined_id=row_id))
        except Refused as exc:
            if exc.code in {p.value for p in QUARANTINE}:
                continue  # still not trusted; stays in quarantine
            reports.append(ImportReport(status="refused", package_id=str(manifest.package_id),
                                        device_id=manifest.source_device_id,
                                        sequence=manifest.sequence, message_zh=exc.zh,
                                        message_en=exc.en))
    return reports
