"""Migrations keep data, match the models, and refuse newer or foreign files."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from yeda_desktop.errors import DatabaseError, SchemaTooNewError
from yeda_desktop.models import Base
from yeda_desktop.storage import open_database
from yeda_desktop.storage.backup import list_backups
from yeda_desktop.storage.engine import sqlite_engine
from yeda_desktop.storage.migrate import alembic_config, head_revision, upgrade
from yeda_desktop.storage.search_index import alembic_include_object

FIRST = "0001_core"


def _first_revision_db(path: Path) -> None:
    engine = sqlite_engine(path)
    upgrade(engine, FIRST)
    engine.dispose()


def _fill_first_revision(path: Path) -> None:
    """Rows written as the first revision's schema, with raw SQL (no current models)."""
    conn = sqlite3.connect(path)
    stamp = "2025-06-01 09:00:00.000000"
    common = f"1, '{stamp}', '{stamp}'"
    conn.executescript(
        f"""
        INSERT INTO zones (id, revision, created_at, updated_at, name, code)
            VALUES ('z1', {common}, '烟台开发区', '370671');
        INSERT INTO subdistricts (id, revision, created_at, updated_at, zone_id, name)
            VALUES ('s1', {common}, 'z1', '八角街道');
        INSERT INTO clusters (id, revision, created_at, updated_at, subdistrict_id, name, kind)
            VALUES ('c1', {common}, 's1', '荣昌生物医药园', 'park');
        INSERT INTO buildings (id, revision, created_at, updated_at, cluster_id, name, address,
                               floors_above, floors_below)
            VALUES ('b1', {common}, 'c1', '创业大厦A座', NULL, 20, 2);
        INSERT INTO floors (id, revision, created_at, updated_at, building_id, label, level)
            VALUES ('f1', {common}, 'b1', 'B1', -1);
        INSERT INTO units (id, revision, created_at, updated_at, floor_id, label)
            VALUES ('u1', {common}, 'f1', 'B1-01');
        INSERT INTO organizations (id, revision, created_at, updated_at, name, uscc, kind,
            ownership, is_listed, is_above_size, is_key_enterprise, staff_count,
            reported_member_count, has_party_activities, has_party_guarantees)
            VALUES ('o1', 3, '{stamp}', '{stamp}', '烟台𠮷祥科技有限公司', NULL, 'enterprise',
                    'foreign', 0, 1, 0, 120, 0, 0, 0);
        INSERT INTO occupancies (id, revision, created_at, updated_at, organization_id, unit_id)
            VALUES ('oc1', {common}, 'o1', 'u1');
        INSERT INTO people (id, revision, created_at, updated_at, organization_id, name, role,
                            party_status, relation_transferred)
            VALUES ('p1', {common}, 'o1', '阿卜杜·热合曼', 'staff', 'full', 0);
        INSERT INTO change_log (change_id, table_name, record_id, op, field, old_value,
                                new_value, base_revision, at)
            VALUES ('ch1', 'organizations', 'o1', 'update', 'staff_count', '100', '120', 2,
                    '{stamp}');
        """
    )
    conn.commit()
    conn.close()


def test_upgrade_from_the_first_revision_keeps_every_row(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    _first_revision_db(path)
    _fill_first_revision(path)

    db = open_database(path)
    try:
        assert db.schema_revision() == head_revision()
        with db.engine.connect() as conn:
            org = conn.exec_driver_sql(
                "SELECT name, staff_count, ownership, revision FROM organizations"
            ).one()
            person = conn.exec_driver_sql("SELECT name, party_status FROM people").one()
            change = conn.exec_driver_sql("SELECT old_value, new_value FROM change_log").one()
            unit = conn.exec_driver_sql("SELECT label FROM units").one()
        assert tuple(org) == ("烟台𠮷祥科技有限公司", 120, "foreign", 3)
        assert tuple(person) == ("阿卜杜·热合曼", "full")
        assert tuple(change) == ("100", "120")
        assert tuple(unit) == ("B1-01",)
    finally:
        db.close()
    backups = list_backups(path)
    assert len(backups) == 1 and FIRST in backups[0].reason
    with sqlite3.connect(backups[0].path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (FIRST,)
        assert conn.execute("SELECT staff_count FROM organizations").fetchone() == (120,)


def test_every_revision_upgrades_and_downgrades_in_order(tmp_path: Path) -> None:
    script = ScriptDirectory.from_config(alembic_config())
    revisions = [rev.revision for rev in reversed(list(script.walk_revisions()))]
    assert revisions[0] == FIRST and revisions[-1] == head_revision()
    engine = sqlite_engine(tmp_path / "walk.sqlite")
    for revision in revisions:
        upgrade(engine, revision)
    from alembic import command

    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, FIRST)
    with engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == FIRST
    engine.dispose()


def test_every_revision_upgrades_and_downgrades_on_postgresql(empty_pg_url: str) -> None:
    """The same walk on the server, where DDL is transactional and 0003/0006 branch."""
    from alembic import command
    from sqlalchemy import create_engine

    script = ScriptDirectory.from_config(alembic_config())
    revisions = [rev.revision for rev in reversed(list(script.walk_revisions()))]
    engine = create_engine(empty_pg_url)
    try:
        for revision in revisions:
            upgrade(engine, revision)
        cfg = alembic_config()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, FIRST)
        with engine.connect() as conn:
            assert MigrationContext.configure(conn).get_current_revision() == FIRST
        upgrade(engine)
        with engine.connect() as conn:
            assert MigrationContext.configure(conn).get_current_revision() == head_revision()
    finally:
        engine.dispose()


