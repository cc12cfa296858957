"""`yeda backup` and `yeda restore`: consistent copies with the SQLite backup API."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from yeda_desktop.cli.common import human_size
from yeda_desktop.errors import DatabaseError
from yeda_desktop.storage.backup import backup_database, list_backups, restore_database
from yeda_desktop.storage.location import resolve_location


def _file(db: str | None) -> Path:
    """The SQLite file; a server's backups are the server's business (pg_dump, archiving)."""
    location = resolve_location(db)
    if location.path is None:
        raise DatabaseError(
            f"PostgreSQL 数据库请用服务器自己的备份工具（如 pg_dump）：{location.display}",
            f"back up a PostgreSQL database with the server's own tools (pg_dump): "
            f"{location.display}",
        )
    return location.path


def run_backup(args: argparse.Namespace) -> int:
    db_path = _file(args.db)
    if args.list:
        for info in list_backups(db_path):
            print(f"{info.created:%Y-%m-%d %H:%M:%S}  {human_size(info.size):>10}  {info.path}")
        return 0
    if not db_path.is_file():
        raise DatabaseError(f"数据库文件不存在：{db_path}", f"database file not found: {db_path}")
    target = backup_database(db_path, "manual")
    print(f"已备份 / backed up to: {target}")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    db_path = _file(args.db)
    backup = Path(args.backup) if args.backup else None
    if backup is None:
        found = list_backups(db_path)
        if not found:
            raise DatabaseError("没有可用的备份", "there is no backup to restore")
        backup = found[0].path
    safety = restore_database(backup, db_path)
    print(f"已恢复 / restored from: {backup}")
    if safety:
        print(f"原文件已另存 / the replaced file was kept as: {safety}")
    return 0


def register(sub: Any) -> None:
    parser = sub.add_parser("backup", help="back up the database into its backups/ folder")
    parser.add_argument("--list", action="store_true", help="list existing backups")
    parser.set_defaults(func=run_backup)
    restore = sub.add_parser("restore", help="restore a backup (the newest if none given)")
    restore.add_argument("backup", nargs="?", help="backup file to restore")
    restore.set_defaults(func=run_restore)
