"""Opening the database: resolve the file or server, migrate it safely, hand out sessions.

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
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from yeda_desktop.errors import DatabaseError
from yeda_desktop.storage import audit, migrate
from yeda_desktop.storage.checkpoint import Checkpointer
from yeda_desktop.storage.engine import BUSY_TIMEOUT_MS, server_engine, sqlite_engine
from yeda_desktop.storage.integrity import CorruptDatabaseError, change_marker, quick_check
from yeda_desktop.storage.location import Location, resolve_location
from yeda_desktop.storage.lock import WriterLock, acquire_writer_lock
from yeda_desktop.storage.media import check_location
from yeda_desktop.storage.paths import backups_dir
from yeda_desktop.storage.transactional import transactional_engine


def read_only_error() -> DatabaseError:
    return DatabaseError(
        "数据库以只读方式打开，不能保存修改",
        "the database is open read-only; changes cannot be saved",
    )


def storage_error(exc: SADatabaseError) -> DatabaseError | None:
    """The sentence for a full disk or an I/O error from SQLite (None for anything else)."""
    text_ = str(exc.orig).lower()
    if "disk is full" in text_ or "database or disk is full" in text_:
        return DatabaseError(
            "磁盘空间已满，本次修改未保存（已撤销），数据库完好。请腾出空间后重试",
            "the disk is full: this change was not saved (rolled back) and the database is "
            "intact; free some space and try again",
        )
    if "disk i/o error" in text_:
        return DatabaseError(
            "磁盘读写错误，本次修改未保存（已撤销）。请检查磁盘后重试",
            "a disk I/O error: this change was not saved (rolled back); check the disk and retry",
        )
    return None


class Database:
    """One open database (a SQLite file or a PostgreSQL database) and its sessions."""

    def __init__(
        self,
        path: Path | Location,
        engine: Engine,
        *,
        read_only: bool = False,
        lock: WriterLock | None = None,
    ) -> None:
        self.location = path if isinstance(path, Location) else Location(path=path)
        self.engine = engine
        self.read_only = read_only
        self._lock = lock
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self.opened_marker = change_marker(self.location.path) if self.location.path else None
        audit.install(self._sessions)
        self._checkpointer = (
            Checkpointer(self.location.path, BUSY_TIMEOUT_MS / 1000)
            if self.location.path is not None and not read_only else None)

    @property
    def path(self) -> Path:
        """The SQLite file; file-only features (backups, restore, the writer lock) use it."""
        if self.location.path is None:
            raise DatabaseError(
                f"这是 PostgreSQL 数据库，没有本地文件：{self.location.display}",
                f"a PostgreSQL database has no local file: {self.location.display}",
            )
        return self.location.path

    @property
    def is_server(self) -> bool:
        return self.location.is_server

    @property
    def dialect(self) -> str:
        """"sqlite" or "postgresql": the few places whose SQL differs ask this."""
        return str(self.engine.dialect.name)

    @property
    def display(self) -> str:
        """For messages and tooltips: the path, or the URL with any password hidden."""
        return self.location.display

    @property
    def target(self) -> str:
        """What reopens this database (`--db`, settings): the path or the full URL."""
        if self.location.url is not None:
            return self.location.url.render_as_string(hide_password=False)
        return str(self.location.path)

    @property
    def name(self) -> str:
        """A short name for a status bar: the file's name, or database@host."""
        if self.location.url is not None:
            url = self.location.url
            return f"{url.database}@{url.host or 'localhost'}"
        assert self.location.path is not None
        return self.location.path.name

    @property
    def work_dir(self) -> Path:
        """A local folder for quarantined packages and spooled payloads (created on demand:
        for a server database it lives under the user's data folder, not beside a file)."""
        folder = self.location.work_dir
        folder.mkdir(parents=True, exist_ok=True)
        return folder

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
        except SADatabaseError as exc:
            session.rollback()
            if self.read_only and ("readonly" in str(exc.orig) or "read-only" in str(exc.orig)):
                raise read_only_error() from None
            if not isinstance(exc, OperationalError):
                raise
            raise storage_error(exc) or exc from None
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def checkpoint_soon(self) -> None:
        """Copy the WAL into the file on a thread of its own: after a transaction whose
        commit `checkpoint.defer_checkpoint` left it to this (a server: nothing to do)."""
        if self._checkpointer is not None:
            self._checkpointer.start()

    def reader(self) -> Session:
        """A session for reading only (the caller closes it)."""
        return self._sessions()

    def schema_revision(self) -> str | None:
        with self.engine.connect() as conn:
            return migrate.current_revision(conn)

    def changed_since_open(self) -> bool:
        """True if the file was written since it was opened (by this or any process).

        A server database is never backed up by the app (the server's own dumps and
        archiving do that), so there is nothing for it to decide: always False.
        """
        if self.location.path is None:
            return False
        return change_marker(self.location.path) != self.opened_marker

    def close(self) -> None:
        if self._checkpointer is not None:
            self._checkpointer.wait()
        self.engine.dispose()
        if self._lock is not None:
            self._lock.release()
            self._lock = None


