"""A table model over all organizations that loads a page of rows at a time, in the background.

The view asks `canFetchMore`/`fetchMore` as it scrolls near the end; each page is
read off the GUI thread (`run_task`) and appended when it arrives. A change of
filter or sort starts a new generation: pages of an older one are dropped.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QWidget

from yeda_desktop.services import directory
from yeda_desktop.storage import Database
from yeda_desktop.ui.ledger_labels import ownership_label
from yeda_desktop.ui.tasks import run_task

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("name", "building", "floor", "unit", "ownership", "staff", "members", "gaps")
SORT_OF_COLUMN = {
    0: "name",
    1: "building",
    2: "building",
    3: "building",
    4: "ownership",
    5: "staff",
    6: "members",
    7: "gaps",
}
_NUMERIC = {"staff", "members", "gaps"}


# (generation, rows, what follows: a keyset cursor or whether more remain, the whole order)
Page = tuple[int, list[directory.DirectoryRow], Any, list[str] | None]


class PageFailed(Exception):
    """A page could not be read (the cause is chained); `generation` says for which view."""

    def __init__(self, generation: int) -> None:
        super().__init__(generation)
        self.generation = generation


class DirectoryModel(QAbstractTableModel):
    """Signals: `counted(int)` with the number of matching organizations; `loading(bool)`."""

    counted = Signal(int)
    loading = Signal(bool)

    def __init__(self, parent: QWidget | None = None, page_size: int = directory.PAGE) -> None:
        super().__init__(parent)
        self._parent = parent
        self.page_size = page_size
        self.db: Database | None = None
        self.filter = directory.DirectoryFilter()
        self.sort_key = "name"
        self.descending = False
        self.rows: list[directory.DirectoryRow] = []
        self._cursor: directory.Cursor | None = None
        self._ids: list[str] | None = None  # the whole order, for aggregate sorts
        self._more = False
        self._busy = False
        self._generation = 0
        self._headers = (
            self.tr("Organization"),
            self.tr("Building"),
            self.tr("Floor"),
            self.tr("Unit"),
            self.tr("Ownership"),
            self.tr("Staff"),
            self.tr("Party members"),
            self.tr("Open gaps"),
        )

    # --- what to list ----------------------------------------------------------------------

    def set_database(self, db: Database | None) -> None:
        self.db = db
        self.reload()

    def set_filter(self, flt: directory.DirectoryFilter) -> None:
        self.filter = flt
        self.reload()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_key = SORT_OF_COLUMN.get(column, "name")
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    def reload(self) -> None:
        """Forget the loaded rows and read the first page (and the count) afresh."""
        self._generation += 1
        self.beginResetModel()
        self.rows, self._cursor, self._ids = [], None, None
        self._busy = False
        self._more = self.db is not None
        self.endResetModel()
        if self.db is None:
            self.counted.emit(0)
            return
        db, flt, generation = self.db, self.filter, self._generation

        def count(_progress: object) -> tuple[int, int]:
            with db.reader() as session:
                return generation, directory.count(session, flt)

        # Results carry their generation to bound methods: PySide crashed deleting a
        # finished task whose signal held a lambda over a widget.
        run_task(self._parent, count, self._counted, self._count_failed)
        self.fetchMore(QModelIndex())

    def _counted(self, result: tuple[int, int]) -> None:
        generation, n = result
        if generation == self._generation:
            self.counted.emit(n)

    def _count_failed(self, _exc: BaseException) -> None:
        """No count: the heading keeps its last one (the rows still load, or say why)."""

    # --- lazy loading ----------------------------------------------------------------------

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more and not self._busy

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent) or self.db is None:
            return
        self._busy = True
        self.loading.emit(True)
        db, generation, size = self.db, self._generation, self.page_size
        flt, key, desc = self.filter, self.sort_key, self.descending
        cursor, ids, start = self._cursor, self._ids, len(self.rows)

        def work(_progress: object) -> Page:
            try:
                with db.reader() as session:
                    if key in directory.KEYSET_SORTS:
                        page = directory.page(session, flt, key, desc, cursor, size)
                        return generation, page.rows, page.next, None
                    order = (ids if ids is not None
                             else directory.ordered_ids(session, flt, key, desc))
                    chunk = order[start : start + size]
                    more = start + size < len(order)
                    return generation, directory.rows_of(session, chunk), more, order
            except Exception as exc:
                raise PageFailed(generation) from exc

        run_task(self._parent, work, self._arrived, self._failed)

    def _arrived(self, page: Page) -> None:
        generation, rows, following, order = page
        if generation != self._generation:
            return  # a page for a filter or sort no longer shown
        self._busy = False
        if order is None:
            self._cursor = following
            self._more = following is not None
        else:
            self._ids = order
            self._more = bool(following)
        if rows:
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self.rows.extend(rows)
            self.endInsertRows()
        self.loading.emit(False)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, PageFailed) and exc.generation != self._generation:
            return  # a page for a filter or sort no longer shown
        self._busy, self._more = False, False
        self.loading.emit(False)
        if isinstance(exc, PageFailed) and exc.__cause__ is not None:
            raise exc.__cause__
        raise exc

    # --- the table -------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "ownership":
                return ownership_label(row.ownership)
            value = getattr(row, column)
            return "" if value is None else str(value) if column in _NUMERIC else value
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == "name":
            return row.uscc or None
        return None

    def row_at(self, row: int) -> directory.DirectoryRow:
        return self.rows[row]
