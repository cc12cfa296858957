"""Merged-away UUIDs: the record each names now, and the other way round.

When two UUIDs turn out to be one record (the same USCC, a unit label taken twice) the
younger one is redirected to the survivor, and so is every UUID that named it. Later
batches that still use a merged-away UUID land on the survivor (`resolve`); the change
log's edits of a record are found under all its names (`aliases`).
"""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import Connection

from yeda_desktop.storage.driver_sql import run_sql

# A chain longer than this is a loop (which `add` never makes): stop following it.
MAX_HOPS = 50


def write(conn: Connection, table: str, old: str, new: str, reason: str, at: str) -> None:
    """`old` (a record of `table`) now names `new`, and so does every UUID that named
    `old`; a newer redirect of `old` replaces an older one. `reason`: 'unique' (linked by
    the merge) or 'merged' (by the administrator, from the duplicate queue)."""
    run_sql(conn,
        "INSERT INTO sync_redirects (old_id, table_name, new_id, reason, at) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (old_id) DO UPDATE SET "
        "table_name = excluded.table_name, new_id = excluded.new_id, "
        "reason = excluded.reason, at = excluded.at",
        (old, table, new, reason, at),
    )
    run_sql(conn, "UPDATE sync_redirects SET new_id = ? WHERE new_id = ?", (new, old))


class Redirects:
    """The sync_redirects table, read once into memory and kept in step with it."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.by_old: dict[str, str] = {
            str(old): str(new)
            for old, new in run_sql(conn, "SELECT old_id, new_id FROM sync_redirects")
        }
        # The other way round: new id → the old ids pointing at it (aliases() without
        # scanning every redirect for every record).
        self._olds: dict[str, set[str]] = {}
        for old_id, new_id in self.by_old.items():
            self._olds.setdefault(new_id, set()).add(old_id)

    def __contains__(self, record_id: object) -> bool:
        return record_id in self.by_old

    def __iter__(self) -> Iterator[str]:
        return iter(self.by_old)

    def resolve(self, record_id: str) -> str:
        """The record `record_id` names now (itself, unless merged away)."""
        seen = 0
        while record_id in self.by_old and seen < MAX_HOPS:
            record_id = self.by_old[record_id]
            seen += 1
        return record_id

    def aliases(self, record_id: str) -> set[str]:
        """The record and every merged-away UUID that now names it."""
        if record_id in self.by_old:  # itself merged away: nothing resolves to it
            return {record_id}
        found, frontier = {record_id}, [record_id]
        while frontier:
            frontier = [o for f in frontier for o in self._olds.get(f, ()) if o not in found]
            found.update(frontier)
        return found

    def add(self, table: str, old: str, new: str, at: str) -> None:
        """`old` (a record of `table`) is linked into `new`, and so is every UUID that
        named `old`: in the table and here."""
        write(self.conn, table, old, new, "unique", at)
        moved = self._olds.pop(old, set())
        for key in moved:
            self.by_old[key] = new
        before = self.by_old.get(old)
        if before is not None:
            self._olds.get(before, set()).discard(old)
        self.by_old[old] = new
        self._olds.setdefault(new, set()).update(moved | {old})
