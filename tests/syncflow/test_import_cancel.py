"""Cancelling an import half-way (the dialog's Cancel) writes nothing; importing again works.

By the time Cancel is pressed, rows, change-log entries and new records' search documents
are queued on the write-behind thread, the search worker is computing terms, and FTS5 is
set for many writes: all of it is given up with the transaction.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from flow_helpers import build_sites, register_org, snapshot
from sqlalchemy import select

from yeda_desktop.models import Person, Unit
from yeda_desktop.services.search import search
from yeda_desktop.storage import search_worker
from yeda_desktop.syncflow import merge
from yeda_desktop.syncflow.importer import import_file
from yeda_desktop.syncflow.installation import load_keys


class Stop(Exception):
    """What the GUI's progress raises when Cancel was pressed (ui.tasks.Cancelled)."""


def test_a_cancelled_import_writes_nothing_and_can_be_run_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(merge, "CHUNK", 4)  # many chunks, so Cancel lands mid-way
    monkeypatch.setattr(search_worker, "WORKER_FROM", 1)  # and the worker is running
    centre, (laptop,), stick = build_sites(tmp_path, 1, orgs=8)
    db = laptop.open()
    with db.reader() as session:
        units = session.scalars(select(Unit.id).order_by(Unit.id)).all()
    db.close()
    new = [register_org(laptop, "队员", units[i], name=f"烟台取消测试{i}号有限公司")
           for i in range(12)]
    db = laptop.open()
    with db.session(officer="队员") as session:
        session.add_all(Person(organization_id=oid, name="单雪梅") for oid in new)
    db.close()
    batch = stick / "batch.yeda"
    laptop.cli("export", str(batch), officer="队员")
    before = snapshot(centre)

    calls: list[int] = []

    def cancel_on_third(done: int, total: int) -> None:
        calls.append(done)
        if len(calls) == 3:
            raise Stop

    keys = load_keys(centre.keys)
    db = centre.open()
    try:
        with pytest.raises(Stop):
            import_file(db, keys, batch, progress=cancel_on_third)
    finally:
        db.close()
    assert 0 < calls[-1] < 36  # half-way: some of the 36 records (orgs, people, occupancies)
    assert snapshot(centre) == before  # rows, log, search index, FTS5 settings: untouched

    db = centre.open()
    try:
        report = import_file(db, keys, batch)
        assert report.status == "imported" and report.new == 36, report.lines()
        with db.reader() as session:
            found = {hit.ref_id for hit in search(session, "quxiaoceshi")}
        assert set(new) <= found  # indexed once, by the import that ran to the end
    finally:
        db.close()
