"""`yeda building`: a zone's buildings, floors and units set up from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from yeda_desktop.cli.main import main
from yeda_desktop.models import Building, ChangeLog, Floor, Unit
from yeda_desktop.storage import open_database


def _floors_and_units(path: Path, building: str) -> dict[str, list[str]]:
    db = open_database(path)
    try:
        with db.reader() as s:
            floors = s.execute(select(Floor.id, Floor.label).join(Building)
                               .where(Building.name == building).order_by(Floor.level)).all()
            return {label: sorted(s.scalars(select(Unit.label).where(Unit.floor_id == fid)))
                    for fid, label in floors}
    finally:
        db.close()


def test_a_building_is_set_up_floor_by_floor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "zone.sqlite"
    yeda = ["--db", str(path), "--officer", "管理员"]
    assert main([*yeda, "init"]) == 0
    assert main([*yeda, "zone", "add", "烟台开发区", "八角街道", "创业园"]) == 0
    assert main([*yeda, "zone", "add", "烟台开发区", "古现街道", "创业园"]) == 0
    capsys.readouterr()
    # Two clusters of one name: the subdistrict tells which.
    assert main([*yeda, "building", "add", "创业大厦A座", "--cluster", "创业园",
                 "--floors", "6", "--basements", "1"]) == 2
    assert "有多个集聚区与“创业园”相符" in capsys.readouterr().err
    assert main([*yeda, "building", "add", "创业大厦A座", "--cluster", "创业园",
                 "--subdistrict", "古现街道", "--floors", "6", "--basements", "1"]) == 0
    assert main([*yeda, "building", "floor", "创业大厦A座", "3A"]) == 0
    assert main([*yeda, "building", "units", "创业大厦A座", "5", "501-503", "505"]) == 0
    assert main([*yeda, "building", "units", "创业大厦A座", "b1", "B1-01..B1-02"]) == 0
    assert "已添加房间 B1-01…B1-02" in capsys.readouterr().out
    floors = _floors_and_units(path, "创业大厦A座")
    assert floors["5"] == ["501", "502", "503", "505"] and floors["B1"] == ["B1-01", "B1-02"]
    assert set(floors) == {"B1", "1", "2", "3", "3A", "4", "5", "6"}

    assert main([*yeda, "building", "list"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert listed[0].split("\t")[1:] == ["创业大厦A座", "创业园 · 古现街道", "地上6层 地下1层",
                                         "6 间房间"]
    assert listed[-1] == "共 1 栋楼宇 / 1 buildings"
    # A subdistrict's buildings: none in the other one; a name the zone lacks is said.
    assert main([*yeda, "building", "list", "--subdistrict", "八角街道"]) == 0
    assert capsys.readouterr().out.splitlines() == ["共 0 栋楼宇 / 0 buildings"]
    assert main([*yeda, "building", "list", "--subdistrict", "古现街道"]) == 0
    assert capsys.readouterr().out.splitlines()[0].split("\t")[1] == "创业大厦A座"
    assert main([*yeda, "building", "list", "--subdistrict", "八角"]) == 2
    assert "找不到镇街：八角" in capsys.readouterr().err
    db = open_database(path)
    try:
        with db.reader() as s:
            officers = set(s.scalars(select(ChangeLog.officer)
                                     .where(ChangeLog.table_name == "units")))
    finally:
        db.close()
    assert officers == {"管理员"}


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["units", "创业大厦A座", "9", "901"], "楼宇“创业大厦A座”没有“9”层（现有：B1、1、2、3）"),
        (["units", "创业大厦A座", "2", "201"], "这些房间已经存在"),
        (["units", "创业大厦A座", "2", "1-9999"], "一次最多添加"),
        (["floor", "创业大厦A座", "3"], "3层已存在"),
        (["add", "创业大厦B座", "--cluster", "创业园", "--floors", "0"], "地上1至200层"),
        (["add", "  ", "--cluster", "创业园", "--floors", "3"], "楼宇名称：不能为空"),
        (["units", "没有这栋楼", "1", "101"], "找不到楼宇：没有这栋楼"),
    ],
)
def test_what_it_refuses_it_says_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], said: str
) -> None:
    path = tmp_path / "zone.sqlite"
    yeda = ["--db", str(path)]
    assert main([*yeda, "init"]) == 0
    assert main([*yeda, "zone", "add", "烟台开发区", "八角街道", "创业园"]) == 0
    assert main([*yeda, "building", "add", "创业大厦A座", "--cluster", "创业园",
                 "--floors", "3", "--basements", "1"]) == 0
    assert main([*yeda, "building", "units", "创业大厦A座", "2", "201"]) == 0
    before = _floors_and_units(path, "创业大厦A座")
    capsys.readouterr()
    assert main([*yeda, "building", *args]) == 2
    assert said in capsys.readouterr().err
    assert _floors_and_units(path, "创业大厦A座") == before


def test_what_was_typed_wrong_is_corrected(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "zone.sqlite"
    yeda = ["--db", str(path), "--officer", "管理员"]
    assert main([*yeda, "init"]) == 0
    assert main([*yeda, "zone", "add", "烟台开发区", "古现街道", "创业园"]) == 0
    assert main([*yeda, "building", "add", "创业大楼", "--cluster", "创业园", "--floors", "3"]) == 0
    assert main([*yeda, "building", "floor", "创业大楼", "3a"]) == 0
    assert main([*yeda, "building", "units", "创业大楼", "3a", "3A01-3A03"]) == 0
    assert main([*yeda, "org", "register", "创业大楼", "3A", "3A01", "烟台华盛科技有限公司"]) == 0
    capsys.readouterr()
    assert main([*yeda, "building", "rename", "创业大楼", "创业大厦A座"]) == 0
    assert "已将楼宇 创业大楼 改名为 创业大厦A座" in capsys.readouterr().out
    assert main([*yeda, "building", "rename-unit", "创业大厦A座", "3A", "3A03", "3A04"]) == 0
    assert main([*yeda, "building", "remove-unit", "创业大厦A座", "3A", "3A02"]) == 0
    assert main([*yeda, "building", "rename-floor", "创业大厦A座", "3", "2"]) == 2
    assert "楼层：2层已存在" in capsys.readouterr().err
    assert main([*yeda, "building", "remove-unit", "创业大厦A座", "3A", "3A01"]) == 2
    assert "3A01登记有单位“烟台华盛科技有限公司”" in capsys.readouterr().err
    assert main([*yeda, "building", "remove-floor", "创业大厦A座", "3A"]) == 2
    assert "3A层有2个房间，请先删除房间" in capsys.readouterr().err
    assert main([*yeda, "building", "remove-floor", "创业大厦A座", "3"]) == 0
    assert main([*yeda, "building", "rename-floor", "创业大厦A座", "3a", "3"]) == 0
    assert _floors_and_units(path, "创业大厦A座") == {"1": [], "2": [], "3": ["3A01", "3A04"]}
