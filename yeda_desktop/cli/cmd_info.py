"""`yeda info`: what is in the database (counts, schema revision, file size)."""

from __future__ import annotations

import argparse
from typing import Any

from sqlalchemy import func, select

from yeda_desktop.cli.common import human_size, open_from_args
from yeda_desktop.models import Base


def run(args: argparse.Namespace) -> int:
    db = open_from_args(args)
    try:
        print(f"数据库 / database: {db.path}")
        print(f"结构版本 / schema revision: {db.schema_revision()}")
        size = sum(
            p.stat().st_size
            for p in (db.path, db.path.with_name(db.path.name + "-wal"))
            if p.exists()
        )
        print(f"文件大小 / file size: {human_size(size)}")
        with db.reader() as session:
            for table in Base.metadata.sorted_tables:
                count = session.scalar(select(func.count()).select_from(table))
                print(f"  {table.name:<24} {count:>10,}")
    finally:
        db.close()
    return 0


def register(sub: Any) -> None:
    parser = sub.add_parser("info", help="counts, schema revision and file size")
    parser.set_defaults(func=run)
