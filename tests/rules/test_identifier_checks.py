"""The stored-identifier checks: Python agrees with python-stdnum (USCC) and with its own SQL,
on both engines (SQLite and PostgreSQL compile the same expressions differently)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import (
    Engine,
    Index,
    String,
    bindparam,
    create_engine,
    insert,
    select,
    text,
    update,
)
from stdnum.cn import ric, uscc

from yeda_desktop.models import Base, Organization, Person
from yeda_desktop.models.enums import OrgKind, Ownership, PartyStatus, PersonRole
from yeda_desktop.models.identifier_sql import invalid_id_number_where, invalid_uscc_where
from yeda_desktop.rules import EvaluationContext, evaluate_all, facts_for
from yeda_desktop.rules.facts_query import facts_select
from yeda_desktop.rules.identifier_checks import (
    id_number_is_valid,
    id_number_is_valid_sql,
    uscc_is_valid,
    uscc_is_valid_sql,
)
from yeda_desktop.storage import Database

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXYIOZa-"
NOW = datetime(2026, 7, 1, 9, 0)
PARTIAL_INDEXES = {
    "ix_people_invalid_id_number": invalid_id_number_where,
    "ix_organizations_invalid_uscc": invalid_uscc_where,
}


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def engine(request: pytest.FixtureRequest) -> Iterator[Engine]:
    """An engine to evaluate bare expressions on (no tables needed), once per module."""
    if request.param == "sqlite":
        eng = create_engine("sqlite://")
        yield eng
        eng.dispose()
        return
    cluster = request.getfixturevalue("pg_cluster")
    url = cluster.new_database()
    eng = create_engine(url)
    yield eng
    eng.dispose()
    cluster.drop_database(url)


_CHECKS = {
    check: select(check(bindparam("value", type_=String)))
    for check in (uscc_is_valid_sql, id_number_is_valid_sql)
}


def _sql(engine: Engine, check: object, value: str) -> bool:
    """The SQL check of `value`, as a bound parameter (the statement is built once)."""
    with engine.connect() as conn:
        result = conn.execute(_CHECKS[check], {"value": value}).scalar()  # type: ignore[index]
    return bool(result)


valid_usccs = st.text("0123456789ABCDEFGHJKLMNPQRTUWXY", min_size=17, max_size=17).map(
    lambda body: body + uscc.calc_check_digit(body + "0")
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(valid_usccs, st.text(ALPHABET, min_size=16, max_size=19)))
def test_uscc_python_matches_stdnum_and_sql(engine: Engine, value: str) -> None:
    assert uscc_is_valid(value) == uscc.is_valid(value) or value != value.strip().upper()
    assert _sql(engine, uscc_is_valid_sql, value) == uscc_is_valid(value)


def test_known_usccs() -> None:
    assert uscc_is_valid("91110000600037341L")
    assert not uscc_is_valid("91110000600037341M")
    assert not uscc_is_valid("91110000600037341l")  # stored values are upper case


@settings(max_examples=300, deadline=None)
@given(st.one_of(
    st.text("0123456789X", min_size=17, max_size=19),
    st.builds(lambda y, m, d, s: f"110101{y:04d}{m:02d}{d:02d}{s:03d}", st.integers(0, 2100),
              st.integers(0, 13), st.integers(0, 32), st.integers(0, 999)).flatmap(
        lambda body: st.sampled_from([body + c for c in "0123456789X"])),
))
def test_id_number_python_matches_sql_and_accepts_what_stdnum_accepts(
    engine: Engine, value: str
) -> None:
    assert _sql(engine, id_number_is_valid_sql, value) == id_number_is_valid(value)
    try:
        accepted = ric.is_valid(value)
    except KeyError:  # python-stdnum 2.2 on a region prefix without a county entry
        accepted = False
    if accepted:
        assert id_number_is_valid(value)


def test_id_number_dates_and_check_digit() -> None:
    assert id_number_is_valid("11010519491231002X")
    assert not id_number_is_valid("110105194912310021")  # wrong check digit
    assert not id_number_is_valid("110105202302290010"[:17] + "X")  # 2023-02-29 does not exist


# --- the partial indexes holding the invalid identifiers --------------------------------------


def _index_sql(db: Database) -> dict[str, str]:
    """The partial indexes' definitions as the database stores them."""
    query = (
        "SELECT indexname, indexdef FROM pg_indexes WHERE indexname LIKE 'ix_%invalid%'"
        if db.dialect == "postgresql"
        else "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND name LIKE 'ix_%invalid%'"
    )
    with db.reader() as s:
        return {str(name): str(sql) for name, sql in s.execute(text(query)).all()}


