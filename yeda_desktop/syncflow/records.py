"""Travelling tables and their rows as stored values, so packages copy rows exactly and fast."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, datetime
from functools import cache
from typing import Any, cast

from sqlalchemy import Boolean, Connection, Date, DateTime, Table

from yeda_desktop.models import Base, Synced
from yeda_desktop.storage.driver_sql import insert_many, read_beside_queue, run_sql

# Local trust data never travels; every other Synced table does.
LOCAL_TABLES = frozenset({"devices"})
BOOKKEEPING = ("id", "revision", "created_at", "updated_at")
CHUNK = 500


def stamp(moment: datetime) -> str:
    """The spelling SQLAlchemy's SQLite DateTime stores (sortable as text)."""
    return f"{moment:%Y-%m-%d %H:%M:%S}.{moment.microsecond:06d}"


def as_stamp(value: Any) -> Any:
    """A timestamp read with plain SQL, as text on either engine (PostgreSQL gives datetimes)."""
    return stamp(value) if isinstance(value, datetime) else value


@cache
def travelling_tables() -> tuple[Table, ...]:
    """Synced tables in foreign-key order (parents first)."""
    synced = {
        cast(Table, mapper.local_table).name
        for mapper in Base.registry.mappers
        if issubclass(mapper.class_, Synced)
    }
    return tuple(
        t for t in Base.metadata.sorted_tables if t.name in synced and t.name not in LOCAL_TABLES
    )


@cache
def table_by_name() -> dict[str, Table]:
    return {t.name: t for t in travelling_tables()}


@cache
def columns(table_name: str) -> tuple[str, ...]:
    return tuple(c.name for c in table_by_name()[table_name].columns)


@cache
def required_columns(table_name: str) -> frozenset[str]:
    """Columns a row cannot be written without: NOT NULL, and no default in the schema.

    A laptop's lines always carry them (its rows were written through the models); a
    line without one is refused as a record instead of failing the batch's insert.
    """
    return frozenset(c.name for c in table_by_name()[table_name].columns
                     if not c.nullable and c.server_default is None and c.name != "id")


@cache
def logged_columns(table_name: str) -> tuple[str, ...]:
    return tuple(c for c in columns(table_name) if c not in BOOKKEEPING)


def _identity(value: Any) -> Any:
    return value


def _boolean(value: Any) -> Any:
    return None if value is None else bool(value)


def _datetime(value: Any) -> Any:
    return None if value is None else datetime.fromisoformat(str(value)).isoformat()


@cache
def _converters(table_name: str) -> dict[str, Callable[[Any], Any]]:
    table = table_by_name()[table_name]
    found: dict[str, Callable[[Any], Any]] = {}
    for col in table.columns:
        if isinstance(col.type, Boolean):
            found[col.name] = _boolean
        elif isinstance(col.type, DateTime):
            found[col.name] = _datetime
    return found


def converters(table_name: str) -> dict[str, Callable[[Any], Any]]:
    """Columns whose stored value differs from the change log's spelling, and the conversion."""
    return _converters(table_name)


def logged_value(table_name: str, column: str, stored: Any) -> Any:
    """A stored value as the change log spells it (JSON value: ISO dates, true/false)."""
    return _converters(table_name).get(column, _identity)(stored)


def logged_json(table_name: str, column: str, stored: Any) -> str | None:
    value = logged_value(table_name, column, stored)
    return None if value is None else json.dumps(value, ensure_ascii=False)


