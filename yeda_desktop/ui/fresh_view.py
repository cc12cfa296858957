"""A centre view that reads the database again on every visit."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget


class FreshView(QWidget):
    """A batch imported from the window or by another program, a device approved, a file
    quarantined: whatever changed meanwhile shows when the tab is shown again."""

    def refresh(self) -> None:
        raise NotImplementedError

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()
