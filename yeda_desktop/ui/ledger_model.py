"""The ledger as a Qt table model that filters (the core's LedgerFilter) and sorts itself.

A centre's ledger holds a gap per rule an organization fails: 178,000 rows for a
100,000-organization zone. A QSortFilterProxyModel compares rows with a Python
`lessThan`, millions of calls for one sort (the window stood still for three minutes
once such a ledger had loaded), and re-sorts on every keystroke of the search. Here the
shown rows are one list comprehension and one `sorted` with a key per row.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from yeda_desktop.ledger import LedgerFilter, LedgerRow
from yeda_desktop.rules import RULES_BY_ID
from yeda_desktop.ui.labels import industry_label
from yeda_desktop.ui.ledger_labels import (
    action_label,
    ownership_label,
    rule_label,
    severity_label,
    status_label,
)

OVERDUE_BRUSH = QBrush(QColor("#f8d7da"))
_SEVERITY_ORDER = {"high": 0, "medium": 1, "info": 2}
_RULE_ORDER = {rule_id: n for n, rule_id in enumerate(RULES_BY_ID)}
Index = QModelIndex | QPersistentModelIndex


def _plain(value: Any) -> str:
    return value or ""


# Column → (the row's attribute, its visible text). A labelled value's text is computed
# once per distinct value when sorting.
_CELLS: dict[str, tuple[str, Callable[[Any], str]]] = {
    "organization": ("organization", _plain),
    "rule": ("rule_id", rule_label),
    "severity": ("severity", severity_label),
    "status": ("status", status_label),
    "detail": ("detail_zh", _plain),
    "action": ("action", action_label),
    "responsible": ("responsible", _plain),
    "due": ("due_on", lambda day: day.isoformat() if day else ""),
    "subdistrict": ("subdistrict", _plain),
    "cluster": ("cluster", _plain),
    "building": ("building", _plain),
    "industry": ("industry_section", lambda code: industry_label(code, with_code=False)),
    "ownership": ("ownership", ownership_label),
}
# Columns ordered by meaning rather than by their text.
_ORDERS: dict[str, Callable[[Any], Any]] = {
    "severity": lambda severity: _SEVERITY_ORDER.get(severity, 9),
    "due": lambda day: day or date.max,
    "rule": lambda rule_id: _RULE_ORDER.get(rule_id, 99),
}


class LedgerModel(QAbstractTableModel):
    COLUMNS = tuple(_CELLS)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.all_rows: list[LedgerRow] = []  # as loaded (newest first)
        self.wanted = LedgerFilter()
        self._accepted: list[LedgerRow] = []  # what `wanted` accepts, in loaded order
        self.rows: list[LedgerRow] = []  # shown: accepted, sorted
        self._sorting: tuple[int, Qt.SortOrder] | None = None

    # -- what is shown ---------------------------------------------------------------
    def set_rows(self, rows: list[LedgerRow], wanted: LedgerFilter | None = None) -> None:
        """Show these rows (those `wanted` accepts, if given; else the current filter's)."""
        self.beginResetModel()
        self.all_rows = rows
        self.wanted = wanted if wanted is not None else self.wanted
        self._accepted = self.wanted.select(rows)
        self.rows = self._sorted(self._accepted)
        self.endResetModel()

    def set_filter(self, wanted: LedgerFilter) -> None:
        """Show only the rows `wanted` accepts (the selection goes: the view restores it)."""
        self.beginResetModel()
        self.wanted = wanted
        self._accepted = wanted.select(self.all_rows)
        self.rows = self._sorted(self._accepted)
        self.endResetModel()

    def total(self) -> int:
        """Rows loaded, shown or not."""
        return len(self.all_rows)

    def row_at(self, row: int) -> LedgerRow:
        return self.rows[row]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column's natural order; equal rows keep the loaded order. Selected
        rows stay selected (their persistent indexes follow them)."""
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        held = [(self.rows[i.row()], i.column()) for i in before]
        self._sorting = (column, order)
        self.rows = self._sorted(self._accepted)
        if before:
            position = {id(row): n for n, row in enumerate(self.rows)}
            self.changePersistentIndexList(
                before, [self.index(position[id(row)], col) for row, col in held])
        self.layoutChanged.emit()

    def _sorted(self, rows: list[LedgerRow]) -> list[LedgerRow]:
        if self._sorting is None or not 0 <= self._sorting[0] < len(self.COLUMNS):
            return list(rows)
        column, order = self._sorting
        name = self.COLUMNS[column]
        attribute, text = _CELLS[name]
        meaning = _ORDERS.get(name, text)
        value = operator.attrgetter(attribute)
        descending = order == Qt.SortOrder.DescendingOrder
        if meaning is _plain:
            return sorted(rows, key=lambda r: value(r) or "", reverse=descending)
        keys = {v: meaning(v) for v in set(map(value, rows))}  # each label or rank once
        return sorted(rows, key=lambda r: keys[value(r)], reverse=descending)

    # -- Qt's model interface ----------------------------------------------------------
    def headers(self) -> list[str]:
        return [
            self.tr("Organization"),
            self.tr("Gap"),
            self.tr("Severity"),
            self.tr("Status"),
            self.tr("Details"),
            self.tr("Action"),
            self.tr("Responsible"),
            self.tr("Due"),
            self.tr("Subdistrict"),
            self.tr("Cluster"),
            self.tr("Building"),
            self.tr("Industry"),
            self.tr("Ownership"),
        ]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def _text(self, row: LedgerRow, column: str) -> str:
        attribute, text = _CELLS[column]
        return text(getattr(row, attribute))

    def _tooltip(self, row: LedgerRow, column: str) -> str | None:
        """The cell's full text (its column may be too narrow), and whether it is overdue."""
        lines = [self._text(row, column), self.tr("Overdue") if row.overdue else ""]
        return "\n".join(line for line in lines if line) or None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.BackgroundRole and row.overdue:
            return OVERDUE_BRUSH
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        return None
