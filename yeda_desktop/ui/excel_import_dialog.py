"""Importing an organization list or member roster from .xlsx: map columns, validate, accept.

Step 1 picks the file and kind; step 2 shows each field with the spreadsheet
column guessed for it (changeable); "Validate" plans the import and lists the
report row by row; only "Import" writes, re-planning inside its own transaction.
Reading, checking and importing run off the GUI thread (a list of thousands of rows takes
seconds), with a progress dialog whose Cancel stops an import before anything is written.
Signals: `loaded()`, `validated()`, `imported(int, int)` with how many records were
created and updated, and `stopped(str)` with the reason when a step did not finish.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from yeda_desktop.errors import YedaError
from yeda_desktop.excel import (
    IMPORT_KINDS,
    ImportPlan,
    apply_plan,
    guess_mapping,
    plan_import,
    read_sheet,
)
from yeda_desktop.excel.reader import SheetData
from yeda_desktop.storage import Database
from yeda_desktop.ui.tasks import Cancelled, Task, TaskProgress, run_task


class ExcelImportDialog(QDialog):
    loaded = Signal()
    validated = Signal()
    imported = Signal(int, int)
    stopped = Signal(str)

    def __init__(self, db: Database, officer: str | None = None,
                 parent: QWidget | None = None, lang: str = "zh") -> None:
        super().__init__(parent)
        self.db, self.officer, self.lang = db, officer, lang
        self.sheet: SheetData | None = None
        self.plan: ImportPlan | None = None
        self.task: Task | None = None  # the step running now, if any
        self._then: Any = None  # what the running step's result goes to
        self._writes = False
        self._reading = ""
        self.setWindowTitle(self.tr("Import from Excel"))
        self.resize(900, 640)
        self.path = QLineEdit(self)
        self.path.setReadOnly(True)
        self.browse = browse = QPushButton(self.tr("Choose file…"), self)
        browse.clicked.connect(self.choose_file)
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("Organization list"), "organizations")
        self.kind.addItem(self.tr("Member roster"), "roster")
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.mapping_form = QFormLayout()
        self.mapping_boxes: dict[str, QComboBox] = {}
        self.validate_button = QPushButton(self.tr("Validate"), self)
        self.validate_button.clicked.connect(self.validate)
        self.validate_button.setEnabled(False)  # until a file is loaded: nothing to check
        self.import_button = QPushButton(self.tr("Import"), self)
        self.import_button.clicked.connect(self.accept_import)
        self.import_button.setEnabled(False)
        self.summary = QLabel(self)
        self.report = QTableWidget(self)
        self.report.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        file_row = QHBoxLayout()
        file_row.addWidget(QLabel(self.tr("File"), self))
        file_row.addWidget(self.path, 1)
        file_row.addWidget(browse)
        file_row.addWidget(QLabel(self.tr("Kind"), self))
        file_row.addWidget(self.kind)
        buttons = QHBoxLayout()
        buttons.addWidget(self.validate_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.reject)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(file_row)
        layout.addWidget(QLabel(self.tr("Columns (guessed from the headers; change if wrong)"),
                                self))
        layout.addLayout(self.mapping_form)
        layout.addLayout(buttons)
        layout.addWidget(self.summary)
        layout.addWidget(self.report, 1)

    # --- step 1: file and kind -----------------------------------------------------------

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose an Excel file"), "",
                                              self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.load_file(path)

    def load_file(self, path: str) -> None:
        self._reading = path
        self._start(lambda _progress: read_sheet(path), self.tr("Reading the workbook…"),
                    self._loaded)

    def _loaded(self, sheet: SheetData) -> None:
        self.sheet = sheet
        self.path.setText(self._reading)
        roster = guess_mapping("roster", self.sheet.headers)
        is_roster = "id_number" in roster or "party_status" in roster
        self.kind.blockSignals(True)
        self.kind.setCurrentIndex(self.kind.findData("roster" if is_roster else "organizations"))
        self.kind.blockSignals(False)
        self._kind_changed()
        self.loaded.emit()

    def _kind_changed(self) -> None:
        while self.mapping_form.rowCount():
            self.mapping_form.removeRow(0)
        self.mapping_boxes = {}
        self._invalidate()
        self.validate_button.setEnabled(self.sheet is not None)
        if self.sheet is None:
            return
        kind = self.kind.currentData()
        guessed = guess_mapping(kind, self.sheet.headers)
        for field in IMPORT_KINDS[kind]:
            box = QComboBox(self)
            box.addItem(self.tr("(not imported)"), None)
            for col, header in enumerate(self.sheet.headers):
                box.addItem(header or self.tr("Column %1").replace("%1", str(col + 1)), col)
            if field.key in guessed:
                box.setCurrentIndex(box.findData(guessed[field.key]))
            box.currentIndexChanged.connect(self._invalidate)
            label = field.header + (" *" if field.required else "")
            self.mapping_form.addRow(label, box)
            self.mapping_boxes[field.key] = box

    def mapping(self) -> dict[str, int]:
        return {key: box.currentData() for key, box in self.mapping_boxes.items()
                if box.currentData() is not None}

    def _invalidate(self) -> None:
        self.plan = None
        self.import_button.setEnabled(False)

    # --- step 2: validate ------------------------------------------------------------------

    def validate(self) -> None:
        if self.sheet is None:
            return
        db, kind, sheet, mapping = self.db, self.kind.currentData(), self.sheet, self.mapping()

        def work(_progress: TaskProgress) -> ImportPlan:
            with db.reader() as session:
                return plan_import(session, kind, sheet, mapping)

        self._start(work, self.tr("Checking the rows…"), self._validated)

    def _validated(self, plan: ImportPlan) -> None:
        self.plan = plan
        self._show_report(plan)
        writable = plan.count("create") + plan.count("update")
        self.import_button.setEnabled(writable > 0)
        self.validated.emit()

    def _show_report(self, plan: ImportPlan) -> None:
        actions = {"create": self.tr("New"), "update": self.tr("Update"),
                   "unchanged": self.tr("Unchanged"), "error": self.tr("Error")}
        zh = self.lang.startswith("zh")
        self.summary.setText(plan.summary_zh() if zh else plan.summary_en())
        self.report.clear()
        self.report.setColumnCount(4)
        self.report.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("Result"), self.tr("Name"), self.tr("Details")])
        self.report.setRowCount(len(plan.rows))
        for r, row in enumerate(plan.rows):
            messages = row.messages_zh if zh else row.messages_en
            detail = "；".join(messages) if messages else "、".join(row.changes)
            for c, text in enumerate((str(row.row), actions[row.action], row.label, detail)):
                self.report.setItem(r, c, QTableWidgetItem(text))
        self.report.resizeColumnsToContents()

    # --- step 3: accept ------------------------------------------------------------------

    def accept_import(self) -> None:
        if self.sheet is None or self.plan is None:
            return
        db, officer = self.db, self.officer
        kind, sheet, mapping = self.kind.currentData(), self.sheet, self.mapping()

        def work(progress: TaskProgress) -> Any:
            with db.session(officer=officer) as session:  # a Cancel rolls it all back
                plan = plan_import(session, kind, sheet, mapping)
                return apply_plan(session, plan, progress)

        self._start(work, self.tr("Importing…"), self._imported, writes=True)

    def _imported(self, result: Any) -> None:
        self.summary.setText(
            self.tr("Imported: %1 new, %2 updated, %3 rows with errors skipped")
            .replace("%1", str(result.created)).replace("%2", str(result.updated))
            .replace("%3", str(result.skipped)))
        self.import_button.setEnabled(False)
        self.plan = None
        self.imported.emit(result.created, result.updated)

    # --- running a step ------------------------------------------------------------------

    def _start(self, work: Any, label: str, done: Any, *, writes: bool = False) -> None:
        """One step on a worker thread; the buttons wait for it. A step that only reads is
        dropped when cancelled; one that writes reports what it did once it committed."""
        self._busy(True)
        self._then, self._writes = done, writes
        # Bound methods: with a function nested in this method as the task's callback,
        # deleting the finished task crashed the process (PySide 6.11, seen in the tests).
        self.task = run_task(self, work, self._finished, self._failed, label)

    def _finished(self, result: object) -> None:
        cancelled = self.task is not None and self.task.progress.cancel_requested.is_set()
        if cancelled and not self._writes:
            self._failed(Cancelled())
            return
        self._busy(False)
        self._then(result)

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        if isinstance(exc, Cancelled):
            text = self.tr("Cancelled; nothing was written.")
            self.summary.setText(text)
        elif isinstance(exc, YedaError):
            text = exc.message(self.lang)
            QMessageBox.warning(self, self.windowTitle(), text)
        else:
            text = repr(exc)
            QMessageBox.warning(self, self.windowTitle(), text)
        self.stopped.emit(text)

    def _busy(self, busy: bool) -> None:
        for widget in (self.browse, self.kind):
            widget.setEnabled(not busy)
        self.validate_button.setEnabled(not busy and self.sheet is not None)
        self.import_button.setEnabled(not busy and self.plan is not None)
        if not busy:
            self.task = None
