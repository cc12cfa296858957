"""Opening a database in the main window: off the GUI thread, shown in the status bar."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from yeda_desktop.errors import YedaError
from yeda_desktop.ui import recovery
from yeda_desktop.ui.early_check import EarlyCheck
from yeda_desktop.ui.tasks import Cancelled, run_task

if TYPE_CHECKING:
    from yeda_desktop.ui.opening import Opened

# A slow open (a cold disk, a search index to build) gets a progress dialog with Cancel;
# a usual one shows only in the window (status bar, navigator) and keeps it usable.
OPEN_DIALOG_AFTER_MS = 3000


class DatabaseOpening:
    """MainWindow's part that opens a database and shows it, or says why it cannot."""

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

    def _opened_read_only(self, opened: Opened) -> None:
        self._opened(opened)
        zh = self.lang == "zh"
        suffix = recovery.READ_ONLY_ZH if zh else recovery.READ_ONLY_EN
        if not self.windowTitle().endswith(suffix):
            self.setWindowTitle(self.windowTitle() + suffix)

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
