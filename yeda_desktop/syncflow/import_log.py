"""The batches this centre imported, newest first, each with the report its import made:
what the import dialog showed once, to read again (who handed in what, and when)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from yeda_desktop.models import Device
from yeda_desktop.models.sync import SyncPackage
from yeda_desktop.sync import PackageKind
from yeda_desktop.syncflow.report import ImportReport

SHOWN_AT_MOST = 1000  # a season of a zone's batches; older ones stay in the database


@dataclass(frozen=True)
class ImportedBatch:
    package_id: str
    device: str  # the device's name (its id when it has none)
    sequence: int
    officer: str
    imported_at: datetime  # stored UTC
    file_name: str
    report: ImportReport | None  # None only for a report that cannot be read


def imported_batches(session: Session, limit: int = SHOWN_AT_MOST) -> list[ImportedBatch]:
    rows = session.execute(
        select(SyncPackage, Device.name)
        .outerjoin(Device, Device.id == SyncPackage.device_id)
        .where(SyncPackage.kind == PackageKind.BATCH.value, SyncPackage.direction == "in")
        .order_by(SyncPackage.handled_at.desc(), SyncPackage.sequence.desc())
        .limit(limit)
    )
    return [
        ImportedBatch(
            package_id=package.id, device=name or package.device_id,
            sequence=package.sequence, officer=package.officer or "",
            imported_at=package.handled_at, file_name=package.file_name or "",
            report=_report(package.report),
        )
        for package, name in rows
    ]


def _report(text: str | None) -> ImportReport | None:
    if not text:
        return None
    try:
        return ImportReport.from_json(text)
    except (ValueError, TypeError):  # written by another version: shown without counts
        return None
