"""The GUI side of crash safety: the way out when a database cannot be opened, and backups.

- Another window has the database (DatabaseInUseError): switch to that window (over a
  QLocalSocket, see `InstanceServer`) or open the file read-only.
- The file is on a network share or a stick (UnsafeLocationError): copy it to this
  computer and open the copy.
- The file is damaged (CorruptDatabaseError): restore the newest good backup, or choose one.
- A daily backup once a database is open; a backup on quit if it was changed.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from yeda_desktop.errors import YedaError
from yeda_desktop.ui.tasks import TaskProgress, run_task

# The storage (SQLAlchemy and the models) is imported where it is used: `install` runs
# before the main window's first frame, which must not wait for it (see main_window).
# Likewise QtNetwork and the message boxes (loading a Qt class costs its enums).
if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

    from yeda_desktop.storage.integrity import CorruptDatabaseError
    from yeda_desktop.storage.lock import DatabaseInUseError
    from yeda_desktop.storage.media import UnsafeLocationError
    from yeda_desktop.ui.main_window import MainWindow
    from yeda_desktop.ui.opening import Opened

REPLY_TIMEOUT_MS = 2000


def server_name(db_path: str | Path) -> str:
    """The local socket of the window writing `db_path` (per user and per database file)."""
    try:
        key = str(Path(db_path).resolve())
    except OSError:
        key = str(db_path)
    import getpass
    import hashlib

    user = getpass.getuser() or "user"
    return "yeda-desktop-" + hashlib.sha1(f"{user}\0{key}".encode()).hexdigest()[:20]


class InstanceServer(QObject):
    """Listens, while this window writes a database, for a second app that wants that database;
    raises this window when asked."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.server: QLocalServer | None = None
        window.ready.connect(self.follow)

    def follow(self) -> None:
        """Listen under the name of the database now open (none if read-only)."""
        if self.server is not None:
            self.server.close()
            self.server.deleteLater()
            self.server = None
        ws = self.window.workspace
        if ws is None or ws.db.read_only or ws.db.is_server:
            return  # a server database has several writers by design
        from PySide6.QtNetwork import QLocalServer

        server = QLocalServer(self)
        name = server_name(ws.db.path)
        if not server.listen(name):
            # only a socket left by a crash can hold the name: this process has the writer lock
            server.removeServer(name)
            server.listen(name)
        server.newConnection.connect(self._accept)
        self.server = server

    def _accept(self) -> None:
        while self.server is not None and (socket := self.server.nextPendingConnection()):
            socket.readyRead.connect(lambda s=socket: self._answer(s))

    def _answer(self, socket: QLocalSocket) -> None:
        socket.readAll()
        socket.write(b"yes\n")
        socket.flush()
        socket.disconnectFromServer()
        self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()


def ask_running_window(db_path: str | Path) -> bool:
    """Ask the window writing `db_path` to come to the front; True if one answered."""
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(server_name(db_path))
    if not socket.waitForConnected(REPLY_TIMEOUT_MS):
        return False
    socket.write(b"activate\n")
    socket.flush()
    answered = socket.waitForReadyRead(REPLY_TIMEOUT_MS)
    reply = bytes(socket.readAll().data()).strip() if answered else b""
    socket.abort()
    return reply == b"yes"


READ_ONLY_ZH, READ_ONLY_EN = "（只读）", " (read-only)"  # after the window's title


def _t(window: QWidget, zh: str, en: str) -> str:
    return zh if getattr(window, "lang", "zh") == "zh" else en


