"""Print → 两新组织党建工作统计表 takes the statistics tab's breakdown and funding inputs."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

from PySide6.QtWidgets import QApplication, QMainWindow
from pytestqt.qtbot import QtBot

from yeda_desktop.stats import FundingInputs
from yeda_desktop.ui import print_actions
from yeda_desktop.ui.settings import AppSettings


def _statistics_action(window: QMainWindow) -> Any:
    [menu] = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
    menu.aboutToShow.emit()  # the entries' enabled state is worked out as the menu opens
    [action] = [a for a in menu.actions() if a.text().startswith("两新组织党建工作统计表")]
    return action


def test_statistics_are_printed_as_the_tab_shows_them(
    zh_app: QApplication, qtbot: QtBot, tmp_path: Path, settings: AppSettings
) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.workspace = SimpleNamespace(db="the database")  # type: ignore[attr-defined]
    window.settings = settings  # type: ignore[attr-defined]
    settings.set_funding_levels((300, 200, 100), (2, 4, 6))  # typed in an earlier sitting
    controller = print_actions.install(window)
    started: list[Any] = []
    controller.start = lambda db, job, *rest: started.append((db, job))  # type: ignore[method-assign]

    action = _statistics_action(window)
    assert action.isEnabled()
    action.trigger()  # the tab not built yet: its breakdown, the inputs last typed
    funding = FundingInputs(staff_by_level=(1, 0, 5))
    window.dashboard = SimpleNamespace(  # type: ignore[attr-defined]
        dimension=SimpleNamespace(currentData=lambda: "industry"),
        funding_inputs=lambda: funding)
    action.trigger()
    [(db, first), (_, second)] = started
    assert db == "the database"
    assert (first.form, first.dimension) == ("statistics", "subdistrict")
    assert first.funding == FundingInputs(staff_by_level=(2, 4, 6))  # it was the defaults
    assert (second.form, second.dimension, second.funding) == ("statistics", "industry", funding)
