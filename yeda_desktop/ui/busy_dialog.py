"""The progress bar of a task, with a Cancel button only when the task can stop."""

from __future__ import annotations

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QProgressDialog, QWidget


class BusyDialog(QProgressDialog):
    """Without a Cancel button, Escape and the window's close button do nothing either:
    a QProgressDialog would hide itself on them while the work went on."""

    def __init__(self, label: str, parent: QWidget | None, *, cancellable: bool) -> None:
        super().__init__(label, QProgressDialog.tr("Cancel"), 0, 0, parent)
        self.cancellable = cancellable
        if not cancellable:
            self.setCancelButton(None)  # type: ignore[arg-type]

    def reject(self) -> None:
        if self.cancellable:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.cancellable:
            super().closeEvent(event)
        else:
            event.ignore()
