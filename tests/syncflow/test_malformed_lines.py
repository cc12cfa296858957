"""A validly signed batch whose lines are not records the merge can read.

Only a hand-made package (or a laptop with a bug) carries one, but its signature is
good, so the centre must say which record was refused and why, and apply the rest.
Before 2026-11-29 a list or an object where a value belongs ended the import in a
traceback (TypeError: unhashable type).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flow_helpers import Site, build_sites, first_value, snapshot
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from yeda_desktop.demo import generate_demo
from yeda_desktop.errors import YedaError
from yeda_desktop.models import Building, Organization
from yeda_desktop.storage import Database, open_database
from yeda_desktop.storage.migrate import head_revision
from yeda_desktop.sync import PackageFields, PackageKind, write_package
from yeda_desktop.syncflow import incoming_types
from yeda_desktop.syncflow.batch_lines import shape_problem
from yeda_desktop.syncflow.installation import load_keys
from yeda_desktop.syncflow.lines import encode_lines
from yeda_desktop.syncflow.merge import Merger
from yeda_desktop.syncflow.records import (
    canonical,
    columns,
    defer_foreign_keys,
    table_by_name,
)
from yeda_desktop.syncflow.report import ImportReport

NOW = "2026-11-29 17:00:00.000000"


def org_line(name: object, **more: Any) -> dict[str, Any]:
    """A new organization's line; `v_<column>=value` changes one of its values."""
    changed = {k.removeprefix("v_"): more.pop(k) for k in list(more) if k.startswith("v_")}
    line = {"t": "organizations", "id": str(uuid.uuid4()), "op": "put",
            "v": {"name": name, "kind": "enterprise", "ownership": "private",
                  "staff_count": 12, "is_listed": 0, "is_above_size": 0,
                  "is_key_enterprise": 0, "has_party_activities": 0,
                  "has_party_guarantees": 0, "revision": 1, "created_at": NOW,
                  "updated_at": NOW},
            "at": NOW, "n": NOW, "cn": ["name", "kind", "ownership", "staff_count"], **more}
    line["v"].update(changed)
    return line


def hand_made_batch(laptop: Site, centre: Site, path: Path, lines: list[Any]) -> Path:
    """Batch 1 of `lines`, signed with the laptop's real key, for the centre."""
    write_package(path, PackageFields(
        kind=PackageKind.BATCH, source_device_id=laptop.device_id(), officer="队员",
        target_centre_id="yeda-centre", sequence=1, previous_package_sha256=None,
        schema_revision=head_revision()), encode_lines(lines), load_keys(laptop.keys),
        [load_keys(centre.keys).public.age_recipient])
    return path


def without(line: dict[str, Any], field: str) -> dict[str, Any]:
    line["v"].pop(field)
    return line


def test_a_malformed_record_is_refused_with_its_reason_and_the_rest_applied(
    tmp_path: Path, centre_url: str | None,
) -> None:
    centre, (laptop,), stick = build_sites(tmp_path, 1, orgs=5, centre_url=centre_url)
    good = org_line("烟台格式良好有限公司")
    org = first_value(centre, Organization.id)
    lines = [
        good,
        org_line(["烟台", "列表"]),
        org_line({"zh": "对象"}),
        {**org_line("编号不是文本"), "id": 7},
        {**org_line("操作未知"), "op": "upsert"},
        org_line("修改记录无效", c={"name": "2026-11-29"}),
        {"t": "organizations", "id": org, "op": "del", "at": ["2026"]},
        without(org_line("缺少字段"), "is_listed"),
        org_line("时间无效", v_created_at="昨天"),
        org_line("人数是文字", v_staff_count="十二"),
        org_line("上市是二", v_is_listed=2),
        org_line("行业代码过长", v_key_industry="k" * 33),  # too long for PostgreSQL only
        org_line("修订号过大", v_revision=2**70),  # SQLite: OverflowError before
        {"t": "buildings", "id": str(uuid.uuid4()), "op": "put", "v": {"cluster_id": [None]}},
    ]
    path = hand_made_batch(laptop, centre, stick / "hand-made.yeda", lines)
    out = centre.cli("import", str(path))
    on_server = centre_url is not None
    assert f"新增 new {1 + (not on_server)}" in out, out
    assert f"拒收 rejected {12 + on_server}" in out, out
    assert ("字段 key_industry 超过 32 个字符" in out) == on_server
    for reason in ("字段 name 的值不是单个值", "记录编号无效", "未知的操作 'upsert'",
                   "修改记录的格式无效", "“at”不是有效的时间", "缺少必填字段 is_listed",
                   "字段 created_at 不是有效的时间", "字段 staff_count 的值类型不对（str）",
                   "字段 is_listed 只能是 0 或 1", "字段 revision 的数值超出范围",
                   "字段 cluster_id 的值不是单个值"):
        assert reason in out, out
    assert out.count("字段 name 的值不是单个值") == 2
    db = centre.open()
    try:
        with db.reader() as session:
            names = set(session.scalars(select(Organization.name)))
            assert "烟台格式良好有限公司" in names
            assert org in set(session.scalars(select(Organization.id)))  # its delete refused
    finally:
        db.close()
    assert "已导入" in centre.cli("import", str(path))  # the same package again: a no-op
    before = snapshot(centre)
    centre.cli("import", str(path))
    assert snapshot(centre) == before


