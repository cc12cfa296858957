"""The zone's clusters, with their subdistrict and zone made when new (SQLite, then
PostgreSQL). Before 2026-11-29 only the demo made them, and a zone set up for real could
add no building (添加楼宇: "no cluster to add a building to")."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from yeda_desktop.errors import ValidationError
from yeda_desktop.models import ChangeLog, Cluster, Subdistrict, Zone
from yeda_desktop.models.enums import ClusterKind
from yeda_desktop.services import edits, zone_tree
from yeda_desktop.storage import Database


def add(db: Database, zone: str, sub: str, cluster: str,
        kind: ClusterKind = ClusterKind.PARK) -> edits.Edit:
    with db.session(officer="管理员") as session:
        edit = zone_tree.add_cluster(session, zone, sub, cluster, kind)
        edits.apply(session, edit)
        return edit


def test_a_cluster_brings_its_subdistrict_and_zone_once(db: Database) -> None:
    first = add(db, " 烟台开发区 ", "福莱山街道", "国际人才港")
    assert [s.model for s in first.steps] == [Zone, Subdistrict, Cluster]  # all new
    second = add(db, "烟台开发区", "福莱山街道", "金融中心", ClusterKind.OFFICE_BUILDING)
    assert [s.model for s in second.steps] == [Cluster]  # the same zone and subdistrict
    add(db, "烟台开发区", "八角街道", "国际人才港")  # the same name in another subdistrict
    with db.reader() as session:
        paths = [(p.zone, p.subdistrict, p.cluster, p.kind)
                 for p in zone_tree.cluster_paths(session)]
        assert sorted(paths) == sorted([
            ("烟台开发区", "八角街道", "国际人才港", ClusterKind.PARK),
            ("烟台开发区", "福莱山街道", "国际人才港", ClusterKind.PARK),
            ("烟台开发区", "福莱山街道", "金融中心", ClusterKind.OFFICE_BUILDING),
        ])
        assert zone_tree.names_in_use(session) == (["烟台开发区"], ["八角街道", "福莱山街道"])
        logged = session.scalar(select(func.count()).select_from(ChangeLog).where(
            ChangeLog.table_name.in_(["zones", "subdistricts", "clusters"]), ChangeLog.op ==
            "insert"))
        assert logged == 6  # 1 zone, 2 subdistricts, 3 clusters: edits that travel


def test_undoing_the_edit_takes_the_new_zone_away_again(db: Database) -> None:
    edit = add(db, "烟台开发区", "福莱山街道", "国际人才港")
    with db.session(officer="管理员") as session:
        edits.apply(session, edit.inverse())
    with db.reader() as session:
        assert zone_tree.cluster_paths(session) == []
        assert session.scalar(select(func.count()).select_from(Zone)) == 0


@pytest.mark.parametrize(("zone", "sub", "cluster", "message"), [
    ("", "福莱山街道", "国际人才港", "开发区：不能为空"),
    ("烟台开发区", "  ", "国际人才港", "街道：不能为空"),
    ("烟台开发区", "福莱山街道", "", "园区或楼宇群：不能为空"),
    ("烟台开发区", "福莱山街道", "园" * 101, "园区或楼宇群：不能超过100个字"),
    ("烟台开发区", "福莱山街道", "国际人才港", "园区或楼宇群：福莱山街道已有“国际人才港”"),
])
def test_a_cluster_is_refused_with_the_field_and_the_reason(
    db: Database, zone: str, sub: str, cluster: str, message: str
) -> None:
    add(db, "烟台开发区", "福莱山街道", "国际人才港")
    with pytest.raises(ValidationError) as caught, db.session() as session:
        zone_tree.add_cluster(session, zone, sub, cluster, ClusterKind.PARK)
    assert caught.value.message("zh") == message
