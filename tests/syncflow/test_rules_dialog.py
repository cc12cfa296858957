"""规则阈值… at the centre: the thresholds typed are in force at once and travel with the next
centre profile; a refused combination names the threshold as the form shows it."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest
from flow_helpers import build_sites
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from yeda_desktop.rules import DEFAULT_PROFILE, profile_in_force
from yeda_desktop.syncflow.installation import load_keys
from yeda_desktop.ui.rules_dialog import RulesDialog
from yeda_desktop.ui.sync_centre import CentreFilesView

pytestmark = pytest.mark.gui


def test_the_form_holds_the_thresholds_and_refuses_by_their_names(
    qtbot: QtBot, chinese_ui: None,
) -> None:
    dialog = RulesDialog(DEFAULT_PROFILE)
    qtbot.addWidget(dialog)
    assert dialog.counts["no_party_member_staff"].value() == 50
    assert all(box.isChecked() for box in dialog.enabled[1].values())
    assert [c for c, box in dialog.ownerships[1].items() if box.isChecked()] == ["foreign"]
    dialog.counts["committee_members"].setValue(40)  # not above the general branch's 50
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.profile is None
    assert dialog.error.text() == (
        "规则配置项“组织形式：党员达到此数建议设党委”应大于组织形式：党员多于此数建议设党总支")
    dialog.counts["committee_members"].setValue(100)
    dialog.counts["no_party_member_staff"].setValue(30)
    dialog.enabled[1]["org_form"].setChecked(False)
    dialog.ownerships[1]["hmt"].setChecked(True)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.profile is not None
    assert dialog.profile.no_party_member_staff == 30
    assert dialog.profile.disabled == ("org_form",)
    assert dialog.profile.four_haves_ownerships == ("foreign", "hmt")


def test_the_centre_keeps_what_it_typed_and_its_laptops_take_it(
    qtbot: QtBot, chinese_ui: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    centre, [laptop], stick = build_sites(tmp_path, 1, orgs=20)

    def typed(dialog: RulesDialog) -> int:
        dialog.counts["no_party_member_staff"].setValue(30)
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(RulesDialog, "exec", typed)
    db = centre.open()
    try:
        view = CentreFilesView(db, load_keys(centre.keys))
        qtbot.addWidget(view)
        assert view.rules_button.text() == "规则阈值…"
        view.edit_rules()
        assert "阈值已保存" in view.status.text()
        with db.reader() as s:
            assert profile_in_force(s).no_party_member_staff == 30
        view.edit_rules()  # the same again: nothing to keep
        assert view.status.text() == "阈值没有改动。"
        with qtbot.waitSignal(view.finished_work, timeout=20000):
            view.write_profile(stick / "thresholds.yeda")
    finally:
        db.close()
    laptop.cli("profile", "import", str(stick / "thresholds.yeda"))
    assert "no_party_member_staff=30" in laptop.cli("profile", "show")


