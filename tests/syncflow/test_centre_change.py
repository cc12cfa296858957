"""A field laptop moves to another centre, or takes its own centre's new keys.

Before 2026-11-29 the window answered a profile of another centre key with "(--replace)"
and nothing else, the command line's `--replace` had no test, a moved laptop went on
numbering its batches (so the new centre reported all the earlier ones as missing), and
work not yet handed in to the old centre went to the new one, which has none of its
buildings. Until a later change that day, a moved laptop kept the old zone's records,
and one edit to any of them made the new centre refuse the whole batch.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from flow_helpers import (
    Site,
    build_sites,
    code_of,
    edit_row,
    first_team,
    first_value,
    import_from_window,
    laptop_window,
    other_centre,
    snapshot,
)
from pytestqt.qtbot import QtBot

from yeda_desktop.models import Organization
from yeda_desktop.services.search import search
from yeda_desktop.syncflow.installation import load_keys, profile_json
from yeda_desktop.ui.sync_transfer import ImportDialog


def records(database: Path, table: str) -> int:
    with sqlite3.connect(database) as conn:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def found(site: Site, query: str) -> bool:
    db = site.open()
    try:
        with db.reader() as session:
            return bool(search(session, query))
    finally:
        db.close()


def trusted_centre(site: Site) -> str:
    db = site.open()
    try:
        with db.reader() as session:
            return str((profile_json(session) or {}).get("centre_id"))
    finally:
        db.close()


def test_a_laptop_moves_to_another_centre_only_deliberately_and_with_its_work_handed_in(
    tmp_path: Path,
) -> None:
    centre, (laptop,), stick = build_sites(tmp_path, 1)
    other = other_centre(tmp_path, stick)
    edit_row(laptop, "王芳", Organization, first_value(laptop, Organization.id), staff_count=77)

    refused = laptop.cli("import", str(stick / "other.yeda"), expect=2)
    assert "本机信任的是中心“业达中心”（yeda-centre），这个配置文件来自另一个中心“福山中心”" \
        "（fushan-centre）；更换中心需明确确认" in refused
    before = snapshot(laptop)
    refused = laptop.cli("profile", "import", str(stick / "other.yeda"), "--replace", expect=2)
    assert "本机还有 1 条记录未导出给中心“业达中心”（yeda-centre）；请先导出" in refused
    assert snapshot(laptop) == before and trusted_centre(laptop) == "yeda-centre"

    # The work goes to the old centre first (batch 1), then the laptop moves.
    laptop.cli("export", str(stick / "old-1.yeda"), officer="王芳")
    assert "已导入" in centre.cli("import", str(stick / "old-1.yeda"))
    old_orgs = records(laptop.target, "organizations")
    old_name = first_value(laptop, Organization.name)
    assert old_orgs and found(laptop, old_name)
    moved = laptop.cli("profile", "import", str(stick / "other.yeda"), "--replace")
    assert "本机已改为这个中心；请写出设备登记申请交给新中心（yeda enrol），" \
        "批次编号从 1 重新开始" in moved
    assert trusted_centre(laptop) == "fushan-centre"

    # The old zone's records are off the laptop (kept in a backup), and their removal is
    # nothing to send: an edit to one of them could only have made the new centre refuse
    # the batch.
    backup = Path(re.findall(r"backup: (\S+)", moved)[0])
    assert records(backup, "organizations") == old_orgs
    for table in ("organizations", "people", "buildings", "units", "change_log"):
        assert records(laptop.target, table) == 0, table
    assert not found(laptop, old_name)
    assert "无需导出" in laptop.cli("export", str(stick / "nothing.yeda"), officer="王芳",
                                    expect=2)
    assert not (stick / "nothing.yeda").exists()

    # Enrolled at the new centre and given its buildings, the laptop's next batch is that
    # centre's first: nothing reported "missing".
    device, team = laptop.device_id(), first_team(other)
    code = code_of(laptop.cli("enrol", str(stick / "enrol-other.yeda"), "--team", team,
                              officer="王芳"))
    other.cli("devices", "accept", str(stick / "enrol-other.yeda"))
    other.cli("devices", "approve", device, "--code", code)
    other.cli("baseline", str(stick / "other-base.yeda"), "--team", team, "--device", device)
    laptop.cli("import", str(stick / "other-base.yeda"))
    edit_row(laptop, "王芳", Organization, first_value(other, Organization.id), staff_count=78)
    out = laptop.cli("export", str(stick / "new-1.yeda"), officer="王芳")
    assert re.search(r"第 1 批|batch 1\b", out), out
    report = other.cli("import", str(stick / "new-1.yeda"))
    assert "的第 1 批数据" in report and "尚未到达" not in report
    # The old centre cannot read what is now meant for the new one.
    assert "fushan-centre" in centre.cli("import", str(stick / "new-1.yeda"), expect=2)


def test_a_laptop_on_a_server_database_is_not_moved_without_a_backup(
    tmp_path: Path, empty_pg_url: str,
) -> None:
    """Its old zone's records could not be backed up as a file before they are cleared."""
    stick = tmp_path / "stick"
    stick.mkdir()
    centre = Site("centre", tmp_path / "centre")
    laptop = Site("laptop", tmp_path / "laptop", empty_pg_url)
    for site in (centre, laptop):
        site.folder.mkdir()
    centre.cli("init")
    centre.cli("role", "--set", "centre", "--name", "业达中心", "--centre-id", "yeda-centre")
    centre.cli("keys")
    centre.cli("profile", "export", str(stick / "profile.yeda"))
    laptop.cli("init")
    laptop.cli("role", "--set", "laptop", "--name", "服务器上的笔记本")
    laptop.cli("keys")
    laptop.cli("profile", "import", str(stick / "profile.yeda"))
    other_centre(tmp_path, stick)
    before = snapshot(laptop)
    refused = laptop.cli("profile", "import", str(stick / "other.yeda"), "--replace", expect=2)
    assert "服务器数据库上的本机不能更换中心：请为新中心使用新的数据库（--db）" in refused
    assert snapshot(laptop) == before and trusted_centre(laptop) == "yeda-centre"


