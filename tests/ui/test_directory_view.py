"""The all-organizations tab loads a window of rows, fetches more on scrolling, sorts, filters."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from yeda_desktop.demo import generate_demo
from yeda_desktop.models import Building, Cluster, Subdistrict, Zone
from yeda_desktop.models.enums import ClusterKind
from yeda_desktop.services import directory
from yeda_desktop.storage import Database, open_database
from yeda_desktop.ui.directory_view import DirectoryView
from yeda_desktop.ui.main_window import MainWindow
from yeda_desktop.ui.settings import AppSettings

PAGE = 20


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = open_database(tmp_path_factory.mktemp("directory") / "demo.sqlite")
    generate_demo(database, 150, 11, None)
    yield database
    database.close()


def _shown_total(view: DirectoryView) -> int | None:
    found = re.search(r"[\d,]+", view.total.text())
    return int(found.group().replace(",", "")) if found else None


@pytest.fixture
def view(qtbot: QtBot, zh_app: QApplication, db: Database) -> DirectoryView:
    widget = DirectoryView(page_size=PAGE)
    qtbot.addWidget(widget)
    widget.resize(900, 300)  # a short table: one page more than fills it
    widget.show()
    widget.set_database(db)
    qtbot.waitUntil(lambda: widget.model.rowCount() == PAGE and not widget.model._busy)
    return widget


def test_only_a_window_is_loaded_and_scrolling_fetches_more(
    qtbot: QtBot, view: DirectoryView, db: Database
) -> None:
    qtbot.waitUntil(lambda: _shown_total(view) == 150)
    assert view.model.rowCount() == PAGE < 150
    assert view.model.canFetchMore()
    view.table.scrollToBottom()
    qtbot.waitUntil(lambda: view.model.rowCount() == 2 * PAGE)
    names = [r.name for r in view.model.rows]
    assert names == sorted(names)
    with db.reader() as s:
        expected = directory.page(s, directory.DirectoryFilter(), "name", False, None, 2 * PAGE)
    assert [r.id for r in view.model.rows] == [r.id for r in expected.rows]


def test_sorting_by_an_aggregate_pages_through_its_order(
    qtbot: QtBot, view: DirectoryView, db: Database
) -> None:
    view.table.sortByColumn(6, Qt.SortOrder.DescendingOrder)  # party members, most first
    qtbot.waitUntil(lambda: view.model.rowCount() == PAGE and not view.model._busy)
    view.table.scrollToBottom()
    qtbot.waitUntil(lambda: view.model.rowCount() == 2 * PAGE)
    with db.reader() as s:
        order = directory.ordered_ids(s, directory.DirectoryFilter(), "members", True)
    assert [r.id for r in view.model.rows] == order[: 2 * PAGE]
    members = [r.members for r in view.model.rows]
    assert members == sorted(members, reverse=True) and members[0] > 0


def test_filters_narrow_the_list_in_sql(qtbot: QtBot, view: DirectoryView, db: Database) -> None:
    qtbot.waitUntil(lambda: view.building.count() > 1)
    view.building.setCurrentIndex(1)
    building_id = view.building.currentData()
    with db.reader() as s:
        n = directory.count(s, directory.DirectoryFilter(building_id=building_id))
    qtbot.waitUntil(lambda: _shown_total(view) == n and not view.model._busy)
    assert view.model.rowCount() == min(n, PAGE)
    view.ownership.setCurrentIndex(view.ownership.findData("foreign"))
    qtbot.waitUntil(lambda: not view.model._busy and view.model.filter.ownership is not None)
    qtbot.waitUntil(lambda: all(r.ownership.value == "foreign" for r in view.model.rows))


def test_the_mark_drop_down_narrows_to_the_marked(
    qtbot: QtBot, view: DirectoryView, db: Database
) -> None:
    """An administrator lists the 规上 enterprises, then one key industry's members."""
    from yeda_desktop.models.enums import KeyIndustry

    items = [view.mark.itemText(i) for i in range(view.mark.count())]
    assert items[:4] == ["标识：全部", "规模以上企业", "上市公司", "重点非公企业"]
    assert items[4:] == [f"重点行业：{k.zh}" for k in KeyIndustry]
    view.mark.setCurrentIndex(1)
    flt = view.current_filter()
    assert (flt.mark, flt.key_industry) == ("above_size", None)
    with db.reader() as s:
        above = directory.count(s, flt)
    qtbot.waitUntil(lambda: _shown_total(view) == above)
    assert 0 < above < 150
    view.mark.setCurrentIndex(items.index("重点行业：快递"))
    assert view.current_filter().key_industry is KeyIndustry.EXPRESS
    with db.reader() as s:
        express = directory.count(s, view.current_filter())
    qtbot.waitUntil(lambda: _shown_total(view) == express)
    view.mark.setCurrentIndex(0)
    qtbot.waitUntil(lambda: _shown_total(view) == 150)


