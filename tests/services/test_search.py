"""Search by name, pinyin initials, full pinyin, USCC, phone and room, kept in step with edits."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text
from sweep_fixtures import USCC_A, Place

from yeda_desktop.models import Base, Organization, Person, Unit
from yeda_desktop.services import edits, places, sweep
from yeda_desktop.services.search import search
from yeda_desktop.storage import Database, open_database
from yeda_desktop.storage.search_index import alembic_include_object, rebuild_search_index


def _setup(db: Database, place: Place) -> tuple[str, str, str]:
    with db.session() as s:
        units = places.add_units(s, place.floor_id, "301-303")
        edits.apply(s, units)
        unit = units.created(Unit)[0]
        reg = sweep.register_organization(
            s,
            unit,
            "烟台华盛科技有限公司",
            place.campaign_id,
            uscc=USCC_A,
            contact_phone="0535-6123456",
        )
        edits.apply(s, reg)
        org_id = reg.created(Organization)[0]
        person = sweep.add_person(s, org_id, name="单雪梅", phone="13912345678")
        edits.apply(s, person)
    return unit, org_id, person.created(Person)[0]


def _found(db: Database, query: str) -> list[tuple[str, str]]:
    with db.reader() as s:
        return [(h.kind, h.title) for h in search(s, query)]


def test_search_by_every_handle(db: Database, place: Place) -> None:
    _setup(db, place)
    org = ("org", "烟台华盛科技有限公司")
    for query in (
        "yths",
        "YTHS",
        "thskj",
        "huasheng",
        "yantaihua",
        "华盛",
        "烟台 科技",
        USCC_A.lower(),
        "6123456",
        "0535",
    ):
        assert org in _found(db, query), query
    assert ("person", "单雪梅") in _found(db, "5678")
    assert ("person", "单雪梅") in _found(db, "xuemei")
    assert ("unit", "302") in _found(db, "302")
    assert _found(db, "zzzz") == []
    assert _found(db, "  ") == []


def test_a_hit_knows_where_to_go(db: Database, place: Place) -> None:
    unit, _, _ = _setup(db, place)
    with db.reader() as s:
        hits = {h.kind: h for h in search(s, "yths")} | {h.kind: h for h in search(s, "单雪梅")}
    assert hits["org"].place is not None and hits["org"].place.unit_id == unit
    assert hits["person"].place is not None and hits["person"].place.floor_id == place.floor_id
    assert hits["person"].context == "烟台华盛科技有限公司"
    with db.reader() as s:
        (room,) = [h for h in search(s, "302") if h.kind == "unit"]
    # which 创业大厦: a room number is found in every building that has one
    assert room.context == "烟台留学人员创业园 · 创业大厦 3层"


def test_index_follows_renames_deletes_and_undo(db: Database, place: Place) -> None:
    _, org_id, person_id = _setup(db, place)
    with db.session() as s:
        rename = edits.set_field(s, Organization, org_id, "name", "烟台新盛物流有限公司")
        assert rename is not None
        edits.apply(s, rename)
    assert ("org", "烟台新盛物流有限公司") in _found(db, "ytxs")
    assert _found(db, "huasheng") == []
    with db.session() as s:
        remove = sweep.remove_person(s, person_id)
        edits.apply(s, remove)
    assert _found(db, "单雪梅") == []
    with db.session() as s:
        edits.apply(s, remove.inverse())
        edits.apply(s, rename.inverse())
    assert ("person", "单雪梅") in _found(db, "单雪梅")
    assert ("org", "烟台华盛科技有限公司") in _found(db, "yths")


def test_rebuild_gives_the_same_index_as_incremental_upkeep(db: Database, place: Place) -> None:
    _setup(db, place)
    with db.reader() as s:
        before = s.execute(
            text(
                "SELECT ref_id, terms FROM search_docs JOIN search_fts "
                "ON search_fts.rowid = search_docs.rowid ORDER BY ref_id"
            )
        ).all()
    assert rebuild_search_index(db.engine) == len(before) == 5
    with db.reader() as s:
        after = s.execute(
            text(
                "SELECT ref_id, terms FROM search_docs JOIN search_fts "
                "ON search_fts.rowid = search_docs.rowid ORDER BY ref_id"
            )
        ).all()
    assert before == after


def test_models_and_migrations_agree_with_the_search_tables_skipped(tmp_path: Path) -> None:
    db = open_database(tmp_path / "schema.sqlite")
    try:
        with db.engine.connect() as conn:
            ctx = MigrationContext.configure(
                conn, opts={"include_object": alembic_include_object, "compare_type": True}
            )
            assert compare_metadata(ctx, Base.metadata) == []
    finally:
        db.close()
