"""The audit's lookups find a record's log entries through the index by record id, never
by reading the whole log (a centre's holds millions of entries)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import event

from yeda_desktop.models import Organization
from yeda_desktop.storage import open_database
from yeda_desktop.syncflow.audit_trail import find_record, history


def test_a_typed_id_and_its_history_are_found_without_reading_the_whole_log(
    tmp_path: Path,
) -> None:
    db = open_database(tmp_path / "yeda.sqlite")
    try:
        with db.session(officer="王芳") as session:
            orgs = [Organization(name=f"烟台测试{i}有限公司") for i in range(3)]
            session.add_all(orgs)
            session.flush()
            wanted = orgs[1].id
        seen: list[tuple[str, Any]] = []

        def remember(_c: Any, _cur: Any, sql: str, params: Any, *_rest: Any) -> None:
            if "change_log" in sql:
                seen.append((sql, params))

        event.listen(db.engine, "before_cursor_execute", remember)
        with db.reader() as session:
            assert find_record(session, wanted[:8].upper()) == wanted  # as typed
            assert {e.record_id for e in history(session, wanted)} == {wanted}
        event.remove(db.engine, "before_cursor_execute", remember)
        assert len(seen) == 2
        with db.engine.connect() as conn:
            for sql, params in seen:
                plan = " ".join(str(row[-1]) for row in conn.exec_driver_sql(
                    f"EXPLAIN QUERY PLAN {sql}", params))
                assert "SCAN change_log" not in plan, (sql, plan)
                assert "ix_change_log_record" in plan, (sql, plan)
    finally:
        db.close()
