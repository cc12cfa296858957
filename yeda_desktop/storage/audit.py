"""Writes the change log from the ORM's unit of work, so no edit escapes it.

Who made a change comes from `session.info` (`officer`, `device_id`,
`package_id`), set by `Database.session()`.
"""

from __future__ import annotations

import json
import threading
import weakref
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import event, insert, inspect
from sqlalchemy.orm import Session

from yeda_desktop.models.base import Synced, utcnow
from yeda_desktop.models.changelog import ChangeLog


def encode_value(value: Any) -> str | None:
    """JSON text of a column value; dates as ISO 8601, enums as their code."""
    if value is None:
        return None
    if isinstance(value, Enum):
        value = value.value
    elif isinstance(value, datetime | date):
        value = value.isoformat()
    return json.dumps(value, ensure_ascii=False)


# The flush's change-log rows, from before_flush (which sees the changes) to after_flush
# (which writes them with one executemany). An ORM object per entry (60,000 for 5,000 new
# organizations, each inserted alone) made an Excel import of them take 9.8 s instead of
# 3.2 s (tests/bench/bench_xlsx_import.py).
_PENDING = "yeda_change_log_rows"
Entry = dict[str, Any]


def _entry(session: Session, obj: Synced, op: str, at: datetime, *, field: str | None = None,
           old_value: str | None = None, new_value: str | None = None,
           base_revision: int = 0) -> Entry:
    return {
        "table_name": obj.__tablename__,  # type: ignore[attr-defined]
        "record_id": obj.id,
        "op": op,
        "field": field,
        "old_value": old_value,
        "new_value": new_value,
        "base_revision": base_revision,
        "at": at,
        "officer": session.info.get("officer"),
        "device_id": session.info.get("device_id"),
        "package_id": session.info.get("package_id"),
    }


def _apply_defaults(obj: Synced) -> None:
    """Fill Python-side column defaults now, so the insert is logged with its real values."""
    for col in obj.__table__.columns:  # type: ignore[attr-defined]
        default = col.default
        if default is None or getattr(obj, col.key) is not None:
            continue
        if default.is_scalar:
            setattr(obj, col.key, default.arg)
        elif default.is_callable:
            setattr(obj, col.key, default.arg(None))


def _log_insert(session: Session, obj: Synced, at: datetime) -> list[Entry]:
    _apply_defaults(obj)
    rows = [_entry(session, obj, "insert", at, base_revision=0)]
    for key, value in obj.logged_fields().items():
        if value is not None:
            rows.append(
                _entry(
                    session,
                    obj,
                    "update",
                    at,
                    field=key,
                    new_value=encode_value(value),
                    base_revision=0,
                )
            )
    return rows


def _log_update(session: Session, obj: Synced, at: datetime) -> list[Entry]:
    state = inspect(obj)
    rows: list[Entry] = []
    for key in obj.logged_fields():
        hist = state.attrs[key].history
        if not hist.has_changes():
            continue
        old = hist.deleted[0] if hist.deleted else None
        new = hist.added[0] if hist.added else None
        if old == new:
            continue
        rows.append(
            _entry(
                session,
                obj,
                "update",
                at,
                field=key,
                old_value=encode_value(old),
                new_value=encode_value(new),
                base_revision=obj.revision,
            )
        )
    if rows:
        obj.revision += 1
        obj.updated_at = utcnow()
    return rows


def _before_flush(session: Session, _ctx: object, _instances: object) -> None:
    if session.info.get("skip_change_log"):
        return
    # One time for every entry of a flush: the edits saved together were made together,
    # and a new record's fields carry its own creation time, which a batch then need not
    # repeat for each of them (syncflow.batch_lines).
    at = session.info.get("now") or utcnow()
    entries: list[Entry] = []
    for obj in list(session.new):
        if isinstance(obj, Synced):
            entries += _log_insert(session, obj, at)
    for obj in list(session.dirty):
        if isinstance(obj, Synced) and session.is_modified(obj, include_collections=False):
            entries += _log_update(session, obj, at)
    for obj in list(session.deleted):
        if isinstance(obj, Synced):
            entries.append(_entry(session, obj, "delete", at, base_revision=obj.revision))
    # Replaced, not added to: a flush that failed left its rows here, never to be written.
    session.info[_PENDING] = entries


def _after_flush(session: Session, _ctx: object) -> None:
    """Write the rows `_before_flush` prepared, in this flush's transaction, in order."""
    entries = session.info.pop(_PENDING, None)
    if entries:
        session.connection().execute(insert(ChangeLog), entries)


# The factories the writer is attached to, remembered by identity for as long as they live.
# Not `event.contains`: SQLAlchemy keys its listener registry by `id()` of the target and
# keeps the key after a sessionmaker is garbage-collected, so a new factory that Python
# placed at a dead one's address looked attached and its sessions committed edits with no
# change log at all (never exported: lost; seen as a flaky sync week under load).
_installed: weakref.WeakSet[Any] = weakref.WeakSet()
_installing = threading.Lock()


def install(session_factory: Any) -> None:
    """Attach the change-log writer to a sessionmaker (idempotent)."""
    with _installing:
        if session_factory in _installed:
            return
        event.listen(session_factory, "before_flush", _before_flush)
        event.listen(session_factory, "after_flush", _after_flush)
        _installed.add(session_factory)
