"""The officer and team set in the window are the ones every record of the work carries.

Until 2026-11-29 the exchange views took the officer's name once, when the database was
opened: after 设置 → 队员 an export still named the officer before, and so did a
duplicate the administrator dismissed. The team named in an enrolment request did not
become the laptop's, and a laptop moved to another centre still showed its old team.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path
from typing import Any

import pytest
from flow_helpers import (
    build_sites,
    first_team,
    first_value,
    import_from_window,
    laptop_window,
    other_centre,
    register_org,
)
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from yeda_desktop.models import Unit
from yeda_desktop.models.sync import DuplicateCandidate
from yeda_desktop.syncflow import duplicates, packages
from yeda_desktop.ui.dialogs import OfficerDialog
from yeda_desktop.ui.sync_enrol import EnrolDialog
from yeda_desktop.ui.sync_queues import DuplicatesView
from yeda_desktop.ui.sync_transfer import ExportDialog

pytestmark = pytest.mark.gui


def set_officer(window: Any, monkeypatch: pytest.MonkeyPatch, officer: str,
                team: str | None = None) -> list[list[str]]:
    """设置 → 队员, as the officer fills it in; returns the teams the dialog offered."""
    offered: list[list[str]] = []

    def fill(dialog: OfficerDialog) -> int:
        offered.append([dialog.team.itemText(i) for i in range(dialog.team.count())])
        dialog.officer.setText(officer)
        if team is not None:
            dialog.team.setCurrentText(team)
        return 1

    monkeypatch.setattr(OfficerDialog, "exec", fill)
    window.edit_officer()
    return offered


def export_from_window(qtbot: QtBot, window: Any, monkeypatch: pytest.MonkeyPatch,
                       path: Path) -> None:
    def export_now(dialog: ExportDialog) -> int:
        with qtbot.waitSignal(dialog.finished_work, timeout=30_000):
            dialog.export_to(path)
        return 0

    monkeypatch.setattr(ExportDialog, "exec", export_now)
    next(a for a in window.findChildren(type(window.act_open))
         if a.text().startswith("导出今天的工作")).trigger()


def test_an_export_and_a_request_name_the_officer_set_after_the_database_opened(
    qtbot: QtBot, chinese_ui: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    centre, (laptop,), stick = build_sites(tmp_path, 1, orgs=20)
    register_org(laptop, "王队员", first_value(laptop, Unit.id), name="烟台换人测试有限公司")
    team = first_team(centre)
    window = laptop_window(qtbot, laptop, tmp_path, monkeypatch)

    offered = set_officer(window, monkeypatch, "李新来", team)
    assert team in offered[0]  # the campaign's teams to pick from, not typed blind
    assert window.status_officer.text() == f"队员：李新来 {team}"
    export_from_window(qtbot, window, monkeypatch, stick / "l-1.yeda")
    assert packages.peek(stick / "l-1.yeda").officer == "李新来"

    set_officer(window, monkeypatch, "赵三", "")  # no team: the request offers the profile's
    requests: list[EnrolDialog] = []

    def write(dialog: EnrolDialog) -> int:
        requests.append(dialog)
        assert dialog.officer.text() == "赵三"
        dialog.team.setCurrentText(team)
        assert dialog.write_to(stick / "enrol-again.yeda")
        return 0

    monkeypatch.setattr(EnrolDialog, "exec", write)
    next(a for a in window.findChildren(type(window.act_open))
         if a.objectName() == "act_enrol").trigger()
    assert requests
    assert window.settings.team == team  # the request's team is the laptop's from now on
    assert window.status_officer.text() == f"队员：赵三 {team}"
    assert window.workspace is not None and window.workspace.team_id is not None

    preselected: list[str] = []

    def look(dialog: EnrolDialog) -> int:
        preselected.append(dialog.team.currentText())
        return 0

    monkeypatch.setattr(EnrolDialog, "exec", look)
    next(a for a in window.findChildren(type(window.act_open))
         if a.objectName() == "act_enrol").trigger()
    assert preselected == [team]
    window.close()


def test_a_laptop_moved_to_another_centre_drops_the_old_centre_s_team(
    qtbot: QtBot, chinese_ui: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    centre, (laptop,), stick = build_sites(tmp_path, 1, orgs=20)
    other_centre(tmp_path, stick)
    team = first_team(centre)
    window = laptop_window(qtbot, laptop, tmp_path, monkeypatch)
    set_officer(window, monkeypatch, "王队员", team)
    assert window.status_officer.text() == f"队员：王队员 {team}"

    import_from_window(qtbot, window, monkeypatch, [stick / "profile.yeda"])  # same centre
    assert window.settings.team == team

    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    import_from_window(qtbot, window, monkeypatch, [stick / "other.yeda"])
    assert window.settings.team == ""
    assert window.status_officer.text() == "队员：王队员"
    assert window.workspace is not None and window.workspace.team_id is None
    window.close()


def test_the_administrator_s_new_name_is_on_the_duplicate_they_dismiss(
    qtbot: QtBot, chinese_ui: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    centre, _laptops, _stick = build_sites(tmp_path, 1, orgs=20)
    unit = first_value(centre, Unit.id)
    phone = "13800001111"  # the same phone: a duplicate candidate
    a = register_org(centre, "管理员", unit, name="烟台同号测试有限公司", contact_phone=phone)
    b = register_org(centre, "管理员", unit, name="烟台另名测试公司", contact_phone=phone)
    db = centre.open()
    try:
        with db.engine.begin() as conn:
            assert duplicates.detect(conn, [a, b]) == 1
    finally:
        db.close()
    window = laptop_window(qtbot, centre, tmp_path, monkeypatch)
    set_officer(window, monkeypatch, "周管理")
    qtbot.waitUntil(lambda: window.status_officer.text() == "管理员：周管理")
    view = window.findChildren(DuplicatesView)[-1]
    view.refresh()
    qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=10_000)
    view.table.selectRow(0)
    view.decide(None)
    assert window.workspace is not None
    with window.workspace.read() as session:
        row = session.scalars(select(DuplicateCandidate)).one()
        assert (row.status, row.decided_by) == ("dismissed", "周管理")
    window.close()
