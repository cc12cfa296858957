"""Devices view at the centre: enrolment requests, approve after comparing the code, revoke."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from yeda_desktop.errors import YedaError
from yeda_desktop.models.enums import DeviceStatus
from yeda_desktop.storage import Database
from yeda_desktop.sync import KeySet
from yeda_desktop.syncflow import enrolment
from yeda_desktop.syncflow.importer import release
from yeda_desktop.ui.fresh_view import FreshView
from yeda_desktop.ui.i18n import current_lang

_CUT_WIDTH = 120  # pixels of the device id and code columns at most

COLUMNS = ("id", "name", "team", "officer", "status", "code", "last_sequence", "last_import",
           "missing")
# What each button can do to a device in each status: approving an approved device, or
# revoking a revoked one, would change nothing.
_APPROVABLE = (DeviceStatus.PENDING.value, DeviceStatus.REVOKED.value)
_REVOCABLE = (DeviceStatus.PENDING.value, DeviceStatus.APPROVED.value)


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
        # How many devices and how many wait, or, with none, how one comes to be here.
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        box = QVBoxLayout(self)
        box.addLayout(buttons)
        box.addWidget(self.heading)
        box.addWidget(self.table, 1)
        self.accept_button.clicked.connect(self.choose_request)
        self.approve_button.clicked.connect(lambda: self.approve_selected())
        self.revoke_button.clicked.connect(self.revoke_selected)
        self.table.itemSelectionChanged.connect(self._enable)
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
        waiting = sum(1 for info in rows if info["status"] == DeviceStatus.PENDING.value)
        if not rows:
            self.heading.setText(self.tr(
                "No devices yet. A field laptop writes an enrolment request (Exchange → Write "
                "the enrolment request); read it here, compare the code the laptop shows, "
                "and approve."))
        elif waiting:
            self.heading.setText(self.tr("%n device(s), ", "", len(rows))
                                 + self.tr("%n waiting for approval.", "", waiting))
        else:
            self.heading.setText(self.tr("%n device(s).", "", len(rows)))
        self._enable()

    def _enable(self) -> None:
        """Approve a device waiting or revoked, revoke one waiting or approved: a button
        that could do nothing to the chosen device (or to none) is greyed."""
        status = self._selected_status()
        self.approve_button.setEnabled(status in _APPROVABLE)
        self.revoke_button.setEnabled(status in _REVOCABLE)

    def _selected_row(self) -> int | None:
        row = self.table.currentRow()
        chosen = row >= 0 and self.table.item(row, 0) is not None and any(
            i.row() == row for i in self.table.selectedItems())
        return row if chosen else None

    def _selected_status(self) -> str | None:
        row = self._selected_row()
        item = self.table.item(row, COLUMNS.index("status")) if row is not None else None
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def selected_id(self) -> str | None:
        row = self._selected_row()
        item = self.table.item(row, 0) if row is not None else None
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

    def revoke_selected(self) -> bool:
        """Revoke the chosen device once the administrator confirms: its batches are
        quarantined from then on (approving it again lets them in)."""
        row, device_id = self._selected_row(), self.selected_id()
        if row is None or device_id is None:
            return False
        name = self.table.item(row, COLUMNS.index("name")).text()
        officer = self.table.item(row, COLUMNS.index("officer")).text()
        asked = QMessageBox.question(
            self, self.tr("Revoke device"),
            self.tr("Revoke the device \"%1\" (%2)? Its batches will be quarantined, not "
                    "imported, until it is approved again.")
            .replace("%1", name or device_id).replace("%2", officer or device_id[:8]),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if asked != QMessageBox.StandardButton.Yes:
            return False
        try:
            with self.db.session() as session:
                enrolment.revoke(session, device_id)
        except YedaError as exc:
            QMessageBox.warning(self, self.tr("Not revoked"), exc.message(current_lang()))
            return False
        self.refresh()
        self.changed.emit()
        return True
