"""Property: the same batches imported in any interleaving give the same centre state
(and in either line format: what older versions of the app wrote merges alike)."""

from __future__ import annotations

import json
import random
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from flow_helpers import Site, build_sites
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from older_formats import as_format
from sqlalchemy import select, text

from yeda_desktop.demo.people import uscc_code
from yeda_desktop.models import Occupancy, Organization, Person, Unit
from yeda_desktop.storage import Database, open_database
from yeda_desktop.storage.transfer import transfer
from yeda_desktop.syncflow.importer import import_file
from yeda_desktop.syncflow.installation import load_keys
from yeda_desktop.syncflow.records import canonical, travelling_tables

DAYS = 3
PHONES = ["13900000001", "13900000002", "13900000003"]
NOTES = ["甲", "乙", "丙", None]


def _work(site: Site, rng: random.Random, usccs: list[str], day: int) -> None:
    db = site.open()
    try:
        with db.session(officer=f"{site.name}队员") as session:
            orgs = list(session.scalars(select(Organization).order_by(Organization.id)))
            units = list(session.scalars(select(Unit.id).order_by(Unit.id)))
            for org in rng.sample(orgs[:8], 4):  # few organizations, so edits collide
                field = rng.choice(["staff_count", "contact_phone", "note", "is_listed"])
                value: Any = {
                    "staff_count": rng.choice([10, 50, 120]),
                    "contact_phone": rng.choice(PHONES),
                    "note": rng.choice(NOTES),
                    "is_listed": rng.choice([True, False]),
                }[field]
                setattr(org, field, value)
            if rng.random() < 0.7:
                new = Organization(name="烟台同名测试" + "甲乙丙"[rng.randrange(3)] + "有限公司",
                                   uscc=usccs[day] if day < len(usccs) else None,
                                   staff_count=rng.randrange(5, 60))
                session.add(new)
                session.flush()
                session.add(Occupancy(organization_id=new.id, unit_id=rng.choice(units[:3])))
                session.add(Person(organization_id=new.id, name="测试人" + "甲乙丙丁"[day]))
            people = list(session.scalars(select(Person).order_by(Person.id)))
            if day == 0:  # a reference field: every laptop moves one person elsewhere
                named = list(session.scalars(select(Person).order_by(Person.name, Person.id)))
                by_name = list(session.scalars(select(Organization).order_by(
                    Organization.name, Organization.id)))
                named[0].organization_id = by_name[1 + int(site.name[-1])].id
            if people and rng.random() < 0.5:
                rng.choice(people[:4]).organization_id = rng.choice(orgs[:3]).id
            if people and rng.random() < 0.3:
                session.delete(rng.choice(people))
    finally:
        db.close()


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> tuple[Site, Path, list[list[Path]]]:
    root = tmp_path_factory.mktemp("order")
    centre, laptops, stick = build_sites(root, 3)
    rng = random.Random(11)
    usccs = [uscc_code(rng, "91") for _ in range(2)]
    batches: list[list[Path]] = [[] for _ in laptops]
    for day in range(DAYS):
        for n, site in enumerate(laptops):
            _work(site, rng, usccs, day)
            path = stick / f"{site.name}-{day}.yeda"
            site.cli("export", str(path), officer=f"{site.name}队员")
            batches[n].append(path)
    return centre, root, batches


def _state(db: Database) -> dict[str, Any]:
    """The centre's records, conflicts and redirects, spelled alike on either engine."""
    state: dict[str, Any] = {}
    with db.engine.connect() as conn:
        for table in travelling_tables():
            cols = [c.name for c in table.columns if c.name not in ("revision", "updated_at")]
            rows = conn.execute(text(f"SELECT {', '.join(cols)} FROM {table.name}"))
            state[table.name] = sorted(
                (tuple(canonical(table.name, dict(zip(cols, r, strict=True))).values())
                 for r in rows),
                key=repr,
            )
        state["conflicts"] = sorted(tuple(r) for r in conn.execute(text(
            "SELECT table_name, record_id, field, base_value, applied_value, sides, status "
            "FROM sync_conflicts")))
        state["redirects"] = sorted(tuple(r) for r in conn.execute(text(
            "SELECT old_id, table_name, new_id FROM sync_redirects")))
        state["candidates"] = sorted(tuple(r) for r in conn.execute(text(
            "SELECT table_name, record_a, record_b FROM sync_duplicates "
            "WHERE status = 'open'")))
    return state


def _apply(db: Database, centre: Site, order: list[Path]) -> dict[str, Any]:
    keys = load_keys(centre.keys)
    try:
        for path in order:
            report = import_file(db, keys, path)
            assert report.status == "imported", report.lines()
        return _state(db)
    finally:
        db.close()


def _import(centre: Site, order: list[Path]) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "yeda.sqlite"
        shutil.copyfile(centre.db_path, target)
        return _apply(open_database(target), centre, order)


@st.composite
def interleavings(draw: st.DrawFn, lanes: list[list[Path]]) -> list[Path]:
    """A random merge of the devices' batch lists, each device's own order kept."""
    queues = [list(lane) for lane in lanes]
    order: list[Path] = []
    while any(queues):
        lane = draw(st.sampled_from([q for q in queues if q]))
        order.append(lane.pop(0))
    return order


def test_any_interleaving_gives_the_same_state(
    world: tuple[Site, Path, list[list[Path]]],
) -> None:
    centre, _root, batches = world
    reference = _import(centre, [p for lane in batches for p in lane])
    assert reference["conflicts"], "the scenario must contain concurrent edits"
    assert reference["redirects"], "the scenario must contain linked duplicates"
    assert any(c[2] == "organization_id" for c in reference["conflicts"]), \
        "the scenario must contain concurrent moves of one person"
    assert reference["candidates"], "the scenario must contain duplicate candidates"

    @settings(max_examples=10, deadline=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(order=interleavings(batches))
    def check(order: list[Path]) -> None:
        state = _import(centre, order)
        for key in reference:
            assert state[key] == reference[key], (key, json.dumps([p.name for p in order]))

    check()


def test_a_postgresql_centre_ends_in_the_same_state(
    world: tuple[Site, Path, list[list[Path]]], empty_pg_url: str
) -> None:
    """The centre moved to PostgreSQL (migrate-db) merges the same batches to the same
    records, conflicts and redirects as its SQLite file."""
    centre, _root, batches = world
    order = [p for lane in zip(*batches, strict=True) for p in lane]  # day by day
    on_sqlite = _import(centre, order)
    source, target = open_database(centre.db_path), open_database(empty_pg_url)
    try:
        transfer(source, target)
    finally:
        source.close()
    on_postgresql = _apply(target, centre, order)
    for key in on_sqlite:
        assert on_postgresql[key] == on_sqlite[key], key


@pytest.mark.parametrize("version", [1, 2])
def test_older_format_batches_give_the_same_state(
    world: tuple[Site, Path, list[list[Path]]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    version: int,
) -> None:
    """Batches as older versions of the app wrote them (format 1, every edit spelled out;
    format 2, `cn` naming the fields) merge to the very state of today's lines."""
    centre, root, batches = world
    old = [as_format(version, lane, root / f"laptop{n}" / "keys", centre.keys, tmp_path,
                     monkeypatch)
           for n, lane in enumerate(batches)]
    order = [p for lane in zip(*batches, strict=True) for p in lane]  # day by day
    order_old = [p for lane in zip(*old, strict=True) for p in lane]
    assert _import(centre, order_old) == _import(centre, order)
