"""Excel workbooks from the window: ask where, write off the GUI thread (progress, cancel),
say how it went.

One `WorkbookExport` serves the ledger's and the directory's 导出… (what their filters
show), the statistics tab's (with the funding inputs it shows) and File → 导出到 Excel
(`ExcelMenu`), so that a refusal, a cancel and the finished count read alike everywhere.
The workbooks are those of `yeda export-xlsx`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox, QWidget

from yeda_desktop.errors import YedaError
from yeda_desktop.ui.tasks import Cancelled, TaskProgress, run_task

if TYPE_CHECKING:  # openpyxl and the storage load on first use, not at start
    from yeda_desktop.storage import Database


class WorkbookExport(QObject):
    """Signal `said(str)`: the outcome (rows written, or cancelled) for the owner's status
    line. A refusal is shown in a message box titled as the export."""

    said = Signal(str)

    def __init__(self, owner: QWidget, kind: str, file_name: str, lang: str = "zh") -> None:
        super().__init__(owner)
        self.owner, self.kind, self.file_name, self.lang = owner, kind, file_name, lang
        self._title = ""
        self._done = ""

    def start(self, db: Database, title: str, working: str, done: str, **options: Any) -> bool:
        """Ask for the file under `title`, then write it: `working` in the progress dialog,
        `done` (with %1 for the rows written) said at the end. False if no file was chosen."""
        path, _ = QFileDialog.getSaveFileName(
            self.owner, title, self.file_name, self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return False
        self._title, self._done = title, done
        kind = self.kind

        def work(progress: TaskProgress) -> int:
            from yeda_desktop.excel import export_xlsx

            with db.reader() as session:  # a Cancel leaves any file there as it was
                return export_xlsx(session, kind, path, progress=progress, **options)[1]

        run_task(self.owner, work, self._finished, self._failed, working)
        return True

    def _finished(self, count: int) -> None:
        self.said.emit(self._done.replace("%1", f"{count:,}"))

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            self.said.emit(self.tr("Cancelled; nothing was written."))
        elif isinstance(exc, YedaError):
            QMessageBox.warning(self.owner, self._title, exc.message(self.lang))
        else:
            raise exc


class ExcelMenu(QMenu):
    """File → 导出到 Excel: the whole ledger, the whole organization list, the member
    roster (asking whether ID numbers go whole) and the statistics (with the funding inputs
    of the statistics tab). Each says how it went in the window's status bar."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.setTitle(self.tr("E&xport to Excel"))
        self.setObjectName("excel-export-menu")
        lang = str(getattr(window, "lang", "zh"))
        self.exports = {kind: WorkbookExport(window, kind, name, lang) for kind, name in (
            ("ledger", "专项工作台账.xlsx"), ("organizations", "两新组织名单.xlsx"),
            ("roster", "党员花名册.xlsx"), ("statistics", "两新组织统计.xlsx"))}
        for export in self.exports.values():
            export.said.connect(window.statusBar().showMessage)
        for text, name, slot in (
            (self.tr("Special work &ledger (all gaps)…"), "act_export_ledger", self.ledger),
            (self.tr("&Organization list (all)…"), "act_export_organizations",
             self.organizations),
            (self.tr("&Member roster…"), "act_export_roster", self.roster),
            (self.tr("&Statistics…"), "act_export_statistics", self.statistics),
        ):
            action = QAction(self)  # QAction(text, parent) would load QIcon before the first frame
            action.setText(text)
            action.setObjectName(name)
            action.triggered.connect(slot)
            self.addAction(action)

    def _db(self) -> Database | None:
        workspace = getattr(self.window_, "workspace", None)
        return workspace.db if workspace is not None else None

    def ledger(self) -> None:
        if (db := self._db()) is not None:
            self.exports["ledger"].start(db, self.tr("Export the whole ledger"),
                                         self.tr("Exporting the ledger…"),
                                         self.tr("Exported %1 gaps"))

    def organizations(self) -> None:
        if (db := self._db()) is not None:
            self.exports["organizations"].start(db, self.tr("Export every organization"),
                                                self.tr("Exporting the organizations…"),
                                                self.tr("Exported %1 organizations"))

    def roster(self) -> None:
        if (db := self._db()) is None:
            return
        title = self.tr("Export the member roster")
        answer = QMessageBox.question(
            self.window_, title,
            self.tr("Write the ID numbers whole?\n\nNo: only their first 6 and last 4 "
                    "characters, as on the printed roster. Whole ID numbers are personal "
                    "data: keep the file safe."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Cancel:
            return
        self.exports["roster"].start(db, title, self.tr("Exporting the member roster…"),
                                     self.tr("Exported %1 party members"),
                                     show_ids=answer == QMessageBox.StandardButton.Yes)

    def statistics(self) -> None:
        if (db := self._db()) is None:
            return
        dashboard = getattr(self.window_, "dashboard", None)
        settings = getattr(self.window_, "settings", None)
        # the tab not built yet: the inputs typed in it in an earlier sitting
        funding = (dashboard.funding_inputs() if dashboard is not None
                   else settings.funding_inputs() if settings is not None else None)
        self.exports["statistics"].start(
            db, self.tr("Export the statistics"), self.tr("Exporting the statistics…"),
            self.tr("Exported %1 rows of statistics"), funding=funding)
