"""Centre files and quarantine: write the centre profile, baselines and receipts off the GUI
thread, and show the packages waiting in quarantine (the CLI's profile/baseline/receipt/
quarantine commands, for an administrator who does not use a terminal)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from yeda_desktop.errors import YedaError
from yeda_desktop.rules.in_force import keep_in_force, profile_in_force
from yeda_desktop.services.teams import current_teams
from yeda_desktop.storage import Database
from yeda_desktop.sync import KeySet
from yeda_desktop.syncflow import enrolment
from yeda_desktop.syncflow.baseline import export_baseline
from yeda_desktop.syncflow.batch_file_name import package_file_name
from yeda_desktop.syncflow.importer import release, waiting
from yeda_desktop.syncflow.installation import load_installation
from yeda_desktop.syncflow.profile import export_profile
from yeda_desktop.syncflow.receipts import write_receipt
from yeda_desktop.ui.fresh_view import FreshView
from yeda_desktop.ui.i18n import current_lang
from yeda_desktop.ui.tasks import Cancelled, TaskProgress, run_task


def device_label(info: dict[str, str]) -> str:
    """"外业笔记本1 · 队员1 · 第1扫楼组（29ca7fe4）": who holds the laptop, then its id's start."""
    words = " · ".join(w for w in (info["name"], info["officer"], info["team"]) if w)
    return f"{words}（{info['id'][:8]}）" if words else info["id"]


