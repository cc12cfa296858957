"""What `--db` / `YEDA_DB` names: a SQLite file on this computer or a PostgreSQL server.

A laptop and a zone's centre keep one file; a city centre that merges every
district outgrows it and runs PostgreSQL. Both are named the same way, so every
command and the GUI take either: a path, or a URL such as
`postgresql://user@host/dbname` (SQLAlchemy's psycopg 3 driver is used for it).
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import URL, make_url

from yeda_desktop.errors import DatabaseError
from yeda_desktop.storage.paths import data_dir, resolve_db_path

_SERVER = re.compile(r"^postgres(?:ql)?(?:\+\w+)?://", re.IGNORECASE)
_ANY_URL = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)


def is_server_url(value: str | os.PathLike[str] | None) -> bool:
    return isinstance(value, str) and bool(_SERVER.match(value.strip()))


def _looks_like_url(value: str | os.PathLike[str]) -> bool:
    """Any `scheme://`: never a file name to create (`mysql://…` must not become a folder)."""
    return isinstance(value, str) and bool(_ANY_URL.match(value.strip()))


@dataclass(frozen=True)
class Location:
    """A resolved database: exactly one of `path` (SQLite) or `url` (PostgreSQL)."""

    path: Path | None = None
    url: URL | None = None

    @property
    def is_server(self) -> bool:
        return self.url is not None

    @property
    def display(self) -> str:
        """For messages: the path, or the URL with any password hidden."""
        if self.url is not None:
            return self.url.render_as_string(hide_password=True)
        assert self.path is not None
        return str(self.path)

    @property
    def work_dir(self) -> Path:
        """A local folder for quarantined packages and spooled payloads.

        Beside the file for SQLite; per server and database under the user's data
        folder for PostgreSQL (so two centres on one machine never share one).
        """
        if self.path is not None:
            return self.path.parent
        assert self.url is not None
        key = hashlib.sha256(self.display.encode()).hexdigest()[:16]
        return data_dir() / "servers" / f"{self.url.database or 'postgres'}-{key}"


def server_url(value: str) -> URL:
    """A PostgreSQL URL on the psycopg 3 driver, or a clear refusal."""
    try:
        url = make_url(value.strip())
    except Exception:
        raise DatabaseError(
            f"数据库地址格式不正确：{value}", f"not a valid database URL: {value}"
        ) from None
    backend = url.drivername.split("+")[0]
    if backend not in ("postgresql", "postgres"):
        raise DatabaseError(
            f"不支持的数据库类型：{backend}（仅支持 SQLite 文件或 PostgreSQL）",
            f"unsupported database: {backend} (a SQLite file or PostgreSQL)",
        )
    url = url.set(drivername="postgresql+psycopg")
    if not url.database:
        raise DatabaseError(
            f"数据库地址缺少数据库名：{url.render_as_string(hide_password=True)}",
            f"the database URL names no database: {url.render_as_string(hide_password=True)}",
        )
    return url


def resolve_location(explicit: str | os.PathLike[str] | None = None) -> Location:
    """`--db`, then `YEDA_DB`, then the per-user file; a URL means PostgreSQL."""
    chosen = explicit or os.environ.get("YEDA_DB") or None
    if chosen is not None and _looks_like_url(chosen):
        return Location(url=server_url(str(chosen)))
    return Location(path=resolve_db_path(explicit))
