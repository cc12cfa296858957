"""The ledger's place filters offer each cluster and building once, told apart by where it is."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from yeda_desktop.ledger import LedgerFilter, LedgerRow
from yeda_desktop.ledger.place_choices import Places
from yeda_desktop.models.enums import GapStatus, Ownership
from yeda_desktop.place_labels import distinct_labels

ROW = LedgerRow(
    gap_id="g", organization_id="o", organization="烟台示例科技有限公司", uscc=None,
    rule_id="no_party_org", severity="high", status=GapStatus.IDENTIFIED, detail_zh=None,
    action=None, responsible=None, due_on=None, identified_at=datetime(2026, 6, 1),
    closed_on=None, evidence=None, waived_reason=None, subdistrict=None, cluster=None,
    building=None, cluster_id=None, building_id=None, building_address=None,
    industry_section=None, ownership=Ownership.PRIVATE, overdue=False,
)

# (subdistrict, cluster id, cluster, building id, building): three 1号楼 in three clusters,
# two of them clusters called 创业园 in two subdistricts.
SPOTS = [
    ("八角街道", "c1", "国际人才港", "b1", "1号楼"),
    ("八角街道", "c1", "国际人才港", "b2", "2号楼"),
    ("八角街道", "c2", "创业园", "b3", "1号楼"),
    ("古现街道", "c3", "创业园", "b4", "1号楼"),
]
ROWS = [
    replace(ROW, gap_id=f"g{n}", subdistrict=sub, cluster_id=cid, cluster=cluster,
            building_id=bid, building=building)
    for n, (sub, cid, cluster, bid, building) in enumerate(SPOTS * 2)
]


def test_a_shared_name_says_as_much_of_where_as_tells_it_apart() -> None:
    everything = Places.of(ROWS).choices()
    assert everything.subdistricts == ["八角街道", "古现街道"]
    assert everything.clusters == [
        ("创业园（八角街道）", "c2"), ("创业园（古现街道）", "c3"), ("国际人才港", "c1")]
    assert everything.buildings == [
        ("1号楼（八角街道 · 创业园）", "b3"),
        ("1号楼（古现街道 · 创业园）", "b4"),
        ("1号楼（国际人才港）", "b1"),
        ("2号楼", "b2"),
    ]


def test_choosing_a_subdistrict_and_a_cluster_narrows_what_is_offered() -> None:
    places = Places.of(ROWS)
    west = places.choices("古现街道")
    assert west.subdistricts == ["八角街道", "古现街道"]  # the other stays choosable
    assert west.clusters == [("创业园", "c3")] and west.buildings == [("1号楼", "b4")]
    park = places.choices("八角街道", "c1")
    assert park.clusters == [("创业园", "c2"), ("国际人才港", "c1")]
    assert park.buildings == [("1号楼", "b1"), ("2号楼", "b2")]


def test_each_choice_filters_to_its_own_building_not_its_namesakes() -> None:
    for label, building_id in Places.of(ROWS).choices().buildings:
        shown = LedgerFilter(building_id=building_id).select(ROWS)
        assert len(shown) == 2, label
        assert {r.building_id for r in shown} == {building_id}
    assert {r.building_id for r in LedgerFilter(cluster_id="c3").select(ROWS)} == {"b4"}


def test_namesakes_of_one_cluster_are_told_apart_by_address_else_by_id() -> None:
    where = ("创业园", "八角街道")
    by_address = [("0f3a9c51-aaaa", "1号楼", where, "长江路6号"),
                  ("7be20d44-bbbb", "1号楼", where, "长江路30号"),
                  ("9c0d4e11-cccc", "2号楼", where, "长江路8号")]
    assert distinct_labels(by_address) == [
        ("1号楼（创业园 · 长江路6号）", "0f3a9c51-aaaa"),
        ("1号楼（创业园 · 长江路30号）", "7be20d44-bbbb"),
        ("2号楼", "9c0d4e11-cccc"),
    ]
    alike = [(i, "1号楼", where, a) for i, a in (("0f3a9c51-a", "长江路6号"),
                                               ("7be20d44-b", "长江路6号"), ("5d1c0a2e-c", None))]
    assert distinct_labels(alike) == [
        ("1号楼（创业园 · 0f3a9c51）", "0f3a9c51-a"),
        ("1号楼（创业园 · 7be20d44）", "7be20d44-b"),
        ("1号楼（创业园 · 5d1c0a2e）", "5d1c0a2e-c"),
    ]


def test_rows_without_a_place_offer_nothing() -> None:
    nowhere = replace(ROW, subdistrict=None, cluster=None, building=None, cluster_id=None,
                      building_id=None)
    assert Places.of([nowhere]).choices() == Places.of([]).choices()
    assert Places.of([]).choices().buildings == []
