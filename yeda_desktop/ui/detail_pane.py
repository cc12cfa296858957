"""The selected unit: its visit outcome, its organization with live gap flags, its members."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from yeda_desktop.errors import ValidationError
from yeda_desktop.models import Organization
from yeda_desktop.models.enums import VisitOutcome
from yeda_desktop.rules import Finding, evaluate, facts_for, profile_in_force
from yeda_desktop.services import edits, namesakes, progress, sweep
from yeda_desktop.services.search import unit_places
from yeda_desktop.ui import namesake_question
from yeda_desktop.ui.labels import outcome_label
from yeda_desktop.ui.member_table import ERROR_STYLE, MemberPanel
from yeda_desktop.ui.org_class_fields import OrgClassFields
from yeda_desktop.ui.party_panel import PartyPanel
from yeda_desktop.ui.scrolling import scrolling
from yeda_desktop.ui.workspace import Workspace

COUNT_FIELDS = {"staff_count": "职工人数", "reported_member_count": "党员人数（自报）"}
FLAG_COLOURS = {"high": "#c62828", "medium": "#ef6c00"}


class FieldEdit(QWidget):
    """A line edit with its validation message right under it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        self.edit = QLineEdit(self)
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.edit)
        layout.addWidget(self.error)
        self.setFocusProxy(self.edit)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.edit.setStyleSheet("border: 2px solid #c62828;")

    def clear_error(self) -> None:
        self.error.clear()
        self.error.hide()
        self.edit.setStyleSheet("")

    def set_value(self, text: str) -> None:
        """Show the stored value, unless the officer is in the middle of typing here."""
        if self.edit.hasFocus() and self.edit.isModified():
            return
        self.edit.setText(text)
        self.edit.setModified(False)