def _ask(window: QWidget, title: str, text: str, choices: list[str]) -> int:
    """A message box with `choices` (the last is Cancel); returns the index chosen."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=window)
    buttons = [box.addButton(label, QMessageBox.ButtonRole.AcceptRole) for label in choices[:-1]]
    buttons.append(box.addButton(choices[-1], QMessageBox.ButtonRole.RejectRole))
    box.setDefaultButton(buttons[0])
    box.exec()
    clicked = box.clickedButton()
    return next((i for i, b in enumerate(buttons) if b is clicked), len(buttons) - 1)


def offer(window: MainWindow, exc: BaseException) -> bool:
    """Show the way out for an open that failed with `exc`; True if it was handled here."""
    from yeda_desktop.storage.integrity import CorruptDatabaseError
    from yeda_desktop.storage.lock import DatabaseInUseError
    from yeda_desktop.storage.media import UnsafeLocationError

    if isinstance(exc, DatabaseInUseError):
        return _offer_in_use(window, exc)
    if isinstance(exc, UnsafeLocationError):
        return _offer_copy(window, exc)
    if isinstance(exc, CorruptDatabaseError):
        return _offer_restore(window, exc)
    return False


def _offer_in_use(window: MainWindow, exc: DatabaseInUseError) -> bool:
    from PySide6.QtWidgets import QMessageBox

    title = _t(window, "数据库正在使用", "Database in use")
    choice = _ask(
        window,
        title,
        exc.message(window.lang),
        [
            _t(window, "切换到该窗口", "Switch to that window"),
            _t(window, "以只读方式打开", "Open read-only"),
            _t(window, "取消", "Cancel"),
        ],
    )
    if choice == 0:
        if ask_running_window(str(exc.db_path)):
            if window.workspace is None:
                window.close()  # nothing open here: this second window is not needed
            return True
        QMessageBox.information(
            window,
            title,
            _t(
                window,
                "没有找到打开该数据库的窗口（可能是命令行程序在使用），请稍后再试或以只读方式打开",
                "no window has it open (a command may be using it); try again later "
                "or open it read-only",
            ),
        )
        return True
    if choice == 1:
        open_read_only(window, exc.db_path)
    return True


def open_read_only(window: MainWindow, path: Path) -> None:
    """Open `path` without the writer lock and without migrating; edits are refused."""
    from yeda_desktop.models import Campaign
    from yeda_desktop.services import progress, sweep
    from yeda_desktop.storage import open_database
    from yeda_desktop.ui.opening import Opened

    def work(step: TaskProgress) -> Opened:
        # A Cancel stops it at its next step, the database closed: nothing is opened.
        db = open_database(path, read_only=True)
        try:
            step(1, 3)
            with db.reader() as session:
                campaign = sweep.current_campaign(session)
                if campaign is None and window.settings.campaign_id:
                    campaign = session.get(Campaign, window.settings.campaign_id)
                if campaign is None:
                    raise YedaError(
                        "该数据库还没有扫楼活动，无法只读打开",
                        "the database has no sweep campaign yet; it cannot be opened read-only",
                    )
                chosen = (campaign.id, campaign.name)
                step(2, 3)
                tree = progress.place_tree(session, chosen[0])
            step(3, 3)
            return Opened(db, chosen[0], chosen[1], tree)
        except BaseException:
            db.close()
            raise

    # Bound methods of the window, not closures holding it: PySide crashed deleting a
    # finished task whose signal held a lambda over a widget.
    run_task(window, work, window._opened_read_only, window._open_error,
             _t(window, "正在打开…", "Opening…"))


def _offer_copy(window: MainWindow, exc: UnsafeLocationError) -> bool:
    from PySide6.QtWidgets import QMessageBox

    choice = _ask(
        window,
        _t(window, "数据库不在本机", "Database not on this computer"),
        exc.message(window.lang),
        [
            _t(window, "复制到本机并打开", "Copy to this computer and open"),
            _t(window, "取消", "Cancel"),
        ],
    )
    if choice == 0:
        from yeda_desktop.storage.media import copy_to_local

        try:
            local = copy_to_local(exc.db_path)
        except YedaError as err:
            QMessageBox.warning(window, window.windowTitle(), err.message(window.lang))
            return True
        QMessageBox.information(
            window,
            window.windowTitle(),
            _t(
                window,
                f"已复制到 {local}。之后的修改保存在这份本机副本中。",
                f"Copied to {local}. From now on, changes are saved in this local copy.",
            ),
        )
        window.open_database(str(local))
    return True


def _offer_restore(window: MainWindow, exc: CorruptDatabaseError) -> bool:
    from PySide6.QtWidgets import QMessageBox

    from yeda_desktop.storage.backup import newest_good_backup, restore_database

    best = newest_good_backup(exc.db_path)
    title = _t(window, "数据库文件已损坏", "Damaged database file")
    if best is None:
        QMessageBox.critical(
            window,
            title,
            exc.message(window.lang)
            + _t(window, "\n\n没有找到完好的备份。", "\n\nNo good backup was found."),
        )
        return True
    when = f"{best.created:%Y-%m-%d %H:%M}"
    choice = _ask(
        window,
        title,
        exc.message(window.lang)
        + _t(
            window,
            f"\n\n最近一份完好的备份：{when}。恢复后，此后的修改将丢失；损坏的文件会另行保存。",
            f"\n\nNewest good backup: {when}. Changes made after it are lost; "
            "the damaged file is kept aside.",
        ),
        [
            _t(window, f"恢复 {when} 的备份", f"Restore the {when} backup"),
            _t(window, "选择其他备份…", "Choose another backup…"),
            _t(window, "取消", "Cancel"),
        ],
    )
    if choice == 0:
        try:
            restore_database(best.path, exc.db_path)
        except YedaError as err:
            QMessageBox.warning(window, title, err.message(window.lang))
            return True
        window.open_database(str(exc.db_path))
    elif choice == 1:
        show_restore_dialog(window, exc.db_path)
    return True


def show_restore_dialog(window: MainWindow, db_path: Path | None = None) -> None:
    """File → Restore from backup: close the open database, restore, reopen."""
    from yeda_desktop.storage.location import is_server_url
    from yeda_desktop.ui.restore_dialog import RestoreDialog

    path = db_path
    if path is None:
        if window.workspace is None:
            if not window.settings.db_path or is_server_url(window.settings.db_path):
                return
            path = Path(window.settings.db_path)
        elif window.workspace.db.is_server:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.information(
                window, _t(window, "从备份恢复", "Restore from backup"),
                _t(window, "PostgreSQL 数据库请用服务器自己的工具（如 pg_restore）恢复，"
                   "不使用本程序的备份。",
                   "A PostgreSQL database is restored with the server's own tools "
                   "(pg_restore), not from the app's backups."))
            return
        else:
            path = window.workspace.db.path
    if window.workspace is not None and window.workspace.db.location.path == path:
        window.close_database()  # restoring needs the file closed (and its writer lock)
    dialog = RestoreDialog(path, window.lang, window)
    dialog.exec()
    if path.exists():
        window.open_database(str(path))


class BackupKeeper(QObject):
    """A daily backup once a database is open; a backup on quit if it was changed."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.open_db: Callable[[], bool] | None = None
        self.path: Path | None = None
        self.daily: threading.Thread | None = None
        window.ready.connect(self._opened)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.finish)

    def _opened(self) -> None:
        self.finish()  # the previous database, if one was open and changed
        ws = self.window.workspace
        if ws is None or ws.db.read_only or ws.db.is_server:  # the server's own backups
            self.path, self.open_db = None, None
            return
        from yeda_desktop.storage.backup import daily_backup

        db = ws.db
        self.path, self.open_db = db.path, db.changed_since_open
        self.daily = threading.Thread(target=_quietly, args=(daily_backup, db.path), daemon=True)
        self.daily.start()

    def finish(self) -> None:
        """Before the database is closed, or the app quits: let the daily backup finish, and
        back a changed database up while it is still open.

        A backup reads through a read-only connection; left the last one on the file
        (the database already closed) it cannot remove the WAL file, and the file looks
        as if it had not been closed. (One cut off at exit would be partial, too.)
        """
        if self.daily is not None:
            self.daily.join()
            self.daily = None
        if self.path is not None and self.open_db is not None:
            from yeda_desktop.storage.backup import backup_after_changes

            _quietly(backup_after_changes, self.path, self.open_db())
        self.path, self.open_db = None, None


def _quietly(fn: Callable[..., object], *args: object) -> None:
    """Automatic backups never interrupt the officer; a failure shows up as a missing backup."""
    with contextlib.suppress(YedaError, OSError):
        fn(*args)


def install(window: MainWindow) -> None:
    """Wire the single-instance server, automatic backups and File → Restore from backup."""
    window.instance_server = InstanceServer(window)  # type: ignore[attr-defined]
    window.backup_keeper = BackupKeeper(window)  # type: ignore[attr-defined]
    action = QAction(window)  # QAction(text, parent) would load QIcon before the first frame
    action.setText(_t(window, "从备份恢复(&R)…", "&Restore from backup…"))
    action.setObjectName("act_restore_backup")
    action.triggered.connect(lambda: show_restore_dialog(window))
    menus = [a.menu() for a in window.menuBar().actions()]
    file_menu = next((m for m in menus if isinstance(m, QMenu)), None)
    if file_menu is not None:
        existing = file_menu.actions()
        if existing:
            file_menu.insertAction(existing[-1], action)  # just above Quit
        else:
            file_menu.addAction(action)
