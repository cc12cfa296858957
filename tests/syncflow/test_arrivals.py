"""The centre sees, per device, which batches have not arrived: before 2026-11-29 only the
report of the import that noticed the gap said so, and the devices list showed the last
batch number alone."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest
from flow_helpers import build_sites, edit_row, first_value
from pytestqt.qtbot import QtBot

from yeda_desktop.models import Organization
from yeda_desktop.syncflow.enrolment import missing_sequences, sequence_ranges
from yeda_desktop.syncflow.installation import load_keys


def test_missing_batch_numbers_are_runs_below_the_highest() -> None:
    assert missing_sequences({1, 3, 4, 8}) == (2, 5, 6, 7)
    assert missing_sequences({1, 2}) == () and missing_sequences(set()) == ()
    assert sequence_ranges((2, 5, 6, 7, 9)) == "2, 5–7, 9"
    assert sequence_ranges(tuple(range(2, 500))) == "2–499"  # short however many


@pytest.mark.gui
def test_the_devices_list_and_view_name_the_batches_not_arrived(
    qtbot: QtBot, chinese_ui: None, tmp_path: Path,
) -> None:
    from yeda_desktop.ui.sync_devices import COLUMNS, DevicesView

    centre, (laptop,), stick = build_sites(tmp_path, 1)
    org = first_value(laptop, Organization.id)
    for n in (1, 2, 3):
        edit_row(laptop, "王芳", Organization, org, staff_count=10 + n)
        laptop.cli("export", str(stick / f"b{n}.yeda"), officer="王芳")
    centre.cli("import", str(stick / "b1.yeda"))
    centre.cli("import", str(stick / "b3.yeda"))  # batch 2 stays on the stick

    listing = centre.cli("devices", "list")
    assert "尚未到达的批次 batches not arrived: 2" in listing
    assert "最近导入 last import 20" in listing  # a local date and time
    db = centre.open()
    try:
        view = DevicesView(db, load_keys(centre.keys))
        qtbot.addWidget(view)
        row = next(r for r in range(view.table.rowCount())
                   if view.table.item(r, 0).text() == laptop.device_id())
        missing = view.table.item(row, COLUMNS.index("missing"))
        assert missing.text() == "2" and "请向队员索取这些批次：2" in missing.toolTip()
        assert view.table.item(row, COLUMNS.index("last_sequence")).text() == "3"
        assert view.table.item(row, COLUMNS.index("last_import")).text().startswith("20")
    finally:
        db.close()

    centre.cli("import", str(stick / "b2.yeda"))
    assert "尚未到达" not in centre.cli("devices", "list")


@pytest.mark.gui
def test_the_import_history_lists_every_batch_newest_first_with_its_report(
    qtbot: QtBot, chinese_ui: None, tmp_path: Path,
) -> None:
    from yeda_desktop.ui.sync_history import ImportHistoryView

    centre, (laptop,), stick = build_sites(tmp_path, 1)
    db = centre.open()
    try:
        view = ImportHistoryView(db)
        qtbot.addWidget(view)
        assert view.heading.text() == "还没有导入过数据包。" and view.table.rowCount() == 0
        org = first_value(laptop, Organization.id)
        for n in (1, 2):
            edit_row(laptop, "王芳", Organization, org, staff_count=20 + n)
            laptop.cli("export", str(stick / f"h{n}.yeda"), officer="王芳")
            centre.cli("import", str(stick / f"h{n}.yeda"))
        view.show()  # read again on the visit
        assert view.heading.text() == "已导入 2 批数据，最新的在前。"
        assert [view.table.item(r, 2).text() for r in range(2)] == ["2", "1"]
        assert view.table.item(0, 1).text() == "laptop0机"
        assert view.table.item(0, 3).text() == "王芳"
        assert view.table.item(0, 5).text() == "1"  # updated: the staff count
        assert view.table.item(0, 9).text() == "h2.yeda"
        shown = view.report_view.toPlainText()
        assert shown.startswith("已导入设备“laptop0机”的第 2 批数据") and "更新 1" in shown
        view.table.selectRow(1)
        assert "第 1 批数据" in view.report_view.toPlainText()
        view.refresh()  # the batch chosen stays chosen
        assert view.table.currentRow() == 1
    finally:
        db.close()


def test_the_command_line_lists_the_imports_and_prints_a_report(tmp_path: Path) -> None:
    centre, (laptop,), stick = build_sites(tmp_path, 1)
    assert "共 0 批 / 0 batches" in centre.cli("imports")
    org = first_value(laptop, Organization.id)
    edit_row(laptop, "王芳", Organization, org, staff_count=42)
    laptop.cli("export", str(stick / "c1.yeda"), officer="王芳")
    centre.cli("import", str(stick / "c1.yeda"))
    listing = centre.cli("imports")
    assert "laptop0机  第 1 批 batch 1  队员 officer 王芳  新增 new 0，更新 updated 1" in listing
    package = next(line for line in listing.splitlines() if "第 1 批" in line).split()[-1]
    report = centre.cli("imports", "--show", package[:8])
    assert report.startswith("已导入设备“laptop0机”的第 1 批数据 / imported batch 1")
    assert "没有唯一" in centre.cli("imports", "--show", "zzzz", expect=2)
