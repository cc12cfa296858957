"""A page in a scroll area, so that its contents do not set the window's minimum size."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


def scrolling(page: QWidget) -> QScrollArea:
    """`page`, scrolled when the window is smaller than it: the main window then fits a
    1366×768 laptop screen with its taskbar."""
    area = QScrollArea()
    area.setWidget(page)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes through the page, not the area
    return area
