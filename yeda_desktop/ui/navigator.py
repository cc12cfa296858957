"""The place navigator (zone → subdistrict → cluster → building → floor) with progress per node.

Everything above floor level is loaded at once (a few thousand rows even at
100,000 organizations); a building's floors load when it is expanded.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

if TYPE_CHECKING:  # the core loads after the first frame (see main_window)
    from yeda_desktop.services import progress
    from yeda_desktop.ui.workspace import Workspace

# Qt.ItemDataRole.UserRole + 1, 2, 3 (as numbers: naming the Qt namespace at import would
# load all its enums before the first frame; see main_window)
KIND, ID, BUILDING = 257, 258, 259


@cache
def _right_aligned() -> QtCore.Qt.AlignmentFlag:
    """Looked up when first used, and once (combining two flags costs in PySide)."""
    return QtCore.Qt.AlignmentFlag.AlignRight | QtCore.Qt.AlignmentFlag.AlignVCenter


_PLACEHOLDER = "…"


class Navigator(QTreeView):
    """Signals: `floor_chosen(building_id, floor_id)` when the officer picks a floor."""

    floor_chosen = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace: Workspace | None = None
        self.tree: progress.PlaceTree | None = None
        self.model_ = QStandardItemModel(self)
        self.setModel(self.model_)
        self._items: dict[str, tuple[QStandardItem, QStandardItem]] = {}
        self.setUniformRowHeights(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.expanded.connect(self._load_floors)
        self.activated.connect(self._choose)
        self.clicked.connect(self._choose)
        self._set_headers()

    def _set_headers(self) -> None:
        self.model_.setHorizontalHeaderLabels([self.tr("Place"), self.tr("Progress")])
        header = self.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)

    def load(self, workspace: Workspace, tree: progress.PlaceTree) -> None:
        self.workspace, self.tree = workspace, tree
        self.model_.clear()
        self._items.clear()
        self._set_headers()
        root = self.model_.invisibleRootItem()
        for node_id in tree.roots:
            self._add(root, node_id)
        self.expandToDepth(2)  # down to the clusters, so their buildings show

    def show_message(self, text: str) -> None:
        """Until a database is loaded: one grey line (such as "opening…"), or none."""
        if self.tree is not None:
            return
        self.model_.removeRows(0, self.model_.rowCount())
        if text:
            item = QStandardItem(text)
            item.setEnabled(False)
            self.model_.appendRow([item, QStandardItem()])

    def _progress_text(self, node: progress.PlaceNode) -> str:
        if node.kind == "building":
            return (
                self.tr("%1/%2 floors").replace("%1", str(node.done)).replace("%2", str(node.total))
            )
        return (
            self.tr("%1/%2 buildings").replace("%1", str(node.done)).replace("%2", str(node.total))
        )

    def _add(self, parent: QStandardItem, node_id: str) -> None:
        assert self.tree is not None
        node = self.tree.nodes[node_id]
        name, count = QStandardItem(node.name), QStandardItem(self._progress_text(node))
        for item in (name, count):
            item.setData(node.kind, KIND)
            item.setData(node.id, ID)
        count.setTextAlignment(_right_aligned())
        parent.appendRow([name, count])
        self._items[node.id] = (name, count)
        if node.kind == "building":
            name.appendRow([QStandardItem(_PLACEHOLDER), QStandardItem()])
        else:
            for child in node.children:
                self._add(name, child)

    def _load_floors(self, index: QModelIndex) -> None:
        item = self.model_.itemFromIndex(index.siblingAtColumn(0))
        if item is None or item.data(KIND) != "building":
            return
        self.fill_floors(item.data(ID))

    def fill_floors(self, building_id: str) -> None:
        """(Re)load a building's floors with their unit counts."""
        if self.workspace is None or building_id not in self._items:
            return
        from yeda_desktop.services import progress

        item = self._items[building_id][0]
        with self.workspace.read() as session:
            floors = progress.floors_of(session, building_id, self.workspace.campaign_id)
        item.removeRows(0, item.rowCount())
        for floor in floors:
            label = QStandardItem(self.tr("Floor %1").replace("%1", floor.label))
            count = QStandardItem(
                self.tr("%1/%2 units")
                .replace("%1", str(floor.done))
                .replace("%2", str(floor.total))
            )
            for cell in (label, count):
                cell.setData("floor", KIND)
                cell.setData(floor.id, ID)
                cell.setData(building_id, BUILDING)
            count.setTextAlignment(_right_aligned())
            item.appendRow([label, count])
            self._items[floor.id] = (label, count)

    def floors(self, building_id: str) -> list[str]:
        """Floor ids of the building, top floor first."""
        self.fill_floors(building_id)
        item = self._items[building_id][0]
        return [item.child(row).data(ID) for row in range(item.rowCount())]

    def refresh_building(self, building_id: str) -> None:
        """Recount a building after an edit and carry the change up to the zone."""
        if self.workspace is None or self.tree is None or building_id not in self.tree.nodes:
            return
        from yeda_desktop.services import progress

        with self.workspace.read() as session:
            count = progress.building_count(session, self.workspace.campaign_id, building_id)
        self.tree.refresh_building(building_id, count)
        node_id: str | None = building_id
        while node_id is not None:
            self._items[node_id][1].setText(self._progress_text(self.tree.nodes[node_id]))
            node_id = self.tree.nodes[node_id].parent_id
        expanded = self.isExpanded(self._items[building_id][0].index())
        if expanded:
            current = self.currentIndex().data(ID)
            self.fill_floors(building_id)
            if current in self._items:
                self.setCurrentIndex(self._items[current][0].index())

    def show_floor(self, building_id: str, floor_id: str) -> None:
        """Select the floor in the tree (expanding its ancestors) without re-emitting."""
        if building_id not in self._items:
            return
        self.expand(self._items[building_id][0].index())
        if floor_id not in self._items:
            self.fill_floors(building_id)
        if floor_id in self._items:
            index = self._items[floor_id][0].index()
            self.blockSignals(True)
            self.setCurrentIndex(index)
            self.blockSignals(False)
            self.scrollTo(index)

    def _choose(self, index: QModelIndex) -> None:
        kind = index.data(KIND)
        if kind == "floor":
            self.floor_chosen.emit(index.data(BUILDING), index.data(ID))
        elif kind == "building":
            floors = self.floors(index.data(ID))
            if floors:
                self.expand(index.siblingAtColumn(0))
                self.floor_chosen.emit(index.data(ID), floors[-1])  # ground floor first
