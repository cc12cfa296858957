"""Ledger rows carry their place and overdue flag; LedgerFilter narrows them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest
from zone_builder import occupy

from yeda_desktop.ledger import LedgerFilter, LedgerRow, ledger_rows, reconcile
from yeda_desktop.models import Cluster, Organization, Subdistrict, Zone
from yeda_desktop.models.enums import ClusterKind, GapStatus, Ownership
from yeda_desktop.storage import Database

ROW = LedgerRow(
    gap_id="g", organization_id="o", organization="烟台示例科技有限公司", uscc=None,
    rule_id="no_party_org", severity="high", status=GapStatus.IDENTIFIED, detail_zh="职工 120 人",
    action=None, responsible="李四", due_on=date(2026, 7, 1), identified_at=datetime(2026, 6, 1),
    closed_on=None, evidence=None, waived_reason=None, subdistrict="八角街道", cluster="人才港",
    building="一号楼", cluster_id="c1", building_id="b1", building_address=None,
    industry_section="C", ownership=Ownership.FOREIGN, overdue=True,
)


@pytest.mark.parametrize(
    ("wanted", "expected"),
    [
        (LedgerFilter(), True),
        (LedgerFilter(rule_id="no_party_org"), True),
        (LedgerFilter(rule_id="org_form"), False),
        (LedgerFilter(status=GapStatus.CLOSED), False),
        (LedgerFilter(subdistrict="八角街道", cluster_id="c1", building_id="b1"), True),
        (LedgerFilter(cluster_id="c1"), True),
        (LedgerFilter(cluster_id="c2"), False),
        (LedgerFilter(building_id="b2"), False),
        (LedgerFilter(industry_section="I"), False),
        (LedgerFilter(ownership=Ownership.FOREIGN), True),
        (LedgerFilter(responsible="王五"), False),
        (LedgerFilter(overdue_only=True), True),
        (LedgerFilter(open_only=True), True),
        (LedgerFilter(text="示例"), True),
        (LedgerFilter(text="不存在"), False),
    ],
)
def test_filter(wanted: LedgerFilter, expected: bool) -> None:
    assert wanted.matches(ROW) is expected


def test_overdue_and_open_only_exclude_finished_rows() -> None:
    done = replace(ROW, status=GapStatus.CLOSED, overdue=False)
    assert not LedgerFilter(open_only=True).matches(done)
    assert not LedgerFilter(overdue_only=True).matches(done)


def test_select_keeps_the_rows_every_condition_accepts_in_their_order() -> None:
    rows = [
        replace(ROW, gap_id="a"),
        replace(ROW, gap_id="b", building_id="b2"),  # another 一号楼
        replace(ROW, gap_id="c", status=GapStatus.CLOSED, overdue=False),
        replace(ROW, gap_id="d", organization="烟台另一家有限公司"),
        replace(ROW, gap_id="e", uscc="91370600MA3C0X1234"),
    ]
    assert [r.gap_id for r in LedgerFilter().select(rows)] == ["a", "b", "c", "d", "e"]
    assert [r.gap_id for r in LedgerFilter(open_only=True, building_id="b1").select(rows)] == [
        "a", "d", "e"]
    assert [r.gap_id for r in LedgerFilter(text="示例", overdue_only=True).select(rows)] == [
        "a", "b", "e"]
    assert [r.gap_id for r in LedgerFilter(text="ma3c").select(rows)] == ["e"]  # any case
    assert LedgerFilter(responsible="王五").select(rows) == []


def test_each_gap_carries_its_own_buildings_place(db: Database) -> None:
    """Two buildings of one name in two clusters, and an organization in no unit: each
    gap says which building, cluster and address, from the database (both engines)."""
    with db.session(officer="测试") as s:
        sub = Subdistrict(zone=Zone(name="烟台开发区"), name="八角街道")
        parks = [Cluster(subdistrict=sub, name=name, kind=ClusterKind.PARK)
                 for name in ("国际人才港", "创业园")]
        placed = {}
        for n, park in enumerate(parks):
            org = Organization(name=f"烟台示例{n}号有限公司", staff_count=150)
            building = occupy(s, park, "一号楼", org)
            building.address = f"长江路{n + 1}号"
            placed[f"烟台示例{n}号有限公司"] = (park.name, park.id, building.id, building.address)
        s.add(Organization(name="烟台未入驻有限公司", staff_count=150))
        s.flush()
        reconcile(s)
    with db.reader() as s:
        rows = ledger_rows(s)
    assert {r.organization for r in rows} == {*placed, "烟台未入驻有限公司"}
    for r in rows:
        expected = placed.get(r.organization, (None, None, None, None))
        assert (r.cluster, r.cluster_id, r.building_id, r.building_address) == expected
        assert (r.building, r.subdistrict) == (("一号楼", "八角街道") if r.building_id
                                               else (None, None))
