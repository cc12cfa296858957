"""规则阈值: the gap rules' thresholds the centre sets, for itself and (with its next profile)
its laptops. The same values as a rules profile file (`yeda profile export --rules F`),
checked by the same `profile_from_mapping`; a refusal names the threshold under the form."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QGridLayout, QSpinBox, QWidget

from yeda_desktop.models.enums import Ownership
from yeda_desktop.rules import RULES, ProfileError, RulesProfile
from yeda_desktop.rules.in_force import as_mapping
from yeda_desktop.rules.profile import profile_from_mapping
from yeda_desktop.ui.dialogs import FormDialog
from yeda_desktop.ui.i18n import current_lang
from yeda_desktop.ui.ledger_labels import ownership_label, rule_label

# Whole-number thresholds, in the order the form shows them.
COUNTS = ("no_party_member_staff", "no_party_org_staff", "establish_full_members",
          "work_coverage_min_staff", "general_branch_above_members", "committee_members",
          "member_count_tolerance")
CHECKS = ("check_visits", "check_identifiers", "check_verification")


class RulesDialog(FormDialog):
    """OK: `profile` holds the thresholds typed (checked); the caller keeps them."""

    def __init__(self, current: RulesProfile, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Gap rule thresholds"), parent)
        self.setMinimumWidth(520)
        self.profile: RulesProfile | None = None
        self.labels = labels = {
            "no_party_member_staff": self.tr("No party member: from staff of"),
            "no_party_org_staff": self.tr("No party organization: from staff of"),
            "establish_full_members": self.tr("Should establish: from full members of"),
            "work_coverage_min_staff": self.tr("No work coverage: only from staff of"),
            "general_branch_above_members": self.tr(
                "Organization form: general branch advised above members"),
            "committee_members": self.tr("Organization form: committee advised from members"),
            "member_count_tolerance": self.tr(
                "Data to verify: reported members may differ from registered by"),
            "check_visits": self.tr("Data to verify: units not visited or to revisit"),
            "check_identifiers": self.tr("Data to verify: check USCCs and ID numbers again"),
            "check_verification": self.tr(
                "Data to verify: organizations not verified this campaign"),
        }
        values = as_mapping(current)
        self.counts: dict[str, QSpinBox] = {}
        for key in COUNTS:
            spin = QSpinBox(self)
            spin.setObjectName(key)
            spin.setRange(0, 1_000_000)
            spin.setValue(int(values[key]))
            self.counts[key] = spin
            self.form.addRow(labels[key], spin)
        self.checks: dict[str, QCheckBox] = {}
        for key in CHECKS:
            box = QCheckBox(labels[key], self)
            box.setObjectName(key)
            box.setChecked(bool(values[key]))
            self.checks[key] = box
            self.form.addRow(box)
        self.ownerships = self._grid([(o.value, ownership_label(o)) for o in Ownership],
                                     set(values["four_haves_ownerships"]))
        self.form.addRow(self.tr("Four haves: ownerships"), self.ownerships[0])
        self.enabled = self._grid(
            [(r.id, rule_label(r.id)) for r in RULES],
            {r.id for r in RULES} - set(values["disabled"]))
        self.form.addRow(self.tr("Rules in use"), self.enabled[0])

    def _grid(self, items: list[tuple[str, str]], ticked: set[str]
              ) -> tuple[QWidget, dict[str, QCheckBox]]:
        holder = QWidget(self)
        grid = QGridLayout(holder)
        grid.setContentsMargins(0, 0, 0, 0)
        boxes: dict[str, QCheckBox] = {}
        for n, (code, text) in enumerate(items):
            box = QCheckBox(text, holder)
            box.setObjectName(code)
            box.setChecked(code in ticked)
            boxes[code] = box
            grid.addWidget(box, n // 3, n % 3)
        return holder, boxes

    def typed(self) -> dict[str, Any]:
        """The form as a rules profile's mapping (what a .toml file would hold)."""
        values: dict[str, Any] = {key: spin.value() for key, spin in self.counts.items()}
        values.update((key, box.isChecked()) for key, box in self.checks.items())
        values["four_haves_ownerships"] = [
            code for code, box in self.ownerships[1].items() if box.isChecked()]
        values["disabled"] = [code for code, box in self.enabled[1].items()
                              if not box.isChecked()]
        return values

    def accept(self) -> None:
        try:
            self.profile = profile_from_mapping(self.typed())
        except ProfileError as exc:
            # The file's keys are codes; the form says the thresholds as it shows them.
            message = exc.message(current_lang())
            for key in sorted(self.labels, key=len, reverse=True):
                message = message.replace(key, self.labels[key])
            self.refuse(message)
            return
        super(FormDialog, self).accept()
