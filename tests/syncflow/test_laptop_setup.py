"""A field laptop is set up from the window alone: the centre's profile, then the enrolment
request and its code. Until 2026-11-29 both needed the command line, and the import dialog
told an officer holding the profile to run `yeda profile import`."""

from __future__ import annotations

import os
from datetime import date

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest
from flow_helpers import (
    demo_centre,
    enrol_and_approve,
    first_team,
    import_from_window,
    laptop_window,
    new_laptop,
)
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from yeda_desktop.models import Device
from yeda_desktop.models.enums import DeviceStatus
from yeda_desktop.syncflow import enrolment
from yeda_desktop.syncflow.installation import load_keys
from yeda_desktop.ui.sync_enrol import EnrolDialog
from yeda_desktop.ui.sync_transfer import ImportDialog


def test_the_import_command_takes_the_profile_on_a_laptop_and_the_centre_says_where(
    tmp_path: Path,
) -> None:
    centre, stick = demo_centre(tmp_path)
    laptop = new_laptop(tmp_path / "new-laptop")
    out = laptop.cli("import", str(stick / "profile.yeda"))
    assert "已导入中心“业达中心”（yeda-centre）的配置文件" in out
    code = centre.cli("profile", "show").split("核对码 code: ")[1].split("\n")[0]
    assert f"中心核对码 {code}" in out  # the code the administrator's screen shows
    assert "新增 new" not in out  # a profile brings no records of the sweep
    refused = centre.cli("import", str(stick / "profile.yeda"), expect=2)
    assert "请在外业笔记本上导入（数据交换 → 导入数据包，或 yeda import）" in refused


@pytest.mark.gui
def test_a_laptop_imports_the_profile_and_writes_its_request_from_the_window(
    qtbot: QtBot, chinese_ui: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    centre, stick = demo_centre(tmp_path)
    laptop = new_laptop(tmp_path / "new-laptop")
    keys = load_keys(laptop.keys)
    db = laptop.open()
    try:
        early = EnrolDialog(db, keys, "李队员")
        qtbot.addWidget(early)
        assert "本机还没有导入中心配置文件" in early.intro.text()  # and how to get it
        assert not early.save_button.isEnabled()

        importing = ImportDialog(db, keys)
        qtbot.addWidget(importing)
        with qtbot.waitSignal(importing.finished_work, timeout=30_000):
            importing.import_paths([stick / "profile.yeda"])
        shown = importing.report_view.toPlainText()
        assert "已导入中心“业达中心”" in shown and "imported the profile" not in shown

        dialog = EnrolDialog(db, keys, "李队员")
        qtbot.addWidget(dialog)
        assert "业达中心" in dialog.intro.text()
        team = first_team(centre)
        assert team in [dialog.team.itemText(i) for i in range(dialog.team.count())]
        dialog.team.setCurrentText(team)
        assert dialog.device_name.text() == "三组笔记本"
        offered: list[str] = []
        monkeypatch.setattr(QFileDialog, "getSaveFileName",
                            lambda *a: (offered.append(str(a[2])), ("", ""))[1])
        dialog.choose()  # named for the laptop: several enrol on one stick
        assert offered == [f"登记申请-三组笔记本-{date.today():%Y%m%d}.yeda"]
        with qtbot.waitSignal(dialog.written) as written:
            assert dialog.write_to(stick / "enrol-new.yeda")
        code = written.args[0]
        assert dialog.code.text() == code and not dialog.code.isHidden()
        assert "登记申请已写出" in dialog.message.text()
        assert not dialog.write_to(stick / "enrol-new.yeda")  # never over a file: says why
        assert "已存在" in dialog.message.text() and dialog.code.isHidden()
    finally:
        db.close()

    centre_db = centre.open()  # the administrator reads it in and compares the code
    try:
        device = enrolment.accept_request(centre_db, load_keys(centre.keys),
                                          stick / "enrol-new.yeda")
        assert (device.name, device.team, device.officer) == ("三组笔记本", team, "李队员")
        with centre_db.session() as session:
            enrolment.approve(session, device.id, code)
        with centre_db.reader() as session:
            approved = session.get(Device, device.id)
            assert approved is not None and approved.status == DeviceStatus.APPROVED
    finally:
        centre_db.close()


@pytest.mark.gui
def test_a_baseline_imported_from_the_window_shows_its_buildings_in_the_navigator(
    qtbot: QtBot, chinese_ui: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The laptop's navigator lists the buildings the centre's baseline brought, without
    opening the database again (it did not before 2026-11-29)."""
    centre, stick = demo_centre(tmp_path)
    laptop = new_laptop(tmp_path / "new-laptop")
    laptop.cli("profile", "import", str(stick / "profile.yeda"))
    team = first_team(centre)
    device = enrol_and_approve(centre, laptop, stick, team)
    centre.cli("baseline", str(stick / "base.yeda"), "--team", team, "--device", device)

    window = laptop_window(qtbot, laptop, tmp_path, monkeypatch)
    tree = window.navigator.tree
    assert tree is not None
    buildings_before = sum(1 for node in tree.nodes.values() if node.kind == "building")
    assert buildings_before == 0  # says where buildings come from
    assert window.floor_heading.text().startswith(
        "还没有楼宇：请导入中心的基线数据（数据交换 → 导入数据包…）")
    import_from_window(qtbot, window, monkeypatch, [stick / "base.yeda"])

    def buildings() -> int:
        now = window.navigator.tree
        return 0 if now is None else sum(1 for n in now.nodes.values() if n.kind == "building")

    qtbot.waitUntil(lambda: buildings() > buildings_before, timeout=30_000)
    assert window.floor_heading.text() == "请选择楼宇和楼层"
    window.close()
