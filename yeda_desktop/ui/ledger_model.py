"""The ledger as a Qt table model, and a proxy that filters with the core's LedgerFilter."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from yeda_desktop.ledger import LedgerFilter, LedgerRow
from yeda_desktop.models.enums import INDUSTRY_SECTIONS
from yeda_desktop.rules import RULES_BY_ID
from yeda_desktop.ui.ledger_labels import (
    action_label,
    ownership_label,
    rule_label,
    severity_label,
    status_label,
)

OVERDUE_BRUSH = QBrush(QColor("#f8d7da"))
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
_SEVERITY_ORDER = {"high": 0, "medium": 1, "info": 2}
Index = QModelIndex | QPersistentModelIndex


class LedgerModel(QAbstractTableModel):
    COLUMNS = (
        "organization",
        "rule",
        "severity",
        "status",
        "detail",
        "action",
        "responsible",
        "due",
        "subdistrict",
        "cluster",
        "building",
        "industry",
        "ownership",
    )

    def __init__(self, parent: QObject | None = None, lang: str = "zh") -> None:
        super().__init__(parent)
        self.rows: list[LedgerRow] = []
        self.lang = lang

    def set_rows(self, rows: list[LedgerRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

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
        detail = row.detail_zh if self.lang.startswith("zh") else None
        values = {
            "organization": row.organization,
            "rule": rule_label(row.rule_id),
            "severity": severity_label(row.severity),
            "status": status_label(row.status),
            "detail": detail or row.detail_zh or "",
            "action": action_label(row.action),
            "responsible": row.responsible or "",
            "due": row.due_on.isoformat() if row.due_on else "",
            "subdistrict": row.subdistrict or "",
            "cluster": row.cluster or "",
            "building": row.building or "",
            "industry": INDUSTRY_SECTIONS.get(row.industry_section or "", ""),
            "ownership": ownership_label(row.ownership),
        }
        return values[column]

    def _sort_key(self, row: LedgerRow, column: str) -> Any:
        if column == "severity":
            return _SEVERITY_ORDER.get(row.severity, 9)
        if column == "due":
            return row.due_on or date.max
        if column == "rule":
            return list(RULES_BY_ID).index(row.rule_id) if row.rule_id in RULES_BY_ID else 99
        return self._text(row, column)

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
        if role == ROW_ROLE:
            return row
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        return None


class LedgerProxy(QSortFilterProxyModel):
    """Shows the rows the current LedgerFilter accepts; sorts by each column's natural key."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.wanted = LedgerFilter()
        self.setSortRole(SORT_ROLE)

    def set_filter(self, wanted: LedgerFilter) -> None:
        self.beginFilterChange()
        self.wanted = wanted
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, LedgerModel)
        return self.wanted.matches(model.rows[source_row])

    def lessThan(self, left: Index, right: Index) -> bool:
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        try:
            return bool(a < b)
        except TypeError:
            return str(a) < str(b)

    def row_at(self, proxy_row: int) -> LedgerRow:
        model = self.sourceModel()
        assert isinstance(model, LedgerModel)
        return model.rows[self.mapToSource(self.index(proxy_row, 0)).row()]
