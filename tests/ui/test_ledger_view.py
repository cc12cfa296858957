"""The ledger view: filters narrow the table, overdue rows stand out, bulk assignment, open."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from yeda_desktop.ledger import reconcile
from yeda_desktop.models import (
    Building,
    Campaign,
    Cluster,
    Floor,
    Gap,
    Occupancy,
    Organization,
    Subdistrict,
    Unit,
    Zone,
)
from yeda_desktop.models.enums import ClusterKind, GapStatus, Ownership
from yeda_desktop.rules import RulesProfile
from yeda_desktop.storage import Database, open_database
from yeda_desktop.ui.ledger_model import OVERDUE_BRUSH
from yeda_desktop.ui.ledger_view import LedgerView

PROFILE = RulesProfile(disabled=("data_quality", "no_work_coverage"))


@pytest.fixture
def ledger_db(tmp_path: Path) -> Database:
    db = open_database(tmp_path / "ledger.sqlite")
    with db.session(officer="测试") as s:
        s.add(Campaign(name="2026年集中扫楼月", year=2026, is_current=True))
        zone = Zone(name="烟台开发区")
        east = Subdistrict(zone=zone, name="八角街道")
        west = Subdistrict(zone=zone, name="古现街道")
        park = Cluster(subdistrict=east, name="国际人才港", kind=ClusterKind.PARK)
        mall = Cluster(subdistrict=west, name="衡山路商圈", kind=ClusterKind.BUSINESS_DISTRICT)
        tower = Building(cluster=park, name="人才港一号楼")
        plaza = Building(cluster=mall, name="衡山路广场")
        s.add_all([zone, east, west, park, mall, tower, plaza])
        s.flush()
        for n, (building, staff, ownership) in enumerate([
            (tower, 150, Ownership.FOREIGN), (tower, 60, Ownership.PRIVATE),
            (plaza, 120, Ownership.PRIVATE),
        ]):
            floor = Floor(building_id=building.id, label=str(n + 1))
            s.add(floor)
            s.flush()
            unit = Unit(floor_id=floor.id, label=f"{n + 1}01")
            org = Organization(name=f"烟台示例{n}号有限公司", staff_count=staff,
                               ownership=ownership, has_party_activities=True,
                               has_party_guarantees=True)
            s.add_all([unit, org])
            s.flush()
            s.add(Occupancy(organization_id=org.id, unit_id=unit.id))
        s.flush()
        reconcile(s, profile=PROFILE)
        late = s.scalars(select(Gap).join(Organization).where(
            Organization.name == "烟台示例2号有限公司", Gap.rule_id == "no_party_org")).one()
        late.responsible = "李科长"
        late.due_on = date.today() - timedelta(days=3)
    return db


def _view(qtbot: QtBot, db: Database) -> LedgerView:
    view = LedgerView()
    qtbot.addWidget(view)
    view.set_database(db, "测试")
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.show()  # rows load when the view is first shown
    return view


def _select_data(combo: object, value: object) -> None:
    combo.setCurrentIndex(combo.findData(value))  # type: ignore[attr-defined]


def test_filters_narrow_the_table(zh_app: QApplication, qtbot: QtBot,
                                  ledger_db: Database) -> None:
    view = _view(qtbot, ledger_db)
    total = view.proxy.rowCount()
    # 150 staff: no member + no org + four haves; 60: no member; 120: no member + no org
    assert total == 6
    _select_data(view.rule_box, "no_party_org")
    assert view.proxy.rowCount() == 2
    _select_data(view.subdistrict_box, "古现街道")
    assert view.proxy.rowCount() == 1
    _select_data(view.rule_box, None)
    _select_data(view.subdistrict_box, None)
    _select_data(view.building_box, "人才港一号楼")
    assert view.proxy.rowCount() == 4
    _select_data(view.building_box, None)
    _select_data(view.ownership_box, Ownership.FOREIGN)
    assert {view.proxy.row_at(r).rule_id for r in range(view.proxy.rowCount())} == {
        "no_party_member", "no_party_org", "four_haves"}
    _select_data(view.ownership_box, None)
    view.overdue_only.setChecked(True)
    assert view.proxy.rowCount() == 1
    _select_data(view.responsible_box, "李科长")
    assert view.proxy.rowCount() == 1
    view.overdue_only.setChecked(False)
    _select_data(view.responsible_box, None)
    _select_data(view.status_box, GapStatus.CLOSED)
    assert view.proxy.rowCount() == 0
    _select_data(view.status_box, None)
    view.search.setText("示例1号")
    assert view.proxy.rowCount() == 1
    assert "1" in view.count_label.text() and "6" in view.count_label.text()


def test_overdue_rows_are_highlighted_and_sorting_works(zh_app: QApplication, qtbot: QtBot,
                                                        ledger_db: Database) -> None:
    view = _view(qtbot, ledger_db)
    overdue = [r for r in range(view.proxy.rowCount()) if view.proxy.row_at(r).overdue]
    assert len(overdue) == 1
    index = view.proxy.index(overdue[0], 0)
    assert index.data(Qt.ItemDataRole.BackgroundRole) == OVERDUE_BRUSH
    due_column = view.model.COLUMNS.index("due")
    view.table.sortByColumn(due_column, Qt.SortOrder.AscendingOrder)
    assert view.proxy.row_at(0).due_on is not None


def test_bulk_assignment_and_history(zh_app: QApplication, qtbot: QtBot,
                                     ledger_db: Database) -> None:
    view = _view(qtbot, ledger_db)
    _select_data(view.rule_box, "no_party_member")
    view.table.selectAll()
    due = date(2026, 12, 31)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        assert view.apply_to_selected(
            lambda s, gaps: __import__("yeda_desktop.ledger", fromlist=["x"]).set_responsible(
                s, gaps, "王书记", due))
    with ledger_db.reader() as s:
        gaps = s.scalars(select(Gap).where(Gap.rule_id == "no_party_member")).all()
        assert {(g.responsible, g.due_on) for g in gaps} == {("王书记", due)}
    view.table.clearSelection()
    view.table.selectRow(0)
    assert "王书记" in view.detail.toPlainText()
    assert "已发现" in view.detail.toPlainText()


def test_refused_moves_change_nothing(zh_app: QApplication, qtbot: QtBot,
                                      ledger_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    view = _view(qtbot, ledger_db)
    warnings: list[str] = []
    monkeypatch.setattr(view, "_failed", lambda exc: warnings.append(exc.zh))
    view.table.selectRow(0)
    view.start_work()  # identified → in progress skips "assigned"
    assert warnings and "不能改为" in warnings[0]
    with ledger_db.reader() as s:
        assert {g.status for g in s.scalars(select(Gap))} == {GapStatus.IDENTIFIED}


def test_double_click_asks_to_open_the_organization(zh_app: QApplication, qtbot: QtBot,
                                                    ledger_db: Database) -> None:
    view = _view(qtbot, ledger_db)
    view.table.selectRow(0)
    row = view.proxy.row_at(0)
    opened: list[str] = []
    places: list[tuple[str, str, str]] = []
    view.open_organization.connect(opened.append)
    view.open_place.connect(lambda b, f, u: places.append((b, f, u)))
    view._double_clicked()
    assert opened == [row.organization_id]
    assert len(places) == 1 and all(places[0])


def test_ledger_vocabulary_translations_match_the_core(zh_app: QApplication) -> None:
    from PySide6.QtCore import QCoreApplication

    from yeda_desktop.ui.ledger_labels import LEDGER_SOURCES

    for source, chinese in LEDGER_SOURCES.items():
        assert QCoreApplication.translate("LedgerLabels", source) == chinese
