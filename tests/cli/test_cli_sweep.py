"""The sweep from the command line: a unit's visit, its organizations (registered, attached,
moved out, verified, their fields) and their people, through the window's services; what
is refused is said, naming what there is, and nothing is written."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from yeda_desktop.cli.main import main
from yeda_desktop.models import (
    Building,
    ChangeLog,
    Occupancy,
    Organization,
    Person,
    Team,
    Unit,
    Visit,
)
from yeda_desktop.models.enums import Ownership, PartyStatus, PersonRole, VisitOutcome
from yeda_desktop.services import sweep
from yeda_desktop.storage import open_database

USCC = "91370600MA3C5KXX21"
NAME = "烟台测试新材料有限公司"


@pytest.fixture
def zone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[list[str], str, str]:
    """A small demo zone with an empty floor 30 (units 01-03) on its first building; the
    yeda command's start, the building's name and a team of the current campaign."""
    path = tmp_path / "demo.sqlite"
    yeda = ["--db", str(path), "--officer", "王芳"]
    assert main([*yeda, "demo", "--orgs", "40", "--seed", "3"]) == 0
    db = open_database(path)
    with db.reader() as s:
        building = s.scalars(select(Building.name).order_by(Building.name)).first()
        campaign = sweep.current_campaign(s)
        assert building and campaign
        team = s.scalars(select(Team.name).where(Team.campaign_id == campaign.id)).first()
        assert team
    db.close()
    assert main([*yeda, "building", "floor", building, "30"]) == 0
    assert main([*yeda, "building", "units", building, "30", "01-03"]) == 0
    capsys.readouterr()
    return yeda, building, team


def _db_state(yeda: list[str]) -> tuple[int, int, int, int, int]:
    db = open_database(yeda[1])
    try:
        with db.reader() as s:
            return tuple(s.scalar(select(func.count()).select_from(t))  # type: ignore[return-value]
                         for t in (Organization, Occupancy, Person, Visit, ChangeLog))
    finally:
        db.close()


def _org(yeda: list[str], name: str) -> Organization:
    db = open_database(yeda[1])
    try:
        with db.reader() as s:
            org = s.scalars(select(Organization).where(Organization.name == name)).one()
            s.expunge(org)
            return org
    finally:
        db.close()


def test_an_officer_visits_registers_and_fills_in_a_floor(
    zone: tuple[list[str], str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    yeda, building, team = zone
    assert main([*yeda, "visit", building, "30", "01", "vacant", "--note", "门口贴着招租"]) == 0
    assert "空置" in capsys.readouterr().out
    assert main([*yeda, "visit", building, "30", "02", "revisit", "--team", team]) == 0
    assert main([*yeda, "org", "register", building, "30", "03", NAME, "--staff", "120",
                 "--uscc", USCC.lower(), "--ownership", "foreign", "--phone", "13912345678"]) == 0
    said = capsys.readouterr().out
    assert f"已登记单位“{NAME}”于{building} 30层 03" in said

    db = open_database(yeda[1])
    with db.reader() as s:
        visits = {u: (o, n, who, t) for u, o, n, who, t in s.execute(
            select(Unit.label, Visit.outcome, Visit.note, Visit.officer, Team.name)
            .join(Visit, Visit.unit_id == Unit.id).outerjoin(Team, Team.id == Visit.team_id)
            .where(Unit.label.in_(["01", "02", "03"])))}
        campaign = sweep.current_campaign(s)
        assert campaign and {v.campaign_id for v in s.scalars(select(Visit).join(Unit).where(
            Unit.label.in_(["01", "02", "03"])))} == {campaign.id}
    db.close()
    assert visits == {"01": (VisitOutcome.VACANT, "门口贴着招租", "王芳", None),
                      "02": (VisitOutcome.REVISIT, None, "王芳", team),
                      "03": (VisitOutcome.REGISTERED, None, "王芳", None)}
    org = _org(yeda, NAME)
    assert (org.uscc, org.staff_count, org.ownership, org.contact_phone) == (
        USCC, 120, Ownership.FOREIGN, "13912345678")

    # its fields as the pane's boxes take them: a count cleared, a text cleared, a name
    assert main([*yeda, "org", "set", NAME, "--staff", "", "--members", "3", "--phone", "",
                 "--legal-rep", "马志娟", "--note", "新入驻"]) == 0
    said = capsys.readouterr().out
    assert "已修改 职工人数、党员人数（自报）、联系电话、法定代表人、备注" in said
    org = _org(yeda, NAME)
    assert (org.staff_count, org.reported_member_count, org.contact_phone, org.legal_rep,
            org.note) == (None, 3, None, "马志娟", "新入驻")

    # its people: added, shown with their role and id, changed by that id, removed
    assert main([*yeda, "person", "add", NAME, "李明", "--party-status", "full",
                 "--role", "party_worker", "--transferred", "no", "--joined", "2015-07-01",
                 "--id-number", "11010519491231002x"]) == 0
    assert main([*yeda, "person", "add", NAME, "王五"]) == 0
    capsys.readouterr()
    assert main([*yeda, "org", "show", NAME]) == 0
    shown = capsys.readouterr().out
    assert "法定代表人 legal representative: 马志娟" in shown and "备注 note: 新入驻" in shown
    people = {line.split("\t")[1]: line.strip().split("\t") for line in shown.splitlines()
              if line.startswith("  ") and line.count("\t") == 8}
    assert people["李明"][2:] == ["党务工作者", "—", "110105********002X", "—", "正式党员", "否",
                                 "2015-07-01"]
    assert people["王五"][2] == "职工"
    assert main([*yeda, "person", "set", people["王五"][0], "--party-status", "activist",
                 "--role", "contact", "--phone", "13800001111"]) == 0
    assert main([*yeda, "person", "remove", "李明", "--org", NAME]) == 0
    db = open_database(yeda[1])
    with db.reader() as s:
        assert [(p.name, p.party_status, p.role, p.phone) for p in s.scalars(
            select(Person).where(Person.organization_id == org.id))] == [
            ("王五", PartyStatus.ACTIVIST, PersonRole.CONTACT, "13800001111")]
    db.close()


def test_a_second_room_of_one_organization_is_attached_not_registered_twice(
    zone: tuple[list[str], str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    yeda, building, _team = zone
    assert main([*yeda, "org", "register", building, "30", "01", NAME]) == 0
    capsys.readouterr()
    before = _db_state(yeda)
    assert main([*yeda, "org", "register", building, "30", "02", NAME]) == 2
    refusal = capsys.readouterr().err
    assert f"已有同名单位：{NAME}（" in refusal and "30层 01室" in refusal
    assert "yeda org attach" in refusal
    assert _db_state(yeda) == before

    assert main([*yeda, "org", "attach", NAME, building, "30", "02"]) == 0
    assert main([*yeda, "org", "confirm", NAME]) == 0
    assert "本次扫楼已核实" in capsys.readouterr().out.splitlines()[-1]  # attach verified it
    assert main([*yeda, "org", "show", NAME]) == 0
    assert f"{building} 30层 01；" in capsys.readouterr().out
    assert main([*yeda, "org", "detach", NAME, building, "30", "01"]) == 0
    assert main([*yeda, "org", "detach", NAME, building, "30", "01"]) == 2
    assert f"单位“{NAME}”不在{building} 30层 01" in capsys.readouterr().err
    assert main([*yeda, "org", "register", building, "30", "03", NAME, "--new"]) == 0
    db = open_database(yeda[1])
    with db.reader() as s:
        assert s.scalar(select(func.count()).where(Organization.name == NAME)) == 2
    db.close()


def test_what_the_sweep_commands_refuse_they_say_and_write_nothing(
    zone: tuple[list[str], str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    yeda, building, _team = zone
    assert main([*yeda, "org", "register", building, "30", "01", NAME, "--uscc", USCC]) == 0
    capsys.readouterr()
    before = _db_state(yeda)
    refused = {
        ("visit", building, "30", "09", "vacant"):
            f"{building} 30层没有“09”房间（现有：01、02、03）",
        ("visit", building, "99", "01", "vacant"): f"楼宇“{building}”没有“99”层（现有：",
        ("visit", building, "30", "02", "vacant", "--team", "第九小组"):
            "没有名为“第九小组”的扫楼小组（现有：",
        ("org", "register", building, "30", "02", "另一家公司", "--uscc", USCC):
            f"统一社会信用代码：已被单位“{NAME}”使用；若是同一单位，请用“关联已有单位”",
        ("org", "register", building, "30", "02", "另一家公司", "--staff", "12x"):
            "职工人数：应为整数",
        ("org", "register", building, "30", "02", "另一家公司", "--phone", "12"):
            "联系电话：",
        ("person", "add", NAME, "王五", "--id-number", "110105194912310021"):
            "身份证号：校验位不正确",
        ("person", "add", NAME, "王五", "--joined", "2999-01-01"): "入党日期：不能晚于今天",
        ("person", "set", "李明", "--org", NAME, "--phone", "13800001111"): "找不到人员：李明",
        ("org", "set", NAME): "请至少给出一项要修改的内容",
    }
    for args, reason in refused.items():
        assert main([*yeda, *args]) == 2, args
        assert reason in capsys.readouterr().err, args
    assert _db_state(yeda) == before

    # another organization's code: the one that has it is named, not a traceback
    assert main([*yeda, "org", "register", building, "30", "02", "烟台小微设计有限公司"]) == 0
    capsys.readouterr()
    before = _db_state(yeda)
    assert main([*yeda, "org", "set", "烟台小微设计有限公司", "--uscc", USCC,
                 "--staff", "30"]) == 2
    assert f"统一社会信用代码：已被单位“{NAME}”使用" in capsys.readouterr().err
    assert _db_state(yeda) == before  # the staff count neither: all of it, or none
    assert _org(yeda, "烟台小微设计有限公司").staff_count is None


def test_kind_and_ownership_are_kept_as_a_pair(
    zone: tuple[list[str], str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    yeda, building, _ = zone
    name = "烟台市开发区软件行业协会"
    assert main([*yeda, "org", "register", building, "30", "01", name, "--kind", "social"]) == 0
    assert (_org(yeda, name).kind, _org(yeda, name).ownership) == ("social", "association")
    capsys.readouterr()
    assert main([*yeda, "org", "set", name, "--ownership", "foundation"]) == 0
    out = capsys.readouterr().out
    assert "类型 kind: 社会组织 · 基金会" in out
    assert main([*yeda, "org", "set", name, "--ownership", "mixed"]) == 0
    assert "经济类型、单位类别" in capsys.readouterr().out  # the kind followed, and says so
    assert (_org(yeda, name).kind, _org(yeda, name).ownership) == ("enterprise", "mixed")
    before = _db_state(yeda)
    assert main([*yeda, "org", "set", name, "--kind", "social", "--ownership", "private"]) == 2
    assert "经济类型：“私营企业”不是社会组织的经济类型" in capsys.readouterr().err
    assert _db_state(yeda) == before
    assert main([*yeda, "check"]) == 0
