"""Devices view at the centre: enrolment requests, approve after comparing the code, revoke."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from yeda_desktop.errors import YedaError
from yeda_desktop.storage import Database
from yeda_desktop.sync import KeySet
from yeda_desktop.syncflow import enrolment
from yeda_desktop.syncflow.importer import release
from yeda_desktop.ui.fresh_view import FreshView
from yeda_desktop.ui.i18n import current_lang

_CUT_WIDTH = 120  # pixels of the device id and code columns at most

COLUMNS = ("id", "name", "team", "officer", "status", "code", "last_sequence", "last_import",
           "missing")


class DevicesView(FreshView):
    """Signals: `changed()` after a device was accepted, approved or revoked."""

    changed = Signal()

    def __init__(self, db: Database, keys: KeySet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.keys = db, keys
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels([
            self.tr("Device id"), self.tr("Name"), self.tr("Team"), self.tr("Officer"),
            self.tr("Status"), self.tr("Code"), self.tr("Last batch"), self.tr("Last import"),
            self.tr("Batches not arrived"),
        ])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.accept_button = QPushButton(self.tr("Read enrolment request…"), self)
        self.approve_button = QPushButton(self.tr("Approve…"), self)
        self.revoke_button = QPushButton(self.tr("Revoke"), self)
        buttons = QHBoxLayout()
        for button in (self.accept_button, self.approve_button, self.revoke_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        box = QVBoxLayout(self)
        box.addLayout(buttons)
        box.addWidget(self.table, 1)
        self.accept_button.clicked.connect(self.choose_request)
        self.approve_button.clicked.connect(self.approve_selected)
        self.revoke_button.clicked.connect(self.revoke_selected)
        self.refresh()

    def refresh(self) -> None:
        chosen = self.selected_id()
        with self.db.reader() as session:
            arrived, teams = enrolment.arrivals(session), enrolment.team_names(session)
            rows = [enrolment.describe(d, arrived.get(d.id), teams)
                    for d in enrolment.list_devices(session)]
        self.table.setRowCount(len(rows))
        zh = current_lang() == "zh"
        for r, info in enumerate(rows):
            for c, key in enumerate(COLUMNS):
                # The status in the window's words ("已批准"); its code stays as the data.
                shown = info["status_zh"] if key == "status" and zh else info[key]
                item = QTableWidgetItem(shown)
                item.setData(Qt.ItemDataRole.UserRole, info[key])
                if key in ("id", "code"):
                    item.setToolTip(info[key])  # whole, where the column cuts it
                if key == "team" and info["team_unknown"]:  # a request names any team
                    item.setForeground(QBrush(QColor("#b00020")))
                    item.setToolTip(self.tr("This centre has no such team: check with the "
                                            "officer before approving"))
                if key == "missing" and info[key]:  # work that may be lost: ask for it
                    item.setForeground(QBrush(QColor("#b00020")))
                    item.setToolTip(self.tr("Ask the officer for these batches: %1")
                                    .replace("%1", info[key]))
                self.table.setItem(r, c, item)
        for r in range(self.table.rowCount()):  # the device chosen before stays chosen
            if chosen is not None and self.table.item(r, 0).text() == chosen:
                self.table.selectRow(r)
        # Every column as wide as what it shows; the long id and code cut (whole in the
        # tooltip), so that the rest fits.
        self.table.resizeColumnsToContents()
        for key in ("id", "code"):
            column = COLUMNS.index(key)
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), _CUT_WIDTH))

    def selected_id(self) -> str | None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        return item.text() if item else None

    def choose_request(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Enrolment request"), "", self.tr("YEDA packages (*.yeda)")
        )
        if name:
            self.accept_request(Path(name))

    def accept_request(self, path: Path) -> None:
        try:
            enrolment.accept_request(self.db, self.keys, path)
        except YedaError as exc:
            QMessageBox.warning(self, self.tr("Enrolment refused"), exc.message(current_lang()))
            return
        self.refresh()
        self.changed.emit()

    def approve_selected(self, code: str | None = None) -> bool:
        device_id = self.selected_id()
        if device_id is None:
            return False
        if not code:
            code, ok = QInputDialog.getText(
                self, self.tr("Approve device"),
                self.tr("Type the code the laptop shows (compare it digit by digit):"),
            )
            if not ok:
                return False
        try:
            with self.db.session() as session:
                enrolment.approve(session, device_id, code)
            release(self.db, self.keys, device_id)
        except YedaError as exc:
            QMessageBox.warning(self, self.tr("Not approved"), exc.message(current_lang()))
            return False
        self.refresh()
        self.changed.emit()
        return True

    def revoke_selected(self) -> None:
        device_id = self.selected_id()
        if device_id is None:
            return
        with self.db.session() as session:
            enrolment.revoke(session, device_id)
        self.refresh()
        self.changed.emit()
