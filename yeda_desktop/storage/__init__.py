"""Storage: the SQLite (later also PostgreSQL) database, its migrations, backups and change log."""

from yeda_desktop.storage.database import Database, open_database

__all__ = ["Database", "open_database"]
