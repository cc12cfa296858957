"""The main window's views, loaded after its first frame: floor view, detail pane, ledger,
statistics and directory.

Cold start: the window and the shell it builds (menus, toolbar, navigator, status bar,
the tabs' places) import only Qt, so it is shown and the event loop turns before the
core loads. The first turn starts the damage check of the file to open (`early_check`)
and, on a worker thread, the import of the views and the core beneath them (SQLAlchemy,
the models, the rules: `VIEW_MODULES`). Once they are loaded the database is opened, off
the GUI thread too (window_opening), while the views are put in their places one per
turn; the window's `ready` follows when both are done. In a process that has loaded them
already (tests), the views are built at once.
"""

from __future__ import annotations

import gc
import importlib
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QWidget

from yeda_desktop.ui.app_icon import app_icon
from yeda_desktop.ui.tasks import TaskProgress, run_task

if TYPE_CHECKING:
    from yeda_desktop.ui.dashboard import Dashboard
    from yeda_desktop.ui.detail_pane import DetailPane
    from yeda_desktop.ui.directory_view import DirectoryView
    from yeda_desktop.ui.floor_view import FloorView
    from yeda_desktop.ui.ledger_view import LedgerView

# Imported off the GUI thread after the first frame, in this order (one thread imports:
# two threads importing the same packages at once could meet half-initialised modules).
VIEW_MODULES = (
    "yeda_desktop.ui.workspace",
    "yeda_desktop.ui.opening",
    "yeda_desktop.ui.floor_view",
    "yeda_desktop.ui.detail_pane",
    "yeda_desktop.ui.dialogs",
    "yeda_desktop.ui.ledger_view",
    "yeda_desktop.ui.dashboard",
    "yeda_desktop.ui.directory_view",
    "yeda_desktop.ui.sync_views",
    "PySide6.QtNetwork",  # the single-instance server, once a database is open
)


def views_loaded() -> bool:
    """True once every view module is imported (and none is still being imported)."""
    for name in VIEW_MODULES:
        module = sys.modules.get(name)
        if module is None or getattr(module.__spec__, "_initializing", False):
            return False
    return True


def _import_views(_progress: TaskProgress) -> None:
    # No garbage collection while the core loads: a full one walks everything loaded so far
    # holding the GIL (a GUI stall of tens of ms) and finds next to nothing; what loading
    # made stays for good, so later collections need not walk it again (gc.freeze).
    gc.disable()
    try:
        for name in VIEW_MODULES:
            importlib.import_module(name)
    finally:
        gc.freeze()
        gc.enable()


