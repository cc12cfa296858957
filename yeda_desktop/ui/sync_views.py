"""Adds the package-exchange views to the main window by role; asks the role at first start."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMainWindow, QMessageBox, QWidget

from yeda_desktop.errors import YedaError
from yeda_desktop.storage import Database
from yeda_desktop.sync import KeySet
from yeda_desktop.syncflow.installation import (
    Installation,
    keys_dir,
    load_installation,
    profile_json,
)
from yeda_desktop.ui.role_dialog import RoleDialog
from yeda_desktop.ui.sync_centre import CentreFilesView
from yeda_desktop.ui.sync_devices import DevicesView
from yeda_desktop.ui.sync_enrol import EnrolDialog
from yeda_desktop.ui.sync_history import ImportHistoryView
from yeda_desktop.ui.sync_passphrase import keys_asking
from yeda_desktop.ui.sync_queues import AuditView, ConflictsView, DuplicatesView
from yeda_desktop.ui.sync_teams import TeamsView
from yeda_desktop.ui.sync_transfer import ExportDialog, ImportDialog
from yeda_desktop.ui.tasks import finish_tasks


def _lang(window: QWidget) -> str:
    return str(getattr(window, "lang", "zh"))


def _recount(window: QWidget, *, places: bool = False) -> None:
    """The shell's status bar and views, if any, after packages came or went (`places`:
    they may have brought buildings, as a baseline or a batch does)."""
    changed = getattr(window, "data_changed", None)
    if changed is not None:
        changed(places=places)
        return
    recount = getattr(window, "recount_unsent", None)
    if recount is not None:
        recount()


class SyncViews(QObject):
    """The views and actions of one open database; `attach` again for another database."""

    def __init__(self, window: QMainWindow, db: Database, inst: Installation,
                 keys: KeySet, officer: str, team: str = "") -> None:
        super().__init__(window)
        self.window, self.db, self.inst, self.keys = window, db, inst, keys
        self.officer, self.team = officer, team
        self.widgets: list[QWidget] = []
        # The views whose decisions record the officer.
        self.queues: list[ConflictsView | DuplicatesView | TeamsView] = []
        self.actions: list[QAction] = []
        add_view = getattr(window, "add_view")  # noqa: B009 - the shell's extension point
        if inst.is_centre:  # a field laptop does not see the administration views
            conflicts = ConflictsView(db, officer, inst.device_id, window)
            candidates = DuplicatesView(db, officer, window)
            teams = TeamsView(db, officer, window)
            # A new year's campaign: the window changes over to it, its views count anew.
            teams.campaign_started.connect(lambda: _recount(window, places=True))
            self.queues = [conflicts, candidates, teams]
            audit = AuditView(db, window)
            self.widgets = [teams, DevicesView(db, keys, window), CentreFilesView(db, keys, window),
                            ImportHistoryView(db, window), conflicts, candidates, audit]
            titles = [self.tr("Teams"), self.tr("Devices"), self.tr("Packages"),
                      self.tr("Imports"), self.tr("Conflicts"), self.tr("Duplicates"),
                      self.tr("Audit")]
            tabs = [add_view(widget, title)
                    for widget, title in zip(self.widgets, titles, strict=True)]

            show_tab = getattr(window, "tabs").setCurrentIndex  # noqa: B009 - the shell's tabs

            def show_history(record_id: str) -> None:
                audit.show_record(record_id)
                show_tab(tabs[-1])

            conflicts.history_requested.connect(show_history)
            candidates.history_requested.connect(show_history)
        menu = window.menuBar().addMenu(self.tr("E&xchange"))
        imp = QAction(self.tr("&Import packages…"), window)
        imp.triggered.connect(lambda: self._run(ImportDialog(db, keys, window)))
        menu.addAction(imp)
        self.actions.append(imp)
        if not inst.is_centre:
            exp = QAction(self.tr("&Export today's work…"), window)
            exp.triggered.connect(
                lambda: self._run(ExportDialog(db, keys, self.officer, window)))
            enrol = QAction(self.tr("Write the enrolment &request…"), window)
            enrol.setObjectName("act_enrol")
            enrol.triggered.connect(self.enrol)
            menu.addActions([exp, enrol])
            self.actions += [exp, enrol]
        menu.addSeparator()
        change = QAction(self.tr("Change the role of this installation…"), window)
        change.setObjectName("act_change_role")
        change.triggered.connect(self.change_role)
        menu.addAction(change)
        self.actions.append(change)
        self.menu = menu

    def set_officer(self, officer: str, team: str) -> None:
        """Exports, requests and the queues' resolutions record this officer from now on."""
        self.officer, self.team = officer, team
        for view in self.queues:
            view.officer = officer

    def enrol(self) -> None:
        """The request names a team of the centre's profile: once written, it is this
        laptop's team (and its officer, if a valid name), as the status bar shows."""
        dialog = EnrolDialog(self.db, self.keys, self.officer, _lang(self.window), self.window,
                             team=self.team)
        dialog.written.connect(lambda _code: _take_officer(self.window, self, *dialog.chosen()))
        self._run(dialog)

    def _run(self, dialog: QDialog) -> None:
        """A transfer dialog, then the status bar's count of unsent work again. Closed, the
        dialog goes (each opening made a new one, kept by the window until it closed)."""
        importing = isinstance(dialog, ImportDialog) and not self.inst.is_centre
        centre_before = self._profile_centre() if importing else None
        dialog.exec()
        finish_tasks(dialog)  # closed mid-way: its work is cancelled and waited for
        dialog.deleteLater()
        if importing:
            self._after_profile(centre_before)
        _recount(self.window, places=isinstance(dialog, ImportDialog))
        for widget in self.widgets:  # the tab in view shows what the import brought
            refresh = getattr(widget, "refresh", None)
            if refresh is not None and widget.isVisible():
                refresh()

    def _profile_centre(self) -> object:
        """The centre whose profile this laptop holds (None before the first)."""
        with self.db.reader() as session:
            profile = profile_json(session)
        return None if profile is None else profile.get("centre_id")

    def _after_profile(self, centre_before: object) -> None:
        """A profile of another centre was taken: the old centre's team is not this
        laptop's any more (the new one comes with the enrolment request)."""
        if centre_before is not None and self._profile_centre() != centre_before:
            _take_officer(self.window, self, self.officer, "")

    def change_role(self) -> None:
        """A deliberate act: a confirmation first, then the role dialog (saved with force)."""
        other = self.tr("field laptop") if self.inst.is_centre else self.tr("centre")
        answer = QMessageBox.question(
            self.window,
            self.tr("Change the role of this installation"),
            self.tr("Changing the role is for an administrator. A centre shows the "
                    "administration views and imports the teams' batches; a field laptop "
                    "hides them and exports its own work. Make this installation a %1?")
            .replace("%1", other),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        dialog = RoleDialog(self.db, self.window, self.inst, _lang(self.window))
        if dialog.exec() == RoleDialog.DialogCode.Accepted:
            attach(self.window, self.db, self.officer, team=self.team)

    def detach(self) -> None:
        tabs = getattr(self.window, "tabs", None)
        for widget in self.widgets:
            if tabs is not None:
                tabs.removeTab(tabs.indexOf(widget))
            widget.deleteLater()
        self.window.menuBar().removeAction(self.menu.menuAction())
        self.menu.deleteLater()
        self.deleteLater()


def _take_officer(window: QWidget, views: SyncViews, officer: str, team: str) -> None:
    """The window takes the officer and team (and hands them back to `views`); a shell
    without `take_officer` leaves them to the views alone."""
    take = getattr(window, "take_officer", None)
    if take is not None:
        take(officer, team)
    else:
        views.set_officer(officer, team)


def attach(
    window: QMainWindow, db: Database, officer: str, *, team: str = "", ask_role: bool = False
) -> SyncViews | None:
    """Add the views for this installation's role; without a role yet, offer the choice.

    Without a role the Exchange menu offers it, and with `ask_role` (the app's start)
    the role dialog opens at once, without blocking: cancelled, the role stays unset and
    the app usable, and the next start asks again. Keys are touched only once a role is set.
    """
    previous = getattr(window, "_sync_views", None)
    if previous is not None:
        previous.detach()
        window._sync_views = None  # type: ignore[attr-defined]
    with db.reader() as session:
        inst = load_installation(session)
    if inst is None:
        offer = RoleOffer(window, db, officer, team)
        window._sync_views = offer  # type: ignore[attr-defined]
        if ask_role:
            offer.choose()
        return None
    try:
        keys = keys_asking(window, keys_dir())
    except YedaError as exc:
        window.statusBar().showMessage(exc.message(_lang(window)), 8000)
        return None
    views = SyncViews(window, db, inst, keys, officer, team)
    window._sync_views = views  # type: ignore[attr-defined]
    _recount(window)  # a centre shows no count: it hands no batch in
    return views


class RoleOffer(QObject):
    """Until a role is chosen: an Exchange menu entry that opens the role dialog."""

    def __init__(self, window: QMainWindow, db: Database, officer: str, team: str = "") -> None:
        super().__init__(window)
        self.window, self.db, self.officer, self.team = window, db, officer, team
        self.dialog: RoleDialog | None = None
        self.menu = window.menuBar().addMenu(self.tr("E&xchange"))
        action = QAction(self.tr("Set up this installation (laptop or centre)…"), window)
        action.setObjectName("act_set_role")
        self.menu.addAction(action)
        action.triggered.connect(self.choose)

    def choose(self) -> RoleDialog:
        """Open the role dialog (window-modal, not blocking); OK adds the role's views."""
        if self.dialog is None:
            self.dialog = RoleDialog(self.db, self.window, None, _lang(self.window))
            self.dialog.accepted.connect(self._chosen)
            self.dialog.finished.connect(self._closed)
            self.dialog.rejected.connect(self._later)
            self.dialog.open()
        return self.dialog

    def _closed(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None

    def _later(self) -> None:
        self.window.statusBar().showMessage(
            self.tr("First start: choose whether this is a field laptop or the centre "
                    "(Exchange menu)."), 15000)

    def _chosen(self) -> None:
        attach(self.window, self.db, self.officer, team=self.team)  # detaches this offer

    def set_officer(self, officer: str, team: str) -> None:
        self.officer, self.team = officer, team

    def detach(self) -> None:
        if self.dialog is not None:  # another database is being opened: not for this one
            dialog, self.dialog = self.dialog, None
            dialog.blockSignals(True)
            dialog.reject()
            dialog.deleteLater()
        self.window.menuBar().removeAction(self.menu.menuAction())
        self.menu.deleteLater()
        self.deleteLater()
