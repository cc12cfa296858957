"""Every field change is logged, revisions count edits, failed writes leave nothing."""

from __future__ import annotations

import gc
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from yeda_desktop.errors import ValidationError
from yeda_desktop.models import (
    Building,
    ChangeLog,
    Cluster,
    Floor,
    Organization,
    Person,
    Subdistrict,
    Unit,
    Zone,
)
from yeda_desktop.models.enums import ClusterKind, PartyStatus
from yeda_desktop.storage import Database, open_database


def _log(db: Database, record_id: str) -> list[ChangeLog]:
    with db.reader() as s:
        return list(
            s.scalars(
                select(ChangeLog).where(ChangeLog.record_id == record_id).order_by(ChangeLog.seq)
            )
        )


def _org(db: Database, **fields: object) -> str:
    with db.session(officer="王芳", device_id="dev-1") as s:
        org = Organization(name="烟台华盛科技有限公司", **fields)
        s.add(org)
    return org.id


def test_insert_is_logged_field_by_field_with_who_and_where(db: Database) -> None:
    org_id = _org(db, staff_count=120, uscc="91370600MA3C4Y5X1D")
    entries = _log(db, org_id)
    assert entries[0].op == "insert"
    fields = {e.field: json.loads(e.new_value) for e in entries[1:] if e.new_value}
    assert fields["name"] == "烟台华盛科技有限公司"
    assert fields["staff_count"] == 120
    assert fields["ownership"] == "private"  # defaults are logged with their real value
    assert {e.officer for e in entries} == {"王芳"}
    assert {e.device_id for e in entries} == {"dev-1"}


def test_what_is_saved_together_is_logged_at_one_time(db: Database) -> None:
    """A new record's fields carry its creation time (a batch then names them instead of
    repeating it for each); the next save's edits share a later one."""
    org_id = _org(db, staff_count=120, uscc="91370600MA3C4Y5X1D")
    with db.session(officer="李强") as s:
        org = s.get(Organization, org_id)
        assert org is not None
        org.staff_count, org.note = 130, "已核实"
    entries = _log(db, org_id)
    made = {e.at for e in entries if e.officer == "王芳"}
    edited = {e.at for e in entries if e.officer == "李强"}
    assert len([e for e in entries if e.officer == "王芳"]) > 3
    assert len(made) == 1 and len(edited) == 1 and edited != made


def test_update_logs_old_and_new_and_bumps_revision(db: Database) -> None:
    org_id = _org(db, staff_count=120)
    with db.session(officer="李强") as s:
        org = s.get(Organization, org_id)
        assert org is not None and org.revision == 1
        org.staff_count = 130
        org.name = "烟台华盛电子有限公司"
    with db.session(officer="李强") as s:
        org = s.get(Organization, org_id)
        assert org is not None
        assert org.revision == 2
        org.staff_count = 130  # no real change: nothing logged, revision unchanged
    updates = [e for e in _log(db, org_id) if e.officer == "李强"]
    assert {(e.field, e.old_value, e.new_value, e.base_revision) for e in updates} == {
        ("staff_count", "120", "130", 1),
        (
            "name",
            json.dumps("烟台华盛科技有限公司", ensure_ascii=False),
            json.dumps("烟台华盛电子有限公司", ensure_ascii=False),
            1,
        ),
    }
    with db.reader() as s:
        assert s.get(Organization, org_id).revision == 2  # type: ignore[union-attr]


def test_delete_is_logged(db: Database) -> None:
    org_id = _org(db)
    with db.session() as s:
        s.delete(s.get(Organization, org_id))
    assert _log(db, org_id)[-1].op == "delete"


def test_a_failed_transaction_writes_nothing_not_even_the_log(db: Database) -> None:
    with db.reader() as s:
        before = s.scalar(select(func.count()).select_from(ChangeLog))
    with pytest.raises(RuntimeError), db.session() as s:
        s.add(Organization(name="烟台半途有限公司"))
        s.flush()
        raise RuntimeError("power cut")
    with db.reader() as s:
        assert s.scalar(select(func.count()).select_from(Organization)) == 0
        assert s.scalar(select(func.count()).select_from(ChangeLog)) == before


def test_a_flush_that_failed_leaves_no_entries_for_the_next_one(db: Database) -> None:
    """The entries go from before_flush to after_flush; a flush that fails in between must
    not hand its entries to the session's next flush (written once, as the rows are)."""
    first = _org(db)
    with db.session(officer="王芳") as s:
        with pytest.raises(IntegrityError), s.begin_nested():
            s.add(Organization(id=first, name="烟台重号有限公司"))  # the same id: refused
            s.flush()
        second = Organization(name="烟台另一家有限公司")
        s.add(second)
    with db.reader() as s:
        logged = {(e.record_id, e.op, e.field) for e in s.scalars(select(ChangeLog))}
    assert (second.id, "insert", None) in logged
    fields = [e.field for e in _log(db, first) if e.op == "update"]
    assert "name" in fields and len(fields) == len(set(fields))  # each logged once
    assert [e.op for e in _log(db, first)].count("insert") == 1
    assert not any(e.new_value == json.dumps("烟台重号有限公司", ensure_ascii=False)
                   for e in _log(db, first))


