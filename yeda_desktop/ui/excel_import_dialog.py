"""Importing an organization list or member roster from .xlsx: map columns, validate, accept.

Step 1 picks the file and kind; step 2 shows each field with the spreadsheet
column guessed for it (changeable); "Validate" plans the import and lists the
report row by row; only "Import" writes, re-planning inside its own transaction.
Signal: `imported(int, int)` with how many records were created and updated.
"""

from __future__ import annotations

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


class ExcelImportDialog(QDialog):
    imported = Signal(int, int)

    def __init__(self, db: Database, officer: str | None = None,
                 parent: QWidget | None = None, lang: str = "zh") -> None:
        super().__init__(parent)
        self.db, self.officer, self.lang = db, officer, lang
        self.sheet: SheetData | None = None
        self.plan: ImportPlan | None = None
        self.setWindowTitle(self.tr("Import from Excel"))
        self.resize(900, 640)
        self.path = QLineEdit(self)
        self.path.setReadOnly(True)
        browse = QPushButton(self.tr("Choose file…"), self)
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
        try:
            self.sheet = read_sheet(path)
        except YedaError as exc:
            QMessageBox.warning(self, self.windowTitle(), exc.message(self.lang))
            return
        self.path.setText(path)
        roster = guess_mapping("roster", self.sheet.headers)
        is_roster = "id_number" in roster or "party_status" in roster
        self.kind.blockSignals(True)
        self.kind.setCurrentIndex(self.kind.findData("roster" if is_roster else "organizations"))
        self.kind.blockSignals(False)
        self._kind_changed()

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
        try:
            with self.db.reader() as session:
                self.plan = plan_import(session, self.kind.currentData(), self.sheet,
                                        self.mapping())
        except YedaError as exc:
            QMessageBox.warning(self, self.windowTitle(), exc.message(self.lang))
            return
        self._show_report(self.plan)
        writable = self.plan.count("create") + self.plan.count("update")
        self.import_button.setEnabled(writable > 0)

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
        try:
            with self.db.session(officer=self.officer) as session:
                plan = plan_import(session, self.kind.currentData(), self.sheet, self.mapping())
                result = apply_plan(session, plan)
        except YedaError as exc:
            QMessageBox.warning(self, self.windowTitle(), exc.message(self.lang))
            return
        self.summary.setText(
            self.tr("Imported: %1 new, %2 updated, %3 rows with errors skipped")
            .replace("%1", str(result.created)).replace("%2", str(result.updated))
            .replace("%3", str(result.skipped)))
        self.import_button.setEnabled(False)
        self.plan = None
        self.imported.emit(result.created, result.updated)
