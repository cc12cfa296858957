"""GUI of the exchange (offscreen): the devices view and the import dialog over real packages."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest
from flow_helpers import Site, build_sites, code_of
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from scripted_questions import ScriptedQuestions

from yeda_desktop.models import Instructor
from yeda_desktop.storage import open_database, search_worker
from yeda_desktop.sync import KeySet
from yeda_desktop.syncflow.installation import Role, load_keys, set_role
from yeda_desktop.ui.sync_devices import DevicesView
from yeda_desktop.ui.sync_transfer import ImportDialog

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[Site, list[Site], Path]:
    return build_sites(tmp_path_factory.mktemp("gui"), 1, orgs=20)


def test_devices_view_approves_only_with_the_right_code(
    qtbot: QtBot, sites: tuple[Site, list[Site], Path], monkeypatch: pytest.MonkeyPatch,
    chinese_ui: None,
) -> None:
    centre, _laptops, stick = sites
    newcomer = Site("newcomer", centre.folder.parent / "newcomer")
    newcomer.folder.mkdir()
    newcomer.cli("init")
    newcomer.cli("role", "--set", "laptop", "--name", "新笔记本")
    newcomer.cli("keys")
    newcomer.cli("profile", "import", str(stick / "profile.yeda"))
    code = code_of(newcomer.cli("enrol", str(stick / "new.yeda"), "--team", "第1扫楼组"))
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(str(a[2])))
    questions = ScriptedQuestions(monkeypatch)
    db = centre.open()
    try:
        view = DevicesView(db, load_keys(centre.keys))
        qtbot.addWidget(view)
        before = view.table.rowCount()
        view.accept_request(stick / "new.yeda")
        assert view.table.rowCount() == before + 1
        assert view.heading.text() == f"共 {before + 1} 台设备，1 台待审批。"
        # Nothing chosen: nothing to approve or revoke.
        assert not view.approve_button.isEnabled() and not view.revoke_button.isEnabled()
        row = next(r for r in range(view.table.rowCount())
                   if view.table.item(r, 0).text() == newcomer.device_id())
        view.table.selectRow(row)
        assert view.approve_button.isEnabled() and view.revoke_button.isEnabled()
        assert view.approve_selected("12345") is False and "核对码不一致" in warnings[0]
        assert view.table.item(row, 4).text() == "待审批"  # in the window's language
        with qtbot.waitSignal(view.changed):
            assert view.approve_selected(code)
        assert view.table.item(row, 4).text() == "已批准"
        assert view.heading.text() == f"共 {before + 1} 台设备。"
        view.table.selectRow(row)
        assert not view.approve_button.isEnabled() and view.revoke_button.isEnabled()
        # Revoking asks first, naming the device; "No" leaves it approved.
        questions.then(QMessageBox.StandardButton.No)
        assert view.revoke_selected() is False
        assert "新笔记本" in questions.asked[0] and "隔离区" in questions.asked[0]
        assert view.table.item(row, 4).text() == "已批准"
        questions.then(QMessageBox.StandardButton.Yes)
        assert view.revoke_selected()
        assert view.table.item(row, 4).text() == "已吊销"
        view.table.selectRow(row)
        assert view.approve_button.isEnabled() and not view.revoke_button.isEnabled()
        team = view.table.item(row, 2)
        assert team.text() == "第1扫楼组" and not team.toolTip()
        # The team renamed at the centre since: the device's team is pointed out.
        with db.engine.begin() as conn:
            conn.exec_driver_sql("UPDATE teams SET name = '第一扫楼组' WHERE name = '第1扫楼组'")
        view.refresh()
        team = view.table.item(row, 2)
        assert team.toolTip() == "本中心没有这个扫楼小组：批准前请与队员核对"
        assert team.foreground().color().name() == "#b00020"
    finally:
        with db.engine.begin() as conn:  # the other tests share these sites
            conn.exec_driver_sql("UPDATE teams SET name = '第1扫楼组' WHERE name = '第一扫楼组'")
        db.close()


def test_devices_view_of_a_centre_without_devices_says_how_one_comes(
    qtbot: QtBot, tmp_path: Path, chinese_ui: None,
) -> None:
    db = open_database(tmp_path / "centre.sqlite")
    try:
        with db.session() as s:
            set_role(s, Role.CENTRE, "中心", "c")
        view = DevicesView(db, KeySet.generate())
        qtbot.addWidget(view)
        assert view.table.rowCount() == 0
        assert "还没有设备" in view.heading.text() and "写出设备登记申请" in view.heading.text()
        assert not view.approve_button.isEnabled() and not view.revoke_button.isEnabled()
    finally:
        db.close()


def test_the_centre_s_import_window_starts_the_search_worker_ahead(
    qtbot: QtBot, sites: tuple[Site, list[Site], Path],
) -> None:
    """pypinyin loads while the administrator picks the files; a laptop's window (it
    imports no batches) starts none."""
    centre, (laptop,), _stick = sites
    for site, expected in ((laptop, False), (centre, True)):
        search_worker.discard_kept()
        db = site.open()
        try:
            qtbot.addWidget(ImportDialog(db, load_keys(site.keys)))
            assert (search_worker._kept is not None) is expected
        finally:
            db.close()
    search_worker.discard_kept()


def test_import_dialog_runs_in_the_background_and_shows_the_report(
    qtbot: QtBot, sites: tuple[Site, list[Site], Path], english_ui: None,
) -> None:
    centre, (laptop,), stick = sites
    db = laptop.open()
    with db.session(officer="队员") as session:
        session.add(Instructor(name="郑指导"))
    db.close()
    laptop.cli("export", str(stick / "gui-1.yeda"))
    (stick / "junk.yeda").write_bytes(b"PK\x03\x04 not really")
    db = centre.open()
    try:
        dialog = ImportDialog(db, load_keys(centre.keys))
        qtbot.addWidget(dialog)
        with qtbot.waitSignal(dialog.finished_work, timeout=20000):
            dialog.import_paths([stick / "gui-1.yeda", stick / "junk.yeda"])
        text = dialog.report_view.toPlainText()
        assert "imported batch" in text and "new 1, updated 0" in text
        assert "新增" not in text and "已导入" not in text  # the window's language only
        assert "junk.yeda" in text
        with qtbot.waitSignal(dialog.finished_work, timeout=20000):
            dialog.import_paths([stick / "gui-1.yeda"])
        assert "already imported" in dialog.report_view.toPlainText()
    finally:
        db.close()


def test_refusals_follow_the_language_of_the_window(
    qtbot: QtBot, sites: tuple[Site, list[Site], Path], english_ui: None,
) -> None:
    """The exchange views showed the core's refusals in Chinese even in the English window."""
    centre, _laptops, stick = sites
    (stick / "junk-en.yeda").write_bytes(b"PK\x03\x04 not really")
    db = centre.open()
    try:
        dialog = ImportDialog(db, load_keys(centre.keys))
        qtbot.addWidget(dialog)
        with qtbot.waitSignal(dialog.finished_work, timeout=20000):
            dialog.import_paths([stick / "junk-en.yeda"])
        text = dialog.report_view.toPlainText()
        assert "junk-en.yeda: " in text and "not a complete .yeda package" in text, text
        assert "不是完整的" not in text
    finally:
        db.close()
