"""The sweep's small dialogs: a refusal is read whole, and no change goes unsigned."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from yeda_desktop.models import Building, Floor
from yeda_desktop.storage import open_database
from yeda_desktop.ui.dialogs import FloorDialog, OfficerDialog, UnitsDialog
from yeda_desktop.ui.workspace import Workspace


def _whole(label: object) -> bool:
    from PySide6.QtWidgets import QLabel

    assert isinstance(label, QLabel)
    return label.heightForWidth(label.width()) <= label.height()


def test_refusal_in_a_small_dialog_is_shown_whole(
    qtbot: QtBot, zh_app: QApplication, tmp_path: Path
) -> None:
    from yeda_desktop.demo import generate_demo

    db = open_database(tmp_path / "demo.sqlite")
    generate_demo(db, 3, 1)
    with db.reader() as s:
        building = s.scalars(select(Building.id)).first()
        floor = s.scalars(select(Floor.id)).first()
    assert building and floor
    workspace = Workspace(db, "测试", "", "zh")
    dialog = FloorDialog(workspace, building)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.label.setText("第五层楼上面的那个夹层")
    dialog.accept()
    QApplication.processEvents()
    assert dialog.isVisible() and dialog.error.text().startswith("楼层：")
    assert _whole(dialog.error), dialog.error.text()

    units = UnitsDialog(workspace, floor)
    qtbot.addWidget(units)
    units.show()
    units.labels.setText("20–01")
    units.accept()
    QApplication.processEvents()
    assert units.error.text().startswith("房间号：") and _whole(units.error)
    db.close()


def test_officer_name_is_required_and_checked_as_a_name(
    qtbot: QtBot, zh_app: QApplication
) -> None:
    dialog = OfficerDialog("", "第三小组", "zh")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.accept()
    assert dialog.isVisible() and dialog.result() == 0
    assert dialog.error.text() == "队员姓名：不能为空"
    dialog.officer.setText("王5")
    dialog.accept()
    assert dialog.error.text() == "队员姓名：不能包含数字"
    dialog.officer.setText(" 李明 ")
    dialog.accept()
    assert dialog.result() == 1 and dialog.officer.text() == "李明"


def test_the_officer_picks_the_team_from_the_campaign_s_teams(
    qtbot: QtBot, zh_app: QApplication
) -> None:
    """A visit records the team only if the campaign has one of that name: the dialog
    offers them, shows the one set, and keeps a name set before that is not one."""
    teams = ["第1扫楼组", "第2扫楼组", "第二扫楼组"]
    dialog = OfficerDialog("李明", "第二扫楼组", "zh", None, teams)
    qtbot.addWidget(dialog)
    assert [dialog.team.itemText(i) for i in range(dialog.team.count())] == teams
    assert dialog.team.currentIndex() == 2 and dialog.team.currentText() == "第二扫楼组"
    unknown = OfficerDialog("李明", "第三小组", "zh", None, teams)
    qtbot.addWidget(unknown)
    assert unknown.team.currentText() == "第三小组"
    none = OfficerDialog("李明", "", "zh", None, teams)
    qtbot.addWidget(none)
    assert none.team.currentText() == ""
