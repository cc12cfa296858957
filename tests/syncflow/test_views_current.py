"""The centre's views show what a batch brought, however it was imported: before
2026-11-29 the conflict, duplicate and device tabs were read once, when the database
opened, and an administrator who imported a batch saw its conflicts only after reopening."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest
from flow_helpers import Site, build_sites, edit_row, first_value
from PySide6.QtWidgets import QDialog, QMainWindow, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from yeda_desktop.models import Organization
from yeda_desktop.syncflow.installation import load_installation, load_keys
from yeda_desktop.ui.sync_devices import COLUMNS, DevicesView
from yeda_desktop.ui.sync_queues import ConflictsView
from yeda_desktop.ui.sync_views import SyncViews

pytestmark = pytest.mark.gui


def clash(a: Site, b: Site, stick: Path, tag: str) -> tuple[Path, Path]:
    """Both laptops change the same organization's staff count: one conflict at the centre."""
    org = first_value(a, Organization.id)
    edit_row(a, "王芳", Organization, org, staff_count=11)
    edit_row(b, "李强", Organization, org, staff_count=12)
    files = stick / f"{tag}-a.yeda", stick / f"{tag}-b.yeda"
    a.cli("export", str(files[0]))
    b.cli("export", str(files[1]))
    return files


def test_a_view_shown_again_reads_the_database_again(
    qtbot: QtBot, chinese_ui: None, tmp_path: Path,
) -> None:
    centre, (a, b), stick = build_sites(tmp_path, 2)
    db = centre.open()
    try:
        conflicts = ConflictsView(db, "管理员", "centre")
        devices = DevicesView(db, load_keys(centre.keys))
        for view in (conflicts, devices):
            qtbot.addWidget(view)
        qtbot.waitUntil(lambda: not conflicts.reading)
        assert conflicts.queue.count() == 0
        for package in clash(a, b, stick, "cli"):
            centre.cli("import", str(package))  # by another program meanwhile
        with qtbot.waitSignal(conflicts.loaded):
            conflicts.show()
        assert conflicts.queue.count() == 1 and conflicts.sides.rowCount() == 3
        devices.show()
        last = [devices.table.item(r, COLUMNS.index("last_sequence")).text()
                for r in range(devices.table.rowCount())]
        assert last == ["1", "1"]
    finally:
        db.close()


class Shell(QMainWindow):
    """The two things SyncViews asks of the main window: tabs and `add_view`."""

    def __init__(self) -> None:
        super().__init__()
        self.tabs = QTabWidget(self)
        self.setCentralWidget(self.tabs)

    def add_view(self, widget: QWidget, title: str) -> int:
        return self.tabs.addTab(widget, title)


class ImportsOnExec(QDialog):
    """Stands in for the import dialog: imports as it runs, as the real one does."""

    def __init__(self, centre: Site, packages: tuple[Path, ...]) -> None:
        super().__init__()
        self.centre, self.packages = centre, packages

    def exec(self) -> int:
        for package in self.packages:
            self.centre.cli("import", str(package))
        return 0


def test_the_tab_in_view_shows_what_the_import_dialog_brought(
    qtbot: QtBot, chinese_ui: None, tmp_path: Path,
) -> None:
    centre, (a, b), stick = build_sites(tmp_path, 2)
    db = centre.open()
    try:
        with db.reader() as session:
            inst = load_installation(session)
        assert inst is not None
        shell = Shell()
        qtbot.addWidget(shell)
        views = SyncViews(shell, db, inst, load_keys(centre.keys), "管理员")
        conflicts = next(w for w in views.widgets if isinstance(w, ConflictsView))
        shell.tabs.setCurrentWidget(conflicts)
        shell.show()
        qtbot.waitUntil(lambda: not conflicts.reading)
        assert conflicts.isVisible() and conflicts.queue.count() == 0
        views._run(ImportsOnExec(centre, clash(a, b, stick, "dialog")))
        qtbot.waitUntil(lambda: conflicts.queue.count() == 1)
        assert not conflicts.reading
    finally:
        db.close()


def test_the_files_view_keeps_the_choices_made_when_it_reads_again(
    qtbot: QtBot, chinese_ui: None, tmp_path: Path,
) -> None:
    from PySide6.QtCore import Qt

    from yeda_desktop.ui.sync_centre import CentreFilesView

    centre, _laptops, _stick = build_sites(tmp_path, 2)
    db = centre.open()
    try:
        view = CentreFilesView(db, load_keys(centre.keys))
        qtbot.addWidget(view)
        assert view.devices.count() == 2
        assert len(view.checked_devices()) == 2  # both laptops are the first team's
        view.devices.item(0).setCheckState(Qt.CheckState.Unchecked)
        view.team.setCurrentIndex(view.team.count() - 1)
        view.receipt_device.setCurrentIndex(1)
        team, receipt, ticked = (view.team.currentData(), view.receipt_device.currentData(),
                                 view.checked_devices())
        view.show()  # reads the lists again
        assert view.checked_devices() == ticked and len(ticked) == 1
        assert view.team.currentData() == team
        assert view.receipt_device.currentData() == receipt
        # Choosing a team ticks its own laptops, and only those.
        assert view.team.count() > 1
        view.team.setCurrentIndex(view.team.count() - 1)
        view.team.activated.emit(view.team.count() - 1)
        assert view.checked_devices() == []
        view.team.setCurrentIndex(0)
        view.team.activated.emit(0)
        assert len(view.checked_devices()) == 2
    finally:
        db.close()


def test_the_conflict_queue_is_read_off_the_gui_thread(
    qtbot: QtBot, chinese_ui: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A centre's queue of thousands took a fifth of a second of the window's time at every
    visit and after every decision; now the window stays responsive meanwhile, and a visit
    while a read is under way shows what is there after the visit, not before it."""
    import threading

    from yeda_desktop.ui import sync_queues

    centre, (a, b), stick = build_sites(tmp_path, 2)
    for package in clash(a, b, stick, "cli"):
        centre.cli("import", str(package))
    db = centre.open()
    gate, threads = threading.Event(), []
    real = sync_queues.list_conflicts

    def gated(session: object) -> object:
        threads.append(threading.current_thread())
        gate.wait(10)
        return real(session)

    monkeypatch.setattr(sync_queues, "list_conflicts", gated)
    try:
        view = ConflictsView(db, "管理员", "centre")  # returns while its read waits
        qtbot.addWidget(view)
        assert view.reading and view.queue.count() == 0
        assert view.heading.text() == "正在读取…"  # not "no open conflicts", not yet
        view.refresh()  # asked again meanwhile: read again once the first read ends
        with qtbot.waitSignal(view.loaded, timeout=10_000):
            gate.set()
        assert view.queue.count() == 1 and not view.reading
        assert len(threads) == 2 and threading.main_thread() not in threads
    finally:
        gate.set()
        db.close()
