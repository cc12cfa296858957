"""The import dialog: guessed mapping, a report before anything is written, then the import."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from yeda_desktop.excel.importer import APPLY_EVERY
from yeda_desktop.models import Organization
from yeda_desktop.storage import open_database
from yeda_desktop.ui.excel_import_dialog import ExcelImportDialog


def test_validate_then_import(zh_app: QApplication, qtbot: QtBot, tmp_path: Path) -> None:
    wb = Workbook()
    for row in [["企业名称", "从业人员数", "党员数"], ["烟台导入测试有限公司", 88, 2],
                ["", 5, 0], ["烟台另一导入有限公司", "很多", 1]]:
        wb.active.append(row)
    wb.save(tmp_path / "list.xlsx")
    db = open_database(tmp_path / "import.sqlite")
    dialog = ExcelImportDialog(db, "测试")
    qtbot.addWidget(dialog)
    assert not dialog.validate_button.isEnabled()  # nothing chosen yet: nothing to check
    with qtbot.waitSignal(dialog.loaded):  # read off the GUI thread
        dialog.load_file(str(tmp_path / "list.xlsx"))
    assert dialog.validate_button.isEnabled()
    assert dialog.kind.currentData() == "organizations"
    assert dialog.mapping() == {"name": 0, "staff_count": 1, "reported_member_count": 2}
    assert not dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.validated):
        dialog.validate()
        assert not dialog.validate_button.isEnabled()  # while it checks
    assert dialog.report.rowCount() == 3
    assert dialog.plan is not None and dialog.plan.count("error") == 2
    with db.reader() as s:
        assert s.scalar(select(func.count()).select_from(Organization)) == 0
    created: list[tuple[int, int]] = []
    dialog.imported.connect(lambda c, u: created.append((c, u)))
    with qtbot.waitSignal(dialog.imported):
        dialog.accept_import()
    assert created == [(1, 0)]
    with db.reader() as s:
        assert s.scalars(select(Organization.staff_count)).all() == [88]
    db.close()


def test_a_long_import_runs_off_the_gui_thread_and_cancel_writes_nothing(
    zh_app: QApplication, qtbot: QtBot, tmp_path: Path
) -> None:
    """5,000 rows took 14 s on the GUI thread, the window frozen and no way to stop."""
    wb = Workbook()
    wb.active.append(["企业名称", "从业人员数"])
    for i in range(3 * APPLY_EVERY):
        wb.active.append([f"烟台批量导入{i}号有限公司", i % 90])
    wb.save(tmp_path / "long.xlsx")
    db = open_database(tmp_path / "long.sqlite")
    try:
        dialog = ExcelImportDialog(db, "测试")
        qtbot.addWidget(dialog)
        with qtbot.waitSignal(dialog.loaded):
            dialog.load_file(str(tmp_path / "long.xlsx"))
        with qtbot.waitSignal(dialog.validated):
            dialog.validate()
        with qtbot.waitSignal(dialog.stopped, timeout=60_000) as stopped:
            dialog.accept_import()
            assert dialog.task is not None and not dialog.import_button.isEnabled()
            dialog.task.cancel()  # as the progress dialog's Cancel does
        assert stopped.args == ["已取消，未写入任何内容。"]
        assert dialog.summary.text() == "已取消，未写入任何内容。"
        with db.reader() as s:
            assert s.scalar(select(func.count()).select_from(Organization)) == 0
        assert dialog.import_button.isEnabled()  # the plan stands: import again
        with qtbot.waitSignal(dialog.imported, timeout=120_000) as done:
            dialog.accept_import()
        assert done.args == [3 * APPLY_EVERY, 0]
        with db.reader() as s:
            assert s.scalar(select(func.count()).select_from(Organization)) == 3 * APPLY_EVERY
    finally:
        db.close()