def _require_current(engine: Engine, db_path: str) -> None:
    """A read-only open cannot migrate, so it needs the app's own schema revision."""
    with engine.connect() as conn:
        current = migrate.current_revision(conn)
    if current != migrate.head_revision():
        raise DatabaseError(
            f"只读打开需要当前版本的数据库结构（文件为 {current}）：{db_path}",
            f"a read-only open needs the current schema (the file has {current}): {db_path}",
        )


def open_database(
    path: str | os.PathLike[str] | None = None,
    *,
    create: bool = True,
    upgrade: bool = True,
    read_only: bool = False,
    check: bool = True,
) -> Database:
    """Open (creating if asked) and migrate the database, backing a file up before any upgrade.

    `path` is a file path or a PostgreSQL URL (see storage.location). A file is
    refused with a DatabaseError subclass the caller can offer a way out of: another
    process is writing it (DatabaseInUseError: switch or open `read_only`), it is on a
    network share or removable disk (UnsafeLocationError: copy it to this computer), or
    it is damaged (CorruptDatabaseError: restore a backup). `check=False` skips the
    quick_check scan (for tools that open the same file many times).
    """
    location = resolve_location(path)
    if location.url is not None:
        return _open_server(location, upgrade=upgrade, read_only=read_only)
    assert location.path is not None
    db_path = location.path
    if not db_path.exists():
        if not create or read_only:
            raise DatabaseError(
                f"数据库文件不存在：{db_path}", f"database file does not exist: {db_path}"
            )
        db_path.parent.mkdir(parents=True, exist_ok=True)
    elif db_path.is_dir():
        raise DatabaseError(f"这是一个文件夹，不是数据库：{db_path}", f"{db_path} is a folder")
    check_location(db_path)
    lock = None if read_only else acquire_writer_lock(db_path)
    engine = sqlite_engine(db_path, read_only=read_only)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT count(*) FROM sqlite_master")).scalar()
            if check:
                quick_check(conn, db_path)
        if read_only:
            _require_current(engine, str(db_path))
        elif upgrade:
            migration_engine = transactional_engine(db_path)
            try:
                migrate.ensure_schema(migration_engine, db_path)
            finally:
                migration_engine.dispose()
        if not read_only:  # an empty WAL, so that `changed_since_open` sees only new writes
            with engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    except SADatabaseError as exc:
        engine.dispose()
        if lock is not None:
            lock.release()
        raise CorruptDatabaseError(db_path, str(exc.orig)) from None
    except BaseException:
        engine.dispose()
        if lock is not None:
            lock.release()
        raise
    return Database(db_path, engine, read_only=read_only, lock=lock)


def _open_server(location: Location, *, upgrade: bool, read_only: bool) -> Database:
    """A PostgreSQL database: the server checks its own pages and arbitrates writers.

    Several administrators may write at once, so there is no writer lock; the
    migration runs in one transaction (PostgreSQL's DDL is transactional) under an
    advisory lock, so two apps starting together upgrade it once.
    """
    assert location.url is not None
    engine = server_engine(location.url, read_only=read_only)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1")).scalar()
        if read_only:
            _require_current(engine, location.display)
        elif upgrade:
            migrate.ensure_schema(engine, None)
    except OperationalError as exc:
        engine.dispose()
        raise DatabaseError(
            f"无法连接 PostgreSQL 数据库：{location.display}（{_first_line(exc)}）",
            f"cannot connect to the PostgreSQL database {location.display}: {_first_line(exc)}",
        ) from None
    except BaseException:
        engine.dispose()
        raise
    return Database(location, engine, read_only=read_only)


def _first_line(exc: SADatabaseError) -> str:
    return (str(exc.orig).strip().splitlines() or [""])[0][:300]