@cache
def _typed_columns(table_name: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(boolean, datetime, date) columns of a travelling table."""
    table = table_by_name()[table_name]
    return (
        frozenset(c.name for c in table.columns if isinstance(c.type, Boolean)),
        frozenset(c.name for c in table.columns if isinstance(c.type, DateTime)),
        frozenset(c.name for c in table.columns if isinstance(c.type, Date)),
    )


def canonical(table_name: str, row: dict[str, Any]) -> dict[str, Any]:
    """A row in the stored spelling packages carry (SQLite's: 0/1, `stamp` text, ISO days).

    PostgreSQL hands back bools and datetimes; spelling them the SQLite way keeps
    packages, comparisons and the merge identical whichever engine the centre runs.
    """
    booleans, stamps, days = _typed_columns(table_name)
    for name in booleans:
        value = row.get(name)
        if isinstance(value, bool):
            row[name] = int(value)
    for name in stamps:
        value = row.get(name)
        if isinstance(value, datetime):
            row[name] = stamp(value)
    for name in days:
        value = row.get(name)
        if isinstance(value, date):
            row[name] = value.isoformat()
    return row


def canonical_rows(
    table_name: str, cols: Sequence[str], rows: Iterable[Sequence[Any]]
) -> Iterator[tuple[Any, ...]]:
    """Tuples of `cols` in the canonical spelling (a no-op on SQLite)."""
    for row in rows:
        yield tuple(canonical(table_name, dict(zip(cols, row, strict=True))).values())


def writable(table_name: str, cols: Sequence[str], row: Sequence[Any]) -> tuple[Any, ...]:
    """Canonical values as both drivers accept them: booleans as bool (psycopg refuses an
    integer for a boolean column; sqlite3 stores True as 1). Stamps go as text: both
    engines parse them into the column's type."""
    booleans = _typed_columns(table_name)[0]
    return tuple(
        bool(v) if name in booleans and v is not None else v
        for name, v in zip(cols, row, strict=True)
    )


def fetch_rows(
    conn: Connection, table_name: str, ids: Sequence[str], *, beside_queue: bool = False
) -> Iterator[dict[str, Any]]:
    """Stored values (canonical spelling) of the rows with these ids, missing ids skipped.

    `beside_queue`: read without waiting for inserts `write_behind` still holds, for ids
    the caller knows none of them has (`driver_sql.read_beside_queue`).
    """
    read = read_beside_queue if beside_queue else run_sql
    cols = columns(table_name)
    select_list = ", ".join(cols)
    # sqlite3 hands back the canonical spelling itself (ints, text): nothing to convert.
    spell = conn.dialect.name != "sqlite"
    for start in range(0, len(ids), CHUNK):
        part = ids[start : start + CHUNK]
        marks = ", ".join("?" for _ in part)
        result = read(conn,
            f"SELECT {select_list} FROM {table_name} WHERE id IN ({marks})", tuple(part)
        )
        for row in result:
            values = dict(zip(cols, row, strict=True))
            yield canonical(table_name, values) if spell else values


def insert_rows(conn: Connection, table_name: str, rows: Iterable[dict[str, Any]]) -> int:
    """Plain DBAPI executemany (COPY on a server) of stored values (ORM type processing
    would dominate)."""
    cols = columns(table_name)
    sql = (
        f"INSERT INTO {table_name} ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})"
    )
    if conn.dialect.name == "sqlite":
        data = _sqlite_values(table_name, cols, rows)
    else:
        data = [writable(table_name, cols, tuple(map(row.get, cols))) for row in rows]
    insert_many(conn, sql, data)
    return len(data)


def _sqlite_values(
    table_name: str, cols: Sequence[str], rows: Iterable[dict[str, Any]]
) -> list[tuple[Any, ...]]:
    """`writable` values as sqlite3 stores them: canonical 0/1 booleans go as they are and
    only another value in a boolean column is turned into one (`writable` per value was
    a tenth of a large import)."""
    booleans = _typed_columns(table_name)[0]
    flags = [i for i, name in enumerate(cols) if name in booleans]
    data = []
    for row in rows:
        values = tuple(map(row.get, cols))
        for i in flags:
            v = values[i]
            if v is not None and type(v) is not bool and (type(v) is not int or v not in (0, 1)):
                values = writable(table_name, cols, values)
                break
        data.append(values)
    return data


def upsert_rows(conn: Connection, table_name: str, rows: Iterable[dict[str, Any]]) -> int:
    """Insert rows or overwrite the existing ones with the same id."""
    cols = columns(table_name)
    updates = ", ".join(f"{c} = excluded.{c}" for c in cols if c != "id")
    sql = (
        f"INSERT INTO {table_name} ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)}) "
        f"ON CONFLICT(id) DO UPDATE SET {updates}"
    )
    data = [writable(table_name, cols, tuple(map(row.get, cols))) for row in rows]
    if data:
        run_sql(conn, sql, data)
    return len(data)


def stored_value(table_name: str, column: str, logged: Any) -> Any:
    """The inverse of `logged_value`: what the column stores for a change-log value."""
    if logged is None:
        return None
    converter = _converters(table_name).get(column)
    if converter is _boolean:
        return 1 if logged else 0  # canonical; `writable` makes it a bool for the driver
    if converter is _datetime:
        return stamp(datetime.fromisoformat(str(logged)))
    return logged


def defer_foreign_keys(conn: Connection) -> None:
    """Check foreign keys at commit, so rows can be renamed and arrive in any order.

    SQLite: the pragma only lasts for the open transaction, and the driver opens one
    lazily at the first write, so a no-op write opens it first. PostgreSQL: every
    foreign key is DEFERRABLE (migration 0006), so deferring them all is one statement.
    """
    if conn.dialect.name == "postgresql":
        run_sql(conn, "SET CONSTRAINTS ALL DEFERRED")
        return
    run_sql(conn, "DELETE FROM app_state WHERE 0")
    run_sql(conn, "PRAGMA defer_foreign_keys = ON")
