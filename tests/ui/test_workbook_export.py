"""Workbooks from the window: the statistics tab's 导出… and File → 导出到 Excel."""

from __future__ import annotations

import threading
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from yeda_desktop.excel import export as excel_export
from yeda_desktop.models import Campaign, Organization, PartyOrg, PartyOrgCoverage, Person
from yeda_desktop.models.enums import PartyOrgType, PartyStatus, PersonRole
from yeda_desktop.stats.dimensions import DIMENSIONS
from yeda_desktop.storage import Database, open_database
from yeda_desktop.ui.dashboard import Dashboard
from yeda_desktop.ui.settings import AppSettings
from yeda_desktop.ui.tasks import Task
from yeda_desktop.ui.workbook_export import ExcelMenu

WHOLE_ID = "11010519491231002X"


@pytest.fixture
def db(tmp_path: Path) -> Database:
    """Four organizations, one covered by a committee; a party member and a staff member."""
    database = open_database(tmp_path / "export.sqlite")
    with database.session(officer="测试") as s:
        s.add(Campaign(name="2026年集中扫楼月", year=2026, is_current=True))
        orgs = [Organization(name=f"烟台导出{n}号有限公司", staff_count=20) for n in range(4)]
        committee = PartyOrg(name="烟台导出零号有限公司党委", type=PartyOrgType.COMMITTEE)
        s.add_all([*orgs, committee])
        s.flush()
        s.add(PartyOrgCoverage(party_org_id=committee.id, organization_id=orgs[0].id))
        s.add_all([
            Person(organization_id=orgs[0].id, name="王党员", id_number=WHOLE_ID,
                   role=PersonRole.STAFF, party_status=PartyStatus.FULL),
            Person(organization_id=orgs[1].id, name="李群众", role=PersonRole.STAFF,
                   party_status=PartyStatus.NONE),
        ])
    yield database
    database.close()


def _save_to(monkeypatch: pytest.MonkeyPatch, target: Path) -> list[str]:
    """The save dialog answers `target`; the titles it was shown under are returned."""
    asked: list[str] = []

    def save_as(_parent: object, title: str, *_args: object) -> tuple[str, str]:
        asked.append(title)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    return asked


def _rows(path: Path, sheet: str) -> list[tuple[Any, ...]]:
    return list(load_workbook(path)[sheet].iter_rows(min_row=2, values_only=True))


def _shown(qtbot: QtBot, db: Database) -> Dashboard:
    view = Dashboard()
    qtbot.addWidget(view)
    view.set_database(db)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.show()
    return view