def test_two_new_records_with_the_same_unique_values_refuse_the_batch_in_words(
    tmp_path: Path,
) -> None:
    centre, (laptop,), stick = build_sites(tmp_path, 1, orgs=5)
    building = first_value(centre, Building.id)
    floors = [{"t": "floors", "id": str(uuid.uuid4()), "op": "put", "at": NOW, "n": NOW,
               "v": {"building_id": building, "label": "99F", "level": 99, "revision": 1,
                     "created_at": NOW, "updated_at": NOW}} for _ in range(2)]
    path = hand_made_batch(laptop, centre, stick / "twice.yeda", floors)
    before = snapshot(centre)
    out = centre.cli("import", str(path), expect=2)
    assert "数据包中有记录与另一条记录的唯一字段相同（floors.building_id, floors.label），" \
        "未做任何修改" in out, out
    assert snapshot(centre) == before


@pytest.mark.parametrize("spoilt", ["a date", "no values"])
def test_a_baseline_with_a_record_the_laptop_cannot_store_is_refused_whole(
    tmp_path: Path, spoilt: str,
) -> None:
    """Signed by the centre's own key, yet hand-made: refused with the record named."""
    centre, (laptop,), stick = build_sites(tmp_path, 1, orgs=5)
    good = org_line("烟台基线良好有限公司")
    bad = org_line("烟台基线坏日期有限公司", v_updated_at="上周")
    if spoilt == "no values":
        bad.pop("v")
    lines = [{**line, "v": {**line["v"], "id": line["id"]}} if "v" in line else line
             for line in (good, bad)]
    path = stick / "hand-made-base.yeda"
    write_package(path, PackageFields(
        kind=PackageKind.BASELINE, source_device_id="yeda-centre", officer="管理员",
        target_centre_id="yeda-centre", sequence=9, previous_package_sha256=None,
        schema_revision=head_revision(), extra={"team_name": "第一组"}),
        encode_lines(lines), load_keys(centre.keys),
        [load_keys(laptop.keys).public.age_recipient])
    before = snapshot(laptop)
    out = laptop.cli("import", str(path), expect=2)
    why = "字段 updated_at 不是有效的时间" if spoilt == "a date" else "记录没有字段值"
    assert f"基础数据包中的记录 organizations {bad['id']} 无效（{why}），未做任何修改" in out, out
    assert snapshot(laptop) == before


def test_text_longer_than_its_column_is_refused_where_the_engine_would_refuse_it() -> None:
    """PostgreSQL enforces a column's length; SQLite, which a laptop runs, does not."""
    rows = [org_line("烟台长名有限公司")["v"], org_line("长" * 101)["v"]]
    assert incoming_types.problems("organizations", rows, lengths=False) == {}
    assert incoming_types.problems("organizations", rows) == {
        1: ("字段 name 超过 100 个字符", "field name is longer than 100 characters")}


ROW_TABLES = ("organizations", "people", "buildings", "floors", "units", "visits", "gaps")


