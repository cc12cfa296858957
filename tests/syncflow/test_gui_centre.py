"""GUI of the centre's files (offscreen): profile, baseline and receipt written in the
background, the quarantine list, and the passphrase prompt for protected keys."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest
from flow_helpers import Site, build_sites, first_team
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot

from yeda_desktop.errors import YedaError
from yeda_desktop.models import Instructor
from yeda_desktop.sync import KeySet, PackageKind, inspect_package
from yeda_desktop.syncflow.installation import load_keys
from yeda_desktop.ui.sync_centre import CentreFilesView
from yeda_desktop.ui.sync_passphrase import keys_asking

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[Site, list[Site], Path]:
    return build_sites(tmp_path_factory.mktemp("gui-centre"), 1, orgs=20)


def kind_of(path: Path) -> PackageKind:
    report = inspect_package(path)
    assert report.intact and report.manifest is not None, report.problem
    return report.manifest.kind


def test_profile_baseline_receipt_and_quarantine(
    qtbot: QtBot, sites: tuple[Site, list[Site], Path], english_ui: None,
) -> None:
    centre, (laptop,), stick = sites
    late = Site("late-gui", centre.folder.parent / "late-gui")
    late.folder.mkdir()
    late.cli("init")
    late.cli("role", "--set", "laptop", "--name", "未登记的笔记本")
    late.cli("keys")
    late.cli("profile", "import", str(stick / "profile.yeda"))
    db = late.open()
    with db.session(officer="队员") as session:
        session.add(Instructor(name="冯指导"))
    db.close()
    late.cli("export", str(stick / "late-gui-1.yeda"))
    assert "quarantined" in centre.cli("import", str(stick / "late-gui-1.yeda"), expect=3)

    db = centre.open()
    try:
        view = CentreFilesView(db, load_keys(centre.keys))
        qtbot.addWidget(view)
        assert view.quarantine.rowCount() == 1
        assert view.quarantine.item(0, 0).text() == late.device_id()  # unknown: its id
        assert "unknown device" in view.quarantine.item(0, 2).text()  # the window is English
        assert view.release_button.isEnabled()
        # Once it asked to enrol, the batch waiting for approval names the laptop.
        late.cli("enrol", str(stick / "enrol-late-gui.yeda"), "--team", first_team(centre),
                 officer="晚到队员")
        centre.cli("devices", "accept", str(stick / "enrol-late-gui.yeda"))
        view.refresh()
        held = view.quarantine.item(0, 0)
        assert held.text() == f"未登记的笔记本 · 晚到队员 · {first_team(centre)}（" \
            f"{late.device_id()[:8]}）"
        assert held.toolTip() == late.device_id()

        with qtbot.waitSignal(view.finished_work, timeout=20000):
            view.write_profile(stick / "gui-profile.yeda")
        assert kind_of(stick / "gui-profile.yeda") is PackageKind.CENTRE_PROFILE

        # The team's own laptop comes ticked, named by its officer and team.
        assert view.devices.count() == 1 and view.checked_devices() == [laptop.device_id()]
        assert view.team.currentText() in view.devices.item(0).text()
        assert laptop.device_id()[:8] in view.devices.item(0).text()
        view.devices.item(0).setCheckState(Qt.CheckState.Unchecked)
        view.write_baseline(stick / "gui-base.yeda")  # nothing chosen: says so, writes nothing
        assert not (stick / "gui-base.yeda").exists() and "Choose" in view.status.text()
        view.devices.item(0).setCheckState(Qt.CheckState.Checked)
        with qtbot.waitSignal(view.finished_work, timeout=20000):
            view.write_baseline(stick / "gui-base.yeda")
        assert kind_of(stick / "gui-base.yeda") is PackageKind.BASELINE

        index = view.receipt_device.findData(laptop.device_id())
        view.receipt_device.setCurrentIndex(index)
        with qtbot.waitSignal(view.finished_work, timeout=20000):
            view.write_receipt(stick / "gui-receipt.yeda")
        assert kind_of(stick / "gui-receipt.yeda") is PackageKind.RECEIPT
        assert "Receipt written" in view.report_view.toPlainText()

        with qtbot.waitSignal(view.finished_work, timeout=20000):
            view.write_receipt(stick / "gui-receipt.yeda")  # exists: refused, said so
        assert "Refused" in view.status.text()
    finally:
        db.close()


def test_passphrase_prompt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                           qtbot: QtBot, english_ui: None) -> None:
    KeySet.generate().save(tmp_path / "keys", "正确的口令")
    monkeypatch.delenv("YEDA_KEY_PASSPHRASE", raising=False)
    answers = iter([("wrong", True), ("正确的口令", True)])
    asked: list[str] = []

    def answer(*args: object) -> tuple[str, bool]:
        asked.append(str(args[2]))
        return next(answers)

    monkeypatch.setattr(QInputDialog, "getText", answer)
    keys = keys_asking(None, tmp_path / "keys")
    assert keys.public.signing is not None and len(asked) == 2
    assert "Wrong passphrase" in asked[1]
    monkeypatch.setattr(QInputDialog, "getText", lambda *a: ("", False))
    with pytest.raises(YedaError):
        keys_asking(None, tmp_path / "keys")
