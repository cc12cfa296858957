"""Storage: the SQLite (later also PostgreSQL) database, its migrations, backups and change log."""

from yeda_desktop.storage import search_index
from yeda_desktop.storage.database import Database, open_database

# Every writer that reaches the database through this package (GUI, CLI, imports,
# demo) keeps the search index in step; the hook is process-wide and idempotent.
search_index.install()

__all__ = ["Database", "open_database"]
