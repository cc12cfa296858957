"""The centre imports a team's whole USB stick: every batch, each laptop's in order; the
files that are not batches are skipped, not refused."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from flow_helpers import build_sites, edit_row
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from yeda_desktop.errors import YedaError
from yeda_desktop.models import Organization
from yeda_desktop.models.sync import SyncPackage
from yeda_desktop.syncflow.folder_import import packages_in


def test_a_stick_of_batches_is_imported_in_each_laptop_s_order(
    qtbot: QtBot, tmp_path: Path, chinese_ui: None,
) -> None:
    centre, (a, b), stick = build_sites(tmp_path, 2, orgs=10)
    day = f"{date.today():%Y%m%d}"
    db = a.open()
    with db.reader() as session:
        org = session.scalars(select(Organization.id).order_by(Organization.name)).first()
    db.close()
    assert org is not None
    for n in range(1, 12):  # batches 1 … 11 of one laptop: 第10批 sorts after 第9批
        edit_row(a, "甲", Organization, org, staff_count=7000 + n)
        a.cli("export", str(stick))
    edit_row(b, "乙", Organization, org, address="长江路1号")
    b.cli("export", str(stick))
    (stick / "坏文件.yeda").write_bytes(b"")  # a copy the stick lost
    names = [p.name for p in packages_in(stick)]
    ours = [n for n in names if n.startswith("laptop0机-")]
    assert ours == [f"laptop0机-第{n}批-{day}.yeda" for n in range(1, 12)]

    out = centre.cli("import", str(stick), expect=2)  # the empty file: refused, said so
    assert out.count("imported batch") == 12 and "has not arrived" not in out, out
    assert "坏文件.yeda" in out and "文件是空的" in out
    assert "跳过 4 个不是工作数据包的文件" in out  # the baseline, profile, two requests
    db = centre.open()
    try:
        with db.reader() as session:
            imported = session.scalars(select(SyncPackage.sequence).where(
                SyncPackage.kind == "batch", SyncPackage.device_id == a.device_id())).all()
            staff = session.get(Organization, org)
            assert staff is not None and staff.staff_count == 7011
    finally:
        db.close()
    assert sorted(imported) == list(range(1, 12))
    again = centre.cli("import", str(stick), expect=2)  # a second time: nothing new
    assert again.count("already imported") == 12

    # A laptop takes no folder of other laptops' batches: it says to choose the files.
    assert "只有中心导入整个文件夹，外业笔记本请选择要导入的文件" in a.cli(
        "import", str(stick), expect=2)

    # The window: the same from its import dialog, at the centre only.
    from yeda_desktop.syncflow.installation import load_keys
    from yeda_desktop.ui.sync_transfer import ImportDialog

    for site, shown in ((a, False), (centre, True)):
        db = site.open()
        try:
            dialog = ImportDialog(db, load_keys(site.keys))
            qtbot.addWidget(dialog)
            assert dialog.folder_button.isVisibleTo(dialog) is shown
            if shown:
                with qtbot.waitSignal(dialog.finished_work, timeout=60_000):
                    dialog.import_folder(stick)
                text = dialog.report_view.toPlainText()
                assert text.count("已导入过") == 12 and "跳过 4 个不是工作数据包的文件：" in text
                assert "坏文件.yeda" in text
        finally:
            db.close()


def test_a_folder_that_is_not_there(tmp_path: Path) -> None:
    with pytest.raises(YedaError, match="文件夹不存在"):
        packages_in(tmp_path / "missing")


def test_cancel_in_the_middle_of_several_files_says_what_was_imported(
    qtbot: QtBot, tmp_path: Path, chinese_ui: None, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each file is imported whole or not at all: Cancel during the second leaves the first
    imported, and the dialog says so instead of "nothing was written"."""
    from yeda_desktop.syncflow import folder_import
    from yeda_desktop.syncflow.installation import load_keys
    from yeda_desktop.ui import sync_transfer
    from yeda_desktop.ui.tasks import Cancelled

    centre, (a, b), stick = build_sites(tmp_path, 2, orgs=5)
    for site, n in ((a, 1), (b, 2)):
        db = site.open()
        with db.reader() as session:
            org = session.scalars(select(Organization.id)).first()
        db.close()
        assert org is not None
        edit_row(site, "队员", Organization, org, staff_count=7000 + n)
        site.cli("export", str(stick))
    batches = [p for p in packages_in(stick) if "-第1批-" in p.name]
    assert len(batches) == 2
    real = sync_transfer.import_file

    def second_cancelled(*args: object, **kwargs: object) -> object:
        if args[2] == batches[1]:
            raise Cancelled
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(sync_transfer, "import_file", second_cancelled)
    monkeypatch.setattr(folder_import, "import_file", second_cancelled)
    db = centre.open()
    try:
        dialog = sync_transfer.ImportDialog(db, load_keys(centre.keys))
        qtbot.addWidget(dialog)
        for start in (lambda: dialog.import_paths(batches),
                      lambda: dialog.import_folder(stick)):
            dialog.report_view.clear()
            with qtbot.waitSignal(dialog.finished_work, timeout=60_000):
                start()
            text = dialog.report_view.toPlainText()
            assert "第 1 批数据" in text, text  # the first: imported (or, again, a no-op)
            assert f"已在 {batches[1].name} 处取消" in text, text
            assert dialog.status.text() == "已取消。"
        with db.reader() as session:
            seen = set(session.scalars(select(SyncPackage.device_id).where(
                SyncPackage.kind == "batch")))
    finally:
        db.close()
    assert len(seen) == 1  # the first laptop's batch, not the second's
