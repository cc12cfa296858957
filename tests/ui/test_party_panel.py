"""In the real main window: the officer records what an organization is (foreign-invested,
its four haves) and what closes its coverage gaps (a joint branch its neighbour joins, an
instructor sent and withdrawn); the flags follow each step, and undo takes it back."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from window_open import open_window

from yeda_desktop.models import (
    Building,
    Cluster,
    Floor,
    Organization,
    PartyOrg,
    Subdistrict,
    Unit,
    Zone,
)
from yeda_desktop.models.enums import ClusterKind, KeyIndustry, OrgKind, Ownership, PartyOrgType
from yeda_desktop.services import edits, places, sweep
from yeda_desktop.storage import open_database
from yeda_desktop.ui import party_dialogs
from yeda_desktop.ui.detail_pane import DetailPane
from yeda_desktop.ui.settings import AppSettings


@pytest.fixture
def two_neighbours(tmp_path: Path) -> tuple[Path, str, str, list[str]]:
    """A floor with two registered organizations: 120 staff (301) and 30 staff (302)."""
    path = tmp_path / "zone.sqlite"
    db = open_database(path)
    with db.session(officer="测试") as s:
        zone = Zone(name="烟台开发区")
        sub = Subdistrict(zone=zone, name="福莱山街道")
        cluster = Cluster(subdistrict=sub, name="国际人才港", kind=ClusterKind.PARK)
        building = Building(cluster=cluster, name="人才港一号楼", floors_above=5)
        floor = Floor(building=building, label="3")
        s.add_all([zone, sub, cluster, building, floor])
        s.flush()
        campaign = sweep.ensure_current_campaign(s)
        add = places.add_units(s, floor.id, "301-302")
        edits.apply(s, add)
        units = add.created(Unit)
        for unit, (name, staff) in zip(
                units, (("烟台华盛科技有限公司", 120), ("烟台小微设计有限公司", 30)), strict=True):
            edits.apply(s, sweep.register_organization(s, unit, name, campaign.id, "测试",
                                                       staff_count=staff))
        ids = building.id, floor.id
    db.close()
    return path, ids[0], ids[1], units


def _rules(detail: DetailPane) -> set[str]:
    return {f.rule_id for f in detail.findings}


def _answer(monkeypatch: pytest.MonkeyPatch, form: type[QDialog],
            fill: Callable[[Any], None]) -> list[str]:
    """Stand in for the form's exec: the officer fills it in and presses OK (the refusals
    it showed on the way are returned)."""
    refusals: list[str] = []

    def run(dialog: Any) -> int:
        def ok() -> None:
            dialog.accept()
            if dialog.result() != QDialog.DialogCode.Accepted:
                refusals.append(dialog.error.text())

        dialog.press_ok = ok
        fill(dialog)
        return int(dialog.result())

    monkeypatch.setattr(form, "exec", run)
    return refusals


def test_an_officer_closes_coverage_gaps_in_the_data(
    qtbot: QtBot, zh_app: QApplication, settings: AppSettings,
    two_neighbours: tuple[Path, str, str, list[str]], monkeypatch: pytest.MonkeyPatch,
) -> None:
    path, building, floor, (big_unit, small_unit) = two_neighbours
    window = open_window(qtbot, settings, path)
    window.show_floor(building, floor, big_unit)
    detail, panel = window.detail, window.detail.party
    assert {"no_party_org", "no_work_coverage"} <= _rules(detail)
    assert panel.party_orgs.text() == "无" and not panel.leave_button.isEnabled()

    # 外资企业: the two "haves" the officer records appear, and the four-haves flag
    fields = detail.class_fields
    assert not detail.org_form.isRowVisible(fields.haves)
    fields.ownership.setCurrentIndex(fields.ownership.findData(Ownership.FOREIGN))
    fields.ownership.activated.emit(fields.ownership.currentIndex())
    assert detail.org_form.isRowVisible(fields.haves) and "four_haves" in _rules(detail)
    haves = next(f for f in detail.findings if f.rule_id == "four_haves")
    assert "有作用" in haves.zh
    fields.activities.click()
    fields.guarantees.click()
    assert "有作用" not in next(f for f in detail.findings if f.rule_id == "four_haves").zh

    def form(dialog: party_dialogs.FormPartyOrgDialog) -> None:
        # no full member yet: a joint branch with the neighbours is suggested
        assert PartyOrgType(dialog.type.currentData()) is PartyOrgType.JOINT_BRANCH
        dialog.press_ok()  # no name: refused, at the form
        dialog.name.setText("人才港一号楼联合党支部")
        dialog.secretary.setText("刘洋")
        dialog.press_ok()

    refused = _answer(monkeypatch, party_dialogs.FormPartyOrgDialog, form)
    panel.form_button.click()
    assert refused == ["党组织名称：至少2个字"]
    assert panel.party_orgs.text() == "人才港一号楼联合党支部（联合党支部）"
    assert not {"no_party_org", "no_work_coverage"} & _rules(detail)


    # The neighbour is offered the building's joint branch first, and joins it.
    window.show_floor(building, floor, small_unit)
    assert panel.party_orgs.text() == "无"

    def join(dialog: party_dialogs.JoinPartyOrgDialog) -> None:
        assert dialog.choice.itemText(0) == (
            "人才港一号楼联合党支部（联合党支部，覆盖 1 家）（本楼宇）")
        dialog.press_ok()

    _answer(monkeypatch, party_dialogs.JoinPartyOrgDialog, join)
    panel.join_button.click()
    assert panel.party_orgs.text() == "人才港一号楼联合党支部（联合党支部）"
    assert "no_work_coverage" not in _rules(detail)

    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    panel.leave_button.click()
    assert panel.party_orgs.text() == "无" and "no_work_coverage" in _rules(detail)

    # An instructor instead: sent, then withdrawn; undo brings him back.
    def send(dialog: party_dialogs.SendInstructorDialog) -> None:
        dialog.name.setText("张建国")
        dialog.phone.setText("13805351234")
        dialog.starts.setDate(dialog.starts.date().addDays(-30))  # sent a month ago
        dialog.press_ok()

    _answer(monkeypatch, party_dialogs.SendInstructorDialog, send)
    panel.send_button.click()
    assert panel.instructors.text().startswith("张建国 13805351234，自 ")
    assert "no_work_coverage" not in _rules(detail) and panel.end_button.isEnabled()

    def end(dialog: party_dialogs.EndAssignmentDialog) -> None:
        today = dialog.ends.date()
        assert dialog.ends.minimumDate() == today.addDays(-30)  # not before he was sent
        dialog.ends.setDate(today.addDays(-1))  # his last day was yesterday
        dialog.press_ok()

    _answer(monkeypatch, party_dialogs.EndAssignmentDialog, end)
    panel.end_button.click()
    assert panel.instructors.text() == "无" and "no_work_coverage" in _rules(detail)
    window.act_undo.trigger()
    assert panel.instructors.text().startswith("张建国")
    assert "no_work_coverage" not in _rules(detail)

    # The branch's form and secretary corrected later, in one undoable step.
    def change(dialog: party_dialogs.ChangePartyOrgDialog) -> None:
        assert (dialog.name.text(), dialog.secretary.text()) == ("人才港一号楼联合党支部", "刘洋")
        assert dialog.established.date().toPython() == date.today()  # the form's default
        dialog.secretary.setText("赵敏")
        dialog.type.setCurrentIndex(dialog.type.findData(PartyOrgType.BRANCH))
        dialog.press_ok()

    _answer(monkeypatch, party_dialogs.ChangePartyOrgDialog, change)
    window.show_floor(building, floor, big_unit)
    panel.change_button.click()
    assert panel.party_orgs.text() == "人才港一号楼联合党支部（党支部）"
    window.act_undo.trigger()  # one step: type and secretary together
    assert panel.party_orgs.text() == "人才港一号楼联合党支部（联合党支部）"
    window.act_redo.trigger()
    window.close()

    db = open_database(path)
    with db.reader() as s:
        big = s.scalars(select(Organization).where(Organization.staff_count == 120)).one()
        assert (big.ownership, big.has_party_activities, big.has_party_guarantees) == (
            Ownership.FOREIGN, True, True)
        party = s.scalars(select(PartyOrg)).one()
        assert (party.type, party.secretary_name, party.established_on) == (
            PartyOrgType.BRANCH, "赵敏", date.today())
    db.close()


def test_the_fields_the_registration_form_prints_are_typed_in_the_pane(
    qtbot: QtBot, zh_app: QApplication, settings: AppSettings,
    two_neighbours: tuple[Path, str, str, list[str]],
) -> None:
    """法定代表人, 单位地址 and 备注 are on the printed form: the officer types them; a
    refusal names the field; clearing a field stores nothing, not an empty text."""
    from PySide6.QtCore import Qt

    path, building, floor, (big_unit, _small) = two_neighbours
    window = open_window(qtbot, settings, path)
    window.show_floor(building, floor, big_unit)
    detail = window.detail

    def type_in(key: str, text: str) -> None:
        edit = detail.fields[key].edit
        edit.setFocus()
        edit.selectAll()
        qtbot.keyClick(edit, Qt.Key.Key_Delete)
        if text:
            edit.insert(text)  # (an input method commits Chinese; QtTest types ASCII)
        edit.setModified(True)
        qtbot.keyClick(edit, Qt.Key.Key_Tab)

    type_in("legal_rep", "王2")
    assert detail.fields["legal_rep"].error.text() == "法定代表人：不能包含数字"
    type_in("legal_rep", "王建华")
    type_in("address", "烟台市开发区长江路 218 号 301 室")
    type_in("note", "前台登记，负责人出差")
    assert detail.fields["legal_rep"].error.isHidden()
    type_in("note", "")
    window.close()
    db = open_database(path)
    with db.reader() as s:
        org = s.scalars(select(Organization).where(Organization.staff_count == 120)).one()
        assert (org.legal_rep, org.address, org.note) == (
            "王建华", "烟台市开发区长江路 218 号 301 室", None)
    db.close()


def test_the_organization_s_marks_are_recorded_in_the_pane_and_undone(
    qtbot: QtBot, zh_app: QApplication, settings: AppSettings,
    two_neighbours: tuple[Path, str, str, list[str]],
) -> None:
    """规模以上企业, 上市公司, 重点非公企业 and the key industry were in the data (the demo
    wrote them) but no one could record them: the officer ticks and picks them; Ctrl+Z
    undoes one step each."""
    path, building, floor, (big_unit, _small) = two_neighbours
    window = open_window(qtbot, settings, path)
    window.show_floor(building, floor, big_unit)
    fields = window.detail.class_fields
    assert window.detail.org_form.isRowVisible(fields.marks)
    texts = [fields.above_size.text(), fields.listed.text(), fields.key_enterprise.text()]
    assert texts == ["规模以上企业", "上市公司", "重点非公企业"]
    assert [fields.key_industry.itemText(i) for i in range(fields.key_industry.count())] == [
        "不属于重点行业", *(k.zh for k in KeyIndustry)]
    fields.above_size.click()
    fields.key_enterprise.click()
    fields.key_industry.setCurrentIndex(fields.key_industry.findData(KeyIndustry.EXPRESS))
    fields.key_industry.activated.emit(fields.key_industry.currentIndex())
    window.act_undo.trigger()  # the key industry, not the boxes
    window.show_floor(building, floor, big_unit)
    assert fields.key_industry.currentData() is None and fields.key_enterprise.isChecked()
    fields.key_industry.setCurrentIndex(fields.key_industry.findData(KeyIndustry.HAZCHEM))
    fields.key_industry.activated.emit(fields.key_industry.currentIndex())
    window.show_floor(building, floor, big_unit)  # read again from the database
    assert fields.above_size.isChecked() and fields.key_enterprise.isChecked()
    assert not fields.listed.isChecked()
    assert fields.key_industry.currentData() == KeyIndustry.HAZCHEM
    window.close()
    db = open_database(path)
    with db.reader() as s:
        org = s.scalars(select(Organization).where(Organization.staff_count == 120)).one()
        assert (org.is_above_size, org.is_listed, org.is_key_enterprise, org.key_industry) == (
            True, False, True, KeyIndustry.HAZCHEM)
    db.close()


def test_the_list_of_party_organizations_finds_one_by_an_organization_and_corrects_it(
    qtbot: QtBot, zh_app: QApplication, settings: AppSettings,
    two_neighbours: tuple[Path, str, str, list[str]], monkeypatch: pytest.MonkeyPatch,
) -> None:
    from yeda_desktop.services import party_work
    from yeda_desktop.ui.party_list_dialog import PartyListDialog

    path, _building, _floor, _units = two_neighbours
    db = open_database(path)
    with db.reader() as s:
        big, small = (s.scalar(select(Organization.id).where(Organization.staff_count == n))
                      for n in (120, 30))
    for org, name in ((big, "华盛科技党支部"), (small, "小微设计联合党支部")):
        with db.session(officer="测试") as s:
            edits.apply(s, party_work.form_party_org(s, org, name, PartyOrgType.BRANCH))
    db.close()
    window = open_window(qtbot, settings, path)
    seen: list[list[str]] = []

    def use(dialog: PartyListDialog) -> int:
        qtbot.waitUntil(lambda: dialog.model.rowCount() == 2, timeout=5000)
        assert dialog.count.text() == "2 / 2 个"
        dialog.filter.setText("小微")  # an organization's name finds its party organization
        qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=2000)
        dialog.table.selectRow(0)
        assert dialog.change_button.isEnabled()
        dialog.change()
        qtbot.waitUntil(lambda: dialog.model.rowCount() == 1 and dialog.model.rows[0]
                        .type is PartyOrgType.JOINT_BRANCH, timeout=5000)
        seen.append([str(dialog.model.index(0, c).data()) for c in range(6)])
        return 0

    def fix(dialog: party_dialogs.ChangePartyOrgDialog) -> None:
        dialog.type.setCurrentIndex(dialog.type.findData(PartyOrgType.JOINT_BRANCH))
        dialog.secretary.setText("周丽")
        dialog.press_ok()

    monkeypatch.setattr(PartyListDialog, "exec", use)
    _answer(monkeypatch, party_dialogs.ChangePartyOrgDialog, fix)
    window.act_parties.trigger()
    [row] = seen
    assert row[:3] == ["小微设计联合党支部", "联合党支部", "周丽"]
    assert row[4:] == ["1", "烟台小微设计有限公司"]
    window.close()


def test_a_code_another_organization_has_is_refused_under_the_box(
    qtbot: QtBot, zh_app: QApplication, settings: AppSettings,
    two_neighbours: tuple[Path, str, str, list[str]],
) -> None:
    """The USCC of another organization typed in the pane ended in the database's
    IntegrityError (a crash dialog); now the box says who has the code, and nothing
    is saved."""
    from PySide6.QtCore import Qt

    path, building, floor, (_big_unit, small_unit) = two_neighbours
    code = "91370600MA3C5KXX21"
    db = open_database(path)
    with db.session(officer="测试") as s:
        big = s.scalars(select(Organization).where(Organization.staff_count == 120)).one()
        edits.apply(s, edits.set_field(s, Organization, big.id, "uscc", code))  # type: ignore[arg-type]
    db.close()
    window = open_window(qtbot, settings, path)
    window.show_floor(building, floor, small_unit)
    detail = window.detail
    box = detail.fields["uscc"].edit
    box.setFocus()
    box.insert(code.lower())
    box.setModified(True)
    qtbot.keyClick(box, Qt.Key.Key_Tab)
    assert detail.fields["uscc"].error.text() == (
        "统一社会信用代码：已被单位“烟台华盛科技有限公司”使用；若是同一单位，请用“关联已有单位”")
    assert not window.act_undo.isEnabled()  # nothing was done
    window.close()
    db = open_database(path)
    with db.reader() as s:
        assert s.scalar(select(Organization.uscc).where(Organization.staff_count == 30)) is None
    db.close()


def test_the_ownership_drop_down_offers_the_kind_s_own(
    qtbot: QtBot, zh_app: QApplication, settings: AppSettings,
    two_neighbours: tuple[Path, str, str, list[str]],
) -> None:
    """An association registered as an enterprise: choosing 社会组织 offers 社会团体, 民办非企业单位
    and 基金会 and stores one of them (it stayed 私营企业 before, and the statistics counted it
    among the private enterprises); one Ctrl+Z brings both back."""
    path, building, floor, (_big, small_unit) = two_neighbours
    window = open_window(qtbot, settings, path)
    window.show_floor(building, floor, small_unit)
    fields = window.detail.class_fields

    def offered() -> list[str]:
        return [fields.ownership.itemText(i) for i in range(fields.ownership.count())]

    assert offered() == ["私营企业", "外资企业", "港澳台资企业", "个体工商户", "混合所有制企业"]
    fields.kind.setCurrentIndex(fields.kind.findData(OrgKind.SOCIAL))
    fields.kind.activated.emit(fields.kind.currentIndex())
    assert offered() == ["社会团体", "民办非企业单位", "基金会"]
    assert fields.ownership.currentText() == "社会团体"
    fields.ownership.setCurrentIndex(fields.ownership.findData(Ownership.FOUNDATION))
    fields.ownership.activated.emit(fields.ownership.currentIndex())
    db = open_database(path)
    with db.reader() as s:
        org = s.scalars(select(Organization).where(Organization.staff_count == 30)).one()
        assert (org.kind, org.ownership) == (OrgKind.SOCIAL, Ownership.FOUNDATION)
    window.act_undo.trigger()  # the foundation
    window.act_undo.trigger()  # the kind, and the ownership it brought
    assert fields.kind.currentData() == OrgKind.ENTERPRISE
    assert fields.ownership.currentText() == "私营企业"
    with db.reader() as s:
        org = s.scalars(select(Organization).where(Organization.staff_count == 30)).one()
        assert (org.kind, org.ownership) == (OrgKind.ENTERPRISE, Ownership.PRIVATE)
    db.close()
    window.close()
