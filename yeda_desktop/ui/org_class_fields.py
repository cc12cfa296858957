"""What kind of organization it is: kind, ownership and industry; its marks (above designated
size, listed, a key enterprise the zone's committee manages, the key industry whose alliance
it belongs to); and for a foreign-invested one the two of the "four haves" an officer
records (activities, guarantees). Each choice is saved at once as an undoable edit, as the
typed fields are."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QWidget

from yeda_desktop.errors import ValidationError
from yeda_desktop.models import Organization
from yeda_desktop.models.enums import INDUSTRY_SECTIONS, KeyIndustry, OrgKind, Ownership
from yeda_desktop.models.org_class import OWNERSHIPS
from yeda_desktop.services import edits
from yeda_desktop.ui.labels import industry_label, key_industry_label, kind_label
from yeda_desktop.ui.ledger_labels import ownership_label
from yeda_desktop.ui.workspace import Workspace

FIELD_ZH = {
    "kind": "单位类型",
    "ownership": "经济类型",
    "industry_section": "行业门类",
    "has_party_activities": "党组织发挥作用",
    "has_party_guarantees": "经费场所保障",
    "is_above_size": "规模以上企业",
    "is_listed": "上市公司",
    "is_key_enterprise": "重点非公企业",
    "key_industry": "重点行业",
}


# A drop-down's data comes back as the code (a str): these fields take their vocabulary.
_VOCABULARIES: dict[str, Any] = {"kind": OrgKind, "ownership": Ownership,
                                  "key_industry": lambda v: None if v is None else KeyIndustry(v)}


class OrgClassFields(QObject):
    """Rows for the organization's form: `choices` (three drop-downs), `marks` (three boxes),
    `key_industry` (a drop-down) and `haves` (two boxes, shown for a foreign-invested
    organization only; the pane hides the row)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.workspace: Workspace | None = None
        self.org_id: str | None = None
        self.choices = QWidget(parent)
        self.kind = self._combo("kind", [(kind_label(k), k) for k in OrgKind])
        self.ownership = self._combo("ownership", [])  # the kind's, filled by `load`
        self.industry = self._combo("industry_section", [(self.tr("Industry not given"), None)] + [
            (industry_label(code), code) for code in INDUSTRY_SECTIONS])
        self.industry.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.industry.setMinimumContentsLength(8)
        self.industry.view().setMinimumWidth(self.industry.view().sizeHintForColumn(0) + 24)
        row = QHBoxLayout(self.choices)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.kind)
        row.addWidget(self.ownership)
        row.addWidget(self.industry, 1)  # the rest of the row: its names are long
        self.haves = QWidget(parent)
        self.activities = self._box("has_party_activities",
                                    self.tr("Party organization plays its role (activities)"))
        self.guarantees = self._box("has_party_guarantees",
                                    self.tr("Guarantees (funds, venue)"))
        boxes = QHBoxLayout(self.haves)
        boxes.setContentsMargins(0, 0, 0, 0)
        boxes.addWidget(self.activities)
        boxes.addWidget(self.guarantees)
        boxes.addStretch(1)
        self.marks = QWidget(parent)
        self.above_size = self._box("is_above_size", self.tr("Above designated size"),
                                    self.marks)
        self.listed = self._box("is_listed", self.tr("Listed"), self.marks)
        self.key_enterprise = self._box("is_key_enterprise", self.tr("Key enterprise"),
                                        self.marks)
        marks = QHBoxLayout(self.marks)
        marks.setContentsMargins(0, 0, 0, 0)
        for widget in (self.above_size, self.listed, self.key_enterprise):
            marks.addWidget(widget)
        marks.addStretch(1)
        # A row of its own: beside the boxes it made the pane too wide for a small laptop.
        self.key_industry = self._combo(
            "key_industry", [(self.tr("No key industry"), None)]
            + [(key_industry_label(k), k) for k in KeyIndustry], parent)
        self.key_industry.setToolTip(self.tr("The key industry whose alliance it belongs to"))

    def _combo(self, key: str, items: list[tuple[str, Any]],
               parent: QWidget | None = None) -> QComboBox:
        combo = QComboBox(parent or self.choices)
        combo.setObjectName(key)
        for text, value in items:
            combo.addItem(text, value)
        combo.activated.connect(lambda _i, k=key, c=combo: self._chosen(k, c.currentData()))
        return combo

    def _box(self, key: str, text: str, parent: QWidget | None = None) -> QCheckBox:
        box = QCheckBox(text, parent or self.haves)
        box.setObjectName(key)
        box.clicked.connect(lambda checked, k=key: self._save(k, checked))
        return box

    def load(self, workspace: Workspace, org: Organization) -> None:
        self.workspace, self.org_id = workspace, org.id
        self._offer_ownerships(org.kind, org.ownership)
        for combo, value in ((self.kind, org.kind), (self.ownership, org.ownership),
                             (self.industry, org.industry_section)):
            combo.setCurrentIndex(max(combo.findData(value), 0))
            combo.setToolTip(combo.currentText())  # a long industry's name is cut in the row
        self.activities.setChecked(bool(org.has_party_activities))
        self.guarantees.setChecked(bool(org.has_party_guarantees))
        self.above_size.setChecked(bool(org.is_above_size))
        self.listed.setChecked(bool(org.is_listed))
        self.key_enterprise.setChecked(bool(org.is_key_enterprise))
        self.key_industry.setCurrentIndex(max(self.key_industry.findData(org.key_industry), 0))

    def _offer_ownerships(self, kind: OrgKind, current: Ownership) -> None:
        """The kind's ownerships (choosing the other kind brings its own); a record that
        came at odds (from an older version) shows what it holds until it is corrected."""
        offered = list(OWNERSHIPS[kind])
        if current not in offered:
            offered.append(current)
        if [self.ownership.itemData(i) for i in range(self.ownership.count())] != offered:
            self.ownership.clear()
            for ownership in offered:
                self.ownership.addItem(ownership_label(ownership), ownership)

    def foreign(self) -> bool:
        return bool(self.ownership.currentData() == Ownership.FOREIGN)

    def _chosen(self, key: str, value: Any) -> None:
        self._save(key, _VOCABULARIES[key](value) if key in _VOCABULARIES else value)

    def _save(self, key: str, value: Any) -> None:
        ws = self.workspace
        if ws is None or self.org_id is None:
            return
        try:
            with ws.read() as session:
                edit = edits.set_field(session, Organization, self.org_id, key, value)
        except ValidationError as exc:  # not from these closed choices; said all the same
            ws.failed.emit(ws.error_text(exc))
            return
        if edit is not None:
            ws.do(dataclasses.replace(edit, zh=f"修改{FIELD_ZH[key]}",
                                      en=self.tr("Edit %1").replace("%1", key)))