class DetailPane(QWidget):
    """Signals: `attach_requested()` when the officer wants to attach an existing organization."""

    attach_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace: Workspace | None = None
        self.unit_id: str | None = None
        self.org_id: str | None = None
        self.findings: list[Finding] = []
        layout = QVBoxLayout(self)
        self.heading = QLabel(self.tr("No unit selected"))
        self.heading.setStyleSheet("font-size: 15pt; font-weight: bold;")
        layout.addWidget(self.heading)
        layout.addWidget(self._outcome_row())
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._register_page())
        self.pages.addWidget(scrolling(self._org_page()))
        layout.addWidget(self.pages, 1)
        self.setEnabled(False)

    # --- building the pane -------------------------------------------------------------

    def _outcome_row(self) -> QWidget:
        row = QWidget(self)
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(QLabel(self.tr("Visit:")))
        self.status = QLabel()
        box.addWidget(self.status)
        self.outcome_buttons: dict[VisitOutcome, QPushButton] = {}
        for n, outcome in enumerate(VisitOutcome, start=1):
            button = QPushButton(f"{outcome_label(outcome)} (Ctrl+{n})")
            button.clicked.connect(lambda _=False, o=outcome: self.record_outcome(o))
            self.outcome_buttons[outcome] = button
            box.addWidget(button)
        box.addStretch(1)
        return row

    def _register_page(self) -> QWidget:
        page = QGroupBox(self.tr("No organization registered in this unit"))
        form = QFormLayout(page)
        self.new_name = FieldEdit(page)
        self.new_name.edit.setPlaceholderText(self.tr("Full name of the organization"))
        self.new_name.edit.returnPressed.connect(self.register_new)
        form.addRow(self.tr("Organization name"), self.new_name)
        buttons = QHBoxLayout()
        self.register_button = QPushButton(self.tr("Register new organization"))
        self.register_button.clicked.connect(self.register_new)
        self.attach_button = QPushButton(self.tr("Attach existing organization…"))
        self.attach_button.clicked.connect(self.attach_requested)
        buttons.addWidget(self.register_button)
        buttons.addWidget(self.attach_button)
        buttons.addStretch(1)
        form.addRow(buttons)
        return page

    def _org_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        record = QGroupBox(self.tr("Organization"))
        form = QFormLayout(record)
        self.fields: dict[str, FieldEdit] = {}
        for key, label in (
            ("name", self.tr("Organization name")),
            ("uscc", self.tr("Unified social credit code")),
            ("staff_count", self.tr("Staff")),
            ("reported_member_count", self.tr("Party members (reported)")),
            ("contact_name", self.tr("Contact person")),
            ("contact_phone", self.tr("Contact phone")),
            ("legal_rep", self.tr("Legal representative")),
            ("address", self.tr("Address")),
            ("note", self.tr("Note")),
        ):
            field = FieldEdit(record)
            field.edit.setObjectName(key)
            field.edit.editingFinished.connect(lambda k=key: self.commit_field(k))
            if key in COUNT_FIELDS:
                field.edit.textEdited.connect(lambda _t, k=key: self.show_draft_flags())
            self.fields[key] = field
            form.addRow(label, field)
        self.class_fields = OrgClassFields(record)
        form.addRow(self.tr("Kind"), self.class_fields.choices)
        form.addRow(self.tr("Marks"), self.class_fields.marks)
        form.addRow(self.tr("Key industry"), self.class_fields.key_industry)
        form.addRow(self.tr("Four haves"), self.class_fields.haves)
        self.org_form = form
        confirm_row = QHBoxLayout()
        self.verified = QLabel()
        self.confirm_button = QPushButton(self.tr("Confirm record for this campaign"))
        self.confirm_button.clicked.connect(self.confirm)
        confirm_row.addWidget(self.verified)
        confirm_row.addStretch(1)
        confirm_row.addWidget(self.confirm_button)
        form.addRow(confirm_row)
        layout.addWidget(record)
        flags = QGroupBox(self.tr("Gaps"))
        flag_box = QVBoxLayout(flags)
        self.flags = QLabel()
        self.flags.setWordWrap(True)
        self.flags.setTextFormat(Qt.TextFormat.RichText)
        flag_box.addWidget(self.flags)
        layout.addWidget(flags)
        self.party = PartyPanel(page)
        layout.addWidget(self.party)
        members = QGroupBox(self.tr("Members"))
        member_box = QVBoxLayout(members)
        self.members = MemberPanel(members)
        member_box.addWidget(self.members)
        layout.addWidget(members, 1)
        return page

    # --- showing a unit ----------------------------------------------------------------

    def show_unit(self, workspace: Workspace, unit_id: str | None) -> None:
        self.workspace, self.unit_id = workspace, unit_id or None
        self.setEnabled(self.unit_id is not None)
        if self.unit_id is None:
            self.heading.setText(self.tr("No unit selected"))
            self.org_id = None
            return
        with workspace.read() as session:
            place = unit_places(session, {self.unit_id}).get(self.unit_id)
            outcome = progress.latest_outcomes(session, [self.unit_id], workspace.campaign_id)
            orgs = sweep.organizations_in_unit(session, self.unit_id)
            org = orgs[0] if orgs else None
        if place is not None:
            self.heading.setText(
                self.tr("%1, floor %2, unit %3")
                .replace("%1", place.building_name)
                .replace("%2", place.floor_label)
                .replace("%3", place.unit_label)
            )
        self.status.setText(f"<b>{outcome_label(outcome.get(self.unit_id))}</b>")
        if org is None:
            if self.org_id is not None:
                self.new_name.edit.clear()
            self.org_id = None
            self.pages.setCurrentIndex(0)
            self.new_name.clear_error()
            return
        self.org_id = org.id
        self.pages.setCurrentIndex(1)
        values: dict[str, Any] = {k: getattr(org, k) for k in self.fields}
        for key, field in self.fields.items():
            field.set_value("" if values[key] is None else str(values[key]))
            field.clear_error()
        confirmed = org.verified_campaign_id == workspace.campaign_id
        self.verified.setText(
            self.tr("Confirmed this campaign")
            if confirmed
            else self.tr("Not yet confirmed this campaign")
        )
        self.confirm_button.setEnabled(not confirmed)
        self.class_fields.load(workspace, org)
        # The officer records two of the "four haves" of a foreign-invested one only.
        self.org_form.setRowVisible(self.class_fields.haves, self.class_fields.foreign())
        self.party.load(workspace, org.id)
        self.members.load(workspace, org.id)
        self.show_draft_flags()

    # --- actions -----------------------------------------------------------------------

    def record_outcome(self, outcome: VisitOutcome) -> None:
        if self.workspace is None or self.unit_id is None:
            return
        with self.workspace.read() as session:
            edit = sweep.record_visit(
                session,
                self.unit_id,
                self.workspace.campaign_id,
                outcome,
                self.workspace.officer,
                team_id=self.workspace.team_id,
            )
        self.workspace.do(edit)

    def register_new(self) -> None:
        if self.workspace is None or self.unit_id is None:
            return
        ws, unit_id, name = self.workspace, self.unit_id, self.new_name.edit.text()
        try:
            with ws.read() as session:
                twins = namesakes.namesakes(session, name)
            choice = namesake_question.ask(self, ws, twins) if twins else namesake_question.NEW
            if choice is None:
                return
            with ws.read() as session:
                if isinstance(choice, namesakes.Namesake):
                    edit = sweep.attach_organization(session, unit_id, choice.organization_id,
                                                     ws.campaign_id, ws.officer,
                                                     team_id=ws.team_id)
                else:
                    edit = sweep.register_organization(session, unit_id, name, ws.campaign_id,
                                                       ws.officer, team_id=ws.team_id)
        except ValidationError as exc:
            self.new_name.show_error(ws.error_text(exc))
            return
        self.new_name.clear_error()
        self.new_name.edit.clear()
        ws.do(edit)
        self.fields["uscc"].setFocus()

    def confirm(self) -> None:
        if self.workspace is None or self.org_id is None:
            return
        with self.workspace.read() as session:
            edit = sweep.confirm_organization(session, self.org_id, self.workspace.campaign_id)
        self.workspace.do(edit)

    def _typed(self, key: str) -> Any:
        text = self.fields[key].edit.text()
        if key in COUNT_FIELDS:
            return edits.parse_count(text, key, COUNT_FIELDS[key])
        if key != "name" and not text.strip():
            return None  # cleared: not known (an empty note is no note)
        return text

    def commit_field(self, key: str) -> None:
        """Validate the field and, if accepted and changed, save it at once (undoable)."""
        ws, field = self.workspace, self.fields[key]
        if ws is None or self.org_id is None or not field.edit.isModified():
            return
        try:
            value = self._typed(key)
            with ws.read() as session:
                edit = edits.set_field(session, Organization, self.org_id, key, value)
        except ValidationError as exc:
            field.show_error(ws.error_text(exc))
            return
        field.clear_error()
        field.edit.setModified(False)
        if edit is not None:
            label = self.tr("Edit %1").replace("%1", key)
            ws.do(dataclasses.replace(edit, zh=f"修改{self._field_zh(key)}", en=label))

    def _field_zh(self, key: str) -> str:
        return {
            "name": "单位名称",
            "uscc": "信用代码",
            "contact_name": "联系人",
            "contact_phone": "联系电话",
            "legal_rep": "法定代表人",
            "address": "单位地址",
            "note": "备注",
            **COUNT_FIELDS,
        }[key]

    def show_draft_flags(self) -> None:
        """Evaluate the gap rules on what is typed now, without saving anything."""
        if self.workspace is None or self.org_id is None:
            return
        draft: dict[str, Any] = {}
        for key in COUNT_FIELDS:
            try:
                draft[key] = self._typed(key)
            except ValidationError:
                continue
        with self.workspace.read() as session:
            facts = dataclasses.replace(facts_for(session, self.org_id), **draft)
            profile = profile_in_force(session)
        self.findings = evaluate(facts, profile)
        self.flags.setText(self._flags_html())

    def _flags_html(self) -> str:
        if not self.findings:
            return f"<span style='color:#2e7d32'>{self.tr('No gaps found')}</span>"
        assert self.workspace is not None
        lines = []
        for finding in self.findings:
            colour = FLAG_COLOURS.get(finding.severity, "#455a64")
            what = self.workspace.text(finding.zh, finding.en)
            action = self.workspace.text(finding.action_zh, finding.action_en)
            lines.append(
                f"<p style='margin:2px'><b style='color:{colour}'>● {what}</b>"
                f"<br/><span style='color:#546e7a'>{action}</span></p>"
            )
        return "".join(lines)

    def flag_texts(self) -> list[str]:
        """The flags as shown (plain text), for tests and accessibility."""
        assert self.workspace is not None
        return [self.workspace.text(f.zh, f.en) for f in self.findings]
