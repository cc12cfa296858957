"""Leaving a centre: the old zone's records taken off the laptop, after a backup.

A laptop moved to another centre kept every building, organization and person of
its old zone. The new centre has none of them, so one edit to any of them made it
refuse the laptop's next batch whole ("the package refers to records the centre
does not have"), and the old zone's personal data stayed on a laptop that no longer
worked for it. The move is taken only when everything has been exported (profile),
so the old centre gets the work from those batches; what is cleared here is kept in
a checked backup beside the database, and the new centre's baseline brings its own
buildings.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.orm import Session

from yeda_desktop.errors import YedaError
from yeda_desktop.models.sync import ExportBookmark
from yeda_desktop.storage import Database
from yeda_desktop.storage.backup import backup_database
from yeda_desktop.storage.search_index import DOCS, FTS, has_index
from yeda_desktop.syncflow.batch_export import BOOKMARK
from yeda_desktop.syncflow.records import travelling_tables

# Besides the records: their history (names and ID numbers in old values) and the
# merged-away ids, both of the old zone only.
_ALSO_CLEARED = ("change_log", "sync_redirects")


@dataclass(frozen=True)
class Cleared:
    """What leaving the old centre took off this laptop, and where it is kept."""

    records: int
    backup: Path


def backup_before_leaving(db: Database) -> Path:
    """A checked copy of the database as it is before the old zone's records go.

    Taken while the move's transaction has written nothing, so it is the state the
    laptop had. A server database has no file to copy: moving it is refused.
    """
    if db.location.path is None:
        raise YedaError(
            "服务器数据库上的本机不能更换中心：请为新中心使用新的数据库（--db）",
            "a laptop on a server database cannot change centres: use a new database "
            "(--db) for the new centre",
        )
    return backup_database(db.location.path, "before-centre-change")


def clear_old_zone(session: Session, backup: Path) -> Cleared:
    """Delete every record of the old zone, their history and search index, in the
    caller's transaction, without logging the deletions (they are not edits to send).

    The change log starts again, so the export bookmark does too: otherwise the new
    log's first entries, numbered from 1, would count as already exported.
    """
    conn = session.connection()
    removed = 0
    for table in reversed(travelling_tables()):  # children first
        removed += conn.execute(table.delete()).rowcount or 0
    for name in _ALSO_CLEARED:
        conn.execute(text(f"DELETE FROM {name}"))
    if has_index(conn):
        conn.execute(text(f"DELETE FROM {FTS}"))
        conn.execute(text(f"DELETE FROM {DOCS}"))
    mark = session.get(ExportBookmark, BOOKMARK)
    if mark is not None:
        mark.last_change_seq = 0
    return Cleared(records=removed, backup=backup)
