"""The import dialog: guessed mapping, a report before anything is written, then the import."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

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
    dialog.load_file(str(tmp_path / "list.xlsx"))
    assert dialog.validate_button.isEnabled()
    assert dialog.kind.currentData() == "organizations"
    assert dialog.mapping() == {"name": 0, "staff_count": 1, "reported_member_count": 2}
    assert not dialog.import_button.isEnabled()
    dialog.validate()
    assert dialog.report.rowCount() == 3
    assert dialog.plan is not None and dialog.plan.count("error") == 2
    with db.reader() as s:
        assert s.scalar(select(func.count()).select_from(Organization)) == 0
    created: list[tuple[int, int]] = []
    dialog.imported.connect(lambda c, u: created.append((c, u)))
    dialog.accept_import()
    assert created == [(1, 0)]
    with db.reader() as s:
        assert s.scalars(select(Organization.staff_count)).all() == [88]
    db.close()
