"""The statistics and the directory follow the data: before 2026-11-29 they were read once
per database, so an organization registered in the sweep tab (or brought by a batch, or
from Excel) was missing from both until the database was opened again."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from yeda_desktop.demo import generate_demo
from yeda_desktop.models import Unit
from yeda_desktop.services import sweep
from yeda_desktop.storage import open_database
from yeda_desktop.ui.main_window import MainWindow
from yeda_desktop.ui.settings import AppSettings


def test_a_registered_organization_shows_in_the_statistics_and_the_directory(
    qtbot: QtBot, chinese_ui: None, tmp_path: Path,
) -> None:
    path = tmp_path / "zone.sqlite"
    db = open_database(path)
    generate_demo(db, 40, 5)
    db.close()
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    settings.officer = "王芳"
    window = MainWindow(settings, "zh")
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.ready, timeout=30_000):
        window.open_database(str(path))
    tabs = window.tabs
    titles = [tabs.tabText(i) for i in range(tabs.count())]
    with qtbot.waitSignal(window.dashboard.loaded, timeout=30_000):
        tabs.setCurrentIndex(titles.index("统计"))
    summary = window.dashboard.summary
    assert summary is not None
    before = sum(row.organizations for row in summary.coverage_now)
    tabs.setCurrentIndex(titles.index("单位名录"))
    total = window.directory.total
    qtbot.waitUntil(lambda: total.text() == f"共 {before} 家单位", timeout=30_000)

    tabs.setCurrentIndex(0)  # the sweep: an officer registers one more
    workspace = window.workspace
    assert workspace is not None
    with workspace.db.reader() as session:
        unit_id = str(session.scalars(select(Unit.id).order_by(Unit.id)).first())
        campaign = sweep.current_campaign(session)
        assert campaign is not None
        edit = sweep.register_organization(session, unit_id, "烟台新登记测试有限公司", campaign.id)
    workspace.do(edit)
    qtbot.waitUntil(lambda: window.status_unsent.text() == "未导出：3 条记录", timeout=10_000)

    tabs.setCurrentIndex(titles.index("单位名录"))
    qtbot.waitUntil(lambda: total.text() == f"共 {before + 1} 家单位", timeout=30_000)
    with qtbot.waitSignal(window.dashboard.loaded, timeout=30_000):
        tabs.setCurrentIndex(titles.index("统计"))
    summary = window.dashboard.summary
    assert summary is not None
    assert sum(row.organizations for row in summary.coverage_now) == before + 1
    window.close()

