"""A batch import's commit leaves the WAL checkpoint to a thread of its own (see
storage/checkpoint.py): the commit itself has no checkpoint to run, one is started after
it, and the connection it used checkpoints by itself again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from flow_helpers import build_sites, edit_row, first_value
from pooled_settings import pooled_autocheckpoints
from sqlalchemy import event

from yeda_desktop.models import Organization
from yeda_desktop.storage import Database
from yeda_desktop.storage.checkpoint import AUTOCHECKPOINT_PAGES
from yeda_desktop.sync import KeySet
from yeda_desktop.syncflow.importer import import_file


def test_a_batch_import_checkpoints_after_its_commit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    centre, (laptop,), stick = build_sites(tmp_path, 1, orgs=12)
    edit_row(laptop, "队员", Organization, first_value(laptop, Organization.id),
             staff_count=77)
    laptop.cli("export", str(stick / "batch.yeda"), officer="队员")

    started: list[Database] = []
    monkeypatch.setattr(Database, "checkpoint_soon", lambda self: started.append(self))
    at_commit: list[int] = []

    def commit(conn: Any) -> None:  # the setting the commit runs under
        raw = conn.connection.dbapi_connection
        at_commit.append(raw.execute("PRAGMA wal_autocheckpoint").fetchone()[0])

    db = centre.open()
    try:
        event.listen(db.engine, "commit", commit)
        report = import_file(db, KeySet.load(centre.keys), stick / "batch.yeda")
        event.remove(db.engine, "commit", commit)
        assert report.status == "imported" and report.updated == 1
        assert at_commit[-1] == 0  # the import's own commit: no checkpoint in it
        assert started == [db]
        assert pooled_autocheckpoints(db) == {AUTOCHECKPOINT_PAGES}
    finally:
        db.close()
