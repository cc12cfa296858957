"""The centre's sweep teams and their buildings (each test on SQLite, then PostgreSQL).

Until 2026-11-29 teams and their buildings came only from the demo: a centre set up for
real could write no baseline, having no team to write it for.
"""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sweep_fixtures import Place

from yeda_desktop.errors import ValidationError, YedaError
from yeda_desktop.models import Building, ChangeLog, Device, Team, TeamBuilding, Unit, Visit
from yeda_desktop.models.enums import DeviceStatus, VisitOutcome
from yeda_desktop.services import teams
from yeda_desktop.storage import Database


def _second_building(db: Database, place: Place, name: str = "人才大厦") -> str:
    with db.session(officer="测试") as s:
        building = Building(cluster_id=place.cluster_id, name=name, floors_above=2)
        s.add(building)
        s.flush()
        return building.id


def test_a_team_gets_buildings_and_a_building_one_team(db: Database, place: Place) -> None:
    other = _second_building(db, place)
    with db.session(officer="管理员") as s:
        one = teams.add_team(s, place.campaign_id, " 第一组 ", "王芳")
        two = teams.add_team(s, place.campaign_id, "第二组")
        assert one.name == "第一组" and one.leader == "王芳"
        done = teams.assign(s, one.id, [place.building_id, other])
        assert sorted(done.added) == ["人才大厦", "创业大厦"] and not done.moved_from
        moved = teams.assign(s, two.id, [other])  # given to another team: leaves the first
        assert moved.moved_from == {"人才大厦": "第一组"}
        one_id, two_id = one.id, two.id
    with db.reader() as s:
        listed = {t.name: t.buildings for t in teams.list_teams(s, place.campaign_id)}
        assert listed == {"第一组": 1, "第二组": 1}
        where = {p.building: p.team for p in teams.placements(s, place.campaign_id)}
        assert where == {"创业大厦": "第一组", "人才大厦": "第二组"}
        logged = s.scalar(select(func.count()).select_from(ChangeLog)
                          .where(ChangeLog.table_name == "team_buildings",
                                 ChangeLog.officer == "管理员"))
        assert logged  # the centre's edits, with who made them
    with db.session(officer="管理员") as s:
        exact = teams.assign(s, one_id, [other], exactly=True)  # exactly these
        assert exact.removed == ["创业大厦"] and exact.added == ["人才大厦"]
        assert exact.moved_from == {"人才大厦": "第二组"}
        assert teams.unassign(s, one_id, [other]) == ["人才大厦"]
        assert teams.unassign(s, two_id, [other]) == []
    with db.reader() as s:
        assert s.scalar(select(func.count()).select_from(TeamBuilding)) == 0
        assert {p.team for p in teams.placements(s, place.campaign_id)} == {None}


@pytest.mark.parametrize(("name", "reason"), [
    ("", "不能为空"), ("   ", "不能为空"), ("组" * 61, "不能超过60个字"),
    ("第一组", "已有名为“第一组”的扫楼小组"), ("第\x01组", "含有控制字符"),
])
def test_a_team_name_is_refused_with_the_field_and_the_reason(
    db: Database, place: Place, name: str, reason: str
) -> None:
    with db.session(officer="管理员") as s:
        teams.add_team(s, place.campaign_id, "第一组")
    with pytest.raises(ValidationError) as caught, db.session(officer="管理员") as s:
        teams.add_team(s, place.campaign_id, name)
    assert caught.value.message("zh") == f"小组名称：{reason}"
    with db.reader() as s:  # nothing half-written
        assert [t.name for t in teams.list_teams(s, place.campaign_id)] == ["第一组"]


def test_renaming_keeps_the_team_and_refuses_a_taken_name(db: Database, place: Place) -> None:
    with db.session(officer="管理员") as s:
        one = teams.add_team(s, place.campaign_id, "第一组")
        teams.add_team(s, place.campaign_id, "第二组")
        teams.assign(s, one.id, [place.building_id])
        teams.rename_team(s, one.id, "第一组")  # its own name again: fine
        teams.rename_team(s, one.id, "东区组")
        one_id = one.id
    with pytest.raises(ValidationError, match="第二组"), db.session() as s:
        teams.rename_team(s, one_id, "第二组")
    with db.reader() as s:
        assert {t.name: t.buildings for t in teams.list_teams(s, place.campaign_id)} == {
            "东区组": 1, "第二组": 0}