class CentreFilesView(FreshView):
    """Signals: `finished_work(object)` with a line of result text, or the exception."""

    finished_work = Signal(object)

    def __init__(self, db: Database, keys: KeySet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.keys = db, keys
        self.profile_button = QPushButton(self.tr("Write centre profile…"), self)
        self.rules_button = QPushButton(self.tr("Gap rule thresholds…"), self)
        self.rules_button.setToolTip(self.tr(
            "The thresholds this centre evaluates with; the laptops take them with the next "
            "centre profile"))
        self.team = QComboBox(self)
        self.devices = QListWidget(self)
        self.baseline_button = QPushButton(self.tr("Write baseline…"), self)
        self.receipt_device = QComboBox(self)
        self.receipt_button = QPushButton(self.tr("Write receipt…"), self)
        self.quarantine = QTableWidget(0, 4, self)
        self.quarantine.setHorizontalHeaderLabels([
            self.tr("Device"), self.tr("Batch"), self.tr("Reason"), self.tr("File"),
        ])
        self.quarantine.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.release_button = QPushButton(self.tr("Import those now approved"), self)
        self._busy = False  # a file is being written or packages imported
        self.status = QLabel(self)
        self.report_view = QPlainTextEdit(self)
        self.report_view.setReadOnly(True)

        files = QGroupBox(self.tr("Files for the laptops"), self)
        form = QFormLayout(files)
        form.addRow(self.rules_button)
        form.addRow(self.profile_button)
        form.addRow(self.tr("Team"), self.team)
        form.addRow(self.tr("Laptops that may read it"), self.devices)
        form.addRow(self.baseline_button)
        form.addRow(self.tr("Receipt for"), self.receipt_device)
        form.addRow(self.receipt_button)
        held = QGroupBox(self.tr("Quarantine (packages from devices not approved)"), self)
        held_box = QVBoxLayout(held)
        held_box.addWidget(self.quarantine, 1)
        held_box.addWidget(self.release_button)
        top = QHBoxLayout()
        top.addWidget(files, 1)
        top.addWidget(held, 2)
        box = QVBoxLayout(self)
        box.addLayout(top, 3)
        box.addWidget(self.status)
        box.addWidget(self.report_view, 1)

        # Offered names say what, for whom and when: several lie on one stick.
        self.profile_button.clicked.connect(lambda: self._choose(
            self.write_profile, package_file_name("中心配置", self._centre_name())))
        self.baseline_button.clicked.connect(lambda: self._choose(
            self.write_baseline, package_file_name("基线", self.team.currentText())))
        self.receipt_button.clicked.connect(lambda: self._choose(
            self.write_receipt, package_file_name(
                "回执", self._device_names.get(str(self.receipt_device.currentData()), ""))))
        self.release_button.clicked.connect(self.release_approved)
        self.rules_button.clicked.connect(self.edit_rules)
        self.team.activated.connect(lambda _index: self.tick_team_laptops())
        self._device_teams: dict[str, str] = {}  # approved laptop id → its team's name
        self._device_names: dict[str, str] = {}
        self.refresh()
        self.tick_team_laptops()  # a baseline is for the chosen team's own laptops first

    # -- lists ------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the lists, keeping the team, the laptops ticked and the receipt's device."""
        zh = current_lang() == "zh"
        team_before, receipt_before = self.team.currentData(), self.receipt_device.currentData()
        ticked = set(self.checked_devices())
        with self.db.reader() as session:
            teams = [(t.name, t.id) for t in current_teams(session)]
            devices = [enrolment.describe(d) for d in enrolment.list_devices(session)]
            held = [(q.device_id or "", q.sequence, q.reason_zh if zh else q.reason_en,
                     q.original_name or "") for q in waiting(session)]
        self.team.clear()
        for name, team_id in teams:
            self.team.addItem(name, team_id)
        self.devices.clear()
        self.receipt_device.clear()
        self._device_teams = {}
        self._device_names = {info["id"]: info["name"] for info in devices}
        labels = {info["id"]: device_label(info) for info in devices}
        for info in devices:
            self.receipt_device.addItem(labels[info["id"]], info["id"])
            self.receipt_device.setItemData(self.receipt_device.count() - 1, info["id"],
                                            Qt.ItemDataRole.ToolTipRole)
            if info["status"] == "approved":
                self._device_teams[info["id"]] = info["team"]
                item = QListWidgetItem(labels[info["id"]], self.devices)
                item.setData(Qt.ItemDataRole.UserRole, info["id"])
                item.setToolTip(info["id"])
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if info["id"] in ticked
                                   else Qt.CheckState.Unchecked)
        for box, before in ((self.team, team_before), (self.receipt_device, receipt_before)):
            if before is not None and (found := box.findData(before)) >= 0:
                box.setCurrentIndex(found)
        self.quarantine.setRowCount(len(held))
        for r, values in enumerate(held):
            for c, value in enumerate(values):
                # A known device by its name, officer and team; an unknown one by its id.
                shown = labels.get(str(value), value) if c == 0 else value
                item = QTableWidgetItem("" if shown is None else str(shown))
                if c == 0:
                    item.setToolTip(str(value))
                self.quarantine.setItem(r, c, item)
        if held:  # empty, the columns keep their room for what may come
            self.quarantine.resizeColumnsToContents()
        self.release_button.setEnabled(bool(held) and not self._busy)

    def tick_team_laptops(self) -> None:
        """Tick the approved laptops enrolled for the chosen team, and only those (the
        administrator may tick others too before writing the baseline)."""
        team = self.team.currentText()
        for i in range(self.devices.count()):
            item = self.devices.item(i)
            mine = bool(team) and self._device_teams.get(
                str(item.data(Qt.ItemDataRole.UserRole))) == team
            item.setCheckState(Qt.CheckState.Checked if mine else Qt.CheckState.Unchecked)

    def _centre_name(self) -> str:
        with self.db.reader() as session:
            inst = load_installation(session)
        return inst.name if inst is not None and inst.name else ""

    def checked_devices(self) -> list[str]:
        return [str(self.devices.item(i).data(Qt.ItemDataRole.UserRole))
                for i in range(self.devices.count())
                if self.devices.item(i).checkState() == Qt.CheckState.Checked]

    # -- writing files (off the GUI thread) -------------------------------------
    def _choose(self, write: Callable[[Path], None], suggested: str) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save package"), suggested,
                                              self.tr("YEDA packages (*.yeda)"))
        if name:
            write(Path(name))

    def edit_rules(self) -> None:
        """规则阈值…: the thresholds in force here, changed at once (one small write); the
        laptops take them with the next centre profile."""
        from yeda_desktop.ui.rules_dialog import RulesDialog

        with self.db.reader() as session:
            current = profile_in_force(session)
        dialog = RulesDialog(current, self)
        if dialog.exec() != RulesDialog.DialogCode.Accepted or dialog.profile is None:
            return
        if dialog.profile == current:
            self.status.setText(self.tr("The thresholds are unchanged."))
            return
        with self.db.session() as session:
            keep_in_force(session, dialog.profile)
        self.status.setText(self.tr(
            "Thresholds saved. Press Re-evaluate on the ledger tab to apply them to the "
            "ledger here, and write the centre profile again for the laptops."))

    def write_profile(self, path: Path) -> None:
        db, keys = self.db, self.keys

        def work(progress: TaskProgress) -> str:
            manifest = export_profile(db, keys, path)
            return self.tr("Centre profile written: %1").replace("%1", str(path)) + (
                f" ({manifest.target_centre_id})")

        self._run(work, self.tr("Writing the centre profile…"))

    def write_baseline(self, path: Path) -> None:
        team, devices = self.team.currentData(), self.checked_devices()
        if team is None or not devices:
            self.status.setText(self.tr("Choose a team and at least one approved laptop."))
            return
        db, keys = self.db, self.keys

        def work(progress: TaskProgress) -> str:
            _manifest, counts = export_baseline(db, keys, path, team=str(team),
                                                device_ids=devices)
            return self.tr("Baseline written: %1 (%2 rows)").replace("%1", str(path)).replace(
                "%2", str(sum(counts.values())))

        self._run(work, self.tr("Writing the baseline…"))

    def write_receipt(self, path: Path) -> None:
        device = self.receipt_device.currentData()
        if device is None:
            self.status.setText(self.tr("Choose the laptop the receipt is for."))
            return
        db, keys = self.db, self.keys

        def work(progress: TaskProgress) -> str:
            _manifest, count = write_receipt(db, keys, path, str(device))
            return self.tr("Receipt written: %1 (%2 batches)").replace("%1", str(path)).replace(
                "%2", str(count))

        self._run(work, self.tr("Writing the receipt…"))

    def release_approved(self) -> None:
        db, keys = self.db, self.keys

        lang = current_lang()

        def work(progress: TaskProgress) -> str:
            return "\n".join(line for report in release(db, keys) for line in report.lines(lang))

        self._run(work, self.tr("Importing the released packages…"))

    def _run(self, work: Callable[[TaskProgress], Any], label: str) -> None:
        self._busy = True
        self._enable(False)
        self.status.setText(label)
        run_task(self, work, self._done, self._failed, label)

    def _enable(self, on: bool) -> None:
        for button in (self.profile_button, self.baseline_button, self.receipt_button,
                       self.release_button):
            button.setEnabled(on)

    def _done(self, result: object) -> None:
        self._busy = False
        self._enable(True)
        self.status.setText(self.tr("Done."))
        if result:
            self.report_view.appendPlainText(str(result))
        self.refresh()
        self.finished_work.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self._enable(True)
        self.release_button.setEnabled(self.quarantine.rowCount() > 0)
        if isinstance(exc, Cancelled):
            self.status.setText(self.tr("Cancelled; nothing was written."))
        elif isinstance(exc, YedaError):
            self.status.setText(self.tr("Refused; nothing was written."))
            self.report_view.appendPlainText(exc.message(current_lang()))
        else:
            self.status.setText(self.tr("Failed."))
            self.report_view.appendPlainText(repr(exc))
        self.finished_work.emit(exc)
