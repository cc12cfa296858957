"""The ledger's forms: who sees to the selected gaps and by when; how they were rectified;
why they are not to be, and who decided."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def _date_edit(parent: QWidget, day: QDate) -> QDateEdit:
    edit = QDateEdit(day, parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class BulkAssignDialog(QDialog):
    """Responsible person and due date for the selected gaps."""

    def __init__(self, parent: QWidget | None, count: int) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Assign responsible person"))
        self.responsible = QLineEdit(self)
        self.due = _date_edit(self, QDate.currentDate().addDays(30))
        self.no_due = QCheckBox(self.tr("No due date"), self)
        self.no_due.toggled.connect(self._no_due_toggled)
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("%n gap(s) selected", "", count)))
        form.addRow(self.tr("Responsible"), self.responsible)
        form.addRow(self.tr("Due date"), self.due)
        form.addRow("", self.no_due)
        form.addRow(_buttons(self))

    def _no_due_toggled(self, on: bool) -> None:
        self.due.setEnabled(not on)

    def values(self) -> tuple[str, date | None]:
        due = None if self.no_due.isChecked() else self.due.date().toPython()
        return self.responsible.text(), due  # type: ignore[return-value]


class CloseGapDialog(QDialog):
    """The evidence of the rectification and the day it was done (a secretary often
    records it days later: the closing date is the day of the work, not of the typing).
    OK waits for the evidence; the calendar stops at today, as the ledger does."""

    def __init__(self, parent: QWidget | None, count: int) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Close gap"))
        self.evidence = QPlainTextEdit(self)
        self.evidence.setPlaceholderText(self.tr("e.g. instructor appointed, see the minutes"))
        self.closed_on = _date_edit(self, QDate.currentDate())
        self.closed_on.setMaximumDate(QDate.currentDate())
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("%n gap(s) selected", "", count)))
        form.addRow(self.tr("Closing evidence"), self.evidence)
        form.addRow(self.tr("Rectified on"), self.closed_on)
        buttons = _buttons(self)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.evidence.textChanged.connect(self._evidence_changed)
        self._evidence_changed()
        form.addRow(buttons)

    def _evidence_changed(self) -> None:
        self.ok.setEnabled(bool(self.evidence.toPlainText().strip()))

    def values(self) -> tuple[str, date]:
        return self.evidence.toPlainText(), self.closed_on.date().toPython()  # type: ignore[return-value]


class WaiveGapDialog(QDialog):
    """The reason, and who decided: often not the one typing it (the district's committee
    decides, a secretary records it). OK waits for both."""

    def __init__(self, parent: QWidget | None, count: int, officer: str | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Waive gap"))
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("e.g. the company has been deregistered"))
        self.decided_by = QLineEdit(officer or "", self)
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("%n gap(s) selected", "", count)))
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("Decided by"), self.decided_by)
        buttons = _buttons(self)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        for field in (self.reason, self.decided_by):
            field.textChanged.connect(self._changed)
        self._changed()
        form.addRow(buttons)

    def _changed(self) -> None:
        self.ok.setEnabled(all(f.text().strip() for f in (self.reason, self.decided_by)))

    def values(self) -> tuple[str, str]:
        return self.reason.text(), self.decided_by.text()
