"""The GUI's ways out: restore a damaged file, open read-only beside another writer, switch to
the window that has the database, and the restore dialog's list of backups."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fault_helpers import integrity
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from yeda_desktop import __version__
from yeda_desktop.demo import generate_demo
from yeda_desktop.storage import open_database
from yeda_desktop.storage.backup import backup_database, list_backups
from yeda_desktop.ui import recovery
from yeda_desktop.ui.app_icon import about_text, app_icon
from yeda_desktop.ui.main_window import MainWindow
from yeda_desktop.ui.restore_dialog import RestoreDialog
from yeda_desktop.ui.settings import AppSettings

pytestmark = pytest.mark.gui


@pytest.fixture
def settings(tmp_path: Path) -> Iterator[AppSettings]:
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    yield AppSettings(store)
    store.sync()


@pytest.fixture
def zone(tmp_path: Path) -> Path:
    path = tmp_path / "zone.sqlite"
    db = open_database(path)
    generate_demo(db, 30, seed=4)
    db.close()
    return path


def _window(qtbot: QtBot, settings: AppSettings) -> MainWindow:
    window = MainWindow(settings, "zh")
    qtbot.addWidget(window)
    window.show()
    return window


def _answer(monkeypatch: pytest.MonkeyPatch, choice: int, seen: list[str]) -> None:
    def ask(_window: object, title: str, text: str, choices: list[str]) -> int:
        seen.append(f"{title}|{text}|{'/'.join(choices)}")
        return choice

    monkeypatch.setattr(recovery, "_ask", ask)


def test_damaged_file_offers_the_newest_good_backup(
    qtbot: QtBot, qapp: QApplication, settings: AppSettings, zone: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    backup_database(zone, "manual")
    data = bytearray(zone.read_bytes())
    data[len(data) // 2 : len(data) // 2 + 8192] = b"\x00\xff" * 4096
    zone.write_bytes(bytes(data))
    seen: list[str] = []
    _answer(monkeypatch, 0, seen)
    window = _window(qtbot, settings)
    with qtbot.waitSignal(window.ready, timeout=30_000):
        window.open_database(str(zone))
    assert "已损坏" in seen[0] and "恢复" in seen[0]
    assert window.workspace is not None and window.workspace.db.path == zone
    assert list((zone.parent / "backups").glob("*-damaged.sqlite-damaged"))
    window.close()
    assert integrity(zone) == "ok"


def test_second_window_opens_read_only_beside_a_writer(
    qtbot: QtBot, qapp: QApplication, settings: AppSettings, zone: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys,time; from yeda_desktop.storage import open_database; "
         "db=open_database(sys.argv[1]); print('ready', flush=True); time.sleep(120)", str(zone)],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        seen: list[str] = []
        _answer(monkeypatch, 1, seen)  # "open read-only"
        window = _window(qtbot, settings)
        with qtbot.waitSignal(window.ready, timeout=30_000):
            window.open_database(str(zone))
        assert "切换到该窗口" in seen[0] and "只读" in seen[0]
        assert window.workspace is not None and window.workspace.db.read_only
        assert window.windowTitle().endswith("（只读）")
        window.close()
    finally:
        holder.kill()
        holder.wait()


ASK = """
import sys
from PySide6.QtCore import QCoreApplication
from yeda_desktop.ui.recovery import ask_running_window
app = QCoreApplication([])
print("yes" if ask_running_window(sys.argv[1]) else "no", flush=True)
"""


def test_a_second_app_switches_to_the_window_that_has_the_database(
    qtbot: QtBot, qapp: QApplication, settings: AppSettings, zone: Path, tmp_path: Path,
) -> None:
    window = _window(qtbot, settings)
    with qtbot.waitSignal(window.ready, timeout=30_000):
        window.open_database(str(zone))
    results = []
    for path in (zone, tmp_path / "other.sqlite"):
        proc = subprocess.Popen([sys.executable, "-c", ASK, str(path)], stdout=subprocess.PIPE,
                                text=True)
        qtbot.waitUntil(lambda p=proc: p.poll() is not None, timeout=30_000)  # type: ignore[misc]
        assert proc.stdout is not None
        results.append(proc.stdout.read().strip())
    assert results == ["yes", "no"]
    window.close()


def test_restore_dialog_lists_backups_and_restores(
    qtbot: QtBot, qapp: QApplication, zone: Path
) -> None:
    first = backup_database(zone, "daily")
    backup_database(zone, "close")
    dialog = RestoreDialog(zone, "zh")
    qtbot.addWidget(dialog)
    rows = [dialog.table.topLevelItem(i) for i in range(dialog.table.topLevelItemCount())]
    assert [r.text(2) for r in rows if r is not None] == ["关闭时", "每日"]
    assert all(r.text(1).endswith(("KB", "MB")) for r in rows if r is not None)
    dialog.table.setCurrentItem(rows[1])
    dialog.restore_selected()  # on a worker thread: the dialog closes when it is done
    qtbot.waitUntil(lambda: dialog.restored is not None, timeout=30_000)
    assert dialog.result() == RestoreDialog.DialogCode.Accepted and dialog.restored == first
    assert dialog.kept is not None and dialog.kept.name.endswith("-before-restore.sqlite")
    assert len(list_backups(zone)) == 3


def test_about_shows_version_and_icon(qapp: QApplication) -> None:
    assert __version__ in about_text()
    assert not app_icon().isNull() and len(app_icon().availableSizes()) >= 5


def test_a_database_on_a_stick_is_copied_to_this_computer_and_opened(
    qtbot: QtBot, qapp: QApplication, settings: AppSettings, zone: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from yeda_desktop.storage import media
    from yeda_desktop.storage.paths import data_dir

    monkeypatch.setattr(media, "read_mounts", lambda: f"/dev/sdb1 {zone.parent} vfat rw 0 0\n")
    monkeypatch.setattr(media, "REMOVABLE_ROOTS", (str(zone.parent) + "/",))
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: told.append(str(a[2])))
    seen: list[str] = []
    _answer(monkeypatch, 0, seen)  # "copy to this computer and open"
    window = _window(qtbot, settings)
    with qtbot.waitSignal(window.ready, timeout=30_000):
        window.open_database(str(zone))
    assert "U盘" in seen[0] and "复制到本机" in seen[0]
    local = data_dir() / zone.name
    assert window.workspace is not None and window.workspace.db.path == local
    assert str(local) in told[0]
    window.close()


def test_cancelling_a_read_only_open_opens_nothing(
    qtbot: QtBot, qapp: QApplication, settings: AppSettings, zone: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import threading

    from PySide6.QtWidgets import QPushButton

    from yeda_desktop.services import progress
    from yeda_desktop.ui.tasks import Task

    entered, pressed = threading.Event(), threading.Event()
    real = progress.place_tree

    def after_cancel(*args: object) -> object:
        entered.set()
        pressed.wait(10)  # the user presses Cancel while the tree is read
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(progress, "place_tree", after_cancel)
    window = _window(qtbot, settings)
    recovery.open_read_only(window, zone)
    [task] = [t for t in window.findChildren(Task) if t.dialog is not None]
    assert task.dialog is not None
    [cancel] = task.dialog.findChildren(QPushButton)
    qtbot.waitUntil(entered.is_set)
    with qtbot.waitSignal(window.open_failed, timeout=10_000):
        cancel.click()
        pressed.set()
    assert window.workspace is None and not window.windowTitle().endswith("（只读）")
    window.close()
