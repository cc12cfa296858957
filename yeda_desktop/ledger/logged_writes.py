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

import os
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Table, bindparam, insert, update
from sqlalchemy.orm import Session

from yeda_desktop.models import ChangeLog, Synced
from yeda_desktop.storage.audit import encode_value
from yeda_desktop.storage.bulk import BulkWriter

BATCH = 5000


@dataclass(frozen=True)
class FieldChange:
    """New values for some fields of one row, with the old values and revision it had."""

    record_id: str
    revision: int
    old: Mapping[str, Any]
    new: Mapping[str, Any]


def new_ids(count: int) -> list[str]:
    """`count` new ids, ascending: time-ordered UUIDs (RFC 9562 version 7) from one urandom call.

    Ids of a large batch go into the primary keys and the change log's indexes: ordered
    ids are appended at the end of each index instead of landing on random pages, and
    one urandom call replaces millions of `uuid4()` calls. 74 random bits keep ids from
    different devices apart; the text has the usual 8-4-4-4-12 form.
    """
    stamp = f"{time.time_ns() // 1_000_000:012x}"  # 48-bit Unix milliseconds
    raw = bytearray(os.urandom(10 * count))
    for start in range(0, 10 * count, 10):
        raw[start] = (raw[start] & 0x0F) | 0x70  # version 7
        raw[start + 2] = (raw[start + 2] & 0x3F) | 0x80  # RFC 4122 variant
    h = raw.hex()
    ids = [
        f"{stamp[:8]}-{stamp[8:]}-{h[j:j + 4]}-{h[j + 4:j + 8]}-{h[j + 8:j + 20]}"
        for j in range(0, 20 * count, 20)
    ]
    ids.sort()
    return ids


def _encoder() -> Callable[[Any], str | None]:
    """encode_value remembering its answers: a batch repeats statuses, ids and wordings."""
    memo: dict[Any, str | None] = {}

    def encode(value: Any) -> str | None:
        try:
            return memo[value]
        except KeyError:
            memo[value] = text = encode_value(value)
            return text
        except TypeError:  # unhashable (never for the ledger's columns): no memo
            return encode_value(value)

    return encode


def _chunks(rows: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for start in range(0, len(rows), BATCH):
        yield rows[start:start + BATCH]


def _logged_columns(model: type[Synced]) -> list[str]:
    table: Table = model.__table__  # type: ignore[attr-defined]
    return [c.key for c in table.columns if c.key not in Synced.BOOKKEEPING]


LOG_COLUMNS = ("change_id", "table_name", "record_id", "op", "field", "old_value",
               "new_value", "base_revision", "at", "officer", "device_id", "package_id")
# Enough page cache that the change log's random-key indexes (change id, record id) are
# updated in memory during a large batch instead of re-reading pages from disk.
BATCH_CACHE_KIB = 262_144


@contextmanager
def _large_page_cache(session: Session) -> Iterator[None]:
    """A bigger SQLite page cache for this connection while a large batch is written.

    PostgreSQL has no per-connection page cache to grow (the server's shared buffers
    serve every connection): there this does nothing.
    """
    conn = session.connection()
    if conn.dialect.name != "sqlite":
        yield
        return
    before = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    conn.exec_driver_sql(f"PRAGMA cache_size=-{BATCH_CACHE_KIB}")
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size={int(before or -2000)}")


def _write_log(
    session: Session, table_name: str, now: datetime,
    entries: Iterable[tuple[str, str, str | None, str | None, str | None, int]],
) -> None:
    """Change-log rows (record id, op, field, old, new, base revision) for one table.

    Written through the connection's own cursor on a background thread (storage.bulk),
    so Python encodes the next batch while the database inserts the last (on PostgreSQL
    as COPY); `at` is encoded once by the column type, for this engine, as the ORM would.
    """
    if session.info.get("skip_change_log"):
        return
    conn = session.connection()
    at_type = ChangeLog.__table__.c.at.type
    encode_at = at_type.bind_processor(conn.dialect)
    at_value = session.info.get("now") or now
    at = encode_at(at_value) if encode_at else at_value
    who = (session.info.get("officer"), session.info.get("device_id"),
           session.info.get("package_id"))
    sql = (
        f"INSERT INTO {ChangeLog.__tablename__} ({', '.join(LOG_COLUMNS)}) "
        f"VALUES ({', '.join('?' for _ in LOG_COLUMNS)})"
    )
    batch: list[tuple[Any, ...]] = []
    ids: Iterator[str] = iter(())
    with BulkWriter(conn) as writer:
        for record_id, op, field, old, new, base_revision in entries:
            change_id = next(ids, None)
            if change_id is None:
                ids = iter(new_ids(BATCH))
                change_id = next(ids)
            batch.append((change_id, table_name, record_id, op, field, old, new,
                          base_revision, at, *who))
            if len(batch) >= BATCH:
                writer.write(sql, batch)
                batch = []
        if batch:
            writer.write(sql, batch)


def insert_logged(
    session: Session, model: type[Synced], rows: Sequence[dict[str, Any]], now: datetime
) -> None:
    """Insert new rows (each with its `id` and every logged column) and log them."""
    table: Table = model.__table__  # type: ignore[attr-defined]
    columns = _logged_columns(model)
    full = [
        {"revision": 1, "created_at": now, "updated_at": now, **row} for row in rows
    ]
    with _large_page_cache(session):
        conn = session.connection()
        for chunk in _chunks(full):
            conn.execute(insert(table), list(chunk))

        encode = _encoder()

        def entries() -> Iterator[tuple[str, str, str | None, str | None, str | None, int]]:
            for row in full:
                yield row["id"], "insert", None, None, None, 0
                for key in columns:
                    value = row.get(key)
                    if value is not None:
                        yield row["id"], "update", key, None, encode(value), 0

        _write_log(session, table.name, now, entries())


def update_logged(
    session: Session, model: type[Synced], changes: Sequence[FieldChange], now: datetime
) -> None:
    """Apply field changes (rows changing the same fields together), bump revisions, log."""
    table: Table = model.__table__  # type: ignore[attr-defined]
    entries: list[tuple[str, str, str | None, str | None, str | None, int]] = []
    by_fields: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for change in changes:
        changed = {k: v for k, v in change.new.items() if change.old.get(k) != v}
        if not changed:
            continue
        for key, value in changed.items():
            entries.append((change.record_id, "update", key, encode_value(change.old.get(key)),
                            encode_value(value), change.revision))
        params = {f"new_{k}": v for k, v in changed.items()}
        params.update(b_id=change.record_id, new_revision=change.revision + 1, new_updated=now)
        by_fields.setdefault(tuple(sorted(changed)), []).append(params)
    with _large_page_cache(session):
        conn = session.connection()
        for fields, batch in by_fields.items():
            values: dict[str, Any] = {k: bindparam(f"new_{k}") for k in fields}
            values.update(
                revision=bindparam("new_revision"), updated_at=bindparam("new_updated")
            )
            statement = update(table).where(table.c.id == bindparam("b_id")).values(values)
            for chunk in _chunks(batch):
                conn.execute(statement, list(chunk))
        _write_log(session, table.name, now, entries)
