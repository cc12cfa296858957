"""Batch files are offered under the laptop's name, the batch number and the day, so that the
batches of every laptop of a team, day after day, lie side by side on one USB stick."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from flow_helpers import Site, build_sites, edit_row
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from yeda_desktop.models import Organization
from yeda_desktop.syncflow.batch_file_name import batch_file_name, package_file_name
from yeda_desktop.syncflow.installation import load_keys


def test_a_name_a_usb_stick_takes() -> None:
    day = date(2026, 11, 30)
    assert batch_file_name("外业笔记本1", 3, day) == "外业笔记本1-第3批-20261130.yeda"
    # Characters Windows and FAT32 refuse become "_"; a name of none of its own is "yeda".
    assert batch_file_name('东区/1号:笔记本?"', 12, day) == "东区_1号_笔记本-第12批-20261130.yeda"
    assert batch_file_name(" .. ", 1, day) == "yeda-第1批-20261130.yeda"
    assert len(batch_file_name("长" * 200, 1, day)) == 60 + len("-第1批-20261130.yeda")
    assert package_file_name("基线", "第1扫楼组", day) == "基线-第1扫楼组-20261130.yeda"


def _edit(site: Site, staff: int) -> None:
    db = site.open()
    with db.reader() as session:
        org = session.scalars(select(Organization.id).order_by(Organization.name)).first()
    db.close()
    assert org is not None
    edit_row(site, "队员", Organization, org, staff_count=staff)


@pytest.mark.gui
def test_export_into_a_folder_and_from_the_window(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    centre, (laptop,), stick = build_sites(tmp_path, 1, orgs=10)
    today = f"{date.today():%Y%m%d}"
    _edit(laptop, 7001)
    out = laptop.cli("export", str(stick))  # a folder: the name is made
    first = stick / f"laptop0机-第1批-{today}.yeda"
    assert first.is_file() and str(first) in out
    _edit(laptop, 7002)
    laptop.cli("export", str(stick))  # the next day's work beside it, not over it
    second = stick / f"laptop0机-第2批-{today}.yeda"
    assert second.is_file() and first.is_file()
    for batch in (first, second):
        assert "imported batch" in centre.cli("import", str(batch))

    from PySide6.QtWidgets import QFileDialog

    from yeda_desktop.ui.sync_transfer import ExportDialog

    offered: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a: (offered.append(str(a[2])), ("", ""))[1])
    db = laptop.open()
    try:
        dialog = ExportDialog(db, load_keys(laptop.keys), "队员")
        qtbot.addWidget(dialog)
        dialog.choose()
    finally:
        db.close()
    assert offered == [f"laptop0机-第3批-{today}.yeda"]

    # The centre's files for the laptops: what, for whom, which day.
    from yeda_desktop.ui.sync_centre import CentreFilesView

    db = centre.open()
    try:
        view = CentreFilesView(db, load_keys(centre.keys))
        qtbot.addWidget(view)
        view.receipt_device.setCurrentIndex(view.receipt_device.findData(laptop.device_id()))
        for button in (view.profile_button, view.baseline_button, view.receipt_button):
            button.click()
        team = view.team.currentText()
    finally:
        db.close()
    assert offered[1:] == [f"中心配置-业达中心-{today}.yeda", f"基线-{team}-{today}.yeda",
                           f"回执-laptop0机-{today}.yeda"]
