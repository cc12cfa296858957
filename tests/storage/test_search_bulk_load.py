"""Bulk loads (the demo, a search-index rebuild): JSON batches and deferred indexes.

Both run on each engine (`db` is a SQLite file, then a PostgreSQL database).
"""

from __future__ import annotations

import pytest
from sqlalchemy import Connection, text

from yeda_desktop.storage import Database
from yeda_desktop.storage.bulk import BulkWriter, defer_indexes, recreate_indexes

ROWS = [
    ("x\"y\\z\n中文 'q'", 5, True, "2026-06-01 09:00:00.000000", "2025-01-01", None),
    ("", -3, False, "2026-06-02 10:30:00.250000", None, "[1, 2]"),
    ("𠮷", 2**40, None, "2026-06-03 00:00:00.000000", "2024-02-29", "null"),
]
TABLE = (
    "CREATE TABLE {name} (a VARCHAR(40), b BIGINT, c BOOLEAN, d TIMESTAMP, e DATE, f TEXT)"
)


def _typed(conn: Connection, name: str) -> list[tuple[object, ...]]:
    if conn.dialect.name == "postgresql":
        sql = f"SELECT a, b, c, d, e, f FROM {name} ORDER BY b"
    else:
        sql = (
            f"SELECT a, typeof(a), b, typeof(b), c, typeof(c), d, typeof(d), e, typeof(e), f, "
            f"typeof(f) FROM {name} ORDER BY b"
        )
    return [tuple(r) for r in conn.exec_driver_sql(sql)]


def test_json_batches_store_what_executemany_stores(db: Database) -> None:
    insert = "INSERT INTO {name} (a, b, c, d, e, f) VALUES (?, ?, ?, ?, ?, ?)"
    with db.engine.begin() as conn:
        for name in ("plain", "batched"):
            conn.exec_driver_sql(TABLE.format(name=name))
        with BulkWriter(conn) as writer:
            writer.write(insert.format(name="plain"), ROWS)
        with BulkWriter(conn, json_rows=True) as writer:
            writer.write(insert.format(name="batched"), ROWS)
            writer.write(insert.format(name="batched"), [])
        assert _typed(conn, "plain") == _typed(conn, "batched")
        assert len(_typed(conn, "plain")) == 3


def test_a_failing_json_batch_is_reported(db: Database) -> None:
    with db.engine.connect() as conn:
        conn.exec_driver_sql("CREATE TABLE t (a INTEGER PRIMARY KEY)")
        with (
            pytest.raises(Exception, match=r"(?i)unique|duplicate"),
            BulkWriter(conn, json_rows=True) as writer,
        ):
            writer.write("INSERT INTO t (a) VALUES (?)", [(1,), (1,)])


def _indexes(conn: Connection) -> dict[str, str]:
    if conn.dialect.name == "postgresql":
        sql = "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()"
    else:
        sql = "SELECT name, coalesce(sql, '') FROM sqlite_master WHERE type = 'index'"
    return {str(n): str(s) for n, s in conn.exec_driver_sql(sql)}


def test_deferred_indexes_come_back_as_they_were(db: Database) -> None:
    with db.engine.connect() as conn:
        before = _indexes(conn)
    tables = ["people", "organizations", "visits", "search_fts", "search_docs"]
    with db.engine.begin() as conn:
        statements = defer_indexes(conn, tables)
        gone = set(before) - set(_indexes(conn))
        assert {"ix_people_name", "ix_visits_unit_id", "ix_organizations_name"} <= gone
        assert not any("pkey" in n or "autoindex" in n or n.startswith("uq_") for n in gone)
        assert len(statements) == len(gone)
        recreate_indexes(conn, statements)
    with db.engine.connect() as conn:
        assert _indexes(conn) == before


def test_deferred_indexes_return_on_rollback(db: Database) -> None:
    """Even on SQLite, whose Python driver would run a DROP outside the transaction."""
    with db.engine.connect() as conn:
        before = _indexes(conn)
    with pytest.raises(RuntimeError), db.engine.begin() as conn:
        assert defer_indexes(conn, ["people", "units"])
        raise RuntimeError("load failed")
    with db.engine.connect() as conn:
        assert _indexes(conn) == before


def test_a_rebuild_after_a_bulk_fill_keeps_searching(db: Database) -> None:
    from yeda_desktop.storage.search_index import rebuild_search_index

    assert rebuild_search_index(db.engine) == 0
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM search_docs")).scalar() == 0
