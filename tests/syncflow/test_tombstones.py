"""A record deleted at the centre stays deleted: later batches neither re-create it nor
give it children; the rest of such a batch is applied."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest
from merge_modes import MODES
from merge_modes import merge as merge_in

from yeda_desktop.storage import Database, open_database
from yeda_desktop.syncflow.report import ImportReport

NOW = "2026-11-28T10:00:00.000000"


def org(rid: str, name: str) -> dict[str, Any]:
    values = {"name": name, "kind": "enterprise", "ownership": "private", "is_listed": 0,
              "is_above_size": 0, "is_key_enterprise": 0, "has_party_activities": 0,
              "has_party_guarantees": 0, "revision": 1, "created_at": NOW, "updated_at": NOW}
    return {"t": "organizations", "id": rid, "op": "put", "v": values, "n": NOW, "by": "o"}


def person(rid: str, org_id: str, name: str) -> dict[str, Any]:
    values = {"name": name, "organization_id": org_id, "role": "staff",
              "party_status": "none", "revision": 1, "created_at": NOW, "updated_at": NOW}
    return {"t": "people", "id": rid, "op": "put", "v": values, "n": NOW, "by": "o"}


def gone(table: str, rid: str) -> dict[str, Any]:
    return {"t": table, "id": rid, "op": "del", "at": NOW, "by": "o"}


def merge(db: Database, lines: list[dict[str, Any]], *, mode: str = "plain") -> ImportReport:
    return merge_in(db, lines, mode=mode, now=NOW)


def count(db: Database, table: str, rid: str) -> int:
    with db.engine.connect() as conn:
        return int(conn.exec_driver_sql(
            f"SELECT count(*) FROM {table} WHERE id = ?", (rid,)).scalar_one())


def reasons(report: ImportReport) -> dict[str, str]:
    return {r.record: r.reason_en for r in report.rejected}


@pytest.mark.parametrize("mode", MODES)
def test_a_deleted_record_is_not_brought_back_nor_given_children(
    tmp_path: Path, mode: str
) -> None:
    db = open_database(tmp_path / "centre.sqlite")
    a, b, p, q = (str(uuid.uuid4()) for _ in range(4))
    merge(db, [org(a, "甲公司"), org(b, "乙公司")], mode=mode)
    merge(db, [gone("organizations", a)], mode=mode)

    report = merge(db, [org(a, "甲公司"), person(p, a, "张三"), person(q, b, "李四")],
                   mode=mode)

    assert reasons(report) == {a: "the record was deleted at the centre",
                               p: "the record it belongs to was deleted"}
    assert (count(db, "organizations", a), count(db, "people", p)) == (0, 0)
    assert count(db, "people", q) == 1  # the rest of the batch is applied
    db.close()


@pytest.mark.parametrize("mode", MODES)
def test_an_organization_added_and_deleted_in_one_batch_takes_no_children(
    tmp_path: Path, mode: str
) -> None:
    """A hand-made batch that adds, deletes, then gives children to one organization is
    not refused whole at the commit's foreign-key check: only the orphan is rejected."""
    db = open_database(tmp_path / "centre.sqlite")
    a, b, p, q = (str(uuid.uuid4()) for _ in range(4))

    report = merge(db, [org(a, "甲公司"), org(b, "乙公司"), gone("organizations", a),
                        person(p, a, "张三"), person(q, b, "李四")], mode=mode)

    assert reasons(report) == {p: "the record it belongs to was deleted"}
    assert (report.new, report.deleted) == (3, 1)
    assert (count(db, "organizations", a), count(db, "people", q)) == (0, 1)
    db.close()
