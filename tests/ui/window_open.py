"""The real main window, shown and opened on a database file, for the window tests."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from yeda_desktop.ui.main_window import MainWindow
from yeda_desktop.ui.settings import AppSettings


def open_window(qtbot: QtBot, settings: AppSettings, path: Path) -> MainWindow:
    window = MainWindow(settings, "zh")
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.ready, timeout=20_000):
        window.open_database(str(path))
    return window
