"""`yeda init`: create (or upgrade) the database."""

from __future__ import annotations

import argparse
from typing import Any

from yeda_desktop.cli.common import open_from_args


def run(args: argparse.Namespace) -> int:
    db = open_from_args(args, create=True)
    print(f"数据库已就绪 / database ready: {db.display} (schema {db.schema_revision()})")
    db.close()
    return 0


def register(sub: Any) -> None:
    parser = sub.add_parser("init", help="create or upgrade the database")
    parser.set_defaults(func=run)
