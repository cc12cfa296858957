"""A record's history: every change with package, device, officer and time (merged ids too)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from yeda_desktop.models import ChangeLog, Device
from yeda_desktop.models.sync import RecordRedirect


@dataclass(frozen=True)
class AuditEntry:
    at: str
    table_name: str
    record_id: str
    op: str
    field: str | None
    old: Any
    new: Any
    officer: str | None
    device: str | None
    package_id: str | None


def _ids(session: Session, record_id: str) -> set[str]:
    """The record and every UUID that was merged into it, transitively."""
    ids = {record_id}
    frontier = [record_id]
    while frontier:
        olds = session.scalars(
            select(RecordRedirect.old_id).where(RecordRedirect.new_id.in_(frontier))
        ).all()
        frontier = [o for o in olds if o not in ids]
        ids.update(frontier)
    return ids


def history(session: Session, record_id: str) -> list[AuditEntry]:
    names = {d.id: d.name for d in session.scalars(select(Device))}
    rows = session.scalars(
        select(ChangeLog)
        .where(ChangeLog.record_id.in_(_ids(session, record_id)))
        .order_by(ChangeLog.at, ChangeLog.seq)
    )
    return [
        AuditEntry(
            at=str(r.at), table_name=r.table_name, record_id=r.record_id, op=r.op,
            field=r.field,
            old=json.loads(r.old_value) if r.old_value else None,
            new=json.loads(r.new_value) if r.new_value else None,
            officer=r.officer,
            device=(names.get(r.device_id) or r.device_id) if r.device_id else None,
            package_id=r.package_id,
        )
        for r in rows
    ]
