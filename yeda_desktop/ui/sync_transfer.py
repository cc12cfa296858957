"""Import and export dialogs: the work runs off the GUI thread with progress, cancel and report."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from yeda_desktop.errors import YedaError
from yeda_desktop.models.labels import table_label
from yeda_desktop.storage import Database
from yeda_desktop.sync import KeySet
from yeda_desktop.syncflow.batch_export import export_batch
from yeda_desktop.syncflow.batch_file_name import next_batch_file_name
from yeda_desktop.syncflow.folder_import import import_folder
from yeda_desktop.syncflow.importer import get_ready, import_file
from yeda_desktop.syncflow.installation import load_installation
from yeda_desktop.syncflow.profile import OtherCentre
from yeda_desktop.syncflow.report import ImportReport
from yeda_desktop.ui.i18n import current_lang
from yeda_desktop.ui.tasks import Cancelled, TaskProgress, run_task


class _TransferDialog(QDialog):
    """Signals: `finished_work(object)` with the report or export result."""

    finished_work = Signal(object)

    def __init__(self, db: Database, keys: KeySet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.keys = db, keys
        self.report_view = QPlainTextEdit(self)
        self.report_view.setReadOnly(True)
        self.start_button = QPushButton(self)
        self.status = QLabel(self)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        self.box = QVBoxLayout(self)
        self.box.addWidget(self.start_button)
        self.box.addWidget(self.status)
        self.box.addWidget(self.report_view, 1)
        self.box.addWidget(close)
        self.resize(640, 420)

    def run(self, work: Callable[[TaskProgress], Any], label: str) -> None:
        self.start_button.setEnabled(False)
        self.status.setText(label)
        run_task(self, work, self._done, self._failed, label)

    def _done(self, result: object) -> None:
        self.start_button.setEnabled(True)
        self.status.setText(self.tr("Done."))
        self.finished_work.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.start_button.setEnabled(True)
        if isinstance(exc, Cancelled):
            self.status.setText(self.tr("Cancelled; nothing was written."))
        elif isinstance(exc, YedaError):
            self.status.setText(self.tr("Refused; nothing was written."))
            self.report_view.appendPlainText(exc.message(current_lang()))
        else:
            self.status.setText(self.tr("Failed."))
            self.report_view.appendPlainText(repr(exc))
        self.finished_work.emit(exc)


@dataclass(frozen=True)
class _Skipped:
    """The files of a folder that are not batches (baselines, receipts …), by name."""

    names: list[str]


@dataclass(frozen=True)
class _Stopped:
    """Cancelled while this file was imported: it was not, the files before it were."""

    name: str


def _stopped(results: list[Any], path: Path) -> _Stopped:
    """Cancel in the middle of several files: what was done stays, and is said."""
    if not results:
        raise Cancelled  # nothing was written: the dialog says so
    return _Stopped(path.name)


class ImportDialog(_TransferDialog):
    """Import packages one by one; each report is appended as it finishes."""

    def __init__(self, db: Database, keys: KeySet, parent: QWidget | None = None) -> None:
        super().__init__(db, keys, parent)
        self.setWindowTitle(self.tr("Import packages"))
        self.start_button.setText(self.tr("Choose packages to import…"))
        self.start_button.clicked.connect(self.choose)
        # The centre: a team's whole stick at once (every batch, each laptop's in order).
        self.folder_button = QPushButton(self.tr("Import every batch in a folder (USB stick)…"),
                                         self)
        self.box.insertWidget(1, self.folder_button)
        self.folder_button.clicked.connect(self.choose_folder)
        with db.reader() as session:
            inst = load_installation(session)
        self.folder_button.setVisible(inst is not None and inst.is_centre)
        self.finished_work.connect(self._show)
        get_ready(db)  # at the centre: the search worker loads while files are chosen

    def choose(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Packages"), "", self.tr("YEDA packages (*.yeda)")
        )
        if names:
            self.import_paths([Path(n) for n in names])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder of batches"))
        if folder:
            self.import_folder(Path(folder))

    def import_folder(self, folder: Path) -> None:
        """Every batch in the folder; the files that are not batches, named in one line."""
        db, keys = self.db, self.keys

        def work(progress: TaskProgress) -> list[Any]:
            results: list[Any] = []
            skipped: list[str] = []
            now: list[Path] = []  # the file being imported

            def starting(path: Path) -> None:
                now[:] = [path]
                progress.stage(path.name)

            stopped: list[Any] = []
            try:
                for path, outcome in import_folder(db, keys, folder, progress=progress,
                                                   starting=starting):
                    if outcome is None:
                        skipped.append(path.name)
                    else:
                        results.append(outcome if isinstance(outcome, ImportReport)
                                       else (path, outcome))
            except Cancelled:
                if not now:
                    raise
                stopped = [_stopped(results, now[0])]
            return [*results, *([_Skipped(skipped)] if skipped else []), *stopped]

        self.run(work, self.tr("Importing…"))

    def import_paths(self, paths: list[Path], *, replace_centre: bool = False) -> None:
        """`replace_centre` only after the officer confirmed it (`confirm_centre`)."""
        db, keys = self.db, self.keys

        def work(progress: TaskProgress) -> list[Any]:
            results: list[Any] = []
            for path in paths:
                progress.stage(path.name)
                try:
                    results.append(import_file(db, keys, path, progress=progress,
                                               replace_centre=replace_centre))
                except YedaError as exc:
                    results.append((path, exc))
                except Cancelled:
                    return [*results, _stopped(results, path)]
            return results

        self.run(work, self.tr("Importing…"))

    def _show(self, result: object) -> None:
        if not isinstance(result, list):
            return
        moves: list[tuple[Path, OtherCentre]] = []
        for item in result:
            if isinstance(item, _Stopped):
                self.status.setText(self.tr("Cancelled."))
                self.report_view.appendPlainText(
                    self.tr("Cancelled at %1: it and the files after it were not imported; "
                            "those above are as listed.")
                    .replace("%1", item.name))
            elif isinstance(item, _Skipped):
                self.report_view.appendPlainText(
                    self.tr("Skipped %n file(s) that are not batches: ", "", len(item.names))
                    + "、".join(item.names))
            elif isinstance(item, tuple) and isinstance(item[1], OtherCentre):
                moves.append(item)
            elif isinstance(item, tuple):
                path, exc = item
                self.report_view.appendPlainText(f"{path.name}: {exc.message(current_lang())}")
            else:
                self.report_view.appendPlainText("\n".join(item.lines(current_lang())))
        for path, _moved in moves[1:]:  # one change of centre at a time
            self.report_view.appendPlainText(
                f"{path.name}: " + self.tr("Not taken: import one centre's profile at a time."))
        for path, moved in moves[:1]:
            if self.confirm_centre(moved):
                self.import_paths([path], replace_centre=True)
            else:
                self.report_view.appendPlainText(
                    f"{path.name}: " + self.tr("The centre was not changed; nothing was written."))

    def confirm_centre(self, moved: OtherCentre) -> bool:
        """Ask before this laptop trusts another centre key; No is the default."""
        old, new = moved.old, moved.new
        if moved.same_centre:
            title = self.tr("Use the centre's new keys?")
            text = (self.tr(
                "This file carries new keys of centre %1: its code is now %2 (this laptop "
                "trusts %3). A centre's keys change only when it was set up again.\n\n"
                "Compare the new code with the administrator's before you go on.\n\n"
                "Use the new keys?")
                .replace("%1", str(new.get("centre_name")))
                .replace("%2", str(new.get("fingerprint")))
                .replace("%3", str(old.get("fingerprint"))))
        else:
            title = self.tr("Change centre?")
            text = (self.tr(
                "This laptop works for centre %1 (code %2). This file comes from another "
                "centre, %3 (code %4).\n\n"
                "After the change this laptop takes baselines only from %3, must be enrolled "
                "there (Exchange → Write enrolment request), and numbers its batches from 1 "
                "again. The buildings, organizations and people of %1's zone are taken "
                "off this laptop (a backup is kept beside its database); %3's baseline "
                "brings its own. Compare the code %4 with the new centre's administrator "
                "first.\n\n"
                "Change to centre %3?")
                .replace("%1", str(old.get("centre_name")))
                .replace("%2", str(old.get("fingerprint")))
                .replace("%3", str(new.get("centre_name")))
                .replace("%4", str(new.get("fingerprint"))))
        answer = QMessageBox.question(
            self, title, text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes


class ExportDialog(_TransferDialog):
    """Export today's work (or everything again) from a field laptop."""

    def __init__(self, db: Database, keys: KeySet, officer: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(db, keys, parent)
        self.officer = officer
        self.setWindowTitle(self.tr("Export today's work"))
        self.full = QCheckBox(self.tr("Export everything again (full re-export)"), self)
        self.box.insertWidget(0, self.full)
        self.start_button.setText(self.tr("Choose where to save…"))
        self.start_button.clicked.connect(self.choose)
        self.finished_work.connect(self._show)

    def choose(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save batch"), next_batch_file_name(self.db),
            self.tr("YEDA packages (*.yeda)")
        )
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> None:
        db, keys, officer, full = self.db, self.keys, self.officer, self.full.isChecked()
        self.run(lambda progress: export_batch(db, keys, path, officer=officer, full=full,
                                               progress=progress), self.tr("Exporting…"))

    def _show(self, result: object) -> None:
        manifest = getattr(result, "manifest", None)
        if manifest is None:
            return
        if getattr(result, "resumed", False):
            text = self.tr("Batch %1, left by an interrupted export, is finished: %2. "
                           "Export again for the changes made since.")
        else:
            text = self.tr("Batch %1 written: %2")
        self.report_view.appendPlainText(
            text.replace("%1", str(manifest.sequence))
            .replace("%2", str(getattr(result, "path", "")))
        )
        records: dict[str, int] = getattr(result, "records", {}) or {}
        for table, count in records.items():  # in the batch's order: places before people
            self.report_view.appendPlainText(f"  {table_label(table)}：{count:,}")
