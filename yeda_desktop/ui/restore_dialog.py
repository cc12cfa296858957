"""Restore from backup: the database's backups with date, size and reason; restore the chosen one.

The current file is kept as a backup first (a damaged one byte for byte), so a restore
can itself be undone from this same list.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from yeda_desktop.errors import YedaError
from yeda_desktop.storage.backup import BackupInfo, list_backups, restore_database
from yeda_desktop.ui.tasks import Task, run_task

REASONS = {
    "manual": ("手动", "manual"),
    "daily": ("每日", "daily"),
    "close": ("关闭时", "on close"),
    "before-restore": ("恢复前", "before a restore"),
    "before-centre-change": ("更换中心前", "before a change of centre"),
}


def human_size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"


def reason_label(reason: str, lang: str) -> str:
    if reason.startswith("before-upgrade"):
        return "升级前" if lang == "zh" else "before an upgrade"
    zh, en = REASONS.get(reason, (reason, reason))
    return zh if lang == "zh" else en


class RestoreDialog(QDialog):
    """Lists the backups of `db_path`, newest first; `restored` holds the backup used, if any.

    The caller closes its connections to the database before `exec()` and reopens after.
    """

    def __init__(self, db_path: Path, lang: str = "zh", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db_path, self.lang = db_path, lang
        self.restored: Path | None = None
        self.kept: Path | None = None
        self.task: Task | None = None
        self._restoring: BackupInfo | None = None
        zh = lang == "zh"
        self.setWindowTitle("从备份恢复" if zh else "Restore from backup")
        self.resize(640, 400)
        intro = QLabel(
            (
                f"数据库：{db_path}\n选择一份备份来替换当前文件。当前文件会先另存为备份。"
                if zh
                else f"Database: {db_path}\nChoose a backup to replace the current file. "
                "The current file is kept as a backup first."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.table = QTreeWidget(self)
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels(
            ["时间", "大小", "原因", "文件"] if zh else ["Date", "Size", "Reason", "File"]
        )
        self.backups: list[BackupInfo] = list_backups(db_path)
        for info in self.backups:
            item = QTreeWidgetItem(
                [
                    f"{info.created:%Y-%m-%d %H:%M:%S}",
                    human_size(info.size),
                    reason_label(info.reason, lang),
                    info.path.name,
                ]
            )
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)
            self.table.addTopLevelItem(item)
        for column in range(3):
            self.table.resizeColumnToContents(column)
        if (first := self.table.topLevelItem(0)) is not None:
            self.table.setCurrentItem(first)
        self.empty = QLabel("还没有备份" if zh else "There are no backups yet", self)
        self.empty.setVisible(not self.backups)
        buttons = QDialogButtonBox(self)
        self.restore_button = buttons.addButton(
            "恢复所选备份" if zh else "Restore selected", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setEnabled(bool(self.backups))
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.restore_selected)
        buttons.rejected.connect(self.reject)
        self.table.itemDoubleClicked.connect(lambda *_: self.restore_selected())
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)

    def selected(self) -> BackupInfo | None:
        item = self.table.currentItem()
        if item is None:
            return None
        row = self.table.indexOfTopLevelItem(item)
        return self.backups[row] if 0 <= row < len(self.backups) else None

    def restore_selected(self) -> None:
        """Restore on a worker thread (a big file takes seconds); the dialog waits, modal."""
        info = self.selected()
        if info is None or self.task is not None:
            return
        self.restore_button.setEnabled(False)
        source, target = info.path, self.db_path
        self._restoring = info
        # Not cancellable: a restore swaps the file whole, and a Cancel that hid the bar
        # while the swap went on would say the database was left as it was.
        self.task = run_task(
            self,
            lambda _progress: restore_database(source, target),
            self._restored,
            self._failed,
            label="正在恢复备份…" if self.lang == "zh" else "Restoring the backup…",
            cancellable=False,
        )

    def _restored(self, kept: Path | None) -> None:
        self.task = None
        self.kept = kept
        self.restored = self._restoring.path if self._restoring else None
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self.restore_button.setEnabled(bool(self.backups))
        if not isinstance(exc, YedaError):
            raise exc
        QMessageBox.warning(self, self.windowTitle(), exc.message(self.lang))
