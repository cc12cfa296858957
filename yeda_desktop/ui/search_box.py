"""The one search box (Ctrl+F): results per keystroke from the FTS5 index; choosing one opens it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

if TYPE_CHECKING:  # the core loads after the first frame (see main_window)
    from yeda_desktop.services.search import Hit
    from yeda_desktop.ui.workspace import Workspace

HIT = 257  # Qt.ItemDataRole.UserRole + 1 (a number: see navigator.KIND)


class SearchBox(QLineEdit):
    """Signals: `hit_chosen(Hit)` when the officer picks a result."""

    hit_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None, kinds: set[str] | None = None) -> None:
        super().__init__(parent)
        self.workspace: Workspace | None = None
        self.kinds = kinds
        self.hits: list[Hit] = []
        self.results = QStandardItemModel(self)
        self.completer_ = QCompleter(self.results, self)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_.setMaxVisibleItems(12)
        self.completer_.setWidget(self)
        self.completer_.activated[QModelIndex].connect(self._activated)
        self.setPlaceholderText(
            self.tr("Search name, pinyin initials, credit code, phone, room (Ctrl+F)")
        )
        self.setClearButtonEnabled(True)
        self.textEdited.connect(self.refresh)
        self.returnPressed.connect(self._choose_first)

    def _kind_label(self, kind: str) -> str:
        return {
            "org": self.tr("Organization"),
            "person": self.tr("Person"),
            "unit": self.tr("Unit"),
        }.get(kind, kind)

    def refresh(self, text: str | None = None) -> None:
        query = self.text() if text is None else text
        self.completer_.setCaseSensitivity(QtCore.Qt.CaseSensitivity.CaseInsensitive)
        self.results.clear()
        if self.workspace is None:
            return
        from yeda_desktop.services.search import search

        with self.workspace.read() as session:
            hits = search(session, query)
        self.hits = [h for h in hits if self.kinds is None or h.kind in self.kinds]
        for hit in self.hits:
            where = hit.context
            item = QStandardItem(f"{hit.title}    [{self._kind_label(hit.kind)}] {where}")
            item.setData(hit, HIT)
            self.results.appendRow(item)
        if self.hits:
            self.completer_.complete()
        else:
            self.completer_.popup().hide()

    def _activated(self, index: QModelIndex) -> None:
        hit = index.data(HIT)
        if hit is not None:
            self.choose(hit)

    def _choose_first(self) -> None:
        popup = self.completer_.popup()
        row = popup.currentIndex().row() if popup.isVisible() else -1
        if self.hits:
            self.choose(self.hits[row if 0 <= row < len(self.hits) else 0])

    def choose(self, hit: Hit) -> None:
        self.completer_.popup().hide()
        self.hit_chosen.emit(hit)
