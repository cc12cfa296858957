"""The floor view: one tile per unit, coloured by visit status, with occupant name and gap badge."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from yeda_desktop.models.enums import VisitOutcome
from yeda_desktop.services import progress
from yeda_desktop.ui.labels import outcome_label

TILE = Qt.ItemDataRole.UserRole + 1
TILE_SIZE = QSize(150, 84)

STATUS_COLOURS: dict[VisitOutcome | None, str] = {
    None: "#eceff1",
    VisitOutcome.REGISTERED: "#c8e6c9",
    VisitOutcome.VACANT: "#cfd8dc",
    VisitOutcome.REVISIT: "#ffe0b2",
    VisitOutcome.REFUSED: "#ffcdd2",
}

Index = QModelIndex | QPersistentModelIndex


class TileModel(QAbstractListModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tiles: list[progress.Tile] = []

    def set_tiles(self, tiles: list[progress.Tile]) -> None:
        self.beginResetModel()
        self.tiles = tiles
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.tiles)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        tile = self.tiles[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return tile.label
        if role == TILE:
            return tile
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [tile.label, outcome_label(tile.status), *tile.org_names]
            if tile.gaps:
                lines.append(self.tr("%n gap(s)", "", tile.gaps))
            return "\n".join(lines)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{tile.label} {outcome_label(tile.status)} {' '.join(tile.org_names)}"
        return None

    def row_of(self, unit_id: str) -> int:
        for row, tile in enumerate(self.tiles):
            if tile.unit_id == unit_id:
                return row
        return -1


class TileDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return TILE_SIZE

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        tile: progress.Tile = index.data(TILE)
        rect: QRect = option.rect.adjusted(4, 4, -4, -4)  # type: ignore[attr-defined]
        selected = bool(option.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(QColor(STATUS_COLOURS[tile.status]))
        pen = QPen(QColor("#1565c0") if selected else QColor("#90a4ae"), 3 if selected else 1)
        painter.setPen(pen)
        painter.drawRoundedRect(rect, 6, 6)
        inner = rect.adjusted(8, 5, -8, -5)
        bold = QFont(option.font)  # type: ignore[attr-defined]
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(QColor("#263238"))
        painter.drawText(inner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, tile.label)
        painter.setFont(option.font)  # type: ignore[attr-defined]
        metrics = painter.fontMetrics()
        status = outcome_label(tile.status)
        painter.setPen(QColor("#546e7a"))
        painter.drawText(inner, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, status)
        name = "、".join(tile.org_names)
        if name:
            painter.setPen(QColor("#263238"))
            body = inner.adjusted(0, metrics.height() + 4, 0, 0)
            elided = metrics.elidedText(name, Qt.TextElideMode.ElideRight, body.width() * 2 - 20)
            painter.drawText(body, int(Qt.TextFlag.TextWordWrap), elided)
        if tile.gaps:
            size = metrics.height() + 2
            badge = QRect(rect.right() - size - 4, rect.bottom() - size - 4, size, size)
            painter.setBrush(QColor("#d32f2f"))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawEllipse(badge)
            painter.setPen(QColor("white"))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, str(tile.gaps))
        painter.restore()


class FloorView(QListView):
    """Signals: `unit_chosen(unit_id)` when the current tile changes."""

    unit_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tiles = TileModel(self)
        self.setModel(self.tiles)
        self.setItemDelegate(TileDelegate(self))
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setUniformItemSizes(True)
        self.setGridSize(TILE_SIZE)
        self.setSpacing(0)
        self.setWrapping(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAccessibleName(self.tr("Units on this floor"))
        self.selectionModel().currentChanged.connect(self._current_changed)

    def show_tiles(self, tiles: list[progress.Tile], unit_id: str | None = None) -> None:
        self.tiles.set_tiles(tiles)
        row = self.tiles.row_of(unit_id) if unit_id else -1
        if row < 0 and tiles:
            row = 0
        if row >= 0:
            self.setCurrentIndex(self.tiles.index(row))
        else:
            self.unit_chosen.emit("")

    def current_unit(self) -> str | None:
        index = self.currentIndex()
        return self.tiles.tiles[index.row()].unit_id if index.isValid() else None

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.unit_chosen.emit(self.tiles.tiles[current.row()].unit_id)
