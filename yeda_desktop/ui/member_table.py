"""The members of an organization: an inline entry row and an editable table, checked per field."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from yeda_desktop.errors import ValidationError
from yeda_desktop.id_masking import mask_id_number
from yeda_desktop.models import Person
from yeda_desktop.models.enums import Gender, PartyStatus, PersonRole
from yeda_desktop.services import edits, sweep
from yeda_desktop.ui.labels import gender_label, party_label, relation_label, role_label
from yeda_desktop.ui.workspace import Workspace

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("name", "gender", "id_number", "phone", "party_status", "relation_transferred",
           "join_date", "role")
CHOICES: dict[str, list[Any]] = {
    "gender": [None, Gender.MALE, Gender.FEMALE],
    "party_status": list(PartyStatus),
    "relation_transferred": [None, True, False],
    "role": list(PersonRole),  # staff unless set in the table: the entry row stays narrow
}
ERROR_STYLE = "color: #c62828;"


def choice_label(column: str, value: Any) -> str:
    if column == "gender":
        return gender_label(value)
    if column == "party_status":
        return party_label(value)
    if column == "role":
        return role_label(value)
    return relation_label(value)


class MemberModel(QAbstractTableModel):
    """Signals: `refused(str)` with the Chinese (or English) reason when a cell value is refused."""

    refused = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace: Workspace | None = None
        self.org_id: str | None = None
        self.people: list[Person] = []

    def headers(self) -> list[str]:
        return [
            self.tr("Name"),
            self.tr("Gender"),
            self.tr("ID number"),
            self.tr("Phone"),
            self.tr("Party status"),
            self.tr("Relation"),
            self.tr("Joined"),
            self.tr("Role"),
        ]

    def load(self, workspace: Workspace, org_id: str | None) -> None:
        self.beginResetModel()
        self.workspace, self.org_id = workspace, org_id
        if org_id is None:
            self.people = []
        else:
            with workspace.read() as session:
                self.people = sweep.people_of(session, org_id)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.people)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        person, column = self.people[index.row()], COLUMNS[index.column()]
        value = getattr(person, column)
        if column == "join_date":  # edited as text (2020-07-01), so that it can be cleared
            value = value.isoformat() if value else ""
        if role == Qt.ItemDataRole.EditRole:
            return value
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column in CHOICES:
            return choice_label(column, value)
        if column == "id_number":
            return mask_id_number(value)
        return value or ""

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or self.workspace is None:
            return False
        person = self.people[index.row()]
        try:
            with self.workspace.read() as session:
                edit = edits.set_field(session, Person, person.id, COLUMNS[index.column()], value)
        except ValidationError as exc:
            self.refused.emit(self.workspace.error_text(exc))
            return False
        self.workspace.do(edit)
        return True


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box for gender, party status, relation and role cells."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        column = COLUMNS[index.column()]
        if column not in CHOICES:
            return super().createEditor(parent, option, index)
        box = QComboBox(parent)
        for choice in CHOICES[column]:
            box.addItem(choice_label(column, choice), choice)
        return box

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)


class MemberTable(QTableView):
    """Delete removes the selected person (undoable)."""

    def __init__(self, model: MemberModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.members = model
        self.setItemDelegate(ChoiceDelegate(self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = self.horizontalHeader()  # names take the room left; the rest are never clipped
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COLUMNS.index("name"), QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.verticalHeader().setVisible(False)
        self.setTabKeyNavigation(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if (
            event.key() == Qt.Key.Key_Delete
            and self.currentIndex().isValid()
            and self.members.workspace
        ):
            person = self.members.people[self.currentIndex().row()]
            with self.members.workspace.read() as session:
                self.members.workspace.do(sweep.remove_person(session, person.id))
            return
        super().keyPressEvent(event)


class MemberEntry(QWidget):
    """One row of fields to add a person: Enter in any field (or the button) adds, if valid."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace: Workspace | None = None
        self.org_id: str | None = None
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.name = QLineEdit(placeholderText=self.tr("Name"))
        self.gender = QComboBox()
        self.id_number = QLineEdit(placeholderText=self.tr("ID number"))
        self.phone = QLineEdit(placeholderText=self.tr("Phone"))
        self.party_status = QComboBox()
        self.relation = QComboBox()
        self.join_date = QLineEdit(placeholderText=self.tr("Joined (2020-07-01)"))
        for box, column in (
            (self.gender, "gender"),
            (self.party_status, "party_status"),
            (self.relation, "relation_transferred"),
        ):
            for choice in CHOICES[column]:
                box.addItem(choice_label(column, choice) or "—", choice)
        for box in (self.gender, self.party_status, self.relation):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(4)
        self.party_status.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.party_status.setMinimumWidth(self.party_status.sizeHint().width())  # never clipped
        for line in (self.name, self.id_number, self.phone):
            line.setMinimumWidth(90)
        # all 18 characters of an ID number in view while it is typed and checked
        self.id_number.setMinimumWidth(self.id_number.fontMetrics().horizontalAdvance("0" * 19))
        # The combos show "—" until chosen: say what each one is (the table's headers).
        for box, header in ((self.gender, "Gender"), (self.party_status, "Party status"),
                            (self.relation, "Relation")):
            box.setToolTip(QCoreApplication.translate("MemberModel", header))
        self.add = QPushButton(self.tr("Add member"))
        self.widgets: dict[str, QWidget] = {
            "name": self.name,
            "gender": self.gender,
            "id_number": self.id_number,
            "phone": self.phone,
            "party_status": self.party_status,
            "relation_transferred": self.relation,
            "join_date": self.join_date,
        }
        # Two rows (who they are; their party standing and the button), so that the pane
        # stays narrow enough for the floor's tiles beside it on a 1366-pixel screen.
        for col, widget in enumerate((self.name, self.gender, self.id_number, self.phone)):
            grid.addWidget(widget, 0, col)
        grid.addWidget(self.party_status, 1, 0)
        grid.addWidget(self.relation, 1, 1)
        grid.addWidget(self.join_date, 1, 2)
        grid.addWidget(self.add, 1, 3)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(2, 3)
        grid.setColumnStretch(3, 2)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        grid.addWidget(self.error, 2, 0, 1, 4)
        for line in (self.name, self.id_number, self.phone, self.join_date):
            line.returnPressed.connect(self.submit)
        self.add.clicked.connect(self.submit)

    def reset(self) -> None:
        """Empty every field and error: what was typed belongs to the organization it was
        typed for, never to the next one shown."""
        for line in (self.name, self.id_number, self.phone, self.join_date):
            line.clear()
        for box in (self.gender, self.party_status, self.relation):
            box.setCurrentIndex(0)
        for widget in self.widgets.values():
            widget.setStyleSheet("")
        self.error.clear()

    def values(self) -> dict[str, Any]:
        return {
            "name": self.name.text(),
            "gender": self.gender.currentData(),
            "id_number": self.id_number.text(),
            "phone": self.phone.text(),
            "party_status": self.party_status.currentData(),
            "relation_transferred": self.relation.currentData(),
            "join_date": self.join_date.text(),
        }

    def submit(self) -> None:
        if self.workspace is None or self.org_id is None:
            return
        for widget in self.widgets.values():
            widget.setStyleSheet("")
        try:
            with self.workspace.read() as session:
                edit = sweep.add_person(session, self.org_id, **self.values())
        except ValidationError as exc:
            self.error.setText(self.workspace.error_text(exc))
            bad = self.widgets.get(exc.field)
            if bad is not None:
                bad.setStyleSheet("border: 2px solid #c62828;")
                bad.setFocus()
            return
        self.error.clear()
        self.workspace.do(edit)
        for line in (self.name, self.id_number, self.phone, self.join_date):
            line.clear()
        self.party_status.setCurrentIndex(0)
        self.name.setFocus()


class MemberPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.entry = MemberEntry(self)
        self.model = MemberModel(self)
        self.table = MemberTable(self.model, self)
        self.refusal = QLabel()
        self.refusal.setStyleSheet(ERROR_STYLE)
        self.model.refused.connect(self.refusal.setText)
        layout.addWidget(self.entry)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.refusal)

    def load(self, workspace: Workspace, org_id: str | None) -> None:
        if org_id != self.entry.org_id:  # another organization: a refresh keeps the typing
            self.entry.reset()
        self.entry.workspace, self.entry.org_id = workspace, org_id
        self.model.load(workspace, org_id)
        self.refusal.clear()
