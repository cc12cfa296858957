"""A large batch's search documents and duplicate candidates are made a piece at a time
(bounded memory); the pieces add up to what one pass over the whole batch makes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from flow_helpers import Site, build_sites, register_org
from sqlalchemy import select, text

from yeda_desktop.models import Occupancy, Organization, Person, Unit
from yeda_desktop.storage import search_index
from yeda_desktop.syncflow import duplicates


def index_and_candidates(site: Site) -> tuple[set[tuple[str, ...]], set[tuple[str, ...]]]:
    db = site.open()
    try:
        with db.engine.connect() as conn:
            docs = {tuple(r) for r in conn.execute(text(
                f"SELECT d.kind, d.ref_id, d.title, f.terms FROM {search_index.DOCS} d "
                f"JOIN {search_index.FTS} f ON f.rowid = d.rowid"))}
            pairs = {tuple(r) for r in conn.execute(text(
                "SELECT record_a, record_b, reason, status FROM sync_duplicates"))}
        return docs, pairs
    finally:
        db.close()


def test_pieces_give_the_same_index_and_candidates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    centre, (laptop,), stick = build_sites(tmp_path, 1, orgs=12)
    db = laptop.open()
    with db.reader() as session:
        homes = session.execute(
            select(Organization.name, Organization.contact_phone, Occupancy.unit_id)
            .join(Occupancy, Occupancy.organization_id == Organization.id)
            .order_by(Organization.name)).all()
        spare = session.scalars(select(Unit.id).order_by(Unit.id)).all()
    db.close()
    assert len(homes) >= 4
    new_ids = []
    for i, (name, phone, unit) in enumerate(homes[:4]):
        # look-alikes: the same name in the same unit, or the same phone elsewhere
        fields = {"name": f"{name}（分部）"} if i % 2 else {
            "name": f"新登记单位{i}", "contact_phone": phone}
        new_ids.append(register_org(laptop, "队员", unit if i % 2 else spare[i], **fields))
    for i in range(8):
        register_org(laptop, "队员", spare[-1 - i], name=f"烟台新设企业{i}号有限公司")
    db = laptop.open()
    with db.session(officer="队员") as session:
        session.add_all(Person(organization_id=oid, name="张" + "伟强明"[i % 3]) for i, oid in
                        enumerate(new_ids))
    db.close()
    laptop.cli("export", str(stick / "batch.yeda"), officer="队员")
    twin = Site("twin", tmp_path / "twin")
    shutil.copytree(centre.folder, twin.folder)

    centre.cli("import", str(stick / "batch.yeda"))
    monkeypatch.setattr(search_index, "WRITE_EVERY", 3)
    monkeypatch.setattr(duplicates, "DETECT_EVERY", 2)
    twin.cli("import", str(stick / "batch.yeda"))

    whole, pieces = index_and_candidates(centre), index_and_candidates(twin)
    assert pieces == whole
    docs, pairs = whole
    assert {d[1] for d in docs} >= set(new_ids)
    assert {p[2] for p in pairs} == {"phone", "name_building"}
