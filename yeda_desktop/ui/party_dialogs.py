"""The forms behind the party organization and instructor buttons: each OK builds the edit
(services.party_work), a refused value is said under the form and nothing is saved."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QDateEdit, QLineEdit, QWidget
from sqlalchemy.orm import Session

from yeda_desktop.errors import YedaError
from yeda_desktop.models import PartyOrg
from yeda_desktop.models.enums import PartyOrgType
from yeda_desktop.services import party_work
from yeda_desktop.services.edits import Edit
from yeda_desktop.ui.dialogs import FormDialog
from yeda_desktop.ui.labels import assignment_words, party_org_type_label, party_org_words
from yeda_desktop.ui.workspace import Workspace

_UNKNOWN_DAY = date(1900, 1, 1)


def _date_edit(parent: QWidget, *, latest: date | None = None,
               earliest: date | None = None) -> QDateEdit:
    edit = QDateEdit(QDate(date.today()), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    if latest is not None:
        edit.setMaximumDate(QDate(latest))
    if earliest is not None:
        edit.setMinimumDate(QDate(earliest))
    return edit


def _day(edit: QDateEdit) -> date:
    return edit.date().toPython()  # type: ignore[no-any-return]


class _EditForm(FormDialog):
    """A form of the party group: OK builds the edit of `build` (FormDialog.accept_built)."""

    build: Callable[[Session], Edit | None]

    def __init__(self, title: str, workspace: Workspace, parent: QWidget | None) -> None:
        super().__init__(title, parent)
        self.workspace = workspace

    def accept(self) -> None:
        self.accept_built(self.workspace, self.build)


class _PartyFields:
    """Name, type, secretary and date of a party organization, as rows of a form."""

    def __init__(self, form: FormDialog, kind: PartyOrgType, *, name: str = "",
                 secretary: str = "", established: date | None = None,
                 unknown_day: bool = False) -> None:
        self.name = QLineEdit(name, form)
        self.type = QComboBox(form)
        for each in PartyOrgType:
            self.type.addItem(party_org_type_label(each), each)
        self.type.setCurrentIndex(self.type.findData(kind))
        self.secretary = QLineEdit(secretary, form)
        # A date not given shows as such (the earliest day) and stays unknown.
        self.established = _date_edit(form, latest=date.today(),
                                      earliest=_UNKNOWN_DAY if unknown_day else None)
        if unknown_day:
            self.established.setSpecialValueText(
                QCoreApplication.translate("PartyFields", "Not given"))
            self.established.setDate(QDate(established or _UNKNOWN_DAY))
        for label, field in (
            (QCoreApplication.translate("PartyFields", "Name"), self.name),
            (QCoreApplication.translate("PartyFields", "Type"), self.type),
            (QCoreApplication.translate("PartyFields", "Secretary"), self.secretary),
            (QCoreApplication.translate("PartyFields", "Established on"), self.established),
        ):
            form.form.addRow(label, field)
        form.setMinimumWidth(420)

    def kind(self) -> PartyOrgType:
        return PartyOrgType(self.type.currentData())  # the drop-down gives back the code

    def day(self) -> date | None:
        day = _day(self.established)
        return None if day == _UNKNOWN_DAY else day


class JoinPartyOrgDialog(_EditForm):
    """One of the party organizations the organization is not in: the building's first
    (a joint branch its neighbours are in), any by typing part of its name."""

    def __init__(self, workspace: Workspace, org_id: str,
                 choices: list[party_work.PartyOrgChoice], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Join a party organization"), workspace, parent)
        self.org_id = org_id
        self.choice = QComboBox(self)
        self.choice.setEditable(True)
        self.choice.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for c in choices:
            near = self.tr(" (in this building)") if c.nearby else ""
            self.choice.addItem(f"{party_org_words(c.name, c.type, c.covers)}{near}",
                                c.party_org_id)
        completer = self.choice.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.choice.setMinimumContentsLength(30)
        self.choice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        line = self.choice.lineEdit()
        if line is not None:
            line.setCursorPosition(0)  # a long name is read from its start
        self.form.addRow(self.tr("Party organization"), self.choice)
        self.setMinimumWidth(560)

    def build(self, session: Session) -> Edit | None:
        found = self.choice.findText(self.choice.currentText())
        if found < 0:
            raise YedaError("请从列表中选择一个党组织", "choose a party organization from the list")
        return party_work.join_party_org(session, self.org_id, self.choice.itemData(found))


class FormPartyOrgDialog(_EditForm):
    """A party organization formed for (and covering) the organization."""

    def __init__(self, workspace: Workspace, org_id: str, suggested: PartyOrgType,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Form a party organization"), workspace, parent)
        self.org_id = org_id
        self.party = _PartyFields(self, suggested)
        self.party.name.setPlaceholderText(self.tr("e.g. 烟台华盛科技有限公司党支部"))
        self.name, self.type, self.secretary = (
            self.party.name, self.party.type, self.party.secretary)

    def build(self, session: Session) -> Edit | None:
        return party_work.form_party_org(
            session, self.org_id, self.name.text(), self.party.kind(),
            secretary_name=self.secretary.text(), established_on=self.party.day())


class ChangePartyOrgDialog(_EditForm):
    """A party organization's name, type, secretary and date, as they stand, to correct or
    to follow its growth (a branch past fifty members becomes a general branch)."""

    def __init__(self, workspace: Workspace, party_org_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Change the party organization"), workspace, parent)
        self.party_org_id = party_org_id
        with workspace.read() as session:
            party = session.get(PartyOrg, party_org_id)
            if party is None:
                raise YedaError("该党组织已不存在", "the party organization no longer exists")
            self.party = _PartyFields(self, party.type, name=party.name,
                                      secretary=party.secretary_name or "",
                                      established=party.established_on, unknown_day=True)
        self.name, self.type, self.secretary, self.established = (
            self.party.name, self.party.type, self.party.secretary, self.party.established)

    def build(self, session: Session) -> Edit | None:
        return party_work.change_party_org(
            session, self.party_org_id, name=self.name.text(), type_=self.party.kind(),
            secretary_name=self.secretary.text(), established_on=self.party.day())


class SendInstructorDialog(_EditForm):
    def __init__(self, workspace: Workspace, org_id: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Send an instructor"), workspace, parent)
        self.org_id = org_id
        self.name = QLineEdit(self)
        self.phone = QLineEdit(self)
        self.employer = QLineEdit(self)
        self.employer.setPlaceholderText(self.tr("e.g. 开发区党工委"))
        self.starts = _date_edit(self)
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("Phone"), self.phone)
        self.form.addRow(self.tr("Employer"), self.employer)
        self.form.addRow(self.tr("From"), self.starts)
        self.setMinimumWidth(380)

    def build(self, session: Session) -> Edit | None:
        return party_work.send_instructor(
            session, self.org_id, self.name.text(), phone=self.phone.text(),
            employer=self.employer.text(), starts_on=_day(self.starts))


class EndAssignmentDialog(_EditForm):
    """The last day of an instructor's assignment (not before it began, not after today)."""

    def __init__(self, workspace: Workspace, active: list[party_work.Assignment],
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("End an instructor's assignment"), workspace, parent)
        self.which = QComboBox(self)
        self.starts: list[date | None] = []
        for a in active:
            self.which.addItem(assignment_words(a.name, a.phone, a.starts_on, a.ends_on),
                               a.assignment_id)
            self.starts.append(a.starts_on)
        self.ends = _date_edit(self, latest=date.today())
        self.which.currentIndexChanged.connect(self._bound)
        self._bound(0)
        self.form.addRow(self.tr("Instructor"), self.which)
        self.form.addRow(self.tr("Last day"), self.ends)

    def _bound(self, index: int) -> None:
        """The calendar offers no day before the chosen assignment began."""
        start = self.starts[index] if 0 <= index < len(self.starts) else None
        self.ends.setMinimumDate(QDate(start) if start is not None else QDate(1900, 1, 1))

    def build(self, session: Session) -> Edit | None:
        return party_work.end_assignment(session, self.which.currentData(), _day(self.ends))
