"""records.insert_rows on SQLite stores exactly what `writable` would have handed the driver."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from yeda_desktop.storage import open_database
from yeda_desktop.syncflow.records import columns, insert_rows, writable


@pytest.mark.parametrize("listed", [0, 1, True, False, 5, "yes", "", 1.0, 0.0])
def test_booleans_stored_as_writable_makes_them(tmp_path: Path, listed: Any) -> None:
    db = open_database(tmp_path / "c.sqlite")
    try:
        row: dict[str, Any] = {
            "id": "o1", "revision": 1, "created_at": "2026-01-01 00:00:00.000000",
            "updated_at": "2026-01-01 00:00:00.000000", "name": "烟台甲公司",
            "kind": "enterprise", "ownership": "private", "is_listed": listed,
            "is_above_size": 0, "is_key_enterprise": 1, "has_party_activities": False,
            "has_party_guarantees": True, "staff_count": 3,
        }
        cols = columns("organizations")
        expected = writable("organizations", cols, tuple(map(row.get, cols)))
        with db.engine.begin() as conn:
            conn.exec_driver_sql("PRAGMA foreign_keys = OFF")
            insert_rows(conn, "organizations", [row])
            stored = conn.exec_driver_sql(
                f"SELECT {', '.join(cols)}, typeof(is_listed) FROM organizations").one()
        want = tuple(int(v) if type(v) is bool else v for v in expected)
        assert tuple(stored[:-1]) == want
        assert stored[-1] == "integer"
    finally:
        db.close()
