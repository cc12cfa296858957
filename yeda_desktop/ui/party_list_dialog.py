"""扫楼 → 党组织一览…: every party organization with the organizations it covers, to find
one by its name, secretary or an organization's name and correct it (修改…)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from yeda_desktop.errors import YedaError
from yeda_desktop.services import party_work
from yeda_desktop.ui import party_dialogs
from yeda_desktop.ui.labels import party_org_type_label
from yeda_desktop.ui.tasks import run_task
from yeda_desktop.ui.workspace import Workspace

Index = QModelIndex | QPersistentModelIndex
TYPING_PAUSE_MS = 250


class PartyListModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[party_work.PartyOrgRow] = []
        self._headers = (self.tr("Party organization"), self.tr("Type"), self.tr("Secretary"),
                         self.tr("Established on"), self.tr("Covers"),
                         self.tr("Organizations covered"))

    def set_rows(self, rows: list[party_work.PartyOrgRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 4:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        return (r.name, party_org_type_label(r.type), r.secretary or "",
                r.established_on.isoformat() if r.established_on else "",
                f"{len(r.covered):,}", self.tr("; ").join(name for _, name in r.covered)
                )[index.column()]


class PartyListDialog(QDialog):
    """Read off the GUI thread when opened (a centre holds thousands); narrowed as typed."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Party organizations"))
        self.workspace = workspace
        self.everything: list[party_work.PartyOrgRow] = []
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Name, secretary or an organization covered"))
        self.filter.setClearButtonEnabled(True)
        self.count = QLabel(self.tr("Reading…"), self)
        self.model = PartyListModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.change_button = QPushButton(self.tr("Change…"), self)
        self.change_button.setEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.change_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(self.count)
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(self.table, 1)
        box.addWidget(buttons)
        self.resize(960, 560)
        self._typing = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._typing.timeout.connect(self._narrow)
        self.filter.textChanged.connect(self._typing.start)
        self.table.selectionModel().selectionChanged.connect(self._enable)
        self.table.doubleClicked.connect(self.change)
        self.change_button.clicked.connect(self.change)
        self.reload()

    def reload(self) -> None:
        ws = self.workspace

        def work(_progress: object) -> list[party_work.PartyOrgRow]:
            with ws.read() as session:
                return party_work.party_org_rows(session)

        run_task(self, work, self._arrived, self._failed)

    def _arrived(self, rows: list[party_work.PartyOrgRow]) -> None:
        self.everything = rows
        self._narrow()

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, YedaError):
            raise exc
        self.count.setText(self.workspace.error_text(exc))

    def _narrow(self) -> None:
        typed = self.filter.text()
        shown = [r for r in self.everything if r.holds(typed)]
        self.model.set_rows(shown)
        self.count.setText(self.tr("%1 of %2").replace("%1", f"{len(shown):,}")
                           .replace("%2", f"{len(self.everything):,}"))
        self._enable()

    def _enable(self) -> None:
        self.change_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def change(self) -> None:
        chosen = self.table.selectionModel().selectedRows()
        if not chosen:
            return
        party_id = self.model.rows[chosen[0].row()].party_org_id
        try:
            dialog = party_dialogs.ChangePartyOrgDialog(self.workspace, party_id, self)
        except YedaError as exc:
            self.count.setText(self.workspace.error_text(exc))
            return
        if dialog.exec() and dialog.edit is not None:
            self.workspace.do(dialog.edit)
            self.reload()
        dialog.deleteLater()
