"""Many gap inserts and updates at once, with the same change-log rows the ORM would write.

A whole-database reconciliation may open or resolve a hundred thousand gaps; one ORM
object per row (and per change-log entry) takes minutes. These helpers write the rows
with Core `executemany` in batches and log each insert and field change exactly as
`storage.audit` does for ORM writes (an "insert" entry, then one "update" entry per
non-empty field; an update entry per changed field with the base revision, and the
revision bumped once), so sync and history cannot tell the two paths apart.
tests/ledger/test_logged_writes.py holds them to that.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Table, bindparam, insert, update
from sqlalchemy.orm import Session

from yeda_desktop.models import ChangeLog, Synced, new_id
from yeda_desktop.storage.audit import encode_value

BATCH = 5000


@dataclass(frozen=True)
class FieldChange:
    """New values for some fields of one row, with the old values and revision it had."""

    record_id: str
    revision: int
    old: Mapping[str, Any]
    new: Mapping[str, Any]


def _chunks(rows: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for start in range(0, len(rows), BATCH):
        yield rows[start:start + BATCH]


def _logged_columns(model: type[Synced]) -> list[str]:
    table: Table = model.__table__  # type: ignore[attr-defined]
    return [c.key for c in table.columns if c.key not in Synced.BOOKKEEPING]


def _log_base(session: Session, table_name: str, at: datetime) -> dict[str, Any]:
    return {
        "table_name": table_name,
        "at": at,
        "officer": session.info.get("officer"),
        "device_id": session.info.get("device_id"),
        "package_id": session.info.get("package_id"),
        "field": None,
        "old_value": None,
        "new_value": None,
    }


def _write_log(session: Session, entries: list[dict[str, Any]]) -> None:
    if session.info.get("skip_change_log") or not entries:
        return
    conn = session.connection()
    for chunk in _chunks(entries):
        conn.execute(insert(ChangeLog), [{"change_id": new_id(), **e} for e in chunk])


def insert_logged(
    session: Session, model: type[Synced], rows: Sequence[dict[str, Any]], now: datetime
) -> None:
    """Insert new rows (each with its `id` and every logged column) and log them."""
    table: Table = model.__table__  # type: ignore[attr-defined]
    columns = _logged_columns(model)
    full = [
        {"revision": 1, "created_at": now, "updated_at": now, **row} for row in rows
    ]
    conn = session.connection()
    for chunk in _chunks(full):
        conn.execute(insert(table), list(chunk))
    base = _log_base(session, table.name, session.info.get("now") or now)
    entries: list[dict[str, Any]] = []
    for row in full:
        entries.append({**base, "record_id": row["id"], "op": "insert", "base_revision": 0})
        for key in columns:
            value = row.get(key)
            if value is not None:
                entries.append({
                    **base, "record_id": row["id"], "op": "update", "field": key,
                    "new_value": encode_value(value), "base_revision": 0,
                })
    _write_log(session, entries)


def update_logged(
    session: Session, model: type[Synced], changes: Sequence[FieldChange], now: datetime
) -> None:
    """Apply field changes (rows changing the same fields together), bump revisions, log."""
    table: Table = model.__table__  # type: ignore[attr-defined]
    base = _log_base(session, table.name, session.info.get("now") or now)
    entries: list[dict[str, Any]] = []
    by_fields: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for change in changes:
        changed = {k: v for k, v in change.new.items() if change.old.get(k) != v}
        if not changed:
            continue
        for key, value in changed.items():
            entries.append({
                **base, "record_id": change.record_id, "op": "update", "field": key,
                "old_value": encode_value(change.old.get(key)),
                "new_value": encode_value(value), "base_revision": change.revision,
            })
        params = {f"new_{k}": v for k, v in changed.items()}
        params.update(b_id=change.record_id, new_revision=change.revision + 1, new_updated=now)
        by_fields.setdefault(tuple(sorted(changed)), []).append(params)
    conn = session.connection()
    for fields, batch in by_fields.items():
        values: dict[str, Any] = {k: bindparam(f"new_{k}") for k in fields}
        values.update(revision=bindparam("new_revision"), updated_at=bindparam("new_updated"))
        statement = update(table).where(table.c.id == bindparam("b_id")).values(values)
        for chunk in _chunks(batch):
            conn.execute(statement, list(chunk))
    _write_log(session, entries)