def test_buildings_and_teams_are_found_by_name_or_id(db: Database, place: Place) -> None:
    twin = _second_building(db, place, "创业大厦")  # two buildings of one name
    with db.session(officer="管理员") as s:
        team = teams.add_team(s, place.campaign_id, "第一组")
        assert teams.find_team(s, place.campaign_id, "第一组").id == team.id
        assert teams.find_team(s, place.campaign_id, team.id).id == team.id
        with pytest.raises(YedaError, match="找不到扫楼小组"):
            teams.find_team(s, place.campaign_id, "第九组")
        assert teams.find_buildings(s, [twin]) == [twin]
        with pytest.raises(YedaError, match="有多座楼宇名为“创业大厦”") as refused:
            teams.find_buildings(s, ["创业大厦"])
        # where each stands and the start of its id, which the command takes instead
        assert f"（{twin[:8]}）" in refused.value.zh and f"（{place.building_id[:8]}）" in \
            refused.value.zh and refused.value.zh.endswith("请用编号")
        with pytest.raises(YedaError, match="找不到楼宇"):
            teams.find_buildings(s, ["没有这座楼"])
        with pytest.raises(YedaError, match="所选楼宇不存在"):
            teams.assign(s, team.id, ["00000000-0000-4000-8000-000000000000"])


def test_a_team_nothing_used_is_removed_and_one_in_use_is_refused(
    db: Database, place: Place,
) -> None:
    """A team added by mistake goes (its buildings left without a team); one with visits,
    or that a laptop is enrolled for or asks to be, stays, and the refusal says why."""
    with db.session(officer="管理员") as s:
        mistaken = teams.add_team(s, place.campaign_id, "第一组（重复）")
        teams.assign(s, mistaken.id, [place.building_id])
        visited = teams.add_team(s, place.campaign_id, "第二组")
        asked = teams.add_team(s, place.campaign_id, "第三组")
        unit = Unit(floor_id=place.floor_id, label="101")
        s.add(unit)
        s.flush()
        s.add(Visit(campaign_id=place.campaign_id, unit_id=unit.id, team_id=visited.id,
                    outcome=VisitOutcome.VACANT))
        s.add(Device(name="东区笔记本", team="第三组", status=DeviceStatus.PENDING))
        s.add(Device(name="旧笔记本", team="第一组（重复）", status=DeviceStatus.REVOKED))
        ids = mistaken.id, visited.id, asked.id
    with db.session(officer="管理员") as s:
        assert teams.remove_team(s, ids[0]) == ["创业大厦"]
    with db.reader() as s:
        assert s.get(Team, ids[0]) is None
        assert {p.team for p in teams.placements(s, place.campaign_id)} == {None}
        removed = s.scalar(select(func.count()).select_from(ChangeLog).where(
            ChangeLog.record_id == ids[0], ChangeLog.op == "delete",
            ChangeLog.officer == "管理员"))
        assert removed == 1  # logged, with who removed it
    for team_id, reason in [
        (ids[1], "扫楼小组“第二组”已有 1 条走访记录，不能删除（名称有误可以改名）"),
        (ids[2], "设备 东区笔记本 登记在扫楼小组“第三组”，不能删除；请先吊销这些设备或"
                 "拒绝其申请（名称有误可以改名）"),
    ]:
        with pytest.raises(YedaError) as caught, db.session(officer="管理员") as s:
            teams.remove_team(s, team_id)
        assert caught.value.message("zh") == reason
    with db.reader() as s:  # nothing written by a refusal
        assert sorted(t.name for t in teams.list_teams(s, place.campaign_id)) == [
            "第三组", "第二组"]


def test_buildings_of_one_name_stay_apart_by_their_cluster(db: Database, place: Place) -> None:
    from yeda_desktop.models import Cluster
    from yeda_desktop.models.enums import ClusterKind

    with db.session(officer="管理员") as s:
        here = s.get(Cluster, place.cluster_id)
        assert here is not None
        there = Cluster(subdistrict_id=here.subdistrict_id, name="金沙江路商务楼宇群",
                        kind=ClusterKind.BUSINESS_DISTRICT)
        s.add(there)
        s.flush()
        twin = Building(cluster_id=there.id, name="创业大厦", floors_above=2)
        s.add(twin)
        s.flush()
        twin_id, here_name = twin.id, here.name
        one = teams.add_team(s, place.campaign_id, "第一组")
        two = teams.add_team(s, place.campaign_id, "第二组")
        teams.assign(s, one.id, [place.building_id])
        teams.assign(s, two.id, [twin_id])
        three = teams.add_team(s, place.campaign_id, "第三组")
        moved = teams.assign(s, three.id, [place.building_id, twin_id])  # both, by id
        assert moved.moved_from == {f"创业大厦（{here_name}）": "第一组",
                                    "创业大厦（金沙江路商务楼宇群）": "第二组"}
        with pytest.raises(YedaError, match="有多座楼宇名为“创业大厦”"):
            teams.find_buildings(s, ["创业大厦"])
        assert teams.find_buildings(s, [twin_id[:8]]) == [twin_id]  # as the list prints it
        with pytest.raises(YedaError, match="找不到楼宇"):
            teams.find_buildings(s, [twin_id[:3]])  # too short to be an id
    with db.reader() as s:
        places = {p.building_id: p.place for p in teams.placements(s, place.campaign_id)}
        assert places[twin_id].endswith(" · 金沙江路商务楼宇群")
        assert places[place.building_id].endswith(f" · {here_name}")
