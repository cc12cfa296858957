"""Moving a centre from its SQLite file to PostgreSQL, history and all (`yeda migrate-db`).

Every table the models define is copied row for row, in foreign-key order, in
one transaction on the server: records, the change log with its sequence
numbers, devices, packages seen, conflicts, redirects, the installation's own
state. The search index is rebuilt there rather than copied (its PostgreSQL form
differs). Before the commit every table's count is compared with the source's;
any difference rolls the whole copy back. The target must be empty: a move never
merges into, or overwrites, a database that is already in use.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Connection, Integer, Table, func, select, text

from yeda_desktop.errors import DatabaseError
from yeda_desktop.models import Base
from yeda_desktop.storage.bulk import BulkWriter
from yeda_desktop.storage.database import Database
from yeda_desktop.storage.search_index import DOCS, rebuild_search_index

CHUNK = 5000

Progress = Callable[[str, int, int], None]  # table, rows copied so far, rows in the table


class TransferMismatch(DatabaseError):
    """Counts differ after the copy: nothing was kept."""


@dataclass(frozen=True)
class TransferReport:
    counts: dict[str, int]  # table → rows, equal on both sides
    search_docs: int

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def _count(conn: Connection, table: Table | str) -> int:
    source = text(table) if isinstance(table, str) else table
    return int(conn.execute(select(func.count()).select_from(source)).scalar_one())


def _require_empty(conn: Connection, target: Database) -> None:
    used = [t.name for t in Base.metadata.sorted_tables if _count(conn, t)]
    if used:
        raise DatabaseError(
            f"目标数据库已有数据（{', '.join(used[:5])} 等），为防覆盖，迁移只写入空数据库："
            f"{target.display}",
            f"the target already holds data ({', '.join(used[:5])}); a move only writes into "
            f"an empty database: {target.display}",
        )


def _copy_table(
    source: Connection, writer: BulkWriter, table: Table, progress: Progress | None
) -> int:
    cols = [c.name for c in table.columns]
    total = _count(source, table)
    insert = f"INSERT INTO {table.name} ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})"
    # Stored values as they are (text stamps, 0/1): COPY hands them to the server's own
    # input functions, which read them into timestamp, date and boolean columns.
    cursor = source.exec_driver_sql(f"SELECT {', '.join(cols)} FROM {table.name}")
    done = 0
    while rows := cursor.fetchmany(CHUNK):
        writer.write(insert, [tuple(r) for r in rows])
        done += len(rows)
        if progress is not None:
            progress(table.name, done, total)
    if progress is not None and total == 0:
        progress(table.name, 0, 0)
    return done


def _advance_sequences(conn: Connection) -> None:
    """Integer keys the server numbers (the change log's seq) continue after the copied ones."""
    for table in Base.metadata.sorted_tables:
        for col in table.primary_key.columns:
            if isinstance(col.type, Integer) and col.autoincrement is not False:
                conn.execute(text(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', '{col.name}'), "
                    f"(SELECT coalesce(max({col.name}), 0) + 1 FROM {table.name}), false)"
                ))


def transfer(
    source: Database, target: Database, progress: Progress | None = None
) -> TransferReport:
    """Copy everything from `source` (SQLite) into the empty `target` (PostgreSQL)."""
    if source.is_server or not target.is_server:
        raise DatabaseError(
            "只能从 SQLite 文件迁移到 PostgreSQL 数据库",
            "a move goes from a SQLite file to a PostgreSQL database",
        )
    counts: dict[str, int] = {}
    with source.engine.connect() as src, target.engine.begin() as dst:
        src.exec_driver_sql("BEGIN")  # one consistent read of the whole file
        _require_empty(dst, target)
        dst.execute(text("SET CONSTRAINTS ALL DEFERRED"))  # parents and children in any order
        with BulkWriter(dst) as writer:
            for table in Base.metadata.sorted_tables:
                counts[table.name] = _copy_table(src, writer, table, progress)
        _advance_sequences(dst)
        docs = rebuild_search_index(dst)
        expected_docs = _count(src, DOCS)
        wrong = {
            name: (n, _count(dst, name)) for name, n in counts.items() if _count(dst, name) != n
        }
        wrong |= {
            name: (n, _count(src, name)) for name, n in counts.items() if _count(src, name) != n
        }
        if docs != expected_docs:
            wrong[DOCS] = (expected_docs, docs)
        if wrong:
            detail = ", ".join(f"{name} {a}≠{b}" for name, (a, b) in sorted(wrong.items()))
            raise TransferMismatch(
                f"迁移后行数不一致（{detail}），已全部撤销，目标数据库未改变",
                f"row counts differ after the copy ({detail}); everything was rolled back and "
                "the target is unchanged",
            )
        src.exec_driver_sql("ROLLBACK")
    return TransferReport(counts, docs)
