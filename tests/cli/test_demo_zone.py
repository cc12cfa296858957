"""The demo zone looks like the real one: every kind of place, organization and coverage.

Each test runs on a SQLite file and on a PostgreSQL database; the demo must be the same on both.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Connection, distinct, func, select, text

from yeda_desktop.cli.main import main
from yeda_desktop.demo import generate_demo
from yeda_desktop.models import (
    Base,
    Building,
    Cluster,
    Floor,
    Occupancy,
    Organization,
    PartyOrg,
    PartyOrgCoverage,
    Person,
    Subdistrict,
    Visit,
)
from yeda_desktop.storage import Database, open_database
from yeda_desktop.storage.search_index import rebuild_search_index


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def target(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """A new SQLite file, then a new PostgreSQL database (migrated, empty)."""
    if request.param == "sqlite":
        yield str(tmp_path_factory.mktemp("demo") / "demo.sqlite")
        return
    cluster = request.getfixturevalue("pg_cluster")
    url = str(cluster.new_database(template=request.getfixturevalue("pg_template")))
    yield url
    cluster.drop_database(url)


@pytest.fixture(scope="module")
def demo(target: str) -> Iterator[Database]:
    db = open_database(target)
    generate_demo(db, 1500, seed=11)
    yield db
    db.close()


def test_places_cover_every_kind(demo: Database) -> None:
    with demo.reader() as s:
        assert s.scalar(select(func.count()).select_from(Subdistrict)) == 4
        kinds = set(s.scalars(select(Cluster.kind).distinct()))
        assert {k.value for k in kinds} == {"park", "office_building", "business_district", "other"}
        floors = s.execute(
            select(func.min(Building.floors_above), func.max(Building.floors_above))
        ).one()
        assert floors[0] >= 5 and floors[1] <= 40
        assert s.scalar(select(func.count()).select_from(Floor).where(Floor.level < 0)) > 0
        assert s.scalar(select(func.count()).select_from(Floor).where(Floor.label == "3A")) > 0


def test_organizations_of_every_kind_and_size(demo: Database) -> None:
    with demo.reader() as s:
        owners = {o.value for o in s.scalars(select(Organization.ownership).distinct())}
        assert {"private", "foreign", "hmt", "individual", "association"} <= owners
        big_no_member = s.scalar(
            select(func.count())
            .select_from(Organization)
            .where(
                Organization.staff_count >= 50,
                ~select(Person.id)
                .where(
                    Person.organization_id == Organization.id,
                    Person.party_status.in_(["full", "probationary"]),
                )
                .exists(),
            )
        )
        assert big_no_member > 0  # the sweep has something to find
        multi_unit = s.scalar(
            select(func.count()).select_from(
                select(Occupancy.organization_id)
                .group_by(Occupancy.organization_id)
                .having(func.count() > 1)
                .subquery()
            )
        )
        assert multi_unit > 0


def test_party_organizations_include_joint_branches(demo: Database) -> None:
    with demo.reader() as s:
        types = {t.value for t in s.scalars(select(PartyOrg.type).distinct())}
        assert {"branch", "joint_branch"} <= types
        joint_sizes = s.scalars(
            select(func.count())
            .select_from(PartyOrgCoverage)
            .join(PartyOrg)
            .where(PartyOrg.type == "joint_branch")
            .group_by(PartyOrg.id)
        ).all()
        assert joint_sizes and min(joint_sizes) >= 2


def test_this_year_is_part_way_swept(demo: Database) -> None:
    with demo.reader() as s:
        units_total = s.scalar(select(func.count(distinct(Visit.unit_id))))
        this_year = s.scalar(
            select(func.count(distinct(Visit.unit_id)))
            .join(Visit.campaign)
            .where(Visit.campaign.property.mapper.class_.is_current.is_(True))
        )
        assert 0 < this_year < units_total


def test_demo_refuses_a_database_with_data(demo: Database) -> None:
    from yeda_desktop.errors import DatabaseError

    with pytest.raises(DatabaseError, match="已有数据"):
        generate_demo(demo, 10, seed=1)


@pytest.mark.parametrize("second_process", [False, True])
@pytest.mark.parametrize("stage", ["organizations", "search"])
def test_cancel_leaves_the_database_empty(db_target: str, stage: str, second_process: bool) -> None:
    """Cancelled while generating rows or while indexing them: nothing is left behind."""
    from yeda_desktop.demo.generator import DemoCancelled

    db = open_database(db_target)
    with db.engine.connect() as conn:
        indexes_before = _index_names(conn)
    with pytest.raises(DemoCancelled):
        generate_demo(
            db,
            300,
            seed=1,
            progress=lambda s, done, total: s != stage,
            second_process=second_process,
        )
    with db.reader() as s:
        assert s.scalar(select(func.count()).select_from(Organization)) == 0
        assert s.scalar(select(func.count()).select_from(Building)) == 0
        assert s.scalar(text("SELECT count(*) FROM search_docs")) == 0
    with db.engine.connect() as conn:
        assert _index_names(conn) == indexes_before  # the ones dropped for the load are back
    db.close()


def _index_names(conn: Connection) -> set[str]:
    if conn.dialect.name == "postgresql":
        query = "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()"
    else:
        query = "SELECT name FROM sqlite_master WHERE type = 'index'"
    return {str(r[0]) for r in conn.exec_driver_sql(query)}


def test_the_demo_keeps_every_index_and_builds_the_search_index_a_rebuild_would(
    db_target: str,
) -> None:
    db = open_database(db_target)
    with db.engine.connect() as conn:
        indexes_before = _index_names(conn)
    generate_demo(db, 200, seed=4)
    snapshot = (
        "SELECT d.rowid, d.kind, d.ref_id, d.title, CAST(f.terms AS TEXT) FROM search_docs d "
        "JOIN search_fts f ON f.rowid = d.rowid ORDER BY d.rowid"
    )
    with db.engine.connect() as conn:
        assert _index_names(conn) == indexes_before
        built = conn.exec_driver_sql(snapshot).all()
    assert rebuild_search_index(db.engine) == len(built) > 400
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql(snapshot).all() == built
        if db.dialect == "sqlite":
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            fts = "INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 1)"
            conn.exec_driver_sql(fts)
    db.close()


def _zone(db: Database) -> dict[str, list[tuple[object, ...]]]:
    with db.engine.connect() as conn:
        tables = {
            t.name: sorted(tuple(r) for r in conn.execute(select(t)))
            for t in Base.metadata.sorted_tables
        }
        tables["search_docs"] = sorted(
            tuple(r) for r in conn.exec_driver_sql("SELECT * FROM search_docs")
        )
        terms = "CAST(terms AS TEXT)" if db.dialect == "sqlite" else "tsvector_to_array(terms)"
        tables["search_fts"] = sorted(
            (r[0], tuple(sorted(r[1].split() if isinstance(r[1], str) else r[1])))
            for r in conn.exec_driver_sql(f"SELECT rowid, {terms} FROM search_fts")
        )
    return tables


def test_the_second_process_makes_the_same_zone(db_target: str, tmp_path: Path) -> None:
    """`generate_demo` hands big zones to a worker process; the database is the same."""
    here = open_database(tmp_path / "here.sqlite")
    counts = generate_demo(here, 300, seed=3, second_process=False)
    there = open_database(db_target)
    assert generate_demo(there, 300, seed=3, second_process=True).tables == counts.tables
    assert _zone(here) == _zone(there)
    here.close()
    there.close()


def test_the_same_seed_gives_the_same_zone_on_both_engines(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """Row for row, as the models read them (times, dates, booleans, NULLs), and the index."""
    url = request.getfixturevalue("pg_url")
    zones = []
    for target in (str(tmp_path / "same.sqlite"), url):
        db = open_database(target)
        generate_demo(db, 250, seed=9)
        zones.append(_zone(db))
        db.close()
    lite, server = zones
    assert lite.keys() == server.keys()
    for name in lite:
        assert lite[name] == server[name], name
    assert len(lite["visits"]) > 250 and len(lite["people"]) > 250


def test_yeda_demo_on_postgresql(
    request: pytest.FixtureRequest, capsys: pytest.CaptureFixture[str]
) -> None:
    url = request.getfixturevalue("pg_url")
    assert main(["--db", url, "demo", "--orgs", "120", "--seed", "2"]) == 0
    out = capsys.readouterr().out
    assert "demo data written to postgresql" in out and "organizations" in out
    assert main(["--db", url, "demo", "--orgs", "120", "--if-missing"]) == 0
    assert "keeping the existing database postgresql" in capsys.readouterr().out


def test_the_demo_random_draws_what_random_draws() -> None:
    """The shortened choice/randrange/randint give random.Random's numbers, in step."""
    import random

    from yeda_desktop.demo.generator import _Random

    ours, theirs = _Random(42), random.Random(42)
    seqs: list[list[int] | str | tuple[str, ...]] = [[1], "abcdefg", tuple("xy"), list(range(1000))]
    for n in range(20_000):
        k = n % 7
        if k == 0:
            assert ours.choice(seqs[n % 4]) == theirs.choice(seqs[n % 4])
        elif k == 1:
            assert ours.randrange(1 + n % 5000) == theirs.randrange(1 + n % 5000)
        elif k == 2:
            assert ours.randint(-3, n % 40) == theirs.randint(-3, n % 40)
        elif k == 3:
            assert ours.randrange(5, 90, 5) == theirs.randrange(5, 90, 5)
        elif k == 4:
            assert ours.random() == theirs.random()
        elif k == 5:
            assert ours.getrandbits(122) == theirs.getrandbits(122)
        else:
            assert ours.randint(7, 7) == theirs.randint(7, 7)
    with pytest.raises(IndexError):
        ours.choice([])
    with pytest.raises(ValueError):
        ours.randrange(0)