def test_new_keys_of_the_same_centre_keep_the_batches_numbered_on(tmp_path: Path) -> None:
    centre, (laptop,), stick = build_sites(tmp_path, 1)
    edit_row(laptop, "王芳", Organization, first_value(laptop, Organization.id), staff_count=77)
    laptop.cli("export", str(stick / "b1.yeda"), officer="王芳")
    centre.cli("import", str(stick / "b1.yeda"))
    # The centre was set up again with new keys (the old folder lost) and says so.
    (centre.keys / "gone").mkdir()
    for key in centre.keys.iterdir():
        if key.is_file():
            key.rename(centre.keys / "gone" / key.name)
    centre.cli("keys")
    centre.cli("profile", "export", str(stick / "new-keys.yeda"), "--replace")

    refused = laptop.cli("import", str(stick / "new-keys.yeda"), expect=2)
    assert "这个配置文件带有中心“业达中心”（yeda-centre）的新密钥" in refused
    org = first_value(laptop, Organization.id)
    edit_row(laptop, "王芳", Organization, org, staff_count=78)  # unsent work: no matter
    laptop.cli("profile", "import", str(stick / "new-keys.yeda"), "--replace")
    laptop.cli("export", str(stick / "b2.yeda"), officer="王芳")
    report = centre.cli("import", str(stick / "b2.yeda"))
    assert "的第 2 批数据" in report and "尚未到达" not in report


@pytest.mark.gui
@pytest.mark.parametrize("answer", ["No", "Yes"])
def test_the_import_dialog_asks_before_the_laptop_changes_centre(
    qtbot: QtBot, chinese_ui: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    answer: str,
) -> None:
    from PySide6.QtWidgets import QMessageBox

    _centre, (laptop,), stick = build_sites(tmp_path, 1)
    other_centre(tmp_path, stick)
    asked: list[str] = []

    def question(_parent: object, title: str, text: str, *_rest: object) -> object:
        asked.append(f"{title}\n{text}")
        return getattr(QMessageBox.StandardButton, answer)

    monkeypatch.setattr(QMessageBox, "question", question)
    before = snapshot(laptop)
    db = laptop.open()
    try:
        dialog = ImportDialog(db, load_keys(laptop.keys))
        qtbot.addWidget(dialog)
        shutil.copyfile(stick / "other.yeda", stick / "other-again.yeda")
        with qtbot.waitSignal(dialog.finished_work, timeout=30_000):
            dialog.import_paths([stick / "other.yeda", stick / "other-again.yeda"])
        assert len(asked) == 1  # one change of centre at a time
        assert "other-again.yeda: 未导入：一次只能导入一个中心的配置文件。" \
            in dialog.report_view.toPlainText()
        assert "更换中心" in asked[0] and "业达中心" in asked[0] and "福山中心" in asked[0]
        assert "批次编号从 1 重新开始" in asked[0]
        assert "“业达中心”辖区的楼宇、组织和人员将从本机清除（清除前先在数据库旁备份）" in asked[0]
        if answer == "No":
            assert "未更换中心，未写入任何内容" in dialog.report_view.toPlainText()
            assert "--replace" not in dialog.report_view.toPlainText()
        else:
            qtbot.waitUntil(lambda: "本机已从中心“业达中心”改为中心“福山中心”"
                            in dialog.report_view.toPlainText(), timeout=30_000)
            assert re.search(r"原中心辖区的 \d+ 条记录已从本机清除（已先备份到 "
                             r".+before-centre-change", dialog.report_view.toPlainText())
    finally:
        db.close()
    if answer == "No":
        assert snapshot(laptop) == before
    else:
        assert trusted_centre(laptop) == "fushan-centre"
        # The old zone can be brought back from the backup the window offers.
        from yeda_desktop.ui.restore_dialog import RestoreDialog

        backups = RestoreDialog(laptop.db_path, "zh")
        qtbot.addWidget(backups)
        first = backups.table.topLevelItem(0)
        assert first is not None and first.text(2) == "更换中心前"


@pytest.mark.gui
def test_the_window_of_a_moved_laptop_drops_the_floor_it_showed(
    qtbot: QtBot, chinese_ui: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The floor in view belonged to the old zone: it goes, and the heading says where the
    new zone's buildings come from."""
    from PySide6.QtWidgets import QMessageBox

    _centre, (laptop,), stick = build_sites(tmp_path, 1)
    other_centre(tmp_path, stick)
    window = laptop_window(qtbot, laptop, tmp_path, monkeypatch)
    tree = window.navigator.tree
    assert tree is not None
    building = next(n.id for n in tree.nodes.values() if n.kind == "building")
    window.show_floor(building, window.navigator.floors(building)[0])
    assert window.floor_view.tiles.rowCount() > 0

    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_a: QMessageBox.StandardButton.Yes)
    import_from_window(qtbot, window, monkeypatch, [stick / "other.yeda"])
    qtbot.waitUntil(lambda: window.floor_heading.text().startswith("还没有楼宇"),
                    timeout=30_000)
    assert window.building_id is None and window.floor_view.tiles.rowCount() == 0
    assert trusted_centre(laptop) == "fushan-centre"
    window.close()
