"""The same USCC registered twice is linked, never refused, whichever way the merge looks:
on the importing connection, beside the queued inserts, or in the committed view (with
the keys of the batch's own inserts, until the batch first changes a stored row)."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest
from merge_modes import MODES
from merge_modes import merge as merge_in
from stdnum.cn import uscc

from yeda_desktop.storage import Database, open_database
from yeda_desktop.syncflow import merge as merge_module
from yeda_desktop.syncflow.report import ImportReport

NOW = "2026-11-28T10:00:00.000000"
LATER = "2026-11-28T11:00:00.000000"


def code(n: int) -> str:
    body = f"9137060{n:010d}"
    return body + uscc.calc_check_digit(body)


def org(rid: str, name: str, code: str | None, at: str = NOW) -> dict[str, Any]:
    values = {"name": name, "uscc": code, "kind": "enterprise", "ownership": "private",
              "is_listed": 0, "is_above_size": 0, "is_key_enterprise": 0,
              "has_party_activities": 0, "has_party_guarantees": 0, "revision": 1,
              "created_at": at, "updated_at": at}
    return {"t": "organizations", "id": rid, "op": "put", "v": values, "n": at, "by": "o"}


def new_code(rid: str, code: str) -> dict[str, Any]:
    """An edit of an organization the centre has: its USCC corrected."""
    return {"t": "organizations", "id": rid, "op": "put", "v": {"uscc": code},
            "c": {"uscc": [LATER, None]}, "by": "o"}


def merge(db: Database, lines: list[dict[str, Any]], mode: str) -> ImportReport:
    return merge_in(db, lines, mode=mode, now=LATER)


def holders(db: Database) -> dict[str | None, str]:
    """Every organization's USCC → its id (one organization per code, none lost)."""
    with db.engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT uscc, id FROM organizations").all()
    assert len({r[0] for r in rows}) == len(rows)
    return dict(rows)


@pytest.fixture(autouse=True)
def one_line_per_chunk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every line its own chunk: a later line's lookup runs while an earlier one's
    insert may still be queued."""
    monkeypatch.setattr(merge_module, "CHUNK", 1)


@pytest.mark.parametrize("mode", MODES)
def test_a_code_taken_earlier_in_the_batch_or_before_it_is_linked(
    tmp_path: Path, mode: str
) -> None:
    db = open_database(tmp_path / "centre.sqlite")
    old, a, b, c = (str(uuid.uuid4()) for _ in range(4))
    merge(db, [org(old, "老字号商店", code(1))], mode)

    report = merge(db, [org(a, "长江重工有限公司", code(2)), org(b, "长江重工", code(2), LATER),
                        org(c, "老字号", code(1), LATER)], mode)

    assert (report.new, report.linked, report.rejected) == (1, 2, [])
    assert holders(db) == {code(1): old, code(2): a}  # the earlier registered survive
    db.close()


@pytest.mark.parametrize("mode", MODES)
def test_a_code_freed_earlier_in_the_batch_is_free(tmp_path: Path, mode: str) -> None:
    """The batch first moves a stored organization to another code (the committed state
    no longer answers), then registers a new one under the old code."""
    db = open_database(tmp_path / "centre.sqlite")
    old, a, b = (str(uuid.uuid4()) for _ in range(3))
    merge(db, [org(old, "老字号商店", code(1))], mode)

    lines = [org(a, "长江重工有限公司", code(2)), new_code(old, code(3)),
             org(b, "新开的店", code(1)), org(str(uuid.uuid4()), "长江", code(2), LATER)]
    report = merge(db, lines, mode)

    assert (report.new, report.updated, report.linked, report.rejected) == (2, 1, 1, [])
    assert holders(db) == {code(1): b, code(2): a, code(3): old}
    db.close()
