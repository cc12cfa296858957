"""The organization's party organizations and instructors, where the officer records what
closes a coverage gap: it joins a (joint) party organization or forms one, an instructor
is sent; each step an undoable edit, after which the gap flags are evaluated again."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QWidget,
)

from yeda_desktop.errors import YedaError
from yeda_desktop.models.enums import PartyOrgType
from yeda_desktop.services import party_work
from yeda_desktop.ui import party_dialogs
from yeda_desktop.ui.dialogs import FormDialog
from yeda_desktop.ui.labels import assignment_words, party_org_words
from yeda_desktop.ui.workspace import Workspace


class PartyPanel(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Party organization and instructor"), parent)
        self.workspace: Workspace | None = None
        self.org_id: str | None = None
        self.coverings: list[party_work.Covering] = []
        self.assignments: list[party_work.Assignment] = []
        self.full_members = 0
        self.party_orgs = self._summary()
        self.instructors = self._summary()
        self.join_button = self._button("join", self.tr("Join…"), self.join)
        self.form_button = self._button("form", self.tr("Form…"), self.form_new)
        self.leave_button = self._button("leave", self.tr("Leave…"), self.leave)
        self.change_button = self._button("change", self.tr("Change…"), self.change)
        self.change_button.setToolTip(self.tr(
            "Correct its name, type, secretary or date (a branch grown into a general branch)"))
        self.send_button = self._button("send", self.tr("Send…"), self.send)
        self.end_button = self._button("end", self.tr("End…"), self.end)
        self.join_button.setToolTip(self.tr(
            "Join a party organization, such as the building's joint branch"))
        self.form_button.setToolTip(self.tr("Record a party organization formed for it"))
        self.send_button.setToolTip(self.tr("Record a party-building instructor sent to it"))
        # Each line: what covers it now (the whole width: names are long), its steps below.
        grid = QGridLayout(self)
        for n, (label, summary, buttons) in enumerate((
            (self.tr("Party organization:"), self.party_orgs,
             (self.join_button, self.form_button, self.leave_button, self.change_button)),
            (self.tr("Instructor:"), self.instructors, (self.send_button, self.end_button)),
        )):
            grid.addWidget(QLabel(label, self), 2 * n, 0)
            grid.addWidget(summary, 2 * n, 1)
            box = QHBoxLayout()
            for button in buttons:
                box.addWidget(button)
            box.addStretch(1)
            grid.addLayout(box, 2 * n + 1, 1)
        grid.setColumnStretch(1, 1)

    def _summary(self) -> QLabel:
        label = QLabel(self)
        label.setWordWrap(True)
        return label

    def _button(self, name: str, text: str, slot: object) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(f"party-{name}")
        button.clicked.connect(slot)
        return button

    def load(self, workspace: Workspace, org_id: str) -> None:
        self.workspace, self.org_id = workspace, org_id
        with workspace.read() as session:
            self.coverings = party_work.coverage_of(session, org_id)
            self.assignments = party_work.assignments_of(session, org_id)
            self.full_members = party_work.full_members(session, org_id)
        none = self.tr("None")
        self.party_orgs.setText(self.tr("; ").join(
            self._covering(c) for c in self.coverings) or none)
        active = self._active()
        self.instructors.setText(self.tr("; ").join(self._assignment(a) for a in active) or none)
        self.leave_button.setEnabled(bool(self.coverings))
        self.change_button.setEnabled(bool(self.coverings))
        self.end_button.setEnabled(any(a.ends_on is None for a in active))

    def _covering(self, c: party_work.Covering) -> str:
        return party_org_words(c.name, c.type)

    def _assignment(self, a: party_work.Assignment) -> str:
        return assignment_words(a.name, a.phone, a.starts_on)

    def _active(self) -> list[party_work.Assignment]:
        today = date.today()
        return [a for a in self.assignments if a.ends_on is None or a.ends_on >= today]

    # --- the steps -------------------------------------------------------------------------

    def _run(self, dialog: FormDialog) -> None:
        if dialog.exec() and dialog.edit is not None and self.workspace is not None:
            self.workspace.do(dialog.edit)
        dialog.deleteLater()

    def join(self) -> None:
        ws, org_id = self.workspace, self.org_id
        if ws is None or org_id is None:
            return
        with ws.read() as session:
            choices = party_work.party_org_choices(session, org_id)
        if not choices:
            QMessageBox.information(self, self.title(), self.tr(
                "There is no party organization to join yet: form one."))
            return
        self._run(party_dialogs.JoinPartyOrgDialog(ws, org_id, choices, self))

    def form_new(self) -> None:
        if self.workspace is None or self.org_id is None:
            return
        # Three full members or more form their own branch; fewer join with neighbours.
        suggested = PartyOrgType.BRANCH if self.full_members >= 3 else PartyOrgType.JOINT_BRANCH
        self._run(party_dialogs.FormPartyOrgDialog(self.workspace, self.org_id, suggested, self))

    def _which(self, question: str) -> party_work.Covering | None:
        """The one party organization covering it, or the one the officer picks."""
        if len(self.coverings) == 1:
            return self.coverings[0]
        names = [self._covering(c) for c in self.coverings]
        name, ok = QInputDialog.getItem(self, self.title(), question, names, 0, False)
        return self.coverings[names.index(name)] if ok else None

    def change(self) -> None:
        ws = self.workspace
        chosen = self._which(self.tr("Change which party organization?"))
        if chosen is None or ws is None:
            return
        try:
            dialog = party_dialogs.ChangePartyOrgDialog(ws, chosen.party_org_id, self)
        except YedaError as exc:  # removed meanwhile (an import at the centre)
            ws.failed.emit(ws.error_text(exc))
            return
        self._run(dialog)

    def leave(self) -> None:
        ws = self.workspace
        if ws is None or not self.coverings:
            return
        chosen = self._which(self.tr("Leave which party organization?"))
        if chosen is None:
            return
        if len(self.coverings) == 1:
            asked = QMessageBox.question(
                self, self.title(), self.tr("Take the organization out of %1?")
                .replace("%1", self._covering(chosen)))
            if asked != QMessageBox.StandardButton.Yes:
                return
        try:
            with ws.read() as session:
                edit = party_work.leave_party_org(session, chosen.coverage_id)
        except YedaError as exc:
            ws.failed.emit(ws.error_text(exc))
            return
        ws.do(edit)

    def send(self) -> None:
        if self.workspace is not None and self.org_id is not None:
            self._run(party_dialogs.SendInstructorDialog(self.workspace, self.org_id, self))

    def end(self) -> None:
        open_ended = [a for a in self._active() if a.ends_on is None]  # the others have one
        if self.workspace is not None and open_ended:
            self._run(party_dialogs.EndAssignmentDialog(self.workspace, open_ended, self))