def _plan(db: Database, sql: str) -> str:
    with db.reader() as s:
        if db.dialect == "postgresql":
            # An empty table is cheaper to scan; without scans, an index is used if it can be.
            s.execute(text("SET LOCAL enable_seqscan = off"))
            return " ".join(str(row[0]) for row in s.execute(text("EXPLAIN " + sql)))
        return " ".join(str(row[-1]) for row in s.execute(text("EXPLAIN QUERY PLAN " + sql)))


def test_migrated_indexes_are_the_models_and_the_rules_read_them(db: Database) -> None:
    stored = _index_sql(db)
    assert set(stored) == set(PARTIAL_INDEXES)
    if db.dialect == "sqlite":
        for name, where in PARTIAL_INDEXES.items():
            assert where() in stored[name]
    else:
        for name in PARTIAL_INDEXES:
            assert " WHERE " in stored[name]
    # The query the rules run for one organization and for all reaches the invalid rows
    # through the partial indexes; a change to the condition would fall back to a scan.
    with db.reader() as s:
        sql = str(
            facts_select(EvaluationContext(None, date(2026, 7, 1))).compile(
                s.get_bind(), compile_kwargs={"literal_binds": True}
            )
        )
    plan = _plan(db, sql.replace("%%", "%"))
    for name in PARTIAL_INDEXES:
        assert name in plan


def test_models_create_the_indexes_the_migration_does(db: Database, db_target: str) -> None:
    """The migration and the models' declarations give the same partial indexes (each engine)."""
    migrated = _index_sql(db)
    tables = [Base.metadata.tables["people"], Base.metadata.tables["organizations"]]
    indexes = [index for table in tables for index in table.indexes
               if index.name in PARTIAL_INDEXES]
    assert len(indexes) == 2
    with db.engine.begin() as conn:
        for index in indexes:
            index.drop(conn)
    assert _index_sql(db) == {}
    with db.engine.begin() as conn:
        for index in indexes:
            Index.create(index, conn)
    assert _index_sql(db) == migrated


def test_bulk_writes_keep_the_invalid_identifier_indexes_current(db: Database) -> None:
    """Core inserts and updates (as merges and imports do) bypass the ORM validators."""
    good_id, bad_id = "11010519491231002X", "110105194912310021"
    with db.session(officer="t") as s:
        s.execute(insert(Organization).values(
            id="o1", name="甲公司", kind=OrgKind.ENTERPRISE, ownership=Ownership.PRIVATE,
            uscc="91110000600037341M", revision=1, created_at=NOW, updated_at=NOW))
        s.execute(insert(Person).values(
            id="p1", organization_id="o1", name="张三", id_number=bad_id, role=PersonRole.STAFF,
            party_status=PartyStatus.NONE, revision=1, created_at=NOW, updated_at=NOW))
        # Not an ID number at all: PostgreSQL must not try to cast its letters.
        s.execute(insert(Person).values(
            id="p2", organization_id="o1", name="李四", id_number="11010519491231AB2X",
            role=PersonRole.STAFF, party_status=PartyStatus.NONE, revision=1, created_at=NOW,
            updated_at=NOW))
    ctx = EvaluationContext(None, date(2026, 7, 1))
    with db.reader() as s:
        facts = facts_for(s, "o1", ctx)
        assert facts.invalid_id_numbers == 2
        assert "data_quality" in evaluate_all(s, ctx)["o1"]
    with db.session(officer="t") as s:
        s.execute(update(Person).where(Person.id.in_(["p1", "p2"])).values(id_number=good_id))
        s.execute(update(Organization).where(Organization.id == "o1")
                  .values(uscc="91110000600037341L"))
    with db.reader() as s:
        assert facts_for(s, "o1", ctx).invalid_id_numbers == 0
        assert "data_quality" not in evaluate_all(s, ctx).get("o1", frozenset())