def test_typing_narrows_the_list_once_the_typing_pauses(
    qtbot: QtBot, view: DirectoryView, db: Database
) -> None:
    """An administrator on the phone about 烟台华盛… types yths and sees it; an industry
    narrows further; clearing the box lists everything again."""
    from pypinyin import Style, lazy_pinyin

    qtbot.waitUntil(lambda: _shown_total(view) == 150)
    target = view.model.rows[3]
    initials = "".join(lazy_pinyin(target.name[:4], style=Style.FIRST_LETTER))
    qtbot.keyClicks(view.text, initials)
    assert view.model.filter.text == ""  # not at each key
    qtbot.waitUntil(lambda: view.model.filter.text == initials and not view.model._busy)
    with db.reader() as s:
        n = directory.count(s, directory.DirectoryFilter(text=initials))
    qtbot.waitUntil(lambda: _shown_total(view) == n)
    assert 0 < n < 150 and target.id in {r.id for r in view.model.rows}
    with db.reader() as s:
        section = s.scalar(text("SELECT industry_section FROM organizations WHERE id = :i"),
                           {"i": target.id})
    view.industry.setCurrentIndex(view.industry.findData(section))
    assert view.industry.currentText().startswith(f"{section} ")
    qtbot.waitUntil(lambda: not view.model._busy and view.model.filter.industry_section == section)
    with db.reader() as s:
        both = directory.count(
            s, directory.DirectoryFilter(text=initials, industry_section=section))
    qtbot.waitUntil(lambda: _shown_total(view) == both)
    assert target.id in {r.id for r in view.model.rows}
    view.industry.setCurrentIndex(0)
    view.text.clear()
    qtbot.waitUntil(lambda: _shown_total(view) == 150)
    assert view.text.placeholderText() == "名称、拼音首字母、信用代码或电话"


def test_export_writes_the_organizations_listed(
    qtbot: QtBot, view: DirectoryView, db: Database, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An administrator lists one building's organizations of one ownership and hands the
    list on as a workbook: those, not the zone's 150."""
    from openpyxl import load_workbook
    from PySide6.QtWidgets import QFileDialog

    asked: list[str] = []
    target = tmp_path / "名单.xlsx"

    def save_as(_parent: object, title: str, *_args: object) -> tuple[str, str]:
        asked.append(title)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)

    def exported() -> list[str]:
        view.export()
        qtbot.waitUntil(lambda: "已导出" in view.total.text(), timeout=10_000)
        return [r[0] for r in load_workbook(target)["两新组织名单"].iter_rows(
            min_row=2, values_only=True)]

    qtbot.waitUntil(lambda: _shown_total(view) == 150 and view.building.count() > 1)
    view.building.setCurrentIndex(1)
    view.ownership.setCurrentIndex(view.ownership.findData("private"))
    flt = view.current_filter()
    with db.reader() as s:
        wanted = sorted(r.name for r in directory.page(s, flt, limit=1000).rows)
    qtbot.waitUntil(lambda: _shown_total(view) == len(wanted))
    assert 0 < len(wanted) < 150
    assert sorted(exported()) == wanted
    assert asked[-1] == f"导出列出的 {len(wanted)} 家单位"
    assert view.total.text() == f"已导出 {len(wanted)} 家单位"

    view.building.setCurrentIndex(0)
    view.ownership.setCurrentIndex(0)
    qtbot.waitUntil(lambda: _shown_total(view) == 150)
    assert len(exported()) == 150 and asked[-1] == "导出单位名单"


