"""The main window: navigator, floor view and detail pane in a tab; menus, toolbar, status bar.

Other views (special work ledger, statistics, sync) join with `add_view(widget, title)`,
which adds a tab and an entry in the View menu.

Cold start: this module and the shell it builds (menus, toolbar, navigator, status
bar, the tabs' places) import only Qt, so the window is shown and the event loop
turns before the core loads. The first turn starts the damage check of the file to
open (`early_check`) and, on a worker thread, the import of the views and the core
beneath them (SQLAlchemy, the models, the rules: `VIEW_MODULES`). Once they are
loaded the database is opened, off the GUI thread too, while the views are put in
their places one per turn; `ready` follows when both are done. In a process that has
loaded them already (tests), the views are built at once.
"""

from __future__ import annotations

import gc
import importlib
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QProgressBar,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from yeda_desktop.errors import YedaError
from yeda_desktop.ui import recovery
from yeda_desktop.ui.app_icon import app_icon, show_about
from yeda_desktop.ui.early_check import EarlyCheck
from yeda_desktop.ui.navigator import Navigator
from yeda_desktop.ui.search_box import SearchBox
from yeda_desktop.ui.settings import AppSettings
from yeda_desktop.ui.tasks import Cancelled, TaskProgress, finish_tasks, run_task

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QKeySequence

    from yeda_desktop.models.enums import VisitOutcome
    from yeda_desktop.services import edits
    from yeda_desktop.services.progress import PlaceTree
    from yeda_desktop.services.search import Hit
    from yeda_desktop.ui import dialogs
    from yeda_desktop.ui.dashboard import Dashboard
    from yeda_desktop.ui.detail_pane import DetailPane
    from yeda_desktop.ui.directory_view import DirectoryView
    from yeda_desktop.ui.floor_view import FloorView
    from yeda_desktop.ui.ledger_view import LedgerView
    from yeda_desktop.ui.opening import Opened
    from yeda_desktop.ui.workspace import Workspace

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
# A slow open (a cold disk, a search index to build) gets a progress dialog with Cancel;
# a usual one shows only in the window (status bar, navigator) and keeps it usable.
OPEN_DIALOG_AFTER_MS = 3000


def _key(shortcut: str) -> QKeySequence:
    from PySide6.QtGui import QKeySequence

    if shortcut.startswith("std:"):
        return QKeySequence(getattr(QKeySequence.StandardKey, shortcut[4:]))
    return QKeySequence(shortcut)


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


_ACCESS_KEY = re.compile(r"\(&\w\)|&(?=\w)")  # "(&U)" and "&U": menus only


