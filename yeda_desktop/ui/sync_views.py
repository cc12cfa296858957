"""Adds the package-exchange views to the main window by role; asks the role at first start."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QWidget,
)

from yeda_desktop.errors import YedaError
from yeda_desktop.storage import Database
from yeda_desktop.sync import KeySet
from yeda_desktop.syncflow.installation import (
    Installation,
    Role,
    keys_dir,
    load_installation,
    set_role,
)
from yeda_desktop.ui.sync_centre import CentreFilesView
from yeda_desktop.ui.sync_devices import DevicesView
from yeda_desktop.ui.sync_passphrase import keys_asking
from yeda_desktop.ui.sync_queues import AuditView, ConflictsView, DuplicatesView
from yeda_desktop.ui.sync_transfer import ExportDialog, ImportDialog


class RoleDialog(QDialog):
    """First start: is this a field laptop or the centre? (changed later only deliberately)"""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Set up this installation"))
        self.role = QComboBox(self)
        self.role.addItem(self.tr("Field laptop (sweep officers)"), Role.LAPTOP.value)
        self.role.addItem(self.tr("Centre (administrator)"), Role.CENTRE.value)
        self.name = QLineEdit(self)
        self.centre_id = QLineEdit(self)
        self.centre_id.setPlaceholderText(self.tr("Centre only, e.g. yeda-centre"))
        form = QFormLayout(self)
        form.addRow(self.tr("This installation is"), self.role)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Centre id"), self.centre_id)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def choose(self, db: Database) -> Installation | None:
        """Save the choice; None when cancelled or refused."""
        try:
            with db.session() as session:
                return set_role(session, Role(self.role.currentData()), self.name.text(),
                                self.centre_id.text().strip() or None)
        except YedaError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), exc.message("zh"))
            return None


class SyncViews(QObject):
    """The views and actions of one open database; `attach` again for another database."""

    def __init__(self, window: QMainWindow, db: Database, inst: Installation,
                 keys: KeySet, officer: str) -> None:
        super().__init__(window)
        self.window, self.db, self.inst, self.keys = window, db, inst, keys
        self.widgets: list[QWidget] = []
        self.actions: list[QAction] = []
        add_view = getattr(window, "add_view")  # noqa: B009 - the shell's extension point
        if inst.is_centre:  # a field laptop does not see the administration views
            self.widgets = [
                DevicesView(db, keys, window),
                CentreFilesView(db, keys, window),
                ConflictsView(db, officer, inst.device_id, window),
                DuplicatesView(db, officer, window),
                AuditView(db, window),
            ]
            titles = [self.tr("Devices"), self.tr("Packages"), self.tr("Conflicts"),
                      self.tr("Duplicates"), self.tr("Audit")]
            for widget, title in zip(self.widgets, titles, strict=True):
                add_view(widget, title)
        menu = window.menuBar().addMenu(self.tr("E&xchange"))
        imp = QAction(self.tr("&Import packages…"), window)
        imp.triggered.connect(lambda: ImportDialog(db, keys, window).exec())
        menu.addAction(imp)
        self.actions.append(imp)
        if not inst.is_centre:
            exp = QAction(self.tr("&Export today's work…"), window)
            exp.triggered.connect(lambda: ExportDialog(db, keys, officer, window).exec())
            menu.addAction(exp)
            self.actions.append(exp)
        self.menu = menu

    def detach(self) -> None:
        tabs = getattr(self.window, "tabs", None)
        for widget in self.widgets:
            if tabs is not None:
                tabs.removeTab(tabs.indexOf(widget))
            widget.deleteLater()
        self.menu.deleteLater()
        self.deleteLater()


def attach(window: QMainWindow, db: Database, officer: str) -> SyncViews | None:
    """Add the views for this installation's role; without a role yet, offer the choice.

    The choice is offered from the Exchange menu and the status bar rather than a modal
    dialog, so opening a database never blocks; keys are touched only once a role is set.
    """
    previous = getattr(window, "_sync_views", None)
    if previous is not None:
        previous.detach()
        window._sync_views = None  # type: ignore[attr-defined]
    with db.reader() as session:
        inst = load_installation(session)
    if inst is None:
        _offer_role(window, db, officer)
        return None
    try:
        keys = keys_asking(window, keys_dir())
    except YedaError as exc:
        window.statusBar().showMessage(exc.message("zh"), 8000)
        return None
    views = SyncViews(window, db, inst, keys, officer)
    window._sync_views = views  # type: ignore[attr-defined]
    return views


class RoleOffer(QObject):
    """Until a role is chosen: an Exchange menu entry and a status-bar hint."""

    def __init__(self, window: QMainWindow, db: Database, officer: str) -> None:
        super().__init__(window)
        self.window, self.db, self.officer = window, db, officer
        self.menu = window.menuBar().addMenu(self.tr("E&xchange"))
        action = QAction(self.tr("Set up this installation (laptop or centre)…"), window)
        self.menu.addAction(action)
        action.triggered.connect(self.choose)
        window.statusBar().showMessage(
            self.tr("First start: choose whether this is a field laptop or the centre "
                    "(Exchange menu)."), 15000)

    def choose(self) -> None:
        dialog = RoleDialog(self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.choose(self.db) is not None:
            self.menu.deleteLater()
            attach(self.window, self.db, self.officer)
            self.deleteLater()


def _offer_role(window: QMainWindow, db: Database, officer: str) -> None:
    RoleOffer(window, db, officer)
