"""The main window on a centre's PostgreSQL database, as on a file."""

from __future__ import annotations

import io
from contextlib import redirect_stderr, redirect_stdout

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from yeda_desktop.cli.main import main
from yeda_desktop.ui.main_window import MainWindow
from yeda_desktop.ui.settings import AppSettings


def test_the_window_opens_searches_and_remembers_a_server_database(
    qtbot: QtBot, zh_app: QApplication, settings: AppSettings, empty_pg_url: str
) -> None:
    with redirect_stdout(io.StringIO()), redirect_stderr(io.StringIO()):
        assert main(["--db", empty_pg_url, "demo", "--orgs", "40", "--seed", "3"]) == 0
    window = MainWindow(settings, "zh")
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.ready, timeout=30_000):
        window.open_database(empty_pg_url)
    assert window.workspace is not None and window.workspace.db.is_server
    name = window.workspace.db.name
    assert name in window.status_db.text() and "@" in name
    assert settings.db_path == window.workspace.db.target  # reopened next start
    qtbot.keyClicks(window.search, "yt")  # pinyin initials of 烟台…
    qtbot.waitUntil(lambda: bool(window.search.hits), timeout=10_000)
    assert all(hit.title for hit in window.search.hits)
    window.close()