class MainWindow(QMainWindow):
    """Signals: `ready()` once a database is open and shown; `open_failed(str)`."""

    ready = Signal()
    open_failed = Signal(str)

    def __init__(self, settings: AppSettings, lang: str = "zh") -> None:
        super().__init__()
        self.settings, self.lang = settings, lang
        self.workspace: Workspace | None = None
        self.building_id: str | None = None
        self.floor_id: str | None = None
        self._closing = False  # set in closeEvent: late results are closed, not shown
        self._views_built = False  # all in place
        self._modules_loaded = False  # their modules (and the core) imported
        self._loading_views = False
        self._held: Opened | None = None  # opened before the views were all in place
        # asked for before the views were built: the path, and its damage check under way
        self._pending_open: tuple[str, EarlyCheck | None] | None = None
        self.ask_role_at_start = False  # set by `app.start`: the first-start role question
        self.setWindowTitle(self.tr("YEDA Desktop — building sweep"))
        self.navigator = Navigator(self)
        self.search = SearchBox(self)
        self.search.setObjectName("search")
        self.floor_heading = QLabel(self.tr("Choose a building and floor"))
        self.floor_heading.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.tabs = QTabWidget(self)
        self.setCentralWidget(self.tabs)
        self.view_menu_actions: list[QAction] = []
        self._shortcuts: list[tuple[QAction, str]] | None = []
        self.outcome_actions: dict[VisitOutcome, QAction] = {}
        self._build_actions()
        self._build_menus()
        self.add_view(self._sweep_tab(), self.tr("Sweep"))
        self._view_places = [  # the ledger, statistics and directory tabs, until built
            self._placeholder(title)
            for title in (
                self.tr("Special work ledger"),
                self.tr("Statistics"),
                self.tr("All organizations"),
            )
        ]
        self._build_status()
        self.navigator.floor_chosen.connect(self.show_floor)
        self.search.hit_chosen.connect(self.open_hit)
        self._unsent_timer = QTimer(self, singleShot=True, interval=1500)
        self._unsent_timer.timeout.connect(self.data_changed)
        self.resize(1440, 900)
        if (geometry := settings.geometry()) is not None:
            self.restoreGeometry(geometry)
        if (state := settings.window_state()) is not None:
            self.restoreState(state)
        self._set_enabled(False)
        recovery.install(self)  # one writer, automatic backups, File → Restore from backup
        if views_loaded():
            self._build_views()

    # --- layout --------------------------------------------------------------------------

    def _sweep_tab(self) -> QWidget:
        centre = QWidget(self)
        self._centre_box = box = QVBoxLayout(centre)
        box.setContentsMargins(0, 0, 0, 0)
        heading = QHBoxLayout()
        heading.addWidget(self.floor_heading, 1)
        box.addLayout(heading)
        self._floor_place = QLabel(centre)  # the floor view's place, until it is built
        box.addWidget(self._floor_place, 1)
        self.splitter = QSplitter()  # horizontal (QSplitter(self) would load Qt's enums)
        self.splitter.addWidget(self.navigator)
        self.splitter.addWidget(centre)
        self.splitter.addWidget(QWidget(self))  # the detail pane's place
        self.splitter.setSizes([300, 560, 580])
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 1)
        return self.splitter

    def _placeholder(self, title: str) -> QLabel:
        """A tab (and View-menu entry) for a view that is still loading."""
        loading = self.tr("Loading…")
        label = QLabel(f"<p align=center>{loading}</p>", self)
        label.setEnabled(False)
        self.add_view(label, title)
        return label

    # --- the views, once their modules are loaded ----------------------------------------

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

    # --- special work ledger, statistics and Excel import (their own modules) ----------

    def _add_ledger_view(self) -> None:
        from yeda_desktop.ui.ledger_view import LedgerView

        self.ledger_view: LedgerView = LedgerView(self, self.lang)
        self._put_view(self._view_places[0], self.ledger_view)
        self.ledger_view.open_place.connect(self._open_ledger_place)

    def _add_dashboard(self) -> None:
        from yeda_desktop.ui.dashboard import Dashboard
        from yeda_desktop.ui.scrolling import scrolling

        self.dashboard: Dashboard = Dashboard(self)
        self._put_view(self._view_places[1], scrolling(self.dashboard))  # charts: tall

    def _ledger_views_ready(self) -> None:
        db = self.workspace.db if self.workspace is not None else None
        self.ledger_view.set_database(db, self.settings.officer or None)
        self.dashboard.set_database(db)

    def _add_directory_view(self) -> None:
        """The all-organizations tab (单位名录); double-click opens the organization here."""
        from yeda_desktop.ui.directory_view import DirectoryView

        self.directory: DirectoryView = DirectoryView(self)
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

    def import_xlsx(self) -> None:
        if self.workspace is None:
            return
        from yeda_desktop.ui.excel_import_dialog import ExcelImportDialog  # openpyxl: on use

        dialog = ExcelImportDialog(self.workspace.db, self.settings.officer or None, self,
                                   self.lang)
        dialog.exec()
        finish_tasks(dialog)  # closed while it read or wrote: wait for that work first
        dialog.deleteLater()  # it holds the workbook's rows
        self._ledger_views_ready()
        self.data_changed(places=True)  # the rows it added travel with the next batch

    def _action(self, text: str, slot: object, shortcut: str | None = None) -> QAction:
        action = QAction(self)  # see add_view
        action.setText(text)
        # A toolbar button shows no access key: "撤销", not "撤销(U)".
        action.setIconText(_ACCESS_KEY.sub("", text))
        if shortcut is not None:
            self._set_shortcut(action, shortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _set_shortcut(self, action: QAction, shortcut: str) -> None:
        """Give `action` its key ("Ctrl+J", or "std:Open" for QKeySequence.StandardKey.Open)
        now, or (before the views are built) once they are.

        Setting a key loads all of the Qt namespace's enums, and QKeySequence its own: the
        first frame need not wait for them, as until the database is open only Open and
        Quit are enabled.
        """
        if self._shortcuts is None:
            action.setShortcut(_key(shortcut))
        else:
            self._shortcuts.append((action, shortcut))

    def _apply_shortcuts(self) -> None:
        waiting, self._shortcuts = self._shortcuts or [], None
        for action, shortcut in waiting:
            action.setShortcut(_key(shortcut))

    def _build_actions(self) -> None:
        self.act_open = self._action(self.tr("&Open database…"), self.choose_database, "std:Open")
        self.act_officer = self._action(self.tr("Officer and &language…"), self.edit_officer)
        self.act_quit = self._action(self.tr("&Quit"), self.close, "std:Quit")
        self.act_undo = self._action(self.tr("&Undo"), self._undo, "std:Undo")
        self.act_redo = self._action(self.tr("&Redo"), self._redo, "std:Redo")
        self.act_find = self._action(self.tr("&Find…"), self.focus_search, "std:Find")
        self.act_building = self._action(
            self.tr("Add &building…"), self.add_building, "Ctrl+Shift+B"
        )
        self.act_cluster = self._action(self.tr("Add &cluster (park, building group)…"),
                                        self.add_cluster)
        self.act_floor = self._action(self.tr("Add &floor…"), self.add_floor, "Ctrl+Shift+L")
        self.act_units = self._action(self.tr("Add uni&ts…"), self.add_units, "Ctrl+Shift+U")
        self.act_prev = self._action(
            self.tr("&Previous floor (down)"), lambda: self.step_floor(+1), "Ctrl+PgDown"
        )
        self.act_next = self._action(
            self.tr("&Next floor (up)"), lambda: self.step_floor(-1), "Ctrl+PgUp"
        )
        self.act_unvisited = self._action(
            self.tr("Next &unvisited unit"), self.next_unvisited, "Ctrl+J"
        )
        self.act_register = self._action(
            self.tr("&Register organization"), self.focus_register, "Ctrl+Shift+N"
        )
        self.act_attach = self._action(
            self.tr("&Attach existing organization…"), self.attach_existing, "Ctrl+Shift+A"
        )
        self.act_member = self._action(self.tr("Add &member"), self.focus_member, "Ctrl+M")
        self.act_import_xlsx = self._action(self.tr("Import from &Excel…"), self.import_xlsx)
        self.act_about = self._action(self.tr("&About YEDA Desktop"), self.about)

    def _add_outcome_actions(self) -> None:
        """Ctrl+1…4: record a visit's outcome (the Sweep menu, above Register)."""
        from yeda_desktop.models.enums import VisitOutcome

        for n, outcome in enumerate(VisitOutcome, start=1):
            self.outcome_actions[outcome] = self._action(
                self.detail.outcome_buttons[outcome].text().rsplit(" (", 1)[0],
                lambda _=False, o=outcome: self.detail.record_outcome(o),
                f"Ctrl+{n}",
            )
        self.sweep_menu.insertActions(self._outcomes_end, list(self.outcome_actions.values()))

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([self.act_open, self.act_officer])
        file_menu.addSeparator()
        file_menu.addActions([self.act_import_xlsx, self.act_quit])
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.act_undo, self.act_redo])
        edit_menu.addSeparator()
        edit_menu.addAction(self.act_find)
        sweep_menu = bar.addMenu(self.tr("&Sweep"))
        sweep_menu.addActions([self.act_cluster, self.act_building, self.act_floor,
                               self.act_units])
        sweep_menu.addSeparator()
        sweep_menu.addActions([self.act_next, self.act_prev, self.act_unvisited])
        sweep_menu.addSeparator()
        self._outcomes_end = sweep_menu.addSeparator()  # the outcome actions go above it
        sweep_menu.addActions([self.act_register, self.act_attach, self.act_member])
        self.sweep_menu = sweep_menu
        self.view_menu = bar.addMenu(self.tr("&View"))
        from yeda_desktop.ui import print_actions  # the Print menu (forms, preview, batch)

        self.printing = print_actions.install(self)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.act_about)
        tools = self.addToolBar(self.tr("Sweep"))
        tools.setObjectName("sweep-toolbar")
        tools.addWidget(self.search)  # first, so a narrow window never hides it
        tools.addSeparator()
        tools.addActions([self.act_undo, self.act_redo])
        tools.addSeparator()
        tools.addActions([self.act_units, self.act_next, self.act_prev, self.act_unvisited])
        self.search.setMinimumWidth(300)

    def _build_status(self) -> None:
        self.status_busy = QProgressBar()  # while a database opens
        self.status_busy.setMaximumWidth(160)
        self.status_busy.setTextVisible(False)
        self.status_busy.hide()
        self.statusBar().addPermanentWidget(self.status_busy)  # beside, not under, the message
        self.status_db = QLabel()
        self.status_officer = QLabel()
        self._at_centre = False  # known once the database says (`_show_unsent`)
        self._no_buildings = False  # the open zone has none (`_show_place_hint`)
        self.status_campaign = QLabel()
        self.status_unsent = QLabel()
        for label in (
            self.status_db,
            self.status_officer,
            self.status_campaign,
            self.status_unsent,
        ):
            self.statusBar().addPermanentWidget(label)
        self._show_officer()

    def _show_officer(self) -> None:
        """Who records the edits: a team's officer, or at the centre its administrator."""
        officer = self.settings.officer or self.tr("(no officer set)")
        if self._at_centre:
            self.status_officer.setText(self.tr("Administrator: %1").replace("%1", officer))
            return
        team = self.settings.team
        self.status_officer.setText(
            self.tr("Officer: %1").replace("%1", f"{officer} {team}".strip())
        )

    def _set_enabled(self, enabled: bool) -> None:
        for action in (
            self.act_undo,
            self.act_redo,
            self.act_find,
            self.act_cluster,
            self.act_building,
            self.act_floor,
            self.act_units,
            self.act_prev,
            self.act_next,
            self.act_unvisited,
            self.act_register,
            self.act_attach,
            self.act_member,
            *self.outcome_actions.values(),
        ):
            action.setEnabled(enabled)
        self.search.setEnabled(enabled)

    # --- opening ---------------------------------------------------------------------------

    def open_database(self, path: str) -> None:
        """Open `path` off the GUI thread; `ready` follows (or `open_failed`).

        "" is the default database (YEDA_DB, else the one in the per-user data folder),
        found off the GUI thread too. Until it is open the window says so (status bar,
        navigator); a slow open also gets a progress dialog with Cancel.
        """
        self._show_opening(path)
        if self._modules_loaded:
            self._start_open(path, EarlyCheck.start(path))
        else:
            self._drop_pending_open()
            self._pending_open = (path, None)  # opened once the core is loaded
            if self._loading_views:
                self._check_pending()
            elif self.isVisible():  # once the first frame is out (the worker would slow it)
                QTimer.singleShot(0, self._load_views)
            else:
                self._load_views()

    def _check_pending(self) -> None:
        """Start the damage check of the file waiting to be opened: the longest part of
        opening, under way while the core loads."""
        if self._pending_open is not None and self._pending_open[1] is None:
            path = self._pending_open[0]
            self._pending_open = (path, EarlyCheck.start(path))

    def _show_opening(self, path: str) -> None:
        opening = self.tr("Opening database…")
        shown = path.split("@")[-1] if "://" in path else path  # never a password
        text = self.tr("Opening %1…").replace("%1", shown) if path else opening
        self.statusBar().showMessage(text)
        self.status_busy.setRange(0, 0)
        self.status_busy.show()
        if self.workspace is None:
            self.navigator.show_message(opening)
            self.floor_heading.setText(opening)

    def _drop_pending_open(self) -> None:
        if self._pending_open is not None:
            early = self._pending_open[1]
            self._pending_open = None
            if early is not None:
                early.cancel()
                early.wait()

    def _start_open(self, path: str, early: EarlyCheck | None) -> None:
        from yeda_desktop.ui.opening import open_work

        task = run_task(
            self,
            open_work(
                path,
                self.settings.officer,
                self.settings.campaign_id,
                self.tr("Building the search index…"),
                early,
            ),
            self._opened,
            self._open_error,
            self.tr("Opening database…"),
            show_after_ms=OPEN_DIALOG_AFTER_MS,
        )
        task.relay.staged.connect(self.statusBar().showMessage)
        task.relay.progressed.connect(self._open_progress)

    def _open_progress(self, done: int, total: int) -> None:
        self.status_busy.setRange(0, total)
        self.status_busy.setValue(min(done, total))

    def _end_opening(self) -> None:
        self.status_busy.hide()
        self.statusBar().clearMessage()
        if self.workspace is None:
            self.navigator.show_message("")
            self.floor_heading.setText(self.tr("Choose a building and floor"))

    def _opened(self, opened: Opened) -> None:
        if self._closing:  # opened while the window was closing
            opened.db.close()
            return
        if not self._views_built:  # shown once they are
            if self._held is not None:
                self._held.db.close()
            self._held = opened
            return
        from yeda_desktop.ui import sync_views
        from yeda_desktop.ui.workspace import Workspace

        self.close_database()
        ws = Workspace(opened.db, self.settings.officer, opened.campaign_id, self.lang, self)
        ws.set_team(self.settings.team)
        self.workspace = ws
        ws.changed.connect(self._changed)
        ws.failed.connect(lambda message: self.statusBar().showMessage(message, 8000))
        ws.undo_stack.canUndoChanged.connect(self.act_undo.setEnabled)
        ws.undo_stack.canRedoChanged.connect(self.act_redo.setEnabled)
        self.settings.db_path = opened.db.target
        self.settings.campaign_id = opened.campaign_id
        self.search.workspace = ws
        self.navigator.load(ws, opened.tree)
        self._show_place_hint(opened.tree)
        self.status_db.setText(self.tr("Database: %1").replace("%1", opened.db.name))
        self.status_db.setToolTip(opened.db.display)
        self.status_campaign.setText(self.tr("Campaign: %1").replace("%1", opened.campaign_name))
        self._set_enabled(True)
        self.act_undo.setEnabled(False)
        self.act_redo.setEnabled(False)
        self._end_opening()
        building, floor = self.settings.last_place(opened.db.target)
        if building in opened.tree.nodes and floor:
            self.show_floor(building, floor)
        self.recount_unsent()
        self._ledger_views_ready()
        self.directory.set_database(opened.db)
        ask_role = self.ask_role_at_start and not opened.db.read_only
        if ask_role:
            self.ask_role_at_start = False  # once per start; the Exchange menu has it too
        sync_views.attach(self, opened.db, self.settings.officer, team=self.settings.team,
                          ask_role=ask_role)
        self.activateWindow()
        self.ready.emit()

    def _open_error(self, exc: BaseException) -> None:
        self._end_opening()
        if self._closing:
            return
        if isinstance(exc, Cancelled):
            self.open_failed.emit("")
            return
        message = exc.message(self.lang) if isinstance(exc, YedaError) else repr(exc)
        self.open_failed.emit(message)
        if recovery.offer(self, exc):  # in use, not on this computer, or damaged: a way out
            return
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self, self.tr("Cannot open database"), message)
        if not isinstance(exc, YedaError):
            raise exc

    def data_changed(self, places: bool = False) -> None:
        """After edits, an import, an export or a role: the status bar counts again, and the
        statistics, the ledger and the directory read the data again (when shown).

        `places`: the change may have brought buildings, floors or units (a baseline, a
        batch, an Excel list), so the navigator and the floor in view are read again too.
        An officer's own edits keep them current as they go.
        """
        self.recount_unsent()
        for name in ("dashboard", "ledger_view", "directory"):
            view = getattr(self, name, None)  # built on first use (views_loaded)
            mark = getattr(view, "mark_stale", None)
            if mark is not None:
                mark()
        if places and self.workspace is not None:
            from yeda_desktop.models import Campaign
            from yeda_desktop.services import progress, sweep

            db, campaign = self.workspace.db, self.workspace.campaign_id

            def read_tree(_progress: object) -> tuple[object, progress.PlaceTree, object]:
                """The current campaign may be another now: a new year's (the centre
                started it, or a laptop's profile brought it), or the centre's in place
                of the stand-in a laptop opened with (local_campaign)."""
                with db.reader() as session:
                    found = sweep.current_campaign(session) or session.get(Campaign, campaign)
                    now = (found.id, found.name) if found is not None else None
                    return db, progress.place_tree(session, now[0] if now else campaign), now

            run_task(self, read_tree, self._places_arrived, lambda _e: None)

    def _places_arrived(self, result: tuple[object, object, object]) -> None:
        """The navigator anew, on the building and floor that were in view (unless another
        database was opened meanwhile: the tree is of the one it was read from)."""
        from yeda_desktop.services import progress

        db, tree, campaign = result
        ws = self.workspace
        if ws is None or ws.db is not db or not isinstance(tree, progress.PlaceTree):
            return
        if isinstance(campaign, tuple) and campaign[0] != ws.campaign_id:
            ws.campaign_id = self.settings.campaign_id = campaign[0]
            ws.set_team(self.settings.team)  # teams are the campaign's
            self.status_campaign.setText(self.tr("Campaign: %1").replace("%1", campaign[1]))
        building, floor = self.building_id, self.floor_id
        self.navigator.load(ws, tree)
        if building in tree.nodes and floor:
            self.show_floor(building, floor)
            return
        if building is not None:  # gone (the laptop moved to another centre): not shown
            self.building_id = self.floor_id = None
            self.floor_view.show_tiles([])
        self._show_place_hint(tree)

    def _show_place_hint(self, tree: PlaceTree | None = None) -> None:
        """Above the empty floor: where buildings come from, while there are none (a new
        laptop before its baseline, one just moved to another centre, a new centre, which
        makes its own). Without `tree`: the role became known, the zone is as before."""
        if tree is not None:
            self._no_buildings = not any(n.kind == "building" for n in tree.nodes.values())
        if not self._no_buildings:
            self.floor_heading.setText(self.tr("Choose a building and floor"))
            self.floor_heading.setWordWrap(False)
            return
        if self._at_centre:
            self.floor_heading.setText(self.tr(
                "No buildings yet: add the zone's clusters and buildings (Sweep → Add "
                "cluster…, Add building…), then give each team its buildings on the Teams tab"))
        else:
            self.floor_heading.setText(self.tr(
                "No buildings yet: import the centre's baseline (Exchange → Import packages…) "
                "or add one (Sweep → Add building…)"))
        self.floor_heading.setWordWrap(True)

    def recount_unsent(self) -> None:
        """Count again what the next batch would carry (after edits, an export, a role)."""
        if self.workspace is None:
            return
        from yeda_desktop.syncflow.batch_export import unsent_work

        db = self.workspace.db
        run_task(self, lambda _p: unsent_work(db), self._show_unsent, lambda _e: None)

    def _show_unsent(self, unsent: object) -> None:
        """What the next batch would carry; nothing at the centre, which hands no batch in."""
        from yeda_desktop.local_time import local_minute
        from yeda_desktop.syncflow.batch_export import Unsent

        at_centre = not isinstance(unsent, Unsent)
        if at_centre != self._at_centre:
            self._at_centre = at_centre
            self._show_officer()
            if self._no_buildings:  # the hint differs (a floor in view stays)
                self._show_place_hint()
        if not isinstance(unsent, Unsent):
            self.status_unsent.hide()
            return
        self.status_unsent.setText(
            self.tr("Not yet exported: %1 records").replace("%1", f"{unsent.records:,}")
        )
        if unsent.last_export_at is None:
            since = self.tr("No batch exported yet.")
        else:
            since = (self.tr("Last export: batch %1, %2.")
                     .replace("%1", str(unsent.last_sequence))
                     .replace("%2", local_minute(unsent.last_export_at)))
            since += " " + self.tr("The centre's receipts confirm %1 of %2 batches.").replace(
                "%1", str(unsent.confirmed)).replace("%2", str(unsent.last_sequence))
        self.status_unsent.setToolTip(
            self.tr("%1 changes in %2 records; the next export carries them.")
            .replace("%1", f"{unsent.changes:,}").replace("%2", f"{unsent.records:,}")
            + " " + since
        )
        self.status_unsent.show()

    # --- moving around -------------------------------------------------------------------

    def show_floor(self, building_id: str, floor_id: str, unit_id: str | None = None) -> None:
        if self.workspace is None:
            return
        self.building_id, self.floor_id = building_id, floor_id
        self.navigator.show_floor(building_id, floor_id)
        self._refresh_floor(unit_id)
        if self.workspace is not None:
            self.settings.set_last_place(self.workspace.db.target, building_id, floor_id)

    def _refresh_floor(self, unit_id: str | None = None) -> None:
        ws = self.workspace
        if ws is None or self.floor_id is None or self.building_id is None:
            return
        from yeda_desktop.services import progress

        with ws.read() as session:
            tiles = progress.floor_tiles(session, self.floor_id, ws.campaign_id)
            floors = {
                f.id: f for f in progress.floors_of(session, self.building_id, ws.campaign_id)
            }
        floor = floors.get(self.floor_id)
        building = self.navigator.tree.nodes[self.building_id].name if self.navigator.tree else ""
        if floor is not None:
            self.floor_heading.setText(
                self.tr("%1 · floor %2 · %3/%4 units done")
                .replace("%1", building)
                .replace("%2", floor.label)
                .replace("%3", str(floor.done))
                .replace("%4", str(floor.total))
            )
        self.floor_view.show_tiles(tiles, unit_id or self.floor_view.current_unit())

    def _unit_chosen(self, unit_id: str) -> None:
        if self.workspace is not None:
            self.detail.show_unit(self.workspace, unit_id or None)

    def step_floor(self, direction: int) -> None:
        """direction -1: the floor above (floors are listed top first), +1: the floor below."""
        if self.building_id is None or self.floor_id is None:
            return
        floors = self.navigator.floors(self.building_id)
        if self.floor_id in floors:
            target = floors.index(self.floor_id) + direction
            if 0 <= target < len(floors):
                self.show_floor(self.building_id, floors[target])
                self.floor_view.setFocus()

    def next_unvisited(self) -> None:
        ws = self.workspace
        if ws is None or self.building_id is None:
            return
        from yeda_desktop.services import progress

        with ws.read() as session:
            found = progress.next_unvisited_unit(
                session, self.building_id, ws.campaign_id, self.floor_view.current_unit()
            )
        if found is None:
            self.statusBar().showMessage(
                self.tr("Every unit of this building has been visited"), 5000
            )
            return
        self.show_floor(self.building_id, found[0], found[1])
        self.floor_view.setFocus()

    def open_hit(self, hit: Hit) -> None:
        if hit.place is None:
            self.statusBar().showMessage(self.tr("This result is not in any unit yet"), 5000)
            return
        self.show_floor(hit.place.building_id, hit.place.floor_id, hit.place.unit_id)
        self.floor_view.setFocus()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def focus_register(self) -> None:
        if self.detail.pages.currentIndex() == 0:
            self.detail.new_name.setFocus()

    def focus_member(self) -> None:
        if self.detail.org_id is not None:
            self.detail.members.entry.name.setFocus()

    # --- edits -------------------------------------------------------------------------

    def _undo(self) -> None:
        if self.workspace is not None:
            self.workspace.undo_stack.undo()

    def _redo(self) -> None:
        if self.workspace is not None:
            self.workspace.undo_stack.redo()

    def _changed(self, edit: edits.Edit) -> None:
        """One refresh after every edit, undo or redo: tiles, detail, progress up the tree."""
        if self.building_id is not None:
            self.navigator.refresh_building(self.building_id)
        self._refresh_floor()
        if self.workspace is not None:
            self.detail.show_unit(self.workspace, self.floor_view.current_unit())
        self._unsent_timer.start()

    def _run_dialog(self, dialog: dialogs._FormDialog) -> None:
        if dialog.exec() and dialog.edit is not None and self.workspace is not None:
            self.workspace.do(dialog.edit)
        dialog.deleteLater()  # the window would keep every one it opened until it closed

    def add_units(self) -> None:
        if self.workspace is not None and self.floor_id is not None:
            from yeda_desktop.ui import dialogs

            self._run_dialog(dialogs.UnitsDialog(self.workspace, self.floor_id, self))

    def add_floor(self) -> None:
        if self.workspace is not None and self.building_id is not None:
            from yeda_desktop.ui import dialogs

            self._run_dialog(dialogs.FloorDialog(self.workspace, self.building_id, self))
            self.navigator.fill_floors(self.building_id)

    def add_building(self) -> None:
        ws = self.workspace
        if ws is None:
            return
        from yeda_desktop.models import Cluster
        from yeda_desktop.ui import dialogs

        with ws.read() as session:
            clusters = [(c.id, c.name) for c in session.query(Cluster).order_by(Cluster.name)]
        if not clusters:  # a zone set up for real starts with its first cluster
            if not self.add_cluster():
                return
            with ws.read() as session:
                clusters = [(c.id, c.name) for c in session.query(Cluster).order_by(Cluster.name)]
        current = (
            self.navigator.tree.nodes[self.building_id].parent_id
            if (self.building_id and self.navigator.tree)
            else None
        )
        dialog = dialogs.BuildingDialog(ws, clusters, current, self)
        if dialog.exec() and dialog.edit is not None:
            ws.do(dialog.edit)
            self._reload_tree()
        dialog.deleteLater()

    def add_cluster(self) -> bool:
        """A park or building group (with its subdistrict and zone, if new); True if added."""
        ws = self.workspace
        if ws is None:
            return False
        from yeda_desktop.ui import dialogs

        dialog = dialogs.ClusterDialog(ws, self)
        added = bool(dialog.exec()) and dialog.edit is not None
        if added and dialog.edit is not None:
            ws.do(dialog.edit)
            self._reload_tree()
        dialog.deleteLater()
        return added

    def _reload_tree(self) -> None:
        ws = self.workspace
        if ws is None:
            return
        from yeda_desktop.services import progress

        with ws.read() as session:
            tree = progress.place_tree(session, ws.campaign_id)
        self.navigator.load(ws, tree)
        if self.floor_id is None:  # the hint follows: the first building was just added
            self._show_place_hint(tree)

    def attach_existing(self) -> None:
        ws, unit = self.workspace, self.floor_view.current_unit()
        if ws is None or unit is None:
            return
        from yeda_desktop.services import sweep
        from yeda_desktop.ui import dialogs

        dialog = dialogs.AttachDialog(ws, self)
        if dialog.exec() and dialog.chosen is not None:
            with ws.read() as session:
                ws.do(
                    sweep.attach_organization(
                        session, unit, dialog.chosen.ref_id, ws.campaign_id, ws.officer,
                        team_id=ws.team_id,
                    )
                )
        dialog.deleteLater()

    # --- settings and closing -------------------------------------------------------------

    def choose_database(self) -> None:
        start = self.settings.db_path or str(Path.home())
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open database"), start, self.tr("YEDA database (*.sqlite *.db)")
        )
        if path:
            self.open_database(path)

    def edit_officer(self) -> None:
        from yeda_desktop.services.teams import list_teams
        from yeda_desktop.ui import dialogs

        teams: list[str] = []
        if self.workspace is not None:
            with self.workspace.read() as session:
                teams = [t.name for t in list_teams(session, self.workspace.campaign_id)]
        dialog = dialogs.OfficerDialog(
            self.settings.officer, self.settings.team, self.settings.language, self, teams
        )
        if dialog.exec():
            self.settings.language = dialog.language.currentData()
            self.take_officer(dialog.officer.text().strip(), dialog.team.currentText().strip())
        dialog.deleteLater()

    def take_officer(self, officer: str, team: str) -> None:
        """Who sweeps now, and for which team (the officer dialog, an enrolment request, a
        change of centre): everything that records or shows the officer takes it at once.
        Before, an export, a resolved conflict or a ledger step kept the name of when the
        database was opened."""
        self.settings.officer, self.settings.team = officer, team
        if self.workspace is not None:
            self.workspace.officer = officer
            self.workspace.set_team(team)
        ledger = getattr(self, "ledger_view", None)  # built on first use
        if ledger is not None:
            ledger.officer = officer or None
        views = getattr(self, "_sync_views", None)
        if views is not None:
            views.set_officer(officer, team)
        self._show_officer()

    def close_database(self) -> None:
        """Close the open database (its automatic backups done first); edits are disabled."""
        if self.workspace is None:
            return
        keeper = getattr(self, "backup_keeper", None)
        if keeper is not None:
            keeper.finish()
        self.workspace.db.close()
        self.workspace = None
        self._set_enabled(False)

    def about(self) -> None:
        show_about(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closing = True
        self._drop_pending_open()
        finish_tasks(self)  # no worker may outlive the window (or its database)
        if self._held is not None:
            self._held.db.close()
            self._held = None
        self.settings.save_window(QByteArray(self.saveGeometry()), QByteArray(self.saveState()))
        if self.workspace is not None:
            if self.building_id and self.floor_id:
                self.settings.set_last_place(
                    self.workspace.db.target, self.building_id, self.floor_id
                )
            self.close_database()
        self.settings.sync()
        super().closeEvent(event)
