"""Alembic migrations run from the app: refuse newer schemas, back up, then upgrade."""

from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect

from yeda_desktop.errors import DatabaseError, SchemaTooNewError
from yeda_desktop.storage.backup import backup_database


def migrations_dir() -> Path:
    with as_file(files("yeda_desktop.migrations")) as path:
        return Path(path)


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "the migrations folder has no revisions"
    return head


def current_revision(conn: Connection) -> str | None:
    return MigrationContext.configure(conn).get_current_revision()


def known_revisions() -> set[str]:
    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def upgrade(engine: Engine, target: str = "head") -> None:
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)


def ensure_schema(engine: Engine, db_path: Path | None) -> None:
    """Bring the database to the app's schema, or refuse with a sentence."""
    with engine.connect() as conn:
        current = current_revision(conn)
        tables = set(inspect(conn).get_table_names())
    head = head_revision()
    if current == head:
        return
    if current is None:
        if tables:
            raise DatabaseError(
                "该文件不是YEDA数据库（含有其他数据表），未做任何修改",
                "this file is not a YEDA database (it has other tables); nothing was changed",
            )
    elif current not in known_revisions():
        raise SchemaTooNewError(
            f"数据库由更新版本的程序创建（结构版本 {current}），请升级本程序后再打开",
            f"the database was written by a newer version of the app (schema {current}); "
            "please upgrade the app",
        )
    elif db_path is not None:
        backup_database(db_path, f"before-upgrade-{current}")
    upgrade(engine)
