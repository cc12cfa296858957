"""A record's history: every change with package, device, officer and time (merged ids too)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from yeda_desktop.models import ChangeLog, Device
from yeda_desktop.models.labels import column_label
from yeda_desktop.models.sync import DuplicateCandidate, RecordRedirect, SyncConflict
from yeda_desktop.syncflow.installation import load_installation, one_match
from yeda_desktop.syncflow.packages import batch_numbers
from yeda_desktop.syncflow.table_facts import fk_columns
from yeda_desktop.syncflow.value_words import TRAVELLING, value_words


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
    batch: int | None = None  # the package's batch number, when it is a batch imported here


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


def _starting(session: Session, column: Any, prefix: str) -> list[Any]:
    """`column` starts with `prefix`. On SQLite also as a range, which the column's index
    answers (LIKE, case-insensitive, cannot use it): the log's ids are lower case, as
    the app writes them, and a centre's log holds millions of entries."""
    found = [column.startswith(prefix)]
    if session.get_bind().dialect.name == "sqlite":
        low = prefix.lower()
        found += [column >= low, column < low + "\U0010ffff"]
    return found


def find_record(session: Session, prefix: str) -> str:
    """The record a typed id names: a record's id or a unique start of it, as the lists
    print them; a conflict's id names the record it is about."""
    prefix = prefix.strip()
    matches = set(session.scalars(select(ChangeLog.record_id).distinct().where(
        *_starting(session, ChangeLog.record_id, prefix))))
    matches |= set(session.scalars(select(RecordRedirect.old_id).where(
        RecordRedirect.old_id.startswith(prefix))))
    if not matches:
        matches = set(session.scalars(select(SyncConflict.record_id).where(
            SyncConflict.id.startswith(prefix))))
    if not matches:
        for pair in session.scalars(select(DuplicateCandidate).where(
                DuplicateCandidate.id.startswith(prefix))):
            matches |= {pair.record_a, pair.record_b}
    return one_match(prefix, sorted(matches), "记录", "record")


def device_names(session: Session) -> dict[str, str]:
    """Device id → name, the centre's own id included (its resolutions and merges)."""
    names = {d.id: d.name for d in session.scalars(select(Device))}
    inst = load_installation(session)
    if inst is not None and inst.device_id:
        names[inst.device_id] = inst.name or inst.device_id
    return names


def history(session: Session, record_id: str) -> list[AuditEntry]:
    names = device_names(session)
    rows = list(session.scalars(
        select(ChangeLog)
        .where(ChangeLog.record_id.in_(_ids(session, record_id)))
        .order_by(ChangeLog.at, ChangeLog.seq)
    ))
    batches = batch_numbers(session, (r.package_id for r in rows))
    return [
        AuditEntry(
            at=str(r.at), table_name=r.table_name, record_id=r.record_id, op=r.op,
            field=r.field,
            old=json.loads(r.old_value) if r.old_value else None,
            new=json.loads(r.new_value) if r.new_value else None,
            officer=r.officer,
            device=(names.get(r.device_id) or r.device_id) if r.device_id else None,
            package_id=r.package_id,
            batch=batches.get(r.package_id) if r.package_id else None,
        )
        for r in rows
    ]


def shown_values(session: Session, entries: list[AuditEntry]) -> list[str]:
    """Each entry's value as the administrator reads it: a referenced record by its name,
    text without JSON quotes, yes/no, and a new record's fields by their Chinese names."""
    from yeda_desktop.syncflow.conflicts import record_label

    conn = session.connection()

    def text(table: str, column: str, value: Any) -> str:
        target = fk_columns(table).get(column) if table in TRAVELLING else None
        if target and isinstance(value, str):
            return record_label(conn, target, value)
        return value_words(table, column, value)

    out = []
    for e in entries:
        if e.op == "merge":
            out.append(" → ".join(record_label(conn, e.table_name, str(v))
                                  for v in (e.old, e.new)))
        elif e.op == "delete":
            out.append("")
        elif e.field is None and isinstance(e.new, dict):
            out.append("；".join(
                f"{column_label(e.table_name, k)}：{text(e.table_name, k, v)}"
                for k, v in e.new.items() if v not in (None, "")))
        else:
            out.append(text(e.table_name, e.field or "", e.new))
    return out


def shown_old_values(session: Session, entries: list[AuditEntry]) -> list[str]:
    """Each field edit's value before, in words like `shown_values` ("" for the rest)."""
    olds = [
        AuditEntry(e.at, e.table_name, e.record_id, e.op, e.field, None, e.old, e.officer,
                   e.device, e.package_id)
        for e in entries
    ]
    shown = shown_values(session, olds)
    return [s if e.field is not None and e.op != "delete" else "" for e, s in zip(
        entries, shown, strict=True)]
