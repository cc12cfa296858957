"""Small dialogs of the sweep: add building, floor or units, attach an organization, officer."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from yeda_desktop.errors import ValidationError, YedaError
from yeda_desktop.services import edits
from yeda_desktop.services.search import Hit
from yeda_desktop.ui.member_table import ERROR_STYLE
from yeda_desktop.ui.search_box import SearchBox
from yeda_desktop.ui.workspace import Workspace
from yeda_desktop.validation.names import normalize_person_name


class FormDialog(QDialog):
    """A form whose OK builds an edit; a refused value is shown under the form."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(320)  # room for a refusal on two lines, not five
        self.form = QFormLayout()
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.rows = QVBoxLayout(self)
        self.rows.addLayout(self.form)
        self.rows.addWidget(self.error)
        self.rows.addWidget(buttons)
        self.edit: edits.Edit | None = None

    def accept_built(self, workspace: Workspace, build: Callable[[Session], edits.Edit | None]
                     ) -> None:
        """OK: the edit `build` makes of the form, or its refusal under the form, which
        then stays open (nothing saved)."""
        try:
            with workspace.read() as session:
                self.edit = build(session)
        except YedaError as exc:
            self.refuse(workspace.error_text(exc))
            return
        super().accept()

    def refuse(self, text: str) -> None:
        """Show why OK was refused, the dialog growing so that no line of it is cut."""
        self.error.setText(text)
        self.rows.activate()
        needed = (self.rows.totalHeightForWidth(self.width()) if self.rows.hasHeightForWidth()
                  else self.rows.totalSizeHint().height())
        if needed > self.height():
            self.resize(self.width(), needed)


