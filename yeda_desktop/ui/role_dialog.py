"""First start: is this installation a field laptop or the centre? (changed only deliberately)

The dialog only gathers the choice; `syncflow.installation.set_role` decides whether
it may be saved (a centre needs its id; a role already set changes only with `force`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from yeda_desktop.errors import YedaError
from yeda_desktop.storage import Database
from yeda_desktop.syncflow.installation import Installation, Role, set_role

DEFAULT_CENTRE_ID = "yeda-centre"


class RoleDialog(QDialog):
    """Choose 外业笔记本 (field laptop) or 中心 (centre), each with what it means.

    With `current` (a role already set) it is the deliberate change of role: the other
    role is preselected and saving passes `force`.
    """

    def __init__(
        self,
        db: Database,
        parent: QWidget | None = None,
        current: Installation | None = None,
        lang: str = "zh",
    ) -> None:
        super().__init__(parent)
        self.db, self.current, self.lang = db, current, lang
        self.installation: Installation | None = None
        self.setWindowTitle(
            self.tr("Change the role of this installation") if current
            else self.tr("Set up this installation")
        )
        intro = QLabel(
            self.tr("Is this computer a field laptop or the centre? The role decides which "
                    "views and package exchanges it has; afterwards it can only be changed "
                    "deliberately, by an administrator."),
            self,
        )
        intro.setWordWrap(True)
        self.laptop = QRadioButton(self.tr("Field laptop (sweep officers)"), self)
        self.centre = QRadioButton(self.tr("Centre (administrator)"), self)
        self.laptop.setObjectName("role-laptop")
        self.centre.setObjectName("role-centre")
        self.choice = QButtonGroup(self)
        self.choice.addButton(self.laptop)
        self.choice.addButton(self.centre)
        laptop_text = self._explain(
            self.tr("For the teams that sweep the buildings: register organizations floor by "
                    "floor and export the day's work as a signed batch for the centre. The "
                    "administration views are hidden, and batches from other devices cannot "
                    "be imported here.")
        )
        centre_text = self._explain(
            self.tr("For the administrator at the zone's centre: approve team devices, issue "
                    "baselines, import and merge the teams' batches, resolve conflicts and "
                    "duplicates, read the audit trail.")
        )
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("e.g. Team 3 laptop, or Zone centre"))
        self.centre_id = QLineEdit(DEFAULT_CENTRE_ID, self)
        self.centre_id_label = QLabel(self.tr("Centre id"), self)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.centre_id_label, self.centre_id)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        later = self.buttons.addButton(
            self.tr("Cancel") if current else self.tr("Decide later"),
            QDialogButtonBox.ButtonRole.RejectRole,
        )
        later.setObjectName("role-later")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(intro)
        for widget in (self.laptop, laptop_text, self.centre, centre_text):
            box.addWidget(widget)
        box.addLayout(form)
        if current is None:
            box.addWidget(self._explain(
                self.tr("Until a role is chosen, organizations can be registered as usual; "
                        "the question comes again at the next start (and is in the Exchange "
                        "menu).")
            ))
        box.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.choice.buttonToggled.connect(self._chosen)
        if current is not None:  # a change: the other role
            (self.laptop if current.is_centre else self.centre).setChecked(True)
            self.name.setText(current.name)
            if current.centre_id:
                self.centre_id.setText(current.centre_id)
        self._chosen()

    def _explain(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setWordWrap(True)
        label.setIndent(24)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        return label

    def role(self) -> Role | None:
        if self.centre.isChecked():
            return Role.CENTRE
        return Role.LAPTOP if self.laptop.isChecked() else None

    def _chosen(self, *_args: object) -> None:
        role = self.role()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(role is not None)
        self.centre_id.setEnabled(role is Role.CENTRE)  # a laptop's comes from its centre
        self.centre_id_label.setEnabled(role is Role.CENTRE)

    def save(self) -> None:
        role = self.role()
        if role is None:
            return
        centre_id = self.centre_id.text().strip() if role is Role.CENTRE else None
        try:
            with self.db.session() as session:
                self.installation = set_role(
                    session, role, self.name.text().strip(), centre_id or None,
                    force=self.current is not None,
                )
        except YedaError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), exc.message(self.lang))
            return
        self.accept()
