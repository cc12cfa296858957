"""The search index a batch leaves is the one a rebuild from the stored rows makes.

New records are indexed while the merge runs (fresh_index), from the values inserted and
the terms the worker has answered so far; everything else after the merge. Whatever
the batch does to a new record later (a second line, a delete, a link on its USCC),
and however late the terms come, the index ends as a rebuild would have it.
"""

from __future__ import annotations

import shutil
import time
import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection
from stdnum.cn import uscc

from yeda_desktop import search_terms
from yeda_desktop.search_terms import TermKey
from yeda_desktop.storage import Database, driver_sql, open_database, search_index
from yeda_desktop.storage.driver_sql import write_behind
from yeda_desktop.syncflow import fresh_index
from yeda_desktop.syncflow.fresh_index import FreshIndex
from yeda_desktop.syncflow.merge import Merger
from yeda_desktop.syncflow.records import defer_foreign_keys
from yeda_desktop.syncflow.report import ImportReport

NOW = "2026-11-28T10:00:00.000000"
LATER = "2026-11-28T11:00:00.000000"
USCC = "91370602MA3C1234" + "5"
USCC = USCC[:17] + uscc.calc_check_digit(USCC[:17] + "0")


def org(rid: str, name: str, at: str = NOW, **extra: Any) -> dict[str, Any]:
    values = {"name": name, "kind": "enterprise", "ownership": "private", "is_listed": 0,
              "is_above_size": 0, "is_key_enterprise": 0, "has_party_activities": 0,
              "has_party_guarantees": 0, "revision": 1, "created_at": NOW, "updated_at": at,
              **extra}
    changes = {"name": [at, None]} if at != NOW else {}
    return {"t": "organizations", "id": rid, "op": "put", "v": values, "n": NOW, "by": "o",
            "c": changes}


def person(rid: str, org_id: str, name: str, phone: str | None = None) -> dict[str, Any]:
    values = {"name": name, "organization_id": org_id, "role": "staff", "phone": phone,
              "party_status": "none", "revision": 1, "created_at": NOW, "updated_at": NOW}
    return {"t": "people", "id": rid, "op": "put", "v": values, "n": NOW, "by": "o"}


def gone(table: str, rid: str) -> dict[str, Any]:
    return {"t": table, "id": rid, "op": "del", "at": LATER, "by": "o"}


def ids(n: int) -> list[str]:
    return [str(uuid.uuid4()) for _ in range(n)]


def import_lines(db: Database, lines: list[dict[str, Any]], known: dict[TermKey, str],
                 device: str = "laptop-a") -> ImportReport:
    """As the importer does: write-behind with lookups in the committed view, new
    records indexed during the merge with the terms `known` so far, the rest refreshed
    after it."""
    report = ImportReport(status="imported")
    with db.engine.begin() as conn:
        defer_foreign_keys(conn)  # the write lock, before the view
        with write_behind(conn, committed_view=True):
            fresh = FreshIndex(conn, lambda: known)
            merger = Merger(conn, package_id=str(uuid.uuid4()), device_id=device, now=LATER,
                            report=report, index=fresh)
            merger.run(lines)
            fresh.finish(known)
            search_index.refresh_records(conn, merger.reindex, known)
    return report


def index_rows(conn: Connection) -> list[tuple[str, ...]]:
    return [tuple(r) for r in conn.exec_driver_sql(
        f"SELECT d.kind, d.ref_id, d.title, f.terms FROM {search_index.DOCS} d "
        f"JOIN {search_index.FTS} f ON f.rowid = d.rowid ORDER BY d.ref_id")]


def assert_index_is_a_rebuild(db: Database, tmp_path: Path) -> list[tuple[str, ...]]:
    with db.engine.connect() as conn:
        after = index_rows(conn)
        counts = conn.exec_driver_sql(
            f"SELECT (SELECT count(*) FROM {search_index.DOCS}), "
            f"(SELECT count(*) FROM {search_index.FTS})").one()
    assert counts[0] == counts[1] == len(after)  # no orphan rows either side
    copy = tmp_path / f"rebuilt-{uuid.uuid4().hex}.sqlite"
    db.engine.dispose()
    shutil.copyfile(db.path, copy)
    rebuilt = open_database(copy)
    search_index.rebuild_search_index(rebuilt.engine)
    with rebuilt.engine.connect() as conn:
        assert after == index_rows(conn)
    rebuilt.close()
    return after


