"""The centre sets up a sweep team and its buildings; the team's laptop gets just those.

Until 2026-11-29 only the demo made teams: a centre set up for real had none to enrol a
laptop for or to write a baseline of.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest
from flow_helpers import Site, demo_centre, first_team, team_laptop
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from scripted_questions import ScriptedQuestions
from sqlalchemy import text

from yeda_desktop.services import teams
from yeda_desktop.ui.sync_teams import TeamsView


def names(site: Site, sql: str) -> list[str]:
    db = site.open()
    try:
        with db.reader() as session:
            return sorted(str(r[0]) for r in session.execute(text(sql)))
    finally:
        db.close()


def test_a_team_set_up_from_the_command_line_gets_its_buildings_on_its_laptop(
    tmp_path: Path,
) -> None:
    centre, stick = demo_centre(tmp_path, 40, profile=False)
    chosen = names(centre, "SELECT name FROM buildings ORDER BY id LIMIT 2")
    assert "已新建扫楼小组 / team added: 东区组" in centre.cli("teams", "add", "东区组",
                                                            "--leader", "王芳")
    out = centre.cli("teams", "assign", "东区组", *chosen)
    assert "东区组：新增楼宇 added 2" in out and "原属 from" in out  # from the demo's teams
    listed = centre.cli("teams", "list", "--buildings")
    assert "东区组" in listed and all(f"    {b}  " in listed for b in chosen)
    assert " · " in listed  # each building with its subdistrict and cluster
    refused = centre.cli("teams", "add", "东区组", expect=2)
    assert "小组名称：已有名为“东区组”的扫楼小组" in refused

    centre.cli("profile", "export", str(stick / "profile.yeda"))  # the teams travel in it
    laptop = team_laptop(centre, tmp_path / "laptop", stick, "东区组")
    assert names(laptop, "SELECT name FROM buildings") == sorted(chosen)


def test_a_team_removed_at_the_centre_leaves_the_laptops_with_the_next_profile(
    tmp_path: Path,
) -> None:
    centre, stick = demo_centre(tmp_path, 40, profile=False)
    team = first_team(centre)  # a demo team: visits recorded, and this laptop enrolled for it
    centre.cli("teams", "add", "临时组")
    centre.cli("profile", "export", str(stick / "profile.yeda"))
    laptop = team_laptop(centre, tmp_path / "laptop", stick, team)
    assert "临时组" in names(laptop, "SELECT name FROM teams")

    refused = centre.cli("teams", "remove", team, expect=2)
    assert f"扫楼小组“{team}”已有" in refused and "不能删除（名称有误可以改名）" in refused
    assert "已删除扫楼小组 / team removed: 临时组" in centre.cli("teams", "remove", "临时组")
    assert "临时组" not in names(centre, "SELECT name FROM teams")

    centre.cli("profile", "export", str(stick / "profile-2.yeda"))
    laptop.cli("profile", "import", str(stick / "profile-2.yeda"))
    kept = names(laptop, "SELECT name FROM teams")
    assert "临时组" not in kept and team in kept
    assert names(laptop, "SELECT name FROM buildings")  # its baseline untouched


@pytest.fixture
def demo_tab(qtbot: QtBot, chinese_ui: None, tmp_path: Path) -> Iterator[TeamsView]:
    """The 扫楼小组 tab of a demo centre, shown (its database closed after)."""
    centre, _stick = demo_centre(tmp_path, 40, profile=False)
    db = centre.open()
    try:
        view = TeamsView(db, "管理员")
        qtbot.addWidget(view)
        view.show()
        yield view
    finally:
        db.close()


@pytest.mark.gui
def test_the_teams_tab_adds_a_team_and_saves_its_buildings(
    demo_tab: TeamsView, monkeypatch: pytest.MonkeyPatch,
) -> None:
    view, db = demo_tab, demo_tab.db
    assert view.heading.text().startswith("扫楼活动：")
    before = view.teams.count()
    assert view.add_team("东区组")
    assert view.teams.count() == before + 1
    assert view.teams.currentItem().text() == "东区组（0 座楼宇）"
    assert view.buildings.rowCount() >= 2
    assert view.buildings.item(0, 2).text() != "（未分配）"  # the demo's teams have all
    # Buildings of one name stand apart by where they are, grouped by subdistrict and cluster.
    rows = [(view.buildings.item(r, 1).text(), view.buildings.item(r, 0).text())
            for r in range(view.buildings.rowCount())]
    assert rows == sorted(rows) and len(set(rows)) == len(rows)

    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _p, title, message: warned.append(f"{title}|{message}"))
    assert not view.add_team("东区组")
    assert warned == ["未新建小组|小组名称：已有名为“东区组”的扫楼小组"]

    from PySide6.QtCore import Qt
    for row in (0, 1):
        view.buildings.item(row, 0).setCheckState(Qt.CheckState.Checked)
    ticked = view.checked_buildings()
    assert view.save()
    assert view.message.text().startswith("已保存：新增 2 座，移出 0 座。")
    assert "原属" in view.message.text()
    assert view.teams.currentItem().text() == "东区组（2 座楼宇）"
    with db.reader() as session:
        team = teams.find_team(session, view.campaign_id, "东区组")
        mine = {p.building_id for p in teams.placements(session, view.campaign_id)
                if p.team_id == team.id}
    assert mine == set(ticked)
    assert view.rename("东区一组")
    assert view.teams.currentItem().text() == "东区一组（2 座楼宇）"


@pytest.mark.gui
def test_a_centre_set_up_for_real_from_the_window_writes_a_team_s_baseline(
    qtbot: QtBot, chinese_ui: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """No demo: the zone's first cluster and building, a team, and the laptop's baseline."""
    from flow_helpers import laptop_window

    from yeda_desktop.ui.dialogs import BuildingDialog, ClusterDialog

    centre, stick = Site("centre", tmp_path / "centre"), tmp_path / "stick"
    centre.folder.mkdir()
    stick.mkdir()
    centre.cli("init")
    centre.cli("role", "--set", "centre", "--name", "业达中心", "--centre-id", "yeda-centre")
    centre.cli("keys")
    window = laptop_window(qtbot, centre, tmp_path, monkeypatch)
    # The centre makes its own buildings: no word of a baseline to import.
    qtbot.waitUntil(lambda: window.floor_heading.text() == (
        "还没有楼宇：请添加园区或楼宇群和楼宇（扫楼 → 添加园区或楼宇群…、添加楼宇…），"
        "再在“扫楼小组”页为各小组分配楼宇"), timeout=10_000)

    def cluster(dialog: ClusterDialog) -> int:
        dialog.accept()  # nothing typed: refused, the field named
        assert dialog.error.text() == "开发区：不能为空" and not dialog.result()
        dialog.zone.setCurrentText("烟台开发区")
        dialog.subdistrict.setCurrentText("福莱山街道")
        dialog.name.setText("国际人才港")
        dialog.accept()
        return dialog.result()

    def building(dialog: BuildingDialog) -> int:
        assert dialog.cluster.currentText() == "国际人才港"
        dialog.name.setText("人才港1号楼")
        dialog.above.setValue(5)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(ClusterDialog, "exec", cluster)
    monkeypatch.setattr(BuildingDialog, "exec", building)
    window.add_building()  # no cluster yet: the cluster first, then the building
    tree = window.navigator.tree
    assert tree is not None and any(n.name == "人才港1号楼" for n in tree.nodes.values())
    assert window.floor_heading.text() == "请选择楼宇和楼层"  # the hint has gone

    view = window.findChildren(TeamsView)[-1]
    assert view.add_team("东区组")
    view.refresh()
    assert view.buildings.rowCount() == 1 and view.buildings.item(0, 2).text() == "（未分配）"
    assert view.buildings.item(0, 1).text() == "福莱山街道 · 国际人才港"
    from PySide6.QtCore import Qt
    view.buildings.item(0, 0).setCheckState(Qt.CheckState.Checked)
    assert view.save()
    window.close()

    centre.cli("profile", "export", str(stick / "profile.yeda"))
    laptop = team_laptop(centre, tmp_path / "laptop", stick, "东区组")
    assert names(laptop, "SELECT name FROM buildings") == ["人才港1号楼"]
    assert names(laptop, "SELECT label FROM floors") == sorted("12345")


@pytest.mark.gui
def test_the_teams_tab_removes_a_team_added_by_mistake_only(
    demo_tab: TeamsView, monkeypatch: pytest.MonkeyPatch,
) -> None:
    view = demo_tab
    before = list(view.team_names)
    asked: list[str] = []
    answer = QMessageBox.StandardButton.No
    monkeypatch.setattr(QMessageBox, "question",
                        lambda _p, title, text, *_a: asked.append(text) or answer)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _p, title, message: warned.append(f"{title}|{message}"))
    assert view.add_team("东区组（重复）")
    assert view.remove_button.isEnabled()
    view.remove_button.click()  # asked, and No: nothing happens
    assert asked and asked[0].startswith("删除扫楼小组“东区组（重复）”？")
    assert "东区组（重复）" in view.team_names
    answer = QMessageBox.StandardButton.Yes
    view.remove_button.click()
    assert view.team_names == before
    assert view.message.text() == "已删除“东区组（重复）”；0 座楼宇现在没有小组。"

    view.teams.setCurrentRow(0)  # a demo team: it has recorded visits
    assert not view.remove()
    assert len(warned) == 1 and warned[0].startswith(f"未删除小组|扫楼小组“{before[0]}”已有")
    assert view.team_names == before


@pytest.mark.gui
def test_ticks_not_saved_are_not_lost_by_choosing_another_team_or_tab(
    demo_tab: TeamsView, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Choosing another team asks to save, drop or keep the ticks not saved; the tab read
    again (shown again) keeps them."""
    from PySide6.QtCore import Qt

    view = demo_tab
    assert view.teams.count() >= 2
    view.teams.setCurrentRow(0)
    first, saved = view.current_team(), set(view.checked_buildings())
    untouched = next(r for r in range(view.buildings.rowCount())
                     if view.building_ids[r] not in saved)
    view.buildings.item(untouched, 0).setCheckState(Qt.CheckState.Checked)
    assert view.has_unsaved() and view.message.text() == "尚未保存：请点“保存本组楼宇”。"
    view.refresh()  # the tab shown again: the tick stays
    assert view.has_unsaved() and view.building_ids[untouched] in view.checked_buildings()

    questions = ScriptedQuestions(monkeypatch, QMessageBox.StandardButton.Cancel)
    asked = questions.asked
    first_name = view.team_names[0]
    view.teams.setCurrentRow(1)  # "Cancel": back on the first team, ticks as they were
    assert asked == [f"为“{first_name}”勾选的楼宇尚未保存。是否保存？"]
    assert view.current_team() == first and view.has_unsaved()
    questions.then(QMessageBox.StandardButton.Discard)
    view.teams.setCurrentRow(1)  # "Discard": the second team shown, nothing saved
    second = view.current_team()
    assert second != first and not view.has_unsaved()
    view.teams.setCurrentRow(0)  # nothing to ask: the first team as saved
    assert len(asked) == 2 and set(view.checked_buildings()) == saved

    view.buildings.item(untouched, 0).setCheckState(Qt.CheckState.Checked)
    questions.then(QMessageBox.StandardButton.Save)
    view.teams.setCurrentRow(1)  # "Save": saved for the first team, the second shown
    assert view.current_team() == second and not view.has_unsaved()
    assert view.message.text().startswith("已保存：新增 1 座，移出 0 座。")  # and said so
    with view.db.reader() as session:
        mine = {p.building_id for p in teams.placements(session, view.campaign_id)
                if p.team_id == first}
    assert mine == saved | {view.building_ids[untouched]}
    assert view.building_ids[untouched] not in view.checked_buildings()  # the second's own