class ViewLoading:
    """MainWindow's part that builds its views and puts them in their tabs."""

    def _placeholder(self, title: str) -> QLabel:
        """A tab (and View-menu entry) for a view that is still loading."""
        loading = self.tr("Loading…")
        label = QLabel(f"<p align=center>{loading}</p>", self)
        label.setEnabled(False)
        self.add_view(label, title)
        return label

    def _load_views(self) -> None:
        if not (self._views_built or self._loading_views or self._closing):
            self._loading_views = True
            self._check_pending()
            run_task(self, _import_views, self._views_imported, self._views_failed)

    def _views_imported(self, _result: object) -> None:
        """The modules are loaded: open the database meanwhile, build the views a piece a turn."""
        if self._closing:
            return
        self._modules_loaded = True
        self._start_pending_open()
        steps = self._view_steps()

        def step() -> None:
            if not self._closing and next(steps, None) is not None:
                QTimer.singleShot(0, step)

        step()

    def _views_failed(self, exc: BaseException) -> None:
        if self._pending_open is not None and not self._closing:
            self._drop_pending_open()
            self._open_error(exc)
        else:
            raise exc

    def _build_views(self) -> None:
        """All the views at once (their modules are loaded already)."""
        self._modules_loaded = True
        for _ in self._view_steps():
            pass
        self._start_pending_open()

    def _view_steps(self) -> Iterator[bool]:
        """Put the floor view, detail pane and other views in their places, one at a time."""
        from yeda_desktop.ui.detail_pane import DetailPane
        from yeda_desktop.ui.floor_view import FloorView

        self.floor_view: FloorView = FloorView(self)
        self.detail: DetailPane = DetailPane(self)
        self._centre_box.replaceWidget(self._floor_place, self.floor_view)
        self._floor_place.deleteLater()
        self.splitter.replaceWidget(2, self.detail).deleteLater()
        self.floor_view.unit_chosen.connect(self._unit_chosen)
        self._install_place_menus()
        self.detail.attach_requested.connect(self.attach_existing)
        yield True
        self._add_outcome_actions()
        self._apply_shortcuts()
        self.setWindowIcon(app_icon())  # with the views: the first frame need not wait for it
        yield True
        self._add_ledger_view()
        yield True
        self._add_dashboard()
        yield True
        self._add_directory_view()
        self._views_built = True
        self._set_enabled(self.workspace is not None)
        if self._held is not None:  # opened before the last view was in place
            opened, self._held = self._held, None
            self._opened(opened)

    def _start_pending_open(self) -> None:
        if self._pending_open is not None:
            (path, early), self._pending_open = self._pending_open, None
            self._start_open(path, early)

    def _put_view(self, place: QLabel, widget: QWidget) -> None:
        """Swap a placeholder tab for its view, keeping the tab, its title and the selection."""
        index, current = self.tabs.indexOf(place), self.tabs.currentIndex()
        title = self.tabs.tabText(index)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, widget, title)
        self.tabs.setCurrentIndex(current)
        place.deleteLater()

    def add_view(self, widget: QWidget, title: str) -> int:
        """Add a view as a tab and a View-menu entry (Ctrl+Alt+<n>) that switches to it."""
        index = self.tabs.addTab(widget, title)
        action = QAction(self)  # QAction(text, parent) would load QIcon and its 151 enums
        action.setText(title)
        if index < 9:
            self._set_shortcut(action, f"Ctrl+Alt+{index + 1}")
        action.triggered.connect(lambda: self.tabs.setCurrentIndex(index))
        self.view_menu.addAction(action)
        self.view_menu_actions.append(action)
        return index

    def _add_ledger_view(self) -> None:
        from yeda_desktop.ui.ledger_view import LedgerView

        self.ledger_view: LedgerView = LedgerView(self, self.lang)
        self._put_view(self._view_places[0], self.ledger_view)
        self.ledger_view.open_place.connect(self._open_ledger_place)

    def _add_dashboard(self) -> None:
        from yeda_desktop.ui.dashboard import Dashboard
        from yeda_desktop.ui.scrolling import scrolling

        self.dashboard: Dashboard = Dashboard(self, self.lang, self.settings)
        self._put_view(self._view_places[1], scrolling(self.dashboard))  # charts: tall

    def _ledger_views_ready(self) -> None:
        db = self.workspace.db if self.workspace is not None else None
        self.ledger_view.set_database(db, self.settings.officer or None)
        self.dashboard.set_database(db)

    def _add_directory_view(self) -> None:
        """The all-organizations tab (单位名录); double-click opens the organization here."""
        from yeda_desktop.ui.directory_view import DirectoryView

        self.directory: DirectoryView = DirectoryView(self, lang=self.lang)
        self._put_view(self._view_places[2], self.directory)
        self.directory.open_place.connect(self._open_ledger_place)
        self.directory.unplaced.connect(
            lambda name: self.statusBar().showMessage(
                self.tr("%1 is not in any unit yet").replace("%1", name), 5000
            )
        )

    def _open_ledger_place(self, building_id: str, floor_id: str, unit_id: str) -> None:
        self.tabs.setCurrentIndex(0)
        self.show_floor(building_id, floor_id, unit_id)