class SlowCursor:
    """The write-behind thread's cursor, a statement taking 50 ms: queued inserts stay
    queued while the merge reads on."""

    def __init__(self, cursor: Any) -> None:
        self.cursor = cursor

    def execute(self, sql: str, values: Any) -> Any:
        time.sleep(0.05)
        return self.cursor.execute(sql, values)

    def close(self) -> None:
        self.cursor.close()


@pytest.mark.parametrize("answered", ["all", "some", "none", "all, slow writer"])
def test_the_index_after_a_batch_is_the_rebuilt_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, answered: str
) -> None:
    monkeypatch.setattr(fresh_index, "WAITING_AT_MOST", 3)  # the overflow path too
    monkeypatch.setattr(fresh_index, "WRITE_FROM", 2)
    if answered.endswith("slow writer"):
        start = driver_sql.WriteBehind.__init__

        def slow(self: driver_sql.WriteBehind, conn: Connection, **kw: bool) -> None:
            start(self, conn, **kw)
            self._cursor = SlowCursor(self._cursor)

        monkeypatch.setattr(driver_sql.WriteBehind, "__init__", slow)
    db = open_database(tmp_path / "centre.sqlite")
    old, linked = ids(2)
    import_lines(db, [org(old, "老字号商店"), org(linked, "重庆银行烟台分行", uscc=USCC)], {})

    a, b, c, d, p1, p2, p3, p4, p5 = ids(9)
    lines = [
        org(a, "长江重工有限公司"),
        org(b, "单县行知学校"),
        org(c, "朝阳银行长安支行"),
        person(p1, a, "单雪梅", "13812345678"),
        person(p2, a, "曾重阳"),
        person(p3, c, "解晓东"),
        org(old, "老字号商店新址", at=LATER),  # an existing record renamed
        org(b, "单县行知中学", at=LATER),  # a new record named again: its second name
        gone("people", p2),  # a new record deleted by a later line
        person(p5, c, "李强"), gone("people", p5),  # …and by the next line
        org(d, "烟台分行新名", uscc=USCC),  # the same USCC as `linked`: linked to it
        person(p4, d, "王芳"),  # under the merged-away id: lands on the survivor
    ]
    keys = [k for line in lines if (k := search_terms.key_of(line)) is not None]
    known = {k: t for k in keys if (t := search_terms.terms_of(k)) is not None}
    if answered == "some":
        known = dict(list(known.items())[::2])
    elif answered == "none":
        known = {}
    report = import_lines(db, lines, known, device="laptop-b")
    assert report.linked == 1 and not report.rejected

    rows = assert_index_is_a_rebuild(db, tmp_path)
    titles = {ref: title for _kind, ref, title, _terms in rows}
    assert titles[b] == "单县行知中学" and titles[old] == "老字号商店新址"
    assert p2 not in titles and p5 not in titles  # deleted
    assert (d in titles) != (linked in titles)  # one survives the link, under its own id
    assert titles[p4] == "王芳"
    db.close()


def test_a_second_batch_indexes_its_new_records_after_the_first(tmp_path: Path) -> None:
    """Rowids are counted on from what the index holds: nothing collides."""
    db = open_database(tmp_path / "centre.sqlite")
    first, second = ids(3), ids(3)
    import_lines(db, [org(i, f"第一批{n}号公司") for n, i in enumerate(first)], {})
    import_lines(db, [org(i, f"第二批{n}号公司") for n, i in enumerate(second)], {})
    rows = assert_index_is_a_rebuild(db, tmp_path)
    assert {r[1] for r in rows} >= set(first) | set(second)
    db.close()


def fts_settings(conn: Connection) -> dict[str, int]:
    return {str(k): int(v) for k, v in conn.exec_driver_sql(
        f"SELECT k, v FROM {search_index.FTS}_config WHERE k IN ('automerge', 'hashsize')")}


def test_fts5_is_set_for_many_writes_during_an_import_and_set_back(tmp_path: Path) -> None:
    db = open_database(tmp_path / "centre.sqlite")
    with db.engine.begin() as conn:
        with search_index.many_writes(conn):
            assert fts_settings(conn) == {"automerge": 0, "hashsize": 16 * 2**20}
        assert fts_settings(conn) == {"automerge": 4, "hashsize": 2**20}  # FTS5's defaults
    with pytest.raises(RuntimeError), db.engine.begin() as conn, search_index.many_writes(conn):
        raise RuntimeError("the import failed")
    with db.engine.connect() as conn:
        assert fts_settings(conn) == {"automerge": 4, "hashsize": 2**20}  # rolled back
    db.close()