def test_statistics_tab_exports_with_the_funding_inputs_it_shows(
    zh_app: QApplication, qtbot: QtBot, db: Database, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An administrator who typed ten certified workers at level 1 hands on the estimate
    she sees (86,000), not the workbook's default of none (50,000)."""
    target = tmp_path / "统计.xlsx"
    asked = _save_to(monkeypatch, target)
    view = _shown(qtbot, db)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.staff[0].setValue(10)
    assert view.export_button.text() == "导出…"
    view.export_button.click()
    qtbot.waitUntil(lambda: "已导出" in view.export_note.text(), timeout=10_000)
    assert asked == ["导出统计"]
    funding = _rows(target, "经费测算")
    assert funding[-1][0] == "合计" and funding[-1][-1] == 50_000 + 36_000
    [whole] = _rows(target, "覆盖率-全区")
    assert whole[1:4] == (4, 1, 25.0)
    sheets = load_workbook(target).sheetnames
    assert len(sheets) == 2 * len(DIMENSIONS) + 2  # coverage and progress by each, gaps, funding
    assert view.export_note.text() == "已导出 " + str(sum(
        len(_rows(target, name)) for name in sheets)) + " 行"


def test_cancelling_the_statistics_export_leaves_the_file_as_it_was(
    zh_app: QApplication, qtbot: QtBot, db: Database, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "统计.xlsx"
    target.write_bytes(b"last month's workbook")
    _save_to(monkeypatch, target)
    view = _shown(qtbot, db)
    pressed = threading.Event()
    real = excel_export.sweep_progress

    def after_cancel(*args: Any, **kwargs: Any) -> Any:
        pressed.wait(10)  # Cancel is pressed while the breakdowns are read
        return real(*args, **kwargs)

    monkeypatch.setattr(excel_export, "sweep_progress", after_cancel)
    view.export()
    [task] = [t for t in view.findChildren(Task) if t.dialog is not None]
    assert task.dialog is not None and task.dialog.labelText() == "正在导出统计…"
    [cancel] = task.dialog.findChildren(QPushButton)
    cancel.click()
    pressed.set()
    qtbot.waitUntil(lambda: "已取消" in view.export_note.text(), timeout=10_000)
    assert target.read_bytes() == b"last month's workbook"


class _Window(QMainWindow):
    """What the File menu's exports read of the main window: its database and language."""

    def __init__(self, db: Database) -> None:
        super().__init__()
        self.lang = "zh"
        self.workspace = SimpleNamespace(db=db)


def _menu_window(qtbot: QtBot, db: Database) -> tuple[_Window, dict[str, Any]]:
    window = _Window(db)
    qtbot.addWidget(window)
    menu = ExcelMenu(window)
    actions = {a.objectName(): a for a in menu.actions()}
    assert menu.title() == "导出到 Excel(&X)"
    return window, actions


@pytest.mark.parametrize(("answer", "shown_id"), [
    (QMessageBox.StandardButton.No, "110105********002X"),
    (QMessageBox.StandardButton.Yes, WHOLE_ID),
])
def test_file_menu_exports_the_member_roster_ids_whole_only_when_asked(
    zh_app: QApplication, qtbot: QtBot, db: Database, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, answer: QMessageBox.StandardButton, shown_id: str,
) -> None:
    target = tmp_path / "花名册.xlsx"
    asked = _save_to(monkeypatch, target)
    questions: list[str] = []

    def question(_parent: object, _title: str, text: str, *_args: object) -> Any:
        questions.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    window, actions = _menu_window(qtbot, db)
    assert actions["act_export_roster"].text() == "党员花名册(&M)…"
    actions["act_export_roster"].trigger()
    qtbot.waitUntil(lambda: "已导出" in window.statusBar().currentMessage(), timeout=10_000)
    assert window.statusBar().currentMessage() == "已导出 1 名党员"
    assert asked == ["导出党员花名册"] and "完整" in questions[0]
    [(name, id_number, *_rest)] = _rows(target, "党员花名册")
    assert (name, id_number) == ("王党员", shown_id)


def test_file_menu_roster_cancelled_at_the_question_asks_for_no_file(
    zh_app: QApplication, qtbot: QtBot, db: Database, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked = _save_to(monkeypatch, tmp_path / "花名册.xlsx")
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_args: QMessageBox.StandardButton.Cancel)
    _window, actions = _menu_window(qtbot, db)
    actions["act_export_roster"].trigger()
    assert asked == []
    assert not (tmp_path / "花名册.xlsx").exists()


def test_file_menu_exports_the_whole_ledger_list_and_statistics(
    zh_app: QApplication, qtbot: QtBot, db: Database, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The menu writes everything, whatever a tab's filters show; the statistics take the
    funding inputs of the statistics tab when the window has one."""
    from yeda_desktop.ledger import reconcile

    with db.session(officer="测试") as s:
        reconcile(s)
    window, actions = _menu_window(qtbot, db)
    window.dashboard = SimpleNamespace(  # type: ignore[attr-defined]
        funding_inputs=lambda: excel_export.FundingInputs(
            monthly_allowance=(300, 200, 100), staff_by_level=(0, 2, 0)))
    written = {}
    for action, sheet in (("act_export_ledger", "专项工作台账"),
                          ("act_export_organizations", "两新组织名单"),
                          ("act_export_statistics", "经费测算")):
        target = tmp_path / f"{action}.xlsx"
        _save_to(monkeypatch, target)
        window.statusBar().clearMessage()
        actions[action].trigger()
        qtbot.waitUntil(lambda: "已导出" in window.statusBar().currentMessage(),
                        timeout=10_000)
        written[action] = _rows(target, sheet)
    with db.reader() as s:
        from sqlalchemy import func, select

        from yeda_desktop.models import Gap

        gaps = s.scalar(select(func.count()).select_from(Gap))
    assert gaps and len(written["act_export_ledger"]) == gaps
    assert sorted(r[0] for r in written["act_export_organizations"]) == [
        f"烟台导出{n}号有限公司" for n in range(4)]
    # 50,000 for the committee + 2 level-2 workers x 200 x 12 months
    assert written["act_export_statistics"][-1][-1] == 50_000 + 4_800


def test_file_menu_statistics_take_the_inputs_typed_in_an_earlier_sitting(
    zh_app: QApplication, qtbot: QtBot, db: Database, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, settings: AppSettings,
) -> None:
    """The statistics tab not opened yet in this sitting: the workbook's funding estimate
    uses the inputs typed in it last time (it used the defaults, 0 workers)."""
    window, actions = _menu_window(qtbot, db)
    window.settings = settings  # type: ignore[attr-defined]
    settings.set_funding_levels((300, 200, 100), (1, 0, 0))
    target = tmp_path / "statistics.xlsx"
    _save_to(monkeypatch, target)
    actions["act_export_statistics"].trigger()
    qtbot.waitUntil(lambda: "已导出" in window.statusBar().currentMessage(), timeout=10_000)
    # 50,000 for the committee + 1 level-1 worker x 300 x 12 months
    assert _rows(target, "经费测算")[-1][-1] == 50_000 + 3_600