def test_invalid_values_are_refused_before_anything_is_written(db: Database) -> None:
    with pytest.raises(ValidationError) as err, db.session() as s:
        org = Organization(name="烟台华盛科技有限公司")
        s.add(org)
        org.uscc = "91370600MA3C4Y5X1X"
    assert err.value.field == "uscc"
    assert "统一社会信用代码" in err.value.zh and "check digit" in err.value.en
    with pytest.raises(ValidationError) as err, db.session() as s:
        s.add(Organization(name="烟台华盛科技有限公司", staff_count=-5))
    assert err.value.field == "staff_count" and "负数" in err.value.zh
    with db.reader() as s:
        assert s.scalar(select(func.count()).select_from(Organization)) == 0


def test_place_tree_and_member_with_rare_characters(db: Database) -> None:
    with db.session(officer="王芳") as s:
        zone = Zone(name="烟台开发区")
        sub = Subdistrict(zone=zone, name="八角街道")
        cluster = Cluster(subdistrict=sub, name="衡山路商圈", kind=ClusterKind.BUSINESS_DISTRICT)
        building = Building(cluster=cluster, name="海天大厦")
        floor = Floor(building=building, label="b2")
        unit = Unit(floor=floor, label="b2-01")
        org = Organization(name="烟台䶮𠮷商贸有限公司")
        org.people.append(Person(name="阿卜杜・热合曼", party_status=PartyStatus.FULL))
        s.add_all([zone, org, unit])
    with db.reader() as s:
        floor_row = s.scalars(select(Floor)).one()
        assert (floor_row.label, floor_row.level) == ("B2", -2)
        assert s.scalars(select(Unit.label)).one() == "B2-01"
        person = s.scalars(select(Person)).one()
        assert person.name == "阿卜杜·热合曼"  # look-alike dot folded to U+00B7
        assert s.scalars(select(Organization.name)).one() == "烟台䶮𠮷商贸有限公司"


def _database_at_a_dead_ones_address(db: Database) -> Database:
    """A new Database (on the same file) whose session factory sits where a garbage-collected
    one's did: Python reuses freed addresses, and SQLAlchemy's listener registry is keyed by
    `id()` and forgets nothing when a sessionmaker dies."""
    dead: set[int] = set()
    for _ in range(500):
        gc.collect()
        fresh = Database(db.location, db.engine)
        if id(fresh._sessions) in dead:
            return fresh
        dead.add(id(fresh._sessions))
    pytest.fail("no new session factory took a dead one's address in 500 tries")


def test_an_edit_is_logged_whatever_address_the_session_factory_got(db: Database) -> None:
    """Regression: `audit.install` trusted `event.contains`, so the change-log writer was not
    attached to a Database whose sessionmaker reused a dead one's address; its edits were
    committed without a log entry and never exported (test_a_week_of_sweeps, under load)."""
    org_id = _org(db, staff_count=120)
    other = _database_at_a_dead_ones_address(db)
    with other.session(officer="李强") as s:
        org = s.get(Organization, org_id)
        assert org is not None
        org.staff_count = 7088
    entries = [e for e in _log(db, org_id) if e.field == "staff_count"]
    assert [(e.old_value, e.new_value) for e in entries] == [(None, "120"), ("120", "7088")]
    with db.reader() as s:
        stored = s.get(Organization, org_id)
        assert stored is not None and stored.revision == 2


def test_the_log_is_read_by_record_or_by_seq_never_scanned_whole(db_path: Path) -> None:
    """The audit view asks for a record's ids alone, the merge with their table, the
    export for the entries after the last exported seq: each finds its rows through an
    index (a centre's log holds millions; before migration 0007 the audit view read it
    all, in the order of an index by time nobody asked for)."""
    db = open_database(db_path)  # the plans are SQLite's
    audit = select(ChangeLog).where(ChangeLog.record_id.in_(["a", "b"])).order_by(
        ChangeLog.at, ChangeLog.seq)
    with db.engine.connect() as conn:
        compiled = audit.compile(conn, compile_kwargs={"literal_binds": True})
        queries = [
            str(compiled),
            "SELECT record_id, op FROM change_log WHERE table_name = 'people' "
            "AND record_id IN ('a', 'b') ORDER BY seq",
            "SELECT record_id FROM change_log WHERE table_name = 'people' AND op = 'delete' "
            "AND record_id IN ('a', 'b')",
            "SELECT max(seq) FROM change_log WHERE seq > 5 AND package_id IS NULL",
        ]
        for sql in queries:
            plan = " ".join(str(row[-1]) for row in conn.exec_driver_sql(
                f"EXPLAIN QUERY PLAN {sql}"))
            assert "SCAN change_log" not in plan, (sql, plan)
            assert plan.startswith("SEARCH change_log"), (sql, plan)
        names = {row[0] for row in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'change_log' "
            "AND sql IS NOT NULL")}
    db.close()
    # Nothing else is written with every edit.
    assert names == {"ix_change_log_record"}
