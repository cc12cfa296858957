"""The main window: navigator, floor view and detail pane in a tab; menus, toolbar, status bar.

Other views (special work ledger, statistics, sync) join with `add_view(widget, title)`,
which adds a tab and an entry in the View menu.

The window is made of parts, each in its own module: its views, loaded after the first
frame (window_views, which says how a cold start goes), its actions and menus
(window_actions), opening a database (window_opening), the status bar (window_status) and
editing the zone's places (place_editing). This module builds the shell and keeps what
ties them together: moving between floors, refreshing after edits, closing. Like the
parts, it imports only Qt before the core is loaded.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from yeda_desktop.ui import recovery
from yeda_desktop.ui.app_icon import show_about
from yeda_desktop.ui.early_check import EarlyCheck
from yeda_desktop.ui.navigator import Navigator
from yeda_desktop.ui.place_editing import PlaceEditing
from yeda_desktop.ui.search_box import SearchBox
from yeda_desktop.ui.settings import AppSettings
from yeda_desktop.ui.tasks import finish_tasks, run_task
from yeda_desktop.ui.window_actions import WindowActions
from yeda_desktop.ui.window_opening import DatabaseOpening
from yeda_desktop.ui.window_status import StatusLines
from yeda_desktop.ui.window_views import ViewLoading, views_loaded

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from yeda_desktop.models.enums import VisitOutcome
    from yeda_desktop.services import edits
    from yeda_desktop.services.search import Hit
    from yeda_desktop.ui.opening import Opened
    from yeda_desktop.ui.workspace import Workspace


class MainWindow(
    QMainWindow, ViewLoading, WindowActions, DatabaseOpening, StatusLines, PlaceEditing
):
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

    # --- layout ---------------------------------------------------------------------------

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

    # --- Excel import and what follows a change of data -----------------------------------

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

    # --- moving around --------------------------------------------------------------------

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

    # --- edits ----------------------------------------------------------------------------

    def _undo(self) -> None:
        if self.workspace is not None:
            self.workspace.undo_stack.undo()

    def _redo(self) -> None:
        if self.workspace is not None:
            self.workspace.undo_stack.redo()

    def _changed(self, edit: edits.Edit) -> None:
        """One refresh after every edit, undo or redo: tiles, detail, progress up the tree."""
        from yeda_desktop.models import Building, Floor

        if self.building_id is not None:
            models = {step.model for step in edit.steps}
            if Building in models:  # renamed (or its rename undone): its name in the tree
                self._reload_tree()
            if Floor in models or Building in models:
                self._keep_a_floor()
            self.navigator.refresh_building(self.building_id)
        self._refresh_floor()
        if self.workspace is not None:
            self.detail.show_unit(self.workspace, self.floor_view.current_unit())
        self._unsent_timer.start()

    def _keep_a_floor(self) -> None:
        """The floors shown again after one was renamed, removed or brought back; a
        removed floor's place is taken by the building's top floor."""
        if self.building_id is None:
            return
        floors = self.navigator.floors(self.building_id)
        if self.floor_id in floors:
            self.navigator.show_floor(self.building_id, self.floor_id)
        elif floors:
            self.show_floor(self.building_id, floors[0])
        else:
            self.floor_id = None
            self.floor_view.show_tiles([])
            self.floor_heading.setText(self.tr("Choose a building and floor"))

    # --- settings and closing -------------------------------------------------------------

    def settle_unsaved(self) -> bool:
        """Work typed and not saved (a team's ticked buildings): saved or dropped as the
        user says before the database goes; False to stay."""
        from yeda_desktop.ui.sync_teams import TeamsView

        return all(view.settle_unsaved() for view in self.findChildren(TeamsView))

    def choose_database(self) -> None:
        if not self.settle_unsaved():
            return
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
        if not self._closing and not self.settle_unsaved():
            event.ignore()
            return
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
