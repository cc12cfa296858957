"""Ledger rows carry their place and overdue flag; LedgerFilter narrows them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from yeda_desktop.ledger import LedgerFilter, LedgerRow
from yeda_desktop.models.enums import GapStatus, Ownership

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
        (LedgerFilter(subdistrict="八角街道", cluster="人才港", building_id="b1"), True),
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
