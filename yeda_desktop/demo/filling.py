"""Fills an empty database with a demo zone in one transaction: the rows made here
(generator) or, for a large zone, in a second process (second_process), written by a
writer thread with the tables' indexes built once the rows are in.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Table, func, select

from yeda_desktop import child_process
from yeda_desktop.demo.generator import (
    STAGES,
    DemoCounts,
    DemoGenerator,
    Progress,
    mark_verified,
    stage_tables,
    table_of,
)
from yeda_desktop.demo.second_process import generate_in_worker
from yeda_desktop.errors import DatabaseError, YedaError
from yeda_desktop.models import Organization, Zone
from yeda_desktop.storage import Database, search_index
from yeda_desktop.storage.bulk import BulkWriter, defer_indexes, defer_indexes_by_table


def _rows(conn: Connection, table: Table) -> int:
    return int(conn.scalar(select(func.count()).select_from(table)) or 0)


def has_data(db: Database) -> bool:
    with db.engine.connect() as conn:
        return bool(_rows(conn, table_of(Organization)) or _rows(conn, table_of(Zone)))


def generate_demo(
    db: Database,
    orgs: int,
    seed: int = 1,
    progress: Progress | None = None,
    *,
    second_process: bool | None = None,
) -> DemoCounts:
    """Fill an empty database with a demo zone in one transaction (all or nothing).

    From SECOND_PROCESS_FROM organizations on (`second_process` overrides), the rows and
    search terms are made in a second process while this one only writes them:
    generating is Python, and a thread of this process inserting rows would need
    the GIL back for every row (see storage.bulk). Either way the database is the same.
    """
    if orgs < 1 or orgs > 2_000_000:
        raise YedaError("演示单位数量应在1至2000000之间", "--orgs must be between 1 and 2,000,000")
    if has_data(db):
        raise DatabaseError(
            "数据库中已有数据，请为演示数据指定一个新文件",
            "the database already holds data; give the demo a new file",
        )
    if second_process is None:
        second_process = orgs >= SECOND_PROCESS_FROM and child_process.available()
    with db.engine.begin() as conn:
        # Plain indexes are built once the rows are in (a sort), not kept up row by row.
        deferred = defer_indexes_by_table(conn, _DEMO_TABLES)
        deferred_search = defer_indexes(conn, [search_index.FTS])
        if second_process:
            counts = generate_in_worker(conn, orgs, seed, progress, deferred, deferred_search)
        else:
            every = [sql for statements in deferred.values() for sql in statements]
            counts = _generate_here(conn, orgs, seed, progress, every, deferred_search)
        search_index.finish_index(conn)
        return counts


SECOND_PROCESS_FROM = 20_000


class _LocalSink:
    def __init__(self, conn: Connection, writer: BulkWriter) -> None:
        self.conn = conn
        self.writer = writer

    def rows(self, sql: str, data: list[Any]) -> None:
        self.writer.write(sql, data)

    def verify(self, current: str) -> None:
        self.writer.drain()
        mark_verified(self.conn, current)


def _generate_here(
    conn: Connection,
    orgs: int,
    seed: int,
    progress: Progress | None,
    deferred: list[str],
    deferred_search: list[str],
) -> DemoCounts:
    """Rows made on this thread, written by the writer thread (one JSON batch at a time)."""
    with BulkWriter(conn, json_rows=True) as writer:  # str, int, bool and None only
        gen_ = DemoGenerator(_LocalSink(conn, writer), orgs, seed, progress)
        gen_.rows()
        # The writer thread builds the indexes while this one works out search terms.
        for sql in deferred:
            writer.execute(sql)
        indexed = search_index.fill_index(
            writer,
            conn.dialect.name,
            gen_.search_docs(),
            gen_.search_total(),
            lambda done, total: gen_.tick("search", done, total),
        )
        for sql in deferred_search:
            writer.execute(sql)
    gen_.counts.add("search_docs", indexed)
    return gen_.counts


_DEMO_TABLES = [name for stage in range(len(STAGES)) for name in stage_tables(stage)]
