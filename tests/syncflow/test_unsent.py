"""What a laptop has not handed in yet: counted from the export bookmark, in records.

The status bar used to count every change-log entry ever written on the laptop: an
export did not bring it back to zero, and one new organization showed as a dozen.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest
from flow_helpers import build_sites, edit_row, first_value, register_org
from openpyxl import Workbook
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from yeda_desktop.models import Organization, Unit
from yeda_desktop.services import sweep
from yeda_desktop.syncflow.batch_export import Unsent, unsent_work
from yeda_desktop.ui.excel_import_dialog import ExcelImportDialog
from yeda_desktop.ui.main_window import MainWindow
from yeda_desktop.ui.settings import AppSettings
from yeda_desktop.ui.sync_transfer import ExportDialog


def test_a_laptop_counts_the_records_its_next_batch_carries(tmp_path: Path) -> None:
    centre, (laptop,), stick = build_sites(tmp_path, 1, orgs=20)
    db = laptop.open()
    try:
        assert unsent_work(db) == Unsent(0, 0, 0, None)  # a baseline is not the laptop's work
        org = register_org(laptop, "队员", first_value(laptop, Unit.id),
                           name="烟台未上报测试有限公司")
        edit_row(laptop, "队员", Organization, org, contact_phone="13800000001")
        first = unsent_work(db)
        assert first is not None
        assert first.records == 2  # the organization and its place in the unit
        assert first.changes > first.records and first.last_export_at is None

        out = laptop.cli("export", str(stick / "l-1.yeda"), officer="队员")
        assert "organizations: 1" in out or "organizations" in out
        after = unsent_work(db)
        assert after is not None
        assert (after.records, after.changes, after.last_sequence) == (0, 0, 1)
        assert after.last_export_at is not None

        assert after.confirmed == 0  # no receipt yet
        centre.cli("import", str(stick / "l-1.yeda"))
        centre.cli("receipt", str(stick / "receipt-1.yeda"), "--device", laptop.device_id())
        laptop.cli("import", str(stick / "receipt-1.yeda"))

        edit_row(laptop, "队员", Organization, org, staff_count=12)
        assert unsent_work(db) == Unsent(1, 1, 1, after.last_export_at, confirmed=1)
        info = laptop.cli("info")
        assert "not yet exported: 1 条记录 records, 1 处修改 changes" in info
        assert "last export: 第 1 批 batch 1" in info
        assert "the centre's receipts confirm 1" in info
    finally:
        db.close()
    centre_db = centre.open()
    try:
        assert unsent_work(centre_db) is None  # the centre hands no batch in
    finally:
        centre_db.close()
    assert "not yet exported" not in centre.cli("info")


@pytest.mark.gui
def test_the_status_bar_shows_it_and_an_export_brings_it_to_zero(
    qtbot: QtBot, chinese_ui: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    _centre, (laptop,), stick = build_sites(tmp_path, 1, orgs=20)
    monkeypatch.setenv("YEDA_KEYS_DIR", str(laptop.keys))
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    settings.officer = "队员"
    window = MainWindow(settings, "zh")
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.ready, timeout=30_000):
        window.open_database(laptop.target)
    label = window.status_unsent
    qtbot.waitUntil(lambda: label.text() == "未导出：0 条记录")
    assert "尚未导出过数据包" in label.toolTip()

    workspace = window.workspace
    assert workspace is not None
    with workspace.db.reader() as session:
        org_id = str(session.scalars(Organization.__table__.select().with_only_columns(
            Organization.id).order_by(Organization.id)).first())
        edit = sweep.add_person(session, org_id, name="王未报", phone="13900000002")
    workspace.do(edit)  # as the member table adds one
    qtbot.waitUntil(lambda: label.text() == "未导出：1 条记录", timeout=10_000)
    assert "1 条记录" in label.toolTip()

    reports: list[str] = []

    def export_now(dialog: ExportDialog) -> int:
        with qtbot.waitSignal(dialog.finished_work, timeout=30_000):
            dialog.export_to(stick / "gui-export.yeda")
        reports.append(dialog.report_view.toPlainText())
        return 0

    monkeypatch.setattr(ExportDialog, "exec", export_now)
    export = next(a for a in window.findChildren(type(window.act_open))
                  if a.text().startswith("导出今天的工作"))
    export.trigger()
    assert (stick / "gui-export.yeda").exists()
    assert "第 1 批已写出" in reports[0] and "人员：1" in reports[0], reports  # what it carries
    qtbot.waitUntil(lambda: not window.findChildren(ExportDialog))  # closed: gone
    qtbot.waitUntil(lambda: label.text() == "未导出：0 条记录", timeout=10_000)
    assert "上次导出：第 1 批" in label.toolTip()
    assert "中心回执已确认 0 / 1 批" in label.toolTip()

    book = Workbook()  # an organization list from the street office, imported from Excel
    book.active.append(["企业名称", "从业人员数"])
    book.active.append(["烟台表格导入测试有限公司", 12])
    book.save(tmp_path / "list.xlsx")

    def import_list(dialog: ExcelImportDialog) -> int:
        with qtbot.waitSignal(dialog.loaded):
            dialog.load_file(str(tmp_path / "list.xlsx"))
        with qtbot.waitSignal(dialog.validated):
            dialog.validate()
        with qtbot.waitSignal(dialog.imported):
            dialog.accept_import()
        return 0

    monkeypatch.setattr(ExcelImportDialog, "exec", import_list)
    window.import_xlsx()
    qtbot.waitUntil(lambda: label.text() == "未导出：1 条记录", timeout=10_000)
    window.close()

