"""The centre sees, per device, which batches have not arrived: before 2026-11-29 only the
report of the import that noticed the gap said so, and the devices list showed the last
batch number alone."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest
from flow_helpers import build_sites, edit_row, first_value
from pytestqt.qtbot import QtBot

from yeda_desktop.models import Organization
from yeda_desktop.syncflow.enrolment import missing_sequences, sequence_ranges
from yeda_desktop.syncflow.installation import load_keys


def test_missing_batch_numbers_are_runs_below_the_highest() -> None:
    assert missing_sequences({1, 3, 4, 8}) == (2, 5, 6, 7)
    assert missing_sequences({1, 2}) == () and missing_sequences(set()) == ()
    assert sequence_ranges((2, 5, 6, 7, 9)) == "2, 5–7, 9"
    assert sequence_ranges(tuple(range(2, 500))) == "2–499"  # short however many


@pytest.mark.gui
def test_the_devices_list_and_view_name_the_batches_not_arrived(
    qtbot: QtBot, chinese_ui: None, tmp_path: Path,
) -> None:
    from yeda_desktop.ui.sync_devices import COLUMNS, DevicesView

    centre, (laptop,), stick = build_sites(tmp_path, 1)
    org = first_value(laptop, Organization.id)
    for n in (1, 2, 3):
        edit_row(laptop, "王芳", Organization, org, staff_count=10 + n)
        laptop.cli("export", str(stick / f"b{n}.yeda"), officer="王芳")
    centre.cli("import", str(stick / "b1.yeda"))
    centre.cli("import", str(stick / "b3.yeda"))  # batch 2 stays on the stick

    listing = centre.cli("devices", "list")
    assert "尚未到达的批次 batches not arrived: 2" in listing
    assert "最近导入 last import 20" in listing  # a local date and time
    db = centre.open()
    try:
        view = DevicesView(db, load_keys(centre.keys))
        qtbot.addWidget(view)
        row = next(r for r in range(view.table.rowCount())
                   if view.table.item(r, 0).text() == laptop.device_id())
        missing = view.table.item(row, COLUMNS.index("missing"))
        assert missing.text() == "2" and "请向队员索取这些批次：2" in missing.toolTip()
        assert view.table.item(row, COLUMNS.index("last_sequence")).text() == "3"
        assert view.table.item(row, COLUMNS.index("last_import")).text().startswith("20")
    finally:
        db.close()

    centre.cli("import", str(stick / "b2.yeda"))
    assert "尚未到达" not in centre.cli("devices", "list")
