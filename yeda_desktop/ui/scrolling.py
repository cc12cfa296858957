"""A page that scrolls up and down, so that its height does not set the window's minimum."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

# Tall enough for a few rows of a form; the rest scrolls.
MIN_HEIGHT = 120


class VerticalScroll(QScrollArea):
    """Scrolls vertically only: as wide as its page needs (the splitter and the window keep
    that width, as without it), as short as MIN_HEIGHT."""

    def _width(self) -> int:
        page = self.widget()
        needed = page.minimumSizeHint().width() if page is not None else 0
        bar = self.verticalScrollBar().sizeHint().width()
        return needed + bar + 2 * self.frameWidth()

    def minimumSizeHint(self) -> QSize:
        return QSize(self._width(), MIN_HEIGHT)

    def sizeHint(self) -> QSize:
        page = self.widget()
        height = page.sizeHint().height() if page is not None else MIN_HEIGHT
        return QSize(self._width(), height)


def scrolling(page: QWidget) -> QScrollArea:
    """`page`, scrolled up and down when the window is shorter than it: the main window then
    fits a 1366×768 laptop screen with its taskbar."""
    area = VerticalScroll()
    area.setWidget(page)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes through the page, not the area
    return area