def test_double_click_opens_the_organization_s_unit(qtbot: QtBot, view: DirectoryView) -> None:
    row = next(n for n, r in enumerate(view.model.rows) if r.unit_id)
    index = view.model.index(row, 0)
    with qtbot.waitSignal(view.open_place) as signal:
        view.table.doubleClicked.emit(index)
    r = view.model.rows[row]
    assert signal.args == [r.building_id, r.floor_id, r.unit_id]


def test_the_main_window_tab_opens_an_organization_in_the_sweep(
    qtbot: QtBot, zh_app: QApplication, settings: AppSettings, db: Database
) -> None:
    window = MainWindow(settings, "zh")
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.ready, timeout=30_000):
        window.open_database(str(db.path))
    assert window.directory.model.rowCount() == 0  # nothing read before the tab is shown
    window.tabs.setCurrentWidget(window.directory)
    model = window.directory.model
    qtbot.waitUntil(lambda: model.rowCount() > 0 and not model._busy)
    row = next(n for n, r in enumerate(model.rows) if r.unit_id)
    window.directory.table.doubleClicked.emit(model.index(row, 0))
    assert window.tabs.currentIndex() == 0
    assert window.floor_view.current_unit() == model.rows[row].unit_id
    window.close()


def test_a_page_for_a_filter_no_longer_shown_is_dropped_even_when_it_failed(
    qtbot: QtBot, view: DirectoryView, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every page read is tagged with the filter and sort it was read for: a late one,
    or its failure, changes nothing; a failure of the page shown is raised."""
    failing = {"on": True}
    real = directory.page

    def page(*args: object, **kwargs: object) -> object:
        if failing["on"]:
            raise RuntimeError("disk gone")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    raised: list[BaseException] = []
    monkeypatch.setattr(directory, "page", page)
    monkeypatch.setattr("sys.excepthook", lambda _t, exc, _tb: raised.append(exc))
    view.ownership.setCurrentIndex(view.ownership.findData("foreign"))  # its page fails
    qtbot.waitUntil(lambda: raised != [], timeout=5000)
    assert isinstance(raised[0], RuntimeError) and str(raised[0]) == "disk gone"
    assert view.model.rowCount() == 0 and not view.model._busy
    failing["on"] = False
    view.ownership.setCurrentIndex(0)
    qtbot.waitUntil(lambda: view.model.rowCount() == PAGE)
    stale = view.model._generation - 1
    from yeda_desktop.ui.directory_model import PageFailed

    view.model._failed(PageFailed(stale))  # a late failure of the filter before: ignored
    view.model._arrived((stale, [], None, None))
    assert view.model.rowCount() == PAGE and len(raised) == 1


def test_buildings_of_one_name_are_offered_with_their_cluster(
    qtbot: QtBot, zh_app: QApplication, tmp_path: Path
) -> None:
    """Before, the building filter listed 1号楼 twice with nothing to tell which was which."""
    database = open_database(tmp_path / "twins.sqlite")
    with database.session(officer="测试") as s:
        zone = Zone(name="烟台开发区")
        sub = Subdistrict(zone=zone, name="八角街道")
        park = Cluster(subdistrict=sub, name="国际人才港", kind=ClusterKind.PARK)
        camp = Cluster(subdistrict=sub, name="创业园", kind=ClusterKind.PARK)
        s.add_all([zone, sub, park, camp, Building(cluster=park, name="1号楼"),
                   Building(cluster=camp, name="1号楼")])
        s.flush()
        camp_id = camp.id
    widget = DirectoryView(page_size=PAGE)
    qtbot.addWidget(widget)
    widget.set_database(database)
    widget.show()

    def offered() -> list[str]:
        return [widget.building.itemText(i) for i in range(1, widget.building.count())]

    qtbot.waitUntil(lambda: widget.building.count() == 3)
    assert offered() == ["1号楼（创业园）", "1号楼（国际人才港）"]
    widget.cluster.setCurrentIndex(widget.cluster.findData(camp_id))
    assert offered() == ["1号楼"]
    widget.set_database(None)
    database.close()
