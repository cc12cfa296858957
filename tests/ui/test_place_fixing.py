"""In the real main window: a unit, floor and building typed wrong are corrected from
扫楼 → 更正位置 (and the floor's right-click menu); a unit with an organization stays,
saying why; Ctrl+Z brings a removed floor back into the navigator."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from window_open import open_window

from yeda_desktop.models import Building, Cluster, Floor, Subdistrict, Unit, Zone
from yeda_desktop.models.enums import ClusterKind
from yeda_desktop.services import edits, places, sweep
from yeda_desktop.storage import open_database
from yeda_desktop.ui import place_fixing
from yeda_desktop.ui.dialogs import RenameDialog
from yeda_desktop.ui.main_window import MainWindow
from yeda_desktop.ui.settings import AppSettings


@pytest.fixture
def floor_typed_wrong(tmp_path: Path) -> tuple[Path, str, str, dict[str, str]]:
    """创业大楼 (meant: 创业大厦) with floor 3: 301 (an organization), 3O2 (meant: 302), 399
    (added by mistake), and an empty floor 4."""
    path = tmp_path / "zone.sqlite"
    db = open_database(path)
    with db.session(officer="测试") as s:
        zone = Zone(name="烟台开发区")
        cluster = Cluster(subdistrict=Subdistrict(zone=zone, name="福莱山街道"),
                          name="国际人才港", kind=ClusterKind.PARK)
        building = Building(cluster=cluster, name="创业大楼", floors_above=4)
        floor = Floor(building=building, label="3")
        s.add_all([zone, cluster, building, floor, Floor(building=building, label="4")])
        s.flush()
        campaign = sweep.ensure_current_campaign(s)
        add = places.add_units(s, floor.id, "301, 3O2, 399")
        edits.apply(s, add)
        units = {s.get_one(Unit, u).label: u for u in add.created(Unit)}
        edits.apply(s, sweep.register_organization(s, units["301"], "烟台华盛科技有限公司",
                                                   campaign.id, "测试"))
        ids = building.id, floor.id
    db.close()
    return path, ids[0], ids[1], units


def _typing(monkeypatch: pytest.MonkeyPatch, *answers: str) -> list[str]:
    """Stand in for the rename form's exec: type each answer in turn and press OK (the
    refusals shown on the way are returned)."""
    queue, refusals = list(answers), []

    def run(dialog: Any) -> int:
        while queue:
            dialog.text.setText(queue.pop(0))
            dialog.accept()
            if dialog.result():
                return 1
            refusals.append(dialog.error.text())
        return 0

    monkeypatch.setattr(RenameDialog, "exec", run)
    return refusals


def _tiles(window: MainWindow) -> list[str]:
    return [t.label for t in window.floor_view.tiles.tiles]


def test_an_officer_corrects_the_floor_she_typed_wrong(
    qtbot: QtBot, zh_app: QApplication, settings: AppSettings,
    floor_typed_wrong: tuple[Path, str, str, dict[str, str]], monkeypatch: pytest.MonkeyPatch,
) -> None:
    path, building, floor, units = floor_typed_wrong
    window = open_window(qtbot, settings, path)
    window.show_floor(building, floor, units["3O2"])
    assert window.fixes_menu.title() == "更正位置(&L)" and window.fixes_menu.isEnabled()

    refusals = _typing(monkeypatch, "301", "302")
    window.act_rename_unit.trigger()
    assert refusals == ["房间号：本层已有301"]
    assert _tiles(window) == ["301", "302", "399"]

    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _w, _t, text: warnings.append(text))
    window.show_floor(building, floor, units["301"])
    window.act_remove_unit.trigger()
    assert warnings == ["房间：301登记有单位“烟台华盛科技有限公司”，请先将其移出"]
    window.show_floor(building, floor, units["399"])
    window.act_remove_unit.trigger()
    assert _tiles(window) == ["301", "302"]

    # the floor 4 added by mistake: removed, the building's top floor shown instead
    fourth = next(f for f in window.navigator.floors(building) if f != floor)
    window.show_floor(building, fourth)
    window.act_remove_floor.trigger()
    assert window.navigator.floors(building) == [floor] and window.floor_id == floor
    assert window.floor_heading.text().startswith("创业大楼 · 3层")
    window.act_undo.trigger()
    assert fourth in window.navigator.floors(building)

    _typing(monkeypatch, "创业大厦")
    window.act_rename_building.trigger()
    assert window.navigator.tree is not None
    assert window.navigator.tree.nodes[building].name == "创业大厦"
    assert window.floor_heading.text().startswith("创业大厦 · 3层")
    window.act_undo.trigger()  # the name goes back in the tree too
    assert window.navigator.tree.nodes[building].name == "创业大楼"
    window.act_redo.trigger()
    window.close()

    db = open_database(path)
    with db.reader() as s:
        assert sorted(s.scalars(select(Unit.label))) == ["301", "302"]
        assert s.scalars(select(Building.name)).one() == "创业大厦"
        assert sorted(s.scalars(select(Floor.label))) == ["3", "4"]
    db.close()


def test_the_floor_s_right_click_menu_offers_the_corrections(
    qtbot: QtBot, zh_app: QApplication, settings: AppSettings,
    floor_typed_wrong: tuple[Path, str, str, dict[str, str]], monkeypatch: pytest.MonkeyPatch,
) -> None:
    path, building, floor, units = floor_typed_wrong
    window = open_window(qtbot, settings, path)
    window.show_floor(building, floor, units["399"])
    from PySide6.QtCore import Qt

    for view in (window.floor_view, window.navigator):
        assert view.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
    menu = place_fixing.place_menu(window, window.floor_view, unit=True)
    assert [a.text() for a in menu.actions() if not a.isSeparator()] == [
        "修改房间号(&N)…", "删除误加的房间", "修改楼层…", "删除误加的楼层", "修改楼宇名称…"]
    menu = place_fixing.place_menu(window, window.navigator, unit=False)  # a floor's
    assert [a.text() for a in menu.actions() if not a.isSeparator()] == [
        "修改楼层…", "删除误加的楼层", "修改楼宇名称…"]
    window.close()