@pytest.fixture(scope="module")
def centre_db(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Database, list[str], list[tuple[str, dict[str, Any]]]]]:
    """A demo centre, its organizations' ids, and real rows of several tables (as lines
    carry them) to change one value at a time."""
    db = open_database(tmp_path_factory.mktemp("malformed") / "centre.sqlite")
    generate_demo(db, 3, 1)
    with db.reader() as session:
        ids = list(session.scalars(select(Organization.id)))
    rows = []
    with db.engine.connect() as conn:
        for table in ROW_TABLES:
            cols = columns(table)
            for row in conn.exec_driver_sql(f"SELECT {', '.join(cols)} FROM {table} LIMIT 3"):
                rows.append((table, canonical(table, dict(zip(cols, row, strict=True)))))
    yield db, ids, rows
    db.close()


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner,
                                                                max_size=3),
    max_leaves=6,
)


@st.composite
def lines(draw: st.DrawFn, known_ids: list[str]) -> dict[str, Any]:
    table = draw(st.sampled_from(sorted(table_by_name())) | st.just("organizations"))
    names = st.sampled_from(columns(table)) | st.text(max_size=6)
    line: dict[str, Any] = {
        "t": table,
        "id": draw(st.sampled_from(known_ids) | st.uuids().map(str) | json_values),
        "op": draw(st.sampled_from(["put", "put", "del"]) | json_values),
        "v": draw(st.dictionaries(names, json_values, max_size=6) | json_values),
    }
    for key in ("at", "n", "by", "c", "cn"):
        if draw(st.booleans()):
            line[key] = draw(st.just(NOW) | st.just("*") | json_values
                             | st.dictionaries(names, st.lists(json_values, max_size=3)))
    return line


@st.composite
def altered_rows(draw: st.DrawFn, rows: list[tuple[str, dict[str, Any]]]) -> dict[str, Any]:
    """A real record, new or the same, with one to three of its values changed or dropped:
    past the shape check, into the validators, the inserts and the change log."""
    table, row = draw(st.sampled_from(rows))
    values = {k: v for k, v in row.items() if k != "id" and v is not None}
    for name in draw(st.lists(st.sampled_from(columns(table)), min_size=1, max_size=3)):
        if draw(st.booleans()):
            values[name] = draw(st.none() | st.booleans() | st.integers() | st.floats()
                                | st.text(max_size=12) | st.just(NOW))
        else:
            values.pop(name, None)
    return {"t": table, "id": draw(st.just(row["id"]) | st.uuids().map(str)), "op": "put",
            "v": values, "at": NOW, "n": NOW,
            **({"c": {n: [NOW, None] for n in values}} if draw(st.booleans()) else {})}


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_any_line_is_applied_or_refused_with_a_reason(
    centre_db: tuple[Database, list[str], list[tuple[str, dict[str, Any]]]],
    data: st.DataObject,
) -> None:
    db, ids, rows = centre_db
    batch = data.draw(st.lists(lines(ids) | altered_rows(rows), min_size=1, max_size=6))
    batch = json.loads(json.dumps(batch))  # as the payload's JSON gives it back
    report = ImportReport(status="imported")
    with db.engine.connect() as conn:
        transaction = conn.begin()
        try:
            defer_foreign_keys(conn)
            merger = Merger(conn, package_id=str(uuid.uuid4()), device_id="laptop-a", now=NOW,
                            report=report)
            try:
                merger.run(batch)
            except (YedaError, IntegrityError):
                # a refusal in words of the whole batch, never a traceback: the importer
                # turns a constraint the merge cannot foresee (two new records of one
                # batch with the same unique values) into one (_integrity_refusal)
                return
        finally:
            transaction.rollback()
    refused = {r.record for r in report.rejected}
    for line in batch:
        if line["t"] in table_by_name() and shape_problem(line) is not None:
            assert str(line.get("id")) in refused


def test_a_report_kept_before_refused_records_were_named_still_reads() -> None:
    """Reports are kept with their packages (导入记录): one written before 2026-11-30 has
    no labels, and its rejections show their ids as they did."""
    old = ImportReport.from_json(
        '{"status": "imported", "kind": "batch", "rejected": [{"record": "34cfad3b-3e6c", '
        '"reason_zh": "数据无效", "reason_en": "invalid data"}]}')
    assert old.lines("zh")[-1] == "  拒收 34cfad3b-3e6c: 数据无效"
    old.rejected[0].label = "单位“烟台坏码科技有限公司”"
    assert old.lines("en")[-1] == "  rejected 单位“烟台坏码科技有限公司” (34cfad3b): invalid data"
