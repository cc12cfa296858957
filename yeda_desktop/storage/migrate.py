"""Alembic migrations run from the app: refuse newer schemas, back up, then upgrade.

Opening a database that is already current costs one small query: the app's head
revision is read from the migration files' `revision`/`down_revision` lines (cached),
and alembic itself is imported only when an upgrade has to run.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import as_file, files
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from yeda_desktop.errors import DatabaseError, SchemaTooNewError
from yeda_desktop.storage.backup import backup_database

if TYPE_CHECKING:
    from alembic.config import Config

_REVISION = re.compile(r"^revision\s*(?::[^=]*)?=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)
_DOWN = re.compile(r"^down_revision\s*(?::[^=]*)?=\s*(None|['\"]([^'\"]+)['\"])", re.MULTILINE)


def migrations_dir() -> Path:
    with as_file(files("yeda_desktop.migrations")) as path:
        return Path(path)


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    return cfg


@lru_cache(maxsize=1)
def _revision_graph() -> dict[str, str | None]:
    """revision → down revision, read from the version files without importing them."""
    graph: dict[str, str | None] = {}
    for script in sorted((migrations_dir() / "versions").glob("*.py")):
        source = script.read_text(encoding="utf-8")
        rev, down = _REVISION.search(source), _DOWN.search(source)
        if rev is None or down is None:
            continue  # __init__.py and helpers
        graph[rev.group(1)] = down.group(2)
    return graph


@lru_cache(maxsize=1)
def head_revision() -> str:
    graph = _revision_graph()
    heads = set(graph) - {down for down in graph.values() if down is not None}
    if len(heads) == 1:
        return heads.pop()
    from alembic.script import ScriptDirectory  # branches or merges: let alembic decide

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "the migrations folder has no revisions"
    return head


def current_revision(conn: Connection) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    rows = [str(r[0]) for r in conn.execute(text("SELECT version_num FROM alembic_version"))]
    if len(rows) > 1:
        raise DatabaseError(
            f"数据库结构版本不唯一：{', '.join(rows)}",
            f"the database has more than one schema revision: {', '.join(rows)}",
        )
    return rows[0] if rows else None


def known_revisions() -> set[str]:
    return set(_revision_graph())


# Any constant: PostgreSQL advisory locks are keyed by a number the app chooses.
MIGRATION_LOCK = 0x59454441  # "YEDA"


def upgrade(engine: Engine, target: str = "head") -> None:
    """One transaction, DDL included; on a server, under a lock so two apps upgrade once."""
    from alembic import command

    cfg = alembic_config()
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": MIGRATION_LOCK})
            if target == "head" and current_revision(conn) == head_revision():
                return  # another process upgraded it while this one waited
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)


def ensure_schema(engine: Engine, db_path: Path | None) -> None:
    """Bring the database to the app's schema, or refuse with a sentence."""
    with engine.connect() as conn:
        current = current_revision(conn)
        if current == head_revision():
            return
        tables = set(inspect(conn).get_table_names()) if current is None else set()
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
