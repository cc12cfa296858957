"""The main window fits a 1366×768 laptop screen: its contents scroll instead of overflowing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QScrollArea
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from yeda_desktop.models import Floor, Occupancy, Unit
from yeda_desktop.storage import open_database
from yeda_desktop.ui.main_window import MainWindow
from yeda_desktop.ui.settings import AppSettings

# 768 pixels less a title bar and a taskbar: what a window really gets on such a screen.
AVAILABLE = (1366, 700)


def test_main_window_fits_a_small_laptop_screen_with_an_organization_shown(
    qtbot: QtBot, zh_app: QApplication, settings: AppSettings, tmp_path: Path
) -> None:
    from yeda_desktop.demo import generate_demo

    path = tmp_path / "demo.sqlite"
    db = open_database(path)
    generate_demo(db, 30, 2)
    with db.reader() as s:
        building, floor, unit = s.execute(
            select(Floor.building_id, Floor.id, Unit.id)
            .join(Unit, Unit.floor_id == Floor.id)
            .join(Occupancy, Occupancy.unit_id == Unit.id)
            .limit(1)).one()
    db.close()
    window = MainWindow(settings, "zh")
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.ready, timeout=20_000):
        window.open_database(str(path))
    window.show_floor(building, floor, unit)
    assert window.detail.pages.currentIndex() == 1  # the organization, its gaps and members
    QApplication.processEvents()
    hint = window.minimumSizeHint().expandedTo(window.minimumSize())
    assert hint.width() <= AVAILABLE[0] and hint.height() <= AVAILABLE[1], hint
    # the organization pane leaves the floor's tiles room beside it (it took 740 pixels)
    assert window.detail.minimumSizeHint().width() <= 560, window.detail.minimumSizeHint()
    window.resize(*AVAILABLE)
    QApplication.processEvents()
    assert (window.width(), window.height()) == AVAILABLE
    area = window.detail.pages.currentWidget()  # scrolls up and down, never cuts the side
    assert isinstance(area, QScrollArea) and area.widget() is not None
    assert area.viewport().width() >= area.widget().minimumSizeHint().width()
    window.close()
