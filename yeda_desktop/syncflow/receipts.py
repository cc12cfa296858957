"""Signed receipts: the centre confirms which batches arrived; the laptop marks them received."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from yeda_desktop.errors import YedaError
from yeda_desktop.models.base import utcnow
from yeda_desktop.models.sync import SyncPackage
from yeda_desktop.storage import Database
from yeda_desktop.storage.migrate import head_revision
from yeda_desktop.sync import KeySet, Manifest, PackageFields, PackageKind, SyncError, read_package
from yeda_desktop.sync import write_package as write_file
from yeda_desktop.syncflow import packages
from yeda_desktop.syncflow.baseline import centre_key_lookup
from yeda_desktop.syncflow.enrolment import find_device
from yeda_desktop.syncflow.installation import Role, check_centre_keys, require_installation
from yeda_desktop.syncflow.lines import decode_lines, encode_lines
from yeda_desktop.syncflow.report import ImportReport


def write_receipt(db: Database, keys: KeySet, out: Path, device_id: str) -> tuple[Manifest, int]:
    """A receipt listing every batch of one device imported here (id, sequence, hash)."""
    with db.session() as session:
        inst = require_installation(session, Role.CENTRE)
        check_centre_keys(session, keys)
        device = find_device(session, device_id)
        device_id = device.id
        if not device.encryption_public_key:
            raise YedaError(f"设备 {device.name}（{device_id[:8]}）没有加密公钥",
                            f"device {device.name} ({device_id[:8]}) has no encryption key")
        rows = list(
            session.scalars(
                select(SyncPackage)
                .where(SyncPackage.device_id == device_id, SyncPackage.direction == "in",
                       SyncPackage.kind == PackageKind.BATCH.value)
                .order_by(SyncPackage.sequence)
            )
        )
        entries = [
            {"package_id": r.id, "sequence": r.sequence, "manifest_sha256": r.manifest_sha256}
            for r in rows
        ]
        issued = session.scalar(
            select(func.count()).select_from(SyncPackage).where(
                SyncPackage.kind == PackageKind.RECEIPT.value, SyncPackage.direction == "out"
            )
        )
        fields = PackageFields(
            kind=PackageKind.RECEIPT, source_device_id=inst.device_id,
            officer=inst.name or "centre", target_centre_id=inst.centre_id or "",
            sequence=int(issued or 0) + 1, previous_package_sha256=None,
            schema_revision=head_revision(), record_counts={"batches": len(entries)},
            extra={"device_id": device_id},
        )
        try:
            manifest = write_file(out, fields, encode_lines(entries), keys,
                                  [str(device.encryption_public_key)])
        except SyncError as exc:
            raise packages.from_sync_error(exc) from None
        packages.record(session, manifest, manifest.sha256, direction="out", status="issued",
                        file_name=out.name)
    return manifest, len(entries)


def import_receipt(db: Database, keys: KeySet, path: Path, manifest: Manifest) -> ImportReport:
    """Mark this laptop's batches the centre confirms (matching id and hash) as received."""
    report = ImportReport(kind=manifest.kind.value, package_id=str(manifest.package_id),
                          device_id=manifest.source_device_id, sequence=manifest.sequence)
    with db.session() as session:
        inst = require_installation(session, Role.LAPTOP)
        profile = packages.centre_profile(session)
        packages.check_centre(manifest, profile["centre_id"])
        if manifest.extra.get("device_id") != inst.device_id:
            raise packages.Refused("这张回执是发给另一台设备的",
                                   "this receipt is for another device", "wrong_device")
        try:
            with read_package(path, centre_key_lookup(profile), keys) as package:
                confirmed = list(decode_lines(package.iter_payload()))
                sha = package.manifest_sha256
        except SyncError as exc:
            raise packages.from_sync_error(exc) from None
        marked = 0
        for entry in confirmed:
            row = session.get(SyncPackage, str(entry.get("package_id")))
            if row is None or row.direction != "out":
                continue
            if row.manifest_sha256 != entry.get("manifest_sha256"):
                report.reject(row.id, "回执中的校验值与本机记录不符",
                              "the receipt's hash differs from this laptop's record")
                continue
            if row.acknowledged_at is None:
                row.acknowledged_at = utcnow()
                marked += 1
        if session.get(SyncPackage, str(manifest.package_id)) is None:
            packages.record(session, manifest, sha, direction="in", status="imported",
                            file_name=path.name)
        report.status = "imported"
        report.updated = marked
        report.message_zh = (
            f"回执已导入：中心确认收到 {len(confirmed)} 个数据包，新标记 {marked} 个"
        )
        report.message_en = (
            f"receipt imported: the centre confirms {len(confirmed)} batches, "
            f"{marked} newly marked received"
        )
    return report
