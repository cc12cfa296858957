"""Imports: header guessing, a row-by-row report, nothing written unaccepted, round trips."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from sqlalchemy import func, select

from yeda_desktop.excel import apply_plan, export_xlsx, guess_mapping, plan_import, read_sheet
from yeda_desktop.models import ChangeLog, Organization, Person
from yeda_desktop.models.enums import PartyStatus
from yeda_desktop.storage import Database


def _counts(db: Database) -> tuple[int, int, int]:
    with db.reader() as s:
        return (
            s.scalar(select(func.count()).select_from(Organization)) or 0,
            s.scalar(select(func.count()).select_from(Person)) or 0,
            s.scalar(select(func.count()).select_from(ChangeLog)) or 0,
        )


def _xlsx(path: Path, rows: list[list[object]]) -> Path:
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    wb.save(path)
    return path


def test_common_chinese_headers_are_guessed() -> None:
    headers = ["序号", "企业名称", "统一社会信用代码", "从业人员数", "党员数（人）", "备注"]
    assert guess_mapping("organizations", headers) == {
        "name": 1, "uscc": 2, "staff_count": 3, "reported_member_count": 4}
    roster = ["姓名", "性别", "公民身份号码", "政治面貌", "所在党组织", "工作单位"]
    mapping = guess_mapping("roster", roster)
    assert mapping["id_number"] == 2 and mapping["organization"] == 5


def test_organization_round_trip_changes_nothing(registered: Database, tmp_path: Path) -> None:
    with registered.reader() as s:
        path, _ = export_xlsx(s, "organizations", tmp_path / "orgs.xlsx")
    before = _counts(registered)
    sheet = read_sheet(path)
    with registered.session(officer="测试") as s:
        plan = plan_import(s, "organizations", sheet, guess_mapping("organizations", sheet.headers))
        assert [r.action for r in plan.rows] == ["unchanged", "unchanged"]
        apply_plan(s, plan)
    assert _counts(registered) == before


def test_roster_round_trip_changes_nothing(registered: Database, tmp_path: Path) -> None:
    with registered.reader() as s:
        path, _ = export_xlsx(s, "roster", tmp_path / "roster.xlsx", show_ids=True)
    before = _counts(registered)
    sheet = read_sheet(path)
    with registered.session(officer="测试") as s:
        plan = plan_import(s, "roster", sheet, guess_mapping("roster", sheet.headers))
        assert [r.action for r in plan.rows] == ["unchanged", "unchanged"], plan.rows
        apply_plan(s, plan)
    assert _counts(registered) == before


def test_matched_records_are_updated_not_duplicated(registered: Database, tmp_path: Path) -> None:
    with registered.reader() as s:
        uscc = s.scalars(select(Organization.uscc).where(Organization.staff_count == 8)).one()
    path = _xlsx(tmp_path / "upd.xlsx", [
        ["单位名称", "统一社会信用代码", "职工人数"],
        ["烟台衡山路商贸有限公司", uscc, 60],
        ["烟台新来的餐饮有限公司", None, 12],
    ])
    sheet = read_sheet(path)
    with registered.session(officer="测试") as s:
        plan = plan_import(s, "organizations", sheet, guess_mapping("organizations", sheet.headers))
        assert [(r.action, r.changes) for r in plan.rows] == [
            ("update", ["staff_count"]), ("create", [])]
        result = apply_plan(s, plan)
    assert (result.created, result.updated) == (1, 1)
    with registered.reader() as s:
        assert s.scalar(select(func.count()).select_from(Organization)) == 3
        assert s.scalars(select(Organization.staff_count).where(
            Organization.uscc == uscc)).one() == 60


def test_bad_rows_give_a_report_and_nothing_is_written_unaccepted(
    registered: Database, tmp_path: Path
) -> None:
    path = _xlsx(tmp_path / "bad.xlsx", [
        ["单位名称", "统一社会信用代码", "职工人数", "经济类型"],
        ["烟台好单位有限公司", None, 30, "私营企业"],
        ["", None, 10, None],
        ["烟台坏代码有限公司", "91370600XXXXXXXXX1", 5, None],
        ["烟台负人数有限公司", None, -3, None],
        ["烟台怪类型有限公司", None, 3, "火星企业"],
        ["烟台好单位有限公司", None, 31, None],
    ])
    before = _counts(registered)
    sheet = read_sheet(path)
    with registered.session(officer="测试") as s:
        plan = plan_import(s, "organizations", sheet, guess_mapping("organizations", sheet.headers))
        s.rollback()
    assert _counts(registered) == before
    report = {r.row: (r.action, " ".join(r.messages_zh)) for r in plan.rows}
    assert report[2][0] == "create"
    assert "单位名称" in report[3][1]
    assert "统一社会信用代码" in report[4][1]
    assert "负数" in report[5][1]
    assert "经济类型" in report[6][1]
    assert "第 2 行" in report[7][1]
    assert plan.count("error") == 5


def test_roster_rows_need_a_known_organization(registered: Database, tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "r.xlsx", [
        ["姓名", "身份证号", "政治面貌", "所在单位"],
        ["王芳", None, "正式党员", "烟台衡山路商贸有限公司"],
        ["赵强", None, "正式党员", "不存在的公司"],
        ["钱多", "110101199001011234", "预备党员", "烟台衡山路商贸有限公司"],
    ])
    sheet = read_sheet(path)
    with registered.session(officer="测试") as s:
        plan = plan_import(s, "roster", sheet, guess_mapping("roster", sheet.headers))
        assert [r.action for r in plan.rows] == ["create", "error", "error"]
        apply_plan(s, plan)
    with registered.reader() as s:
        wang = s.scalars(select(Person).where(Person.name == "王芳")).one()
        assert wang.party_status == PartyStatus.FULL
        assert s.scalar(select(func.count()).select_from(Person)) == 3


def test_the_marks_travel_through_the_workbook(registered: Database, tmp_path: Path) -> None:
    """A list from the market-supervision bureau marks 规上 and 重点行业: 是/否 set a mark, a
    blank cell leaves it; the organization workbook writes them as it reads them."""
    from yeda_desktop.models.enums import KeyIndustry

    with registered.reader() as s:
        uscc = s.scalars(select(Organization.uscc).where(Organization.staff_count == 8)).one()
    path = _xlsx(tmp_path / "marks.xlsx", [
        ["单位名称", "统一社会信用代码", "规上企业", "上市公司", "重点行业"],
        ["烟台衡山路商贸有限公司", uscc, "是", None, "快递"],
        ["烟台新来的物流有限公司", None, "否", "是", None],
        ["烟台写错的有限公司", None, "大概", None, None],
        ["烟台也写错的有限公司", None, None, None, "造船"],
    ])
    sheet = read_sheet(path)
    with registered.session(officer="测试") as s:
        plan = plan_import(s, "organizations", sheet, guess_mapping("organizations", sheet.headers))
        assert [(r.action, r.changes) for r in plan.rows[:2]] == [
            ("update", ["is_above_size", "key_industry"]), ("create", [])]
        refusals = [r.messages_zh for r in plan.rows[2:]]
        assert refusals[0] == ["规模以上企业：应为“是”或“否”"]
        assert refusals[1][0].startswith("重点行业：应为上市公司、化学危化品、快递")
        apply_plan(s, plan)
    with registered.reader() as s:
        marked = s.scalars(select(Organization).where(Organization.uscc == uscc)).one()
        assert (marked.is_above_size, marked.is_listed, marked.key_industry) == (
            True, False, KeyIndustry.EXPRESS)
        new = s.scalars(select(Organization).where(
            Organization.name == "烟台新来的物流有限公司")).one()
        assert (new.is_above_size, new.is_listed, new.key_industry) == (False, True, None)
        written, _ = export_xlsx(s, "organizations", tmp_path / "back.xlsx")
    back = read_sheet(written)
    cells = dict(zip(back.headers, next(r for r in back.rows if r[1][1] == uscc)[1],
                     strict=False))
    assert (cells["规模以上企业"], cells["上市公司"], cells["重点行业"]) == ("是", "否", "快递")


def test_kind_and_ownership_arrive_as_a_pair(registered: Database, tmp_path: Path) -> None:
    """The ownership brings its kind; a kind alone an ownership of its own; at odds, the row
    is refused saying why, and the others are imported."""
    with registered.reader() as s:
        foreign = s.scalars(select(Organization.uscc).where(
            Organization.ownership == "foreign")).one()
    path = _xlsx(tmp_path / "kinds.xlsx", [
        ["单位名称", "统一社会信用代码", "单位类别", "经济类型"],
        ["烟台市开发区慈善基金会", None, None, "基金会"],
        ["烟台市开发区物流协会", None, "社会组织", None],
        ["烟台业达示例科技有限公司", foreign, "非公企业", None],
        ["烟台错配有限公司", None, "非公企业", "民办非企业单位"],
    ])
    sheet = read_sheet(path)
    with registered.session(officer="测试") as s:
        plan = plan_import(s, "organizations", sheet, guess_mapping("organizations", sheet.headers))
        apply_plan(s, plan)
    report = {r.row: (r.action, " ".join(r.messages_zh)) for r in plan.rows}
    assert report[4] == ("unchanged", "")  # a foreign enterprise stays foreign
    assert report[5] == ("error", "经济类型：“民办非企业单位”不是非公企业的经济类型"
                                  "（非公企业：私营企业、外资企业、港澳台资企业、个体工商户、混合所有制企业）")
    with registered.reader() as s:
        pairs = {name: (kind, ownership) for name, kind, ownership in s.execute(
            select(Organization.name, Organization.kind, Organization.ownership))}
    assert pairs["烟台市开发区慈善基金会"] == ("social", "foundation")
    assert pairs["烟台市开发区物流协会"] == ("social", "association")
    assert "烟台错配有限公司" not in pairs
