"""Opening the database: resolve the file, migrate it safely, hand out sessions.

Every write goes through `Database.session()`, one transaction that commits
whole or not at all, with the change log written in the same transaction.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.orm import Session, sessionmaker

from yeda_desktop.errors import DatabaseError
from yeda_desktop.storage import audit, migrate
from yeda_desktop.storage.engine import sqlite_engine
from yeda_desktop.storage.paths import backups_dir, resolve_db_path


class Database:
    """One open database file and the sessions that write to it."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        audit.install(self._sessions)

    @property
    def backups_dir(self) -> Path:
        return backups_dir(self.path)

    @contextmanager
    def session(
        self,
        *,
        officer: str | None = None,
        device_id: str | None = None,
        package_id: str | None = None,
    ) -> Iterator[Session]:
        """A transaction: commits when the block ends, rolls back on any error."""
        session = self._sessions()
        session.info.update(officer=officer, device_id=device_id, package_id=package_id)
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def reader(self) -> Session:
        """A session for reading only (the caller closes it)."""
        return self._sessions()

    def schema_revision(self) -> str | None:
        with self.engine.connect() as conn:
            return migrate.current_revision(conn)

    def close(self) -> None:
        self.engine.dispose()


def open_database(
    path: str | os.PathLike[str] | None = None,
    *,
    create: bool = True,
    upgrade: bool = True,
) -> Database:
    """Open (creating if asked) and migrate the database, backing it up before any upgrade."""
    db_path = resolve_db_path(path)
    if not db_path.exists():
        if not create:
            raise DatabaseError(
                f"数据库文件不存在：{db_path}", f"database file does not exist: {db_path}"
            )
        db_path.parent.mkdir(parents=True, exist_ok=True)
    elif db_path.is_dir():
        raise DatabaseError(f"这是一个文件夹，不是数据库：{db_path}", f"{db_path} is a folder")
    engine = sqlite_engine(db_path)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT count(*) FROM sqlite_master")).scalar()
        if upgrade:
            migrate.ensure_schema(engine, db_path)
    except SADatabaseError as exc:
        engine.dispose()
        raise DatabaseError(
            f"无法打开数据库（文件可能已损坏或不是YEDA数据库）：{db_path}",
            f"cannot open the database (damaged or not a YEDA database): {db_path}: {exc.orig}",
        ) from None
    except BaseException:
        engine.dispose()
        raise
    return Database(db_path, engine)
