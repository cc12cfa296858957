"""A field laptop asks to be enrolled: the request file for the centre, and the code to read out.

The administrator approves a device only after comparing this code with the one the
request shows at the centre, so the dialog shows it large, grouped for reading aloud.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from yeda_desktop.errors import ValidationError, YedaError
from yeda_desktop.storage import Database
from yeda_desktop.sync import KeySet
from yeda_desktop.syncflow import enrolment
from yeda_desktop.syncflow.batch_file_name import package_file_name
from yeda_desktop.validation.names import normalize_person_name


class EnrolDialog(QDialog):
    """Signals: `written(str)` with the code, once the request file is written."""

    written = Signal(str)

    def __init__(self, db: Database, keys: KeySet, officer: str, lang: str = "zh",
                 parent: QWidget | None = None, *, team: str = "") -> None:
        super().__init__(parent)
        self.db, self.keys, self.lang = db, keys, lang
        self._officer_before, self._team_before = officer, team
        self.setWindowTitle(self.tr("Enrolment request"))
        self.team = QComboBox(self)
        self.officer = QLineEdit(officer, self)
        self.device_name = QLineEdit(self)
        form = QFormLayout()
        form.addRow(self.tr("Sweep team"), self.team)
        form.addRow(self.tr("Officer"), self.officer)
        form.addRow(self.tr("Device name"), self.device_name)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save the request…"), self)
        self.save_button.clicked.connect(self.choose)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code = QLabel(self)
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        big = QFont(self.code.font())
        big.setPointSize(big.pointSize() * 2)
        big.setBold(True)
        self.code.setFont(big)
        self.code.hide()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(self.intro)
        box.addLayout(form)
        box.addWidget(self.save_button)
        box.addWidget(self.message)
        box.addWidget(self.code)
        box.addStretch(1)
        box.addWidget(close)
        self.resize(520, 360)
        self._fill()

    def _fill(self) -> None:
        try:
            form = enrolment.request_form(self.db)
        except YedaError as exc:  # no profile yet: say how to get one, offer nothing to save
            self.intro.setText(exc.message(self.lang))
            for widget in (self.team, self.officer, self.device_name, self.save_button):
                widget.setEnabled(False)
            return
        self.intro.setText(
            self.tr("Ask the centre “%1” to enrol this laptop. Save the request, take the "
                    "file to the administrator, and read out the code shown here.")
            .replace("%1", form.centre_name)
        )
        self.team.addItems(form.teams)
        self.team.setEditable(not form.teams)  # a profile without teams: type it
        if self._team_before in form.teams:  # the laptop's team, if this centre has it
            self.team.setCurrentText(self._team_before)
        self.device_name.setText(form.device_name)

    def choose(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save enrolment request"),
            package_file_name("登记申请", self.device_name.text().strip()),
            self.tr("YEDA packages (*.yeda)"),
        )
        if name:
            self.write_to(Path(name))

    def write_to(self, path: Path) -> bool:
        """Write the request; the code appears, or the refusal says what to change."""
        team = self.team.currentText().strip()
        if not team:
            self._refused(self.tr("Choose the sweep team this laptop works for."))
            return False
        try:
            _manifest, code = enrolment.write_request(
                self.db, self.keys, path, team=team, officer=self.officer.text().strip(),
                name=self.device_name.text().strip() or None,
            )
        except YedaError as exc:
            self._refused(exc.message(self.lang))
            return False
        self.message.setStyleSheet("")
        self.message.setText(
            self.tr("Request written: %1. Give this file to the administrator and read out "
                    "this code; the centre approves the laptop only if the codes match.")
            .replace("%1", str(path))
        )
        self.code.setText(code)
        self.code.show()
        self.written.emit(code)
        return True

    def chosen(self) -> tuple[str, str]:
        """The officer and team the request names: the laptop's own from now on. An
        officer that is not a valid name (the officer dialog checks it) leaves the one
        set before."""
        try:
            officer = normalize_person_name(self.officer.text(), "officer")
        except ValidationError:
            officer = self._officer_before
        return officer, self.team.currentText().strip()

    def _refused(self, text: str) -> None:
        self.code.hide()
        self.message.setStyleSheet("color: #b00020;")
        self.message.setText(text)