class UnitsDialog(FormDialog):
    """Units in bulk: "01–20", "A01–A12", "B1-101..B1-110", "101, 103"."""

    def __init__(self, workspace: Workspace, floor_id: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Add units"), parent)
        self.workspace, self.floor_id = workspace, floor_id
        self.labels = QLineEdit(placeholderText="01–20, A01–A12, B1-101..B1-110")
        self.form.addRow(self.tr("Units"), self.labels)

    def accept(self) -> None:
        from yeda_desktop.services import places

        self.accept_built(self.workspace, lambda session: places.add_units(
            session, self.floor_id, self.labels.text()))


class FloorDialog(FormDialog):
    def __init__(
        self, workspace: Workspace, building_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Add floor"), parent)
        self.workspace, self.building_id = workspace, building_id
        self.label = QLineEdit(placeholderText="5, B1, 3A")
        self.form.addRow(self.tr("Floor"), self.label)

    def accept(self) -> None:
        from yeda_desktop.services import places

        self.accept_built(self.workspace, lambda session: places.add_floor(
            session, self.building_id, self.label.text()))


class RenameDialog(FormDialog):
    """One box with the place's name or number as it is: OK renames it (place_fixes)."""

    def __init__(self, workspace: Workspace, title: str, label: str, current: str,
                 build: Callable[[Session, str], edits.Edit | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.workspace, self.build = workspace, build
        self.text = QLineEdit(current)
        self.text.selectAll()
        self.form.addRow(label, self.text)

    def accept(self) -> None:
        self.accept_built(self.workspace, lambda session: self.build(session, self.text.text()))


class ClusterDialog(FormDialog):
    """A park, office-building group or business district (and its subdistrict and zone,
    if new): every building is added to one."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        from yeda_desktop.models.enums import ClusterKind
        from yeda_desktop.services import zone_tree

        super().__init__(self.tr("Add cluster"), parent)
        self.workspace = workspace
        with workspace.read() as session:
            zones, subdistricts = zone_tree.names_in_use(session)
        self.zone = QComboBox()
        self.subdistrict = QComboBox()
        for box, names in ((self.zone, zones), (self.subdistrict, subdistricts)):
            box.setEditable(True)  # a new one is typed
            box.addItems(names)
        self.name = QLineEdit()
        self.kind = QComboBox()
        for kind in ClusterKind:
            self.kind.addItem(kind.zh if workspace.lang == "zh" else kind.value, kind)
        self.form.addRow(self.tr("Zone"), self.zone)
        self.form.addRow(self.tr("Subdistrict"), self.subdistrict)
        self.form.addRow(self.tr("Cluster name"), self.name)
        self.form.addRow(self.tr("Kind"), self.kind)

    def accept(self) -> None:
        from yeda_desktop.services import zone_tree

        self.accept_built(self.workspace, lambda session: zone_tree.add_cluster(
            session, self.zone.currentText(), self.subdistrict.currentText(),
            self.name.text(), self.kind.currentData()))


class BuildingDialog(FormDialog):
    def __init__(
        self,
        workspace: Workspace,
        clusters: list[tuple[str, str]],
        current: str | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Add building"), parent)
        self.workspace = workspace
        self.cluster = QComboBox()
        for cluster_id, name in clusters:
            self.cluster.addItem(name, cluster_id)
        if current:
            self.cluster.setCurrentIndex(max(0, self.cluster.findData(current)))
        self.name = QLineEdit()
        self.above = QSpinBox(minimum=1, maximum=200, value=10)
        self.below = QSpinBox(minimum=0, maximum=10, value=0)
        self.form.addRow(self.tr("Cluster"), self.cluster)
        self.form.addRow(self.tr("Building name"), self.name)
        self.form.addRow(self.tr("Floors above ground"), self.above)
        self.form.addRow(self.tr("Basement floors"), self.below)

    def accept(self) -> None:
        from yeda_desktop.services import places

        self.accept_built(self.workspace, lambda session: places.add_building(
            session, self.cluster.currentData(), self.name.text(), self.above.value(),
            self.below.value()))


class AttachDialog(QDialog):
    """Find an existing organization (last year's baseline) by name, initials or credit code."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Attach existing organization"))
        self.chosen: Hit | None = None
        self.search = SearchBox(self, kinds={"org"})
        self.search.workspace = workspace
        self.search.hit_chosen.connect(self._chosen)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("Type the name, pinyin initials or credit code, then choose:"))
        )
        layout.addWidget(self.search)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(520, 120)

    def _chosen(self, hit: Hit) -> None:
        self.chosen = hit
        self.accept()


class OfficerDialog(FormDialog):
    """Who is sweeping (recorded with every change) and the interface language."""

    def __init__(self, officer: str, team: str, lang: str, parent: QWidget | None = None,
                 teams: list[str] | None = None) -> None:
        super().__init__(self.tr("Officer and language"), parent)
        self.lang = lang
        self.officer = QLineEdit(officer)
        # The campaign's teams to pick from (a visit records the team only if it is one).
        self.team = QComboBox()
        self.team.setEditable(True)
        self.team.addItems(teams or [])
        at = self.team.findText(team)
        if at >= 0:
            self.team.setCurrentIndex(at)
        else:  # none yet, or one this campaign does not have: as it was set
            self.team.setEditText(team)
        self.language = QComboBox()
        self.language.addItem("中文", "zh")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(0 if lang == "zh" else 1)
        self.form.addRow(self.tr("Officer name"), self.officer)
        self.form.addRow(self.tr("Team"), self.team)
        self.form.addRow(self.tr("Language (after restart)"), self.language)

    def accept(self) -> None:
        """Every change records its officer: a name is required, checked as any person's."""
        try:
            name = normalize_person_name(self.officer.text(), "officer")
        except ValidationError as exc:
            zh = self.lang == "zh"
            label = self.form.labelForField(self.officer)
            field = label.text() if isinstance(label, QLabel) else "officer"
            self.refuse(f"{field}{'：' if zh else ': '}{exc.reason_zh if zh else exc.reason_en}")
            self.officer.setFocus()
            return
        self.officer.setText(name)
        super().accept()