def _worker_messages(monkeypatch: pytest.MonkeyPatch, orgs: int) -> tuple[int, list[tuple]]:
    """What the demo child process pickles to its stdout, run in this process."""
    import io
    import pickle

    from yeda_desktop.demo.second_process import run_worker

    raw = io.BytesIO()
    wrapper = io.TextIOWrapper(raw, write_through=True)  # held: closing it would close raw
    monkeypatch.setattr("sys.stdout", wrapper)
    code = run_worker(orgs, 5)
    stream = io.BytesIO(raw.getvalue())
    messages = []
    while stream.tell() < len(raw.getvalue()):
        messages.append(pickle.load(stream))
    return code, messages


def test_the_worker_announces_full_tables_and_sends_documents_in_rowid_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    code, messages = _worker_messages(monkeypatch, 60)
    assert code == 0
    kinds = [m[0] for m in messages]
    assert kinds[-1] == "done" and "error" not in kinds
    full = [name for m in messages if m[0] == "tables" for name in m[1]]
    assert sorted(full) == sorted(t.name for t in Base.metadata.sorted_tables if t.name in full)
    assert {"organizations", "people", "units", "visits"} <= set(full)
    docs = [d for m in messages if m[0] == "docs" for d in m[1]]
    assert len(docs) == next(m[1] for m in messages if m[0] == "search")
    order = {"org": 0, "person": 1, "unit": 2}
    assert docs == sorted(docs, key=lambda d: (order[d[0]], d[1]))
    # A table's rows all come before it is announced full.
    for position, message in enumerate(messages):
        if message[0] == "tables":
            later = {m[1].split()[2] for m in messages[position:] if m[0] == "rows"}
            assert not later & set(message[1]), message


def test_a_worker_failure_is_reported_not_hung(monkeypatch: pytest.MonkeyPatch) -> None:
    from yeda_desktop.demo import generator, second_process

    def broken(self: object) -> None:
        raise RuntimeError("no places today")

    monkeypatch.setattr(generator.DemoGenerator, "places", broken)
    code, messages = _worker_messages(monkeypatch, 10)
    assert code == 1 and messages[-1][0] == "error" and "no places today" in messages[-1][1]

    class Finished:
        stdout = __import__("io").BytesIO(__import__("pickle").dumps(messages[-1]))

    from yeda_desktop.errors import YedaError

    with pytest.raises(YedaError, match="no places today"):
        second_process.FromWorker(Finished()).next()  # type: ignore[arg-type]
