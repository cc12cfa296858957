"""Where the database lives: `--db`, then `YEDA_DB`, then the per-user data folder."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "yeda-desktop"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def resolve_db_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The database file to use, most specific choice first."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get("YEDA_DB")
    if env:
        return Path(env).expanduser().resolve()
    return data_dir() / "yeda.sqlite"


def backups_dir(db_path: Path) -> Path:
    return db_path.parent / "backups"
