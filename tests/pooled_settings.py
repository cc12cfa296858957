"""What the connections an engine's pool holds are set to (one helper for two test folders)."""

from __future__ import annotations

from yeda_desktop.storage import Database


def pooled_autocheckpoints(db: Database) -> set[int]:
    """`wal_autocheckpoint` of every connection the engine's pool holds (at least one):
    a setting one transaction changed must not stay with a pooled connection."""
    held = [db.engine.raw_connection() for _ in range(max(1, db.engine.pool.checkedin()))]
    try:
        return {c.cursor().execute("PRAGMA wal_autocheckpoint").fetchone()[0] for c in held}
    finally:
        for c in held:
            c.close()
