"""A centre view that reads the database again on every visit."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QWidget

from yeda_desktop.errors import YedaError
from yeda_desktop.ui.i18n import current_lang
from yeda_desktop.ui.tasks import run_task


class FreshView(QWidget):
    """A batch imported from the window or by another program, a device approved, a file
    quarantined: whatever changed meanwhile shows when the tab is shown again."""

    def refresh(self) -> None:
        raise NotImplementedError

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()


class QueueView(FreshView):
    """A fresh view whose reading can take a while (a centre's queues of thousands): it
    reads on a worker thread and shows what it read when it arrives, the previous list
    staying until then. One read at a time; a refresh asked for meanwhile reads again
    once it ends.

    Signal `loaded()` after what was read is shown (or the failure said).
    """

    loaded = Signal()
    # What a queue view provides:
    heading: QLabel  # says what the view shows, or why it could not read it
    # The read, to run on a worker thread (database reads only, no widget) ...
    reader: Callable[[], Callable[[], Any]]
    # ... and, on the GUI thread, showing what it returned.
    show_read: Callable[[Any], None]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._reading = False
        self._again = False
        self._shown = False  # nothing read has been shown yet

    @property
    def reading(self) -> bool:
        """A read is under way (what is shown may be about to change)."""
        return self._reading

    def show_failure(self, exc: BaseException) -> None:
        """A refusal is said in the view's heading; anything else is a bug, raised."""
        if not isinstance(exc, YedaError):
            raise exc
        self.heading.setText(exc.message(current_lang()))

    def showEvent(self, event: QShowEvent) -> None:
        QWidget.showEvent(self, event)
        if not self._reading:  # a read under way began a moment ago: it is fresh enough
            self.refresh()

    def refresh(self) -> None:
        if self._reading:
            self._again = True
            return
        self._reading, self._again = True, False
        if not self._shown:
            # translate(), not tr(): tr() would look under the subclass's name
            self.heading.setText(QCoreApplication.translate("QueueView", "Reading…"))
        read = self.reader()
        run_task(self, lambda _progress: read(), self._read, self._failed)

    def _read(self, data: Any) -> None:
        self._reading = False
        if self._again:  # something changed while it read: that read is already stale
            self.refresh()
            return
        self._shown = True
        self.show_read(data)
        self.loaded.emit()

    def _failed(self, exc: BaseException) -> None:
        self._reading = False
        self.show_failure(exc)
        self.loaded.emit()
