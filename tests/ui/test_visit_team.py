"""A visit recorded in the window carries the officer's team from the settings, if it exists."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select, text

from yeda_desktop.demo import generate_demo
from yeda_desktop.models import Visit
from yeda_desktop.models.enums import VisitOutcome
from yeda_desktop.storage import open_database
from yeda_desktop.ui.main_window import MainWindow
from yeda_desktop.ui.settings import AppSettings


def test_the_visit_records_the_team(
    qtbot: QtBot, zh_app: QApplication, settings: AppSettings, tmp_path: Path
) -> None:
    path = tmp_path / "demo.sqlite"
    db = open_database(path)
    generate_demo(db, 40, 4, None)
    with db.reader() as s:
        team_id, team_name = s.execute(
            text(
                "SELECT t.id, t.name FROM teams t JOIN campaigns c ON c.id = t.campaign_id "
                "WHERE c.is_current ORDER BY t.name LIMIT 1"
            )
        ).one()
        building, floor, unit = s.execute(
            text(
                "SELECT f.building_id, f.id, u.id FROM units u JOIN floors f ON f.id = u.floor_id "
                "LIMIT 1"
            )
        ).one()
    db.close()
    settings.officer, settings.team = "王芳", team_name
    window = MainWindow(settings, "zh")
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.ready, timeout=30_000):
        window.open_database(str(path))
    assert window.workspace is not None and window.workspace.team_id == team_id
    window.show_floor(building, floor, unit)
    window.detail.record_outcome(VisitOutcome.REVISIT)
    with window.workspace.read() as s:
        latest = s.scalars(
            select(Visit).where(Visit.unit_id == unit).order_by(Visit.created_at.desc())
        ).first()
    assert latest is not None and latest.team_id == team_id and latest.officer == "王芳"
    settings.team = "没有这个小组"
    window.workspace.set_team(settings.team)
    assert window.workspace.team_id is None
    window.close()
