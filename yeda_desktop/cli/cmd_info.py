"""`yeda info`: what is in the database (counts, schema revision, file size, unsent work)."""

from __future__ import annotations

import argparse
from typing import Any

from sqlalchemy import func, select, text

from yeda_desktop.cli.common import human_size, open_from_args
from yeda_desktop.local_time import local_minute
from yeda_desktop.models import Base
from yeda_desktop.storage import Database
from yeda_desktop.syncflow.batch_export import unsent_work


def run(args: argparse.Namespace) -> int:
    db = open_from_args(args)
    try:
        print(f"数据库 / database: {db.display}")
        print(f"结构版本 / schema revision: {db.schema_revision()}")
        print(f"大小 / size: {human_size(_size(db))}")
        with db.reader() as session:
            for table in Base.metadata.sorted_tables:
                count = session.scalar(select(func.count()).select_from(table))
                print(f"  {table.name:<24} {count:>10,}")
        unsent = unsent_work(db)
        if unsent is not None:  # a laptop's: what its next batch would carry
            print(f"未导出 / not yet exported: {unsent.records:,} 条记录 records, "
                  f"{unsent.changes:,} 处修改 changes")
            if unsent.last_export_at is not None:
                print(f"上次导出 / last export: 第 {unsent.last_sequence} 批 batch "
                      f"{unsent.last_sequence}, {local_minute(unsent.last_export_at)}; "
                      f"中心回执确认 {unsent.confirmed} 批 / the centre's receipts confirm "
                      f"{unsent.confirmed}")
    finally:
        db.close()
    return 0


def _size(db: Database) -> int:
    """The file and its WAL, or what the server reports for the database."""
    if db.is_server:
        with db.engine.connect() as conn:
            size = conn.execute(text("SELECT pg_database_size(current_database())"))
            return int(size.scalar_one())
    return sum(
        p.stat().st_size for p in (db.path, db.path.with_name(db.path.name + "-wal")) if p.exists()
    )


def register(sub: Any) -> None:
    parser = sub.add_parser("info", help="counts, schema revision and size")
    parser.set_defaults(func=run)
