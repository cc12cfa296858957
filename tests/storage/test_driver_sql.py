"""Plain SQL with `?` runs alike on both engines, IN lists and many-row inserts included."""

from __future__ import annotations

from yeda_desktop.storage import Database
from yeda_desktop.storage.driver_sql import insert_many, run_sql


def test_in_lists_placeholders_and_percent_signs(db: Database) -> None:
    with db.engine.begin() as conn:
        insert_many(conn, "INSERT INTO app_state (key, value) VALUES (?, ?)",
                    [(f"k{i}", f"{i}%") for i in range(1200)])
        wanted = [f"k{i}" for i in range(0, 1200, 3)]
        found = run_sql(
            conn,
            f"SELECT key, value FROM app_state WHERE key IN ({', '.join('?' for _ in wanted)}) "
            "AND value LIKE '%\\%' ESCAPE '\\' AND key <> ? ORDER BY key",
            (*wanted, "k0"),
        ).all()
        assert len(found) == len(wanted) - 1
        left = run_sql(conn, "SELECT count(*) FROM app_state WHERE key NOT IN (?, ?, ?)",
                       ("k1", "k2", "nope")).scalar()
        assert left == 1198
        assert all(v.endswith("%") for _, v in found)
        assert run_sql(conn, "SELECT min(?, ?)" if db.dialect == "sqlite" else
                       "SELECT least(?, ?)", (3, 2)).scalar() == 2


def test_a_list_of_values_is_one_row_and_an_empty_insert_is_nothing(db: Database) -> None:
    with db.engine.begin() as conn:
        insert_many(conn, "INSERT INTO app_state (key, value) VALUES (?, ?)", [])
        run_sql(conn, "INSERT INTO app_state (key, value) VALUES (?, ?)", ["solo", "1"])
        assert run_sql(conn, "SELECT count(*) FROM app_state").scalar() == 1
