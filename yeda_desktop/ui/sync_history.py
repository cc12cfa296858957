"""The centre's import history: every batch imported, newest first; the chosen one's report."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from yeda_desktop.local_time import local_minute
from yeda_desktop.storage import Database
from yeda_desktop.syncflow.import_log import ImportedBatch, imported_batches
from yeda_desktop.ui.fresh_view import FreshView
from yeda_desktop.ui.i18n import current_lang


class ImportHistoryView(FreshView):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.batches: list[ImportedBatch] = []
        self.heading = QLabel(self)
        self.table = QTableWidget(0, 10, self)
        self.table.setHorizontalHeaderLabels([
            self.tr("Imported"), self.tr("Device"), self.tr("Batch"), self.tr("Officer"),
            self.tr("New"), self.tr("Updated"), self.tr("Conflicts"),
            self.tr("Duplicate candidates"), self.tr("Rejected"), self.tr("File"),
        ])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.report_view = QPlainTextEdit(self)
        self.report_view.setReadOnly(True)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(self.report_view)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        box = QVBoxLayout(self)
        box.addWidget(self.heading)
        box.addWidget(split, 1)
        self.table.currentCellChanged.connect(self._current_changed)
        self.refresh()

    def refresh(self) -> None:
        """Reload, the batch chosen before (or else the newest) chosen."""
        row = self.table.currentRow()
        chosen = self.batches[row].package_id if 0 <= row < len(self.batches) else None
        with self.db.reader() as session:
            self.batches = imported_batches(session)
        self.table.setRowCount(len(self.batches))
        for r, batch in enumerate(self.batches):
            report = batch.report
            counts = ([report.new, report.updated, report.conflicts, report.duplicates,
                       len(report.rejected)] if report else [None] * 5)
            cells = [local_minute(batch.imported_at), batch.device, batch.sequence,
                     batch.officer, *counts, batch.file_name]
            for c, value in enumerate(cells):
                item = QTableWidgetItem("" if value is None else f"{value:,}"
                                        if isinstance(value, int) else str(value))
                if c == 0:
                    item.setToolTip(f"{batch.imported_at:%Y-%m-%d %H:%M:%S} UTC")
                if isinstance(value, int):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.heading.setText(
            self.tr("%n batch(es) imported, newest first.", "", len(self.batches))
            if self.batches else self.tr("No batch imported yet."))
        ids = [b.package_id for b in self.batches]
        if self.batches:
            self.table.selectRow(ids.index(chosen) if chosen in ids else 0)
        self._show_report(self.table.currentRow())

    def _current_changed(self, row: int, _column: int, _old_row: int, _old_column: int) -> None:
        self._show_report(row)

    def _show_report(self, row: int) -> None:
        if not 0 <= row < len(self.batches):
            self.report_view.clear()
            return
        report = self.batches[row].report
        self.report_view.setPlainText(
            "\n".join(report.lines(current_lang())) if report is not None
            else self.tr("This batch's report cannot be read."))