def test_every_foreign_key_can_wait_for_commit_on_postgresql(pg_url: str) -> None:
    """Imports defer foreign keys; on PostgreSQL only DEFERRABLE ones can be (0006)."""
    db = open_database(pg_url)
    try:
        with db.engine.connect() as conn:
            keys = conn.exec_driver_sql(
                "SELECT conname, condeferrable FROM pg_constraint WHERE contype = 'f'"
            ).all()
    finally:
        db.close()
    assert len(keys) > 20
    assert [name for name, deferrable in keys if not deferrable] == []


def test_two_apps_starting_together_upgrade_the_server_once(empty_pg_url: str) -> None:
    """Two administrators open a new PostgreSQL database at the same moment."""
    import subprocess
    import sys

    command = [sys.executable, "-m", "yeda_desktop.cli.main", "--db", empty_pg_url, "init"]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
            for _ in range(3)]
    outputs = [(p.wait(timeout=120), p.stdout.read().decode() if p.stdout else "") for p in runs]
    assert all(code == 0 for code, _ in outputs), outputs
    db = open_database(empty_pg_url)
    try:
        with db.engine.connect() as conn:
            versions = conn.exec_driver_sql("SELECT version_num FROM alembic_version").all()
    finally:
        db.close()
    assert versions == [(head_revision(),)]


def test_a_newer_schema_on_the_server_is_refused_untouched(pg_url: str) -> None:
    from sqlalchemy import create_engine

    engine = create_engine(pg_url)
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999_future'")
    with pytest.raises(SchemaTooNewError):
        open_database(pg_url)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == (
            "9999_future"
        )
    engine.dispose()


def test_an_unreachable_server_is_a_sentence(tmp_path: Path) -> None:
    url = f"postgresql://nobody@/yeda?host={tmp_path}"  # no server listens there
    with pytest.raises(DatabaseError) as err:
        open_database(url)
    assert "无法连接 PostgreSQL 数据库" in err.value.zh and "cannot connect" in err.value.en


def test_models_and_migrations_agree(db_target: str) -> None:
    db = open_database(db_target)
    try:
        with db.engine.connect() as conn:
            context = MigrationContext.configure(
                conn,
                opts={"compare_type": True, "include_object": alembic_include_object},
            )
            diffs = compare_metadata(context, Base.metadata)
    finally:
        db.close()
    if db.dialect == "postgresql":
        diffs = _without_deferrable_only(diffs)
    assert diffs == []


def _fk_key(fk: Any) -> tuple[str, tuple[str, ...], str, tuple[str, ...]]:
    return (fk.parent.name, tuple(c.name for c in fk.columns), fk.referred_table.name,
            tuple(e.column.name for e in fk.elements))


def _without_deferrable_only(diffs: list[Any]) -> list[Any]:
    """On PostgreSQL the foreign keys are DEFERRABLE (migration 0006) and the models do not
    say so (they also describe SQLite's); alembic reports each as removed and re-added.
    Drop exactly those pairs, so any other difference in a foreign key still fails."""
    removed = {_fk_key(d[1]) for d in diffs if isinstance(d, tuple) and d[0] == "remove_fk"
               if d[1].deferrable}
    added = {_fk_key(d[1]) for d in diffs if isinstance(d, tuple) and d[0] == "add_fk"
             if not d[1].deferrable}
    pairs = removed & added
    return [d for d in diffs
            if not (isinstance(d, tuple) and d[0] in ("remove_fk", "add_fk")
                    and _fk_key(d[1]) in pairs)]


def test_a_newer_schema_is_refused_untouched(db_path: Path) -> None:
    open_database(db_path).close()
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    before = db_path.read_bytes()
    with pytest.raises(SchemaTooNewError) as err:
        open_database(db_path)
    assert "更新版本" in err.value.zh and "newer version" in err.value.en
    assert db_path.read_bytes() == before
    assert list_backups(db_path) == []


def test_a_foreign_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    with pytest.raises(DatabaseError, match="不是YEDA数据库"):
        open_database(path)
    with sqlite3.connect(path) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables == {"invoices"}


def test_garbage_is_refused_with_a_sentence(tmp_path: Path) -> None:
    path = tmp_path / "junk.sqlite"
    path.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(DatabaseError) as err:
        open_database(path)
    assert "无法打开数据库" in err.value.zh


def test_missing_file_without_create(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="不存在"):
        open_database(tmp_path / "absent.sqlite", create=False)
    assert not (tmp_path / "absent.sqlite").exists()


def test_connection_pragmas(db_path: Path) -> None:
    db = open_database(db_path)
    try:
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
    finally:
        db.close()


def test_yeda_db_environment_variable_chooses_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "from-env.sqlite"
    monkeypatch.setenv("YEDA_DB", str(target))
    db = open_database()
    db.close()
    assert db.path == target and target.exists()
    explicit = tmp_path / "explicit.sqlite"
    db = open_database(explicit)
    db.close()
    assert db.path == explicit
