"""A whole-database evaluation tunes its connection for the run and puts it back (each engine)."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from yeda_desktop.models import Organization
from yeda_desktop.rules import evaluate_all, firing_facts
from yeda_desktop.rules.engine import SERVER_SETTINGS
from yeda_desktop.storage import Database


def _settings(db: Database, session: object) -> tuple[object, ...]:
    conn = session.connection()  # type: ignore[attr-defined]
    if db.dialect == "sqlite":
        return (conn.exec_driver_sql("PRAGMA temp_store").scalar(),)
    names = ", ".join(f"current_setting('{name}')" for name in SERVER_SETTINGS)
    return tuple(conn.execute(text(f"SELECT {names}")).one())


def test_settings_are_put_back_in_readers_and_writers(db: Database) -> None:
    with db.session(officer="测试") as s:
        s.add(Organization(name="烟台甲有限公司", staff_count=120))
        s.flush()
        before = _settings(db, s)
        assert before != ((2,) if db.dialect == "sqlite" else tuple(SERVER_SETTINGS.values()))
        assert [f for f in evaluate_all(s).values() if "no_party_org" in f]
        assert firing_facts(s)
        assert _settings(db, s) == before
    with db.reader() as s:
        before = _settings(db, s)
        assert evaluate_all(s)
        assert _settings(db, s) == before


def test_sqlite_evaluates_where_the_temporary_store_cannot_change(db: Database) -> None:
    """Inside a write transaction that opened the temporary database, SQLite refuses the
    pragma: the evaluation runs as configured instead of failing."""
    with db.session(officer="测试") as s:
        s.add(Organization(name="烟台乙有限公司", staff_count=120))
        s.flush()
        s.execute(text("SELECT count(*) FROM sqlite_temp_master" if db.dialect == "sqlite"
                       else "SELECT 1"))
        before = _settings(db, s)
        found = evaluate_all(s)
        assert any("no_party_org" in f for f in found.values())
        assert _settings(db, s) == before
        if db.dialect == "sqlite":  # the state this test means to reach
            with pytest.raises(OperationalError, match="within a transaction"):
                s.connection().exec_driver_sql("PRAGMA temp_store=MEMORY")
