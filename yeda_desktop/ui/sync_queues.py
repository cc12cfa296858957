"""Conflict queue with a merge view (base, each side, provenance), duplicate queue, audit view."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from yeda_desktop.errors import YedaError
from yeda_desktop.local_time import local_stamp
from yeda_desktop.models.labels import change_label, duplicate_reason, field_label
from yeda_desktop.services.search import search
from yeda_desktop.storage import Database
from yeda_desktop.syncflow import duplicates
from yeda_desktop.syncflow.audit_trail import history, shown_old_values, shown_values
from yeda_desktop.syncflow.conflicts import (
    ConflictView,
    list_conflicts,
    record_label,
    record_labels,
    resolve,
)
from yeda_desktop.syncflow.pair_compare import compare_pair
from yeda_desktop.ui.fresh_view import QueueView
from yeda_desktop.ui.i18n import current_lang

_VALUE_WIDTH = 360  # pixels of a value column at most; the whole value in its tooltip


class _Pair(NamedTuple):
    """A duplicate candidate as its row shows it: reason, both names, what they share."""

    id: str
    record_a: str
    record_b: str
    cells: tuple[str, str, str, str]


def _fit_columns(table: QTableWidget, *, value_column: int) -> None:
    """Columns as wide as what they show, a long value cut at _VALUE_WIDTH."""
    table.resizeColumnsToContents()
    if table.columnWidth(value_column) > _VALUE_WIDTH:
        table.setColumnWidth(value_column, _VALUE_WIDTH)


class ConflictsView(QueueView):
    """Open conflicts on the left; the chosen one's base and sides on the right.

    `history_requested(record_id)`: the administrator asked for the chosen record's history.
    """

    history_requested = Signal(str)

    def __init__(self, db: Database, officer: str, device_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.officer, self.device_id = db, officer, device_id
        self.items: list[ConflictView] = []
        self.queue = QListWidget(self)
        self.sides = QTableWidget(0, 5, self)
        self.sides.setHorizontalHeaderLabels([
            self.tr("Side"), self.tr("Value"), self.tr("Time"), self.tr("Officer"),
            self.tr("Package"),
        ])
        self.sides.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.sides.horizontalHeader().setStretchLastSection(True)
        self.sides.setWordWrap(False)
        self.take_button = QPushButton(self.tr("Use the chosen value"), self)
        self.history_button = QPushButton(self.tr("Show the record's history"), self)
        # The chosen conflict's field and record, in the words of the data ("人员 · 所在单位").
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        right = QWidget(self)
        box = QVBoxLayout(right)
        box.addWidget(self.heading)
        box.addWidget(self.sides, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.take_button)
        buttons.addWidget(self.history_button)
        box.addLayout(buttons)
        split = QSplitter(self)
        split.addWidget(self.queue)
        split.addWidget(right)
        QVBoxLayout(self).addWidget(split)
        self.queue.currentRowChanged.connect(self._show_sides)
        self.sides.itemSelectionChanged.connect(self._enable)
        self.take_button.clicked.connect(self.take_selected)
        self.history_button.clicked.connect(self._ask_history)
        self.refresh()

    def _ask_history(self) -> None:
        row = self.queue.currentRow()
        if 0 <= row < len(self.items):
            self.history_requested.emit(self.items[row].record_id)

    def reader(self) -> Callable[[], list[ConflictView]]:
        db = self.db

        def read() -> list[ConflictView]:
            with db.reader() as session:
                return list_conflicts(session)

        return read

    def show_read(self, items: list[ConflictView]) -> None:
        """Show the queue read and the conflict at the same place (the next one, after
        one was resolved), or say that there is none."""
        at = max(self.queue.currentRow(), 0)
        self.items = items
        self.queue.blockSignals(True)
        self.queue.clear()
        for c in self.items:
            item = QListWidgetItem(f"{c.field_label}  {c.record_label}")
            item.setToolTip(f"{c.table_name}.{c.field}")
            self.queue.addItem(item)
        self.queue.blockSignals(False)
        self.sides.setRowCount(0)
        if self.items:
            self.queue.setCurrentRow(min(at, len(self.items) - 1))
            self._show_sides(self.queue.currentRow())
        else:
            self.heading.setText(self.tr("No open conflicts."))
            self.heading.setToolTip("")
        self._enable()

    def _enable(self) -> None:
        """Taking a value needs a side chosen; the history, a conflict."""
        chosen = 0 <= self.queue.currentRow() < len(self.items)
        self.history_button.setEnabled(chosen)
        self.take_button.setEnabled(chosen and bool(self.sides.selectedItems()))

    def _show_sides(self, row: int) -> None:
        if not 0 <= row < len(self.items):
            return
        c = self.items[row]
        self.heading.setText(f"{c.field_label}  {c.record_label}")
        self.heading.setToolTip(f"{c.table_name}.{c.field}")
        rows = [(self.tr("Base"), c.shown(c.base), "", "", "")]
        rows += [(c.device_labels.get(s["device"], s["device"]), c.shown(s["value"]),
                  str(s["at"]), s["officer"] or "", s["package"] or "") for s in c.sides]
        self.sides.setRowCount(len(rows))
        for r, (side, value, at, officer, package) in enumerate(rows):
            batch = c.batches.get(package)
            shown_package = (self.tr("Batch %1").replace("%1", str(batch)) if batch
                             else package[:8])
            cells = (side, value, local_stamp(at) if at else "", officer, shown_package)
            tips = (None, value, f"{at} UTC" if at else "", None, package)  # as stored
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if tips[col]:
                    item.setToolTip(tips[col])
                self.sides.setItem(r, col, item)
        self.sides.clearSelection()  # which value to take is the administrator's choice
        _fit_columns(self.sides, value_column=1)
        self._enable()

    def take_selected(self) -> bool:
        index, side = self.queue.currentRow(), self.sides.currentRow()
        if not 0 <= index < len(self.items) or side < 0:
            return False
        c = self.items[index]
        value = c.base if side == 0 else c.sides[side - 1]["value"]
        try:
            with self.db.session() as session:
                resolve(session, c.id, value, officer=self.officer, device_id=self.device_id)
        except YedaError as exc:
            QMessageBox.warning(self, self.tr("Not resolved"), exc.message(current_lang()))
            return False
        self.refresh()
        return True


class DuplicatesView(QueueView):
    """Candidate pairs: merge into the first or the second record, or dismiss.

    `history_requested(record_id)`: the history of record A or B was asked for.
    """

    history_requested = Signal(str)

    def __init__(self, db: Database, officer: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.officer = db, officer
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Reason"), self.tr("Record A"), self.tr("Record B"), self.tr("Detail")]
        )
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.keep_a = QPushButton(self.tr("Merge, keep A"), self)
        self.keep_b = QPushButton(self.tr("Merge, keep B"), self)
        self.dismiss_button = QPushButton(self.tr("Not the same: dismiss"), self)
        self.history_a = QPushButton(self.tr("History of A"), self)
        self.history_b = QPushButton(self.tr("History of B"), self)
        buttons = QHBoxLayout()
        for b in (self.keep_a, self.keep_b, self.dismiss_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        for b in (self.history_a, self.history_b):
            buttons.addWidget(b)
        self.heading = QLabel(self)
        # The chosen pair side by side: what decides whether they are one organization.
        self.compare = QTableWidget(0, 3, self)
        self.compare.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("Record A"), self.tr("Record B")])
        self.compare.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.compare.verticalHeader().hide()
        self.compare.setWordWrap(False)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(self.compare)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 2)
        box = QVBoxLayout(self)
        box.addWidget(self.heading)
        box.addLayout(buttons)
        box.addWidget(split, 1)
        self.table.itemSelectionChanged.connect(self._enable)
        self.table.itemSelectionChanged.connect(self._show_pair)
        self.keep_a.clicked.connect(lambda: self.decide("a"))
        self.keep_b.clicked.connect(lambda: self.decide("b"))
        self.dismiss_button.clicked.connect(lambda: self.decide(None))
        self.history_a.clicked.connect(lambda: self._ask_history(1))
        self.history_b.clicked.connect(lambda: self._ask_history(2))
        self.ids: list[tuple[str, str, str]] = []
        self.refresh()

    def reader(self) -> Callable[[], list[_Pair]]:
        db = self.db

        def read() -> list[_Pair]:
            with db.reader() as session:
                rows = duplicates.list_candidates(session)
                labels = record_labels(session.connection(), (
                    (r.table_name, record) for r in rows for record in (r.record_a, r.record_b)))
            return [_Pair(r.id, r.record_a, r.record_b,
                          (duplicate_reason(r.reason), labels[(r.table_name, r.record_a)],
                           labels[(r.table_name, r.record_b)],
                           duplicates.detail_specifics(r.detail)))
                    for r in rows]

        return read

    def show_read(self, pairs: list[_Pair]) -> None:
        """Show the pairs read and choose the one at the same place (the next, after a
        decision)."""
        at = max(self.table.currentRow(), 0)
        self.ids = [(p.id, p.record_a, p.record_b) for p in pairs]
        self.table.setRowCount(len(pairs))
        for i, pair in enumerate(pairs):
            for col, text in enumerate(pair.cells):
                self.table.setItem(i, col, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()  # names in full: they are what is compared
        self.heading.setText(
            self.tr("%n candidate pair(s): merge them or dismiss them.", "", len(self.ids))
            if self.ids else self.tr("No duplicate candidates."))
        if self.ids:  # the pair compared once, below, not also on the selection's signal
            self.table.blockSignals(True)
            self.table.selectRow(min(at, len(self.ids) - 1))
            self.table.blockSignals(False)
        self._enable()
        self._show_pair()

    def _show_pair(self) -> None:
        """The chosen pair's fields side by side: values that differ in bold on a tint,
        a value only one side has (a merge into the other takes it) in italics."""
        row = self.table.currentRow()
        chosen = 0 <= row < len(self.ids) and bool(self.table.selectedItems())
        if not chosen:
            self.compare.setRowCount(0)
            return
        with self.db.reader() as session:
            try:
                pair = compare_pair(session, self.ids[row][0])
            except YedaError:  # decided meanwhile elsewhere: the next refresh drops it
                self.compare.setRowCount(0)
                return
        self.compare.setRowCount(len(pair.fields))
        tint = QBrush(QColor("#fff3cd"))
        for r, f in enumerate(pair.fields):
            for col, text in enumerate((f.label, f.a, f.b)):
                item = QTableWidgetItem(text)
                if col:
                    item.setToolTip(text)
                if f.differs or (f.filled and col):
                    font = item.font()
                    font.setBold(f.differs)
                    font.setItalic(f.filled)
                    item.setFont(font)
                if f.differs:
                    item.setBackground(tint)
                self.compare.setItem(r, col, item)
        _fit_columns(self.compare, value_column=1)
        if self.compare.columnWidth(2) > _VALUE_WIDTH:
            self.compare.setColumnWidth(2, _VALUE_WIDTH)

    def _enable(self) -> None:
        chosen = 0 <= self.table.currentRow() < len(self.ids) and bool(
            self.table.selectedItems())
        for button in (self.keep_a, self.keep_b, self.dismiss_button, self.history_a,
                       self.history_b):
            button.setEnabled(chosen)

    def _ask_history(self, side: int) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.ids):
            self.history_requested.emit(self.ids[row][side])

    def decide(self, keep: str | None) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.ids):
            return
        cid, a, b = self.ids[row]
        if keep is not None and not self._merge_confirmed(row, keep):
            return
        try:
            with self.db.session() as session:
                if keep is None:
                    duplicates.dismiss(session, cid, self.officer)
                else:
                    duplicates.merge(session, cid, a if keep == "a" else b, self.officer)
        except YedaError as exc:
            QMessageBox.warning(self, self.tr("Not merged"), exc.message(current_lang()))
        self.refresh()


    def _merge_confirmed(self, row: int, keep: str) -> bool:
        """A merge cannot be undone: say what goes where, and merge only on "Yes"."""
        kept, gone = (self.table.item(row, c).text() for c in ((1, 2) if keep == "a" else (2, 1)))
        asked = QMessageBox.question(
            self, self.tr("Merge organizations"),
            self.tr("Merge \"%1\" into \"%2\"? Its people and places move to \"%2\", which "
                    "takes its values only where it has none; \"%1\" is then removed. This "
                    "cannot be undone.").replace("%1", gone).replace("%2", kept),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return asked == QMessageBox.StandardButton.Yes


_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


class AuditView(QWidget):
    """Every change of one record, with package, device, officer and time.

    The record is found the way the workspace finds one (name, pinyin, phone, USCC),
    or by its id; several matches are listed to choose from.
    """

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.record = QLineEdit(self)
        self.record.setPlaceholderText(
            self.tr("Organization or person: name, pinyin, phone, USCC or record id"))
        self.matches = QListWidget(self)
        self.matches.setMaximumHeight(140)
        self.matches.hide()
        self.heading = QLabel(self)
        self.table = QTableWidget(0, 7, self)
        self.table.setHorizontalHeaderLabels([
            self.tr("Time"), self.tr("Change"), self.tr("Field"), self.tr("Value"),
            self.tr("Officer"), self.tr("Device"), self.tr("Package"),
        ])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(False)
        box = QVBoxLayout(self)
        box.addWidget(self.record)
        box.addWidget(self.matches)
        box.addWidget(self.heading)
        box.addWidget(self.table, 1)
        self.record.returnPressed.connect(lambda: self.find(self.record.text()))
        self.matches.currentItemChanged.connect(
            lambda item, _old: item and self.show_record(item.data(Qt.ItemDataRole.UserRole)))

    def find(self, query: str) -> None:
        """Show the record an id names, or list the records the words find."""
        query = query.strip()
        self.matches.clear()
        self.matches.hide()
        if _UUID.match(query):
            self.show_record(query.lower())
            return
        with self.db.reader() as session:
            hits = [h for h in search(session, query) if h.kind in ("org", "person")]
        if not hits:
            self.heading.setText(self.tr("Nothing found for \"%1\"").replace("%1", query))
            self.table.setRowCount(0)
            return
        for hit in hits:
            item = QListWidgetItem(f"{hit.title}  {hit.context}".strip())
            item.setData(Qt.ItemDataRole.UserRole, hit.ref_id)
            self.matches.addItem(item)
        self.matches.setVisible(len(hits) > 1)
        self.matches.setCurrentRow(0)

    def show_record(self, record_id: str) -> None:
        with self.db.reader() as session:
            entries = history(session, record_id)
            # A field's edit as "before → after", as the command line prints it.
            values = [f"{old} → {new}" if e.field and e.op != "delete" else new
                      for e, old, new in zip(entries, shown_old_values(session, entries),
                                             shown_values(session, entries), strict=True)]
            label = record_label(session.connection(), entries[0].table_name, record_id) \
                if entries else record_id
        self.heading.setText(self.tr("History of %1: %2 changes")
                             .replace("%1", label).replace("%2", str(len(entries))))
        self.table.setRowCount(len(entries))
        for r, (e, value) in enumerate(zip(entries, values, strict=True)):
            column = f"{e.table_name}.{e.field}" if e.field else e.table_name
            package = (self.tr("Batch %1").replace("%1", str(e.batch)) if e.batch
                       else (e.package_id or "")[:8])
            cells = (local_stamp(e.at), change_label(e.op), field_label(e.table_name, e.field),
                     value, e.officer or "", e.device or "", package)
            tips = (f"{e.at} UTC", "", column, value, "", "", e.package_id or "")
            for col, (text, tip) in enumerate(zip(cells, tips, strict=True)):
                item = QTableWidgetItem(text)
                if tip:
                    item.setToolTip(tip)  # the whole stamp, the column, a long value
                self.table.setItem(r, col, item)
        _fit_columns(self.table, value_column=3)  # an insert's value lists every field
