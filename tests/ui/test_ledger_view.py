"""The ledger view: filters narrow the table, overdue rows stand out, bulk assignment, open;
buttons check before they ask, filters are labelled, columns fit their text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from yeda_desktop.ledger import LedgerRow, assign, reconcile
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
from yeda_desktop.models.enums import ClusterKind, GapAction, GapStatus, Ownership
from yeda_desktop.rules import RulesProfile
from yeda_desktop.storage import Database, open_database
from yeda_desktop.ui import ledger_view
from yeda_desktop.ui.ledger_dialogs import BulkAssignDialog, CloseGapDialog, WaiveGapDialog
from yeda_desktop.ui.ledger_model import OVERDUE_BRUSH, LedgerModel
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
        for n, (building, staff, ownership) in enumerate(
            [
                (tower, 150, Ownership.FOREIGN),
                (tower, 60, Ownership.PRIVATE),
                (plaza, 120, Ownership.PRIVATE),
            ]
        ):
            floor = Floor(building_id=building.id, label=str(n + 1))
            s.add(floor)
            s.flush()
            unit = Unit(floor_id=floor.id, label=f"{n + 1}01")
            org = Organization(
                name=f"烟台示例{n}号有限公司",
                staff_count=staff,
                ownership=ownership,
                has_party_activities=True,
                has_party_guarantees=True,
            )
            s.add_all([unit, org])
            s.flush()
            s.add(Occupancy(organization_id=org.id, unit_id=unit.id))
        s.flush()
        reconcile(s, profile=PROFILE)
        late = s.scalars(
            select(Gap)
            .join(Organization)
            .where(Organization.name == "烟台示例2号有限公司", Gap.rule_id == "no_party_org")
        ).one()
        late.responsible = "李科长"
        late.due_on = date.today() - timedelta(days=3)
    return db


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts of the warning boxes shown (recorded instead of blocking the test)."""
    shown: list[str] = []

    def warning(_parent: object, _title: str, text: str, *_args: object) -> None:
        shown.append(text)

    monkeypatch.setattr(QMessageBox, "warning", warning)
    return shown


class Dialogs:
    """Stands in for the view's input dialogs: records each one opened and answers it."""

    def __init__(self) -> None:
        self.opened: list[str] = []
        self.answers: dict[str, Any] = {}

    def stand_in(self, name: str) -> Callable[..., Any]:
        def ask(*_args: object, **_kwargs: object) -> Any:
            self.opened.append(name)
            if name not in self.answers:
                pytest.fail(f"{name} opened although the action cannot run")
            answer = self.answers[name]  # a form's answer fills it in (its exec's self)
            return answer(*_args) if callable(answer) else answer

        return ask


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    """No real input dialog opens; one the test did not expect fails it."""
    found = Dialogs()
    for name in ("getText", "getMultiLineText", "getItem"):
        monkeypatch.setattr(QInputDialog, name, found.stand_in(name))
    for form in (BulkAssignDialog, CloseGapDialog, WaiveGapDialog):
        monkeypatch.setattr(form, "exec", found.stand_in(form.__name__))
    return found


def _view(qtbot: QtBot, db: Database) -> LedgerView:
    view = LedgerView()
    qtbot.addWidget(view)
    view.set_database(db, "测试")
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.show()  # rows load when the view is first shown
    return view


def _select_data(combo: object, value: object) -> None:
    combo.setCurrentIndex(combo.findData(value))  # type: ignore[attr-defined]


def test_filters_narrow_the_table(zh_app: QApplication, qtbot: QtBot, ledger_db: Database) -> None:
    view = _view(qtbot, ledger_db)
    total = view.model.rowCount()
    # 150 staff: no member + no org + four haves; 60: no member; 120: no member + no org
    assert total == 6
    _select_data(view.rule_box, "no_party_org")
    assert view.model.rowCount() == 2
    _select_data(view.subdistrict_box, "古现街道")
    assert view.model.rowCount() == 1
    _select_data(view.rule_box, None)
    _select_data(view.subdistrict_box, None)
    view.building_box.setCurrentIndex(view.building_box.findText("人才港一号楼"))
    assert view.model.rowCount() == 4
    _select_data(view.building_box, None)
    _select_data(view.ownership_box, Ownership.FOREIGN)
    assert {view.model.row_at(r).rule_id for r in range(view.model.rowCount())} == {
        "no_party_member",
        "no_party_org",
        "four_haves",
    }
    _select_data(view.ownership_box, None)
    view.overdue_only.setChecked(True)
    assert view.model.rowCount() == 1
    _select_data(view.responsible_box, "李科长")
    assert view.model.rowCount() == 1
    view.overdue_only.setChecked(False)
    _select_data(view.responsible_box, None)
    _select_data(view.status_box, GapStatus.CLOSED)
    assert view.model.rowCount() == 0
    _select_data(view.status_box, None)
    view.search.setText("示例1号")
    assert view.model.rowCount() == 6  # filtered once the typing pauses, not at each key
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=2000)
    assert "1" in view.count_label.text() and "6" in view.count_label.text()


def test_the_search_box_takes_pinyin_initials_as_the_sweep_s_search_does(
    zh_app: QApplication, qtbot: QtBot, ledger_db: Database
) -> None:
    """烟台示例… by "ytsl" (no gap's words hold those letters): the search index's match."""
    view = _view(qtbot, ledger_db)
    view.search.setText("ytsl2")
    qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=5000)
    assert {view.model.row_at(r).organization for r in range(2)} == {"烟台示例2号有限公司"}
    # what 打印 and 导出… take is the same filter, with what the index found
    assert len(view.current_filter().select(view.model.all_rows)) == 2
    view.search.setText("ytsl")
    qtbot.waitUntil(lambda: view.model.rowCount() == 6, timeout=5000)
    view.search.setText("zzzz")
    qtbot.waitUntil(lambda: view.model.rowCount() == 0, timeout=5000)
    assert view.search.placeholderText() == "单位名称或拼音首字母、信用代码、电话或问题说明"


def test_overdue_rows_are_highlighted_and_sorting_works(
    zh_app: QApplication, qtbot: QtBot, ledger_db: Database
) -> None:
    view = _view(qtbot, ledger_db)
    names = [view.model.row_at(r).organization for r in range(view.model.rowCount())]
    assert names == sorted(names) and len(set(names)) > 1  # A to Z at first, as the directory
    overdue = [r for r in range(view.model.rowCount()) if view.model.row_at(r).overdue]
    assert len(overdue) == 1
    index = view.model.index(overdue[0], 0)
    assert index.data(Qt.ItemDataRole.BackgroundRole) == OVERDUE_BRUSH
    due_column = view.model.COLUMNS.index("due")
    view.table.sortByColumn(due_column, Qt.SortOrder.AscendingOrder)
    assert view.model.row_at(0).due_on is not None


def test_bulk_assignment_and_history(
    zh_app: QApplication, qtbot: QtBot, ledger_db: Database
) -> None:
    view = _view(qtbot, ledger_db)
    _select_data(view.rule_box, "no_party_member")
    view.table.selectAll()
    due = date(2026, 12, 31)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        assert view.apply_to_selected(
            lambda s, gaps: __import__("yeda_desktop.ledger", fromlist=["x"]).set_responsible(
                s, gaps, "王书记", due
            )
        )
    with ledger_db.reader() as s:
        gaps = s.scalars(select(Gap).where(Gap.rule_id == "no_party_member")).all()
        assert {(g.responsible, g.due_on) for g in gaps} == {("王书记", due)}
    view.table.clearSelection()
    view.table.selectRow(0)
    assert "负责人：王书记" in view.detail.toPlainText()  # a Chinese colon after a Chinese label
    assert "整改期限：2026-12-31" in view.detail.toPlainText()
    assert "已发现" in view.detail.toPlainText()


def test_refused_moves_change_nothing(
    zh_app: QApplication, qtbot: QtBot, ledger_db: Database, warnings: list[str]
) -> None:
    view = _view(qtbot, ledger_db)
    view.table.selectRow(0)
    view.start_work()  # identified → in progress skips "assigned"
    assert warnings and "不能改为" in warnings[0]
    with ledger_db.reader() as s:
        assert {g.status for g in s.scalars(select(Gap))} == {GapStatus.IDENTIFIED}


def test_double_click_asks_to_open_the_organization(
    zh_app: QApplication, qtbot: QtBot, ledger_db: Database
) -> None:
    view = _view(qtbot, ledger_db)
    view.table.selectRow(0)
    row = view.model.row_at(0)
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


STEP_SLOTS = {
    "bulk": "bulk_assign",
    "assign": "assign_action",
    "start": "start_work",
    "close": "close_gap",
    "waive": "waive_gap",
    "reopen": "reopen_gap",
}
CJK = re.compile(r"[\u4e00-\u9fff]")


def test_with_nothing_selected_the_buttons_ask_nothing(
    zh_app: QApplication,
    qtbot: QtBot,
    ledger_db: Database,
    warnings: list[str],
    dialogs: Dialogs,
) -> None:
    view = _view(qtbot, ledger_db)
    view.table.clearSelection()
    for name, slot in STEP_SLOTS.items():
        button = view.buttons[name]
        assert not button.isEnabled(), name
        assert button.toolTip() == "请先选择一个问题", name
        getattr(view, slot)()  # reached all the same (a shortcut, say): it says why, asks nothing
    assert dialogs.opened == []
    assert warnings == ["请先选择一个问题"] * len(STEP_SLOTS)
    # The empty pane beside the table says what it is for.
    assert view.detail.toPlainText().startswith("选择一项问题，查看其措施和整改经过")


def _select_gap(view: LedgerView, gap_id: str) -> None:
    view.table.clearSelection()
    rows = [r for r in range(view.model.rowCount()) if view.model.row_at(r).gap_id == gap_id]
    view.table.selectRow(rows[0])


def test_a_refused_step_says_why_before_asking_for_anything(
    zh_app: QApplication,
    qtbot: QtBot,
    ledger_db: Database,
    warnings: list[str],
    dialogs: Dialogs,
) -> None:
    view = _view(qtbot, ledger_db)
    view.table.selectRow(0)
    gap_id = view.model.row_at(0).gap_id
    assert view.model.row_at(0).status == GapStatus.IDENTIFIED
    refused = "该问题当前为“已发现”，不能改为“已整改”"
    assert not view.buttons["close"].isEnabled()
    assert view.buttons["close"].toolTip() == refused
    assert not view.buttons["reopen"].isEnabled() and not view.buttons["start"].isEnabled()
    assert view.buttons["waive"].isEnabled() and view.buttons["assign"].isEnabled()
    view.close_gap()
    assert dialogs.opened == []  # nothing typed in vain
    assert warnings == [refused]

    dialogs.answers["getItem"] = ("选派党建指导员", True)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.assign_action()
    _select_gap(view, gap_id)
    assert view.buttons["close"].isEnabled() and view.buttons["close"].toolTip() == ""

    def rectified(form: CloseGapDialog) -> QDialog.DialogCode:
        assert not form.ok.isEnabled()  # no evidence yet
        form.evidence.setPlainText("已选派指导员，见会议记录")
        assert form.ok.isEnabled() and form.closed_on.maximumDate() == QDate.currentDate()
        form.closed_on.setDate(QDate.currentDate().addDays(-9))
        return QDialog.DialogCode.Accepted

    dialogs.answers["CloseGapDialog"] = rectified
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.close_gap()
    assert dialogs.opened == ["getItem", "CloseGapDialog"]
    with ledger_db.reader() as s:
        gap = s.get(Gap, gap_id)
        assert gap is not None and gap.status == GapStatus.CLOSED
        assert gap.action == GapAction.INSTRUCTOR and gap.evidence == "已选派指导员，见会议记录"
        assert gap.closed_on == date.today() - timedelta(days=9)  # the day of the work
    _select_gap(view, gap_id)
    assert view.buttons["reopen"].isEnabled() and not view.buttons["bulk"].isEnabled()
    assert view.buttons["bulk"].toolTip() == "“已整改”的问题不能再指定负责人"


def test_a_waiver_records_who_decided_it(
    zh_app: QApplication, qtbot: QtBot, ledger_db: Database, dialogs: Dialogs
) -> None:
    """The one who decided is asked for (the officer typing it, unless changed): the
    district's committee decides a waiver that a secretary records."""
    view = _view(qtbot, ledger_db)
    view.table.selectRow(0)
    gap_id = view.model.row_at(0).gap_id

    def decided(form: WaiveGapDialog) -> QDialog.DialogCode:
        assert form.decided_by.text() == "测试" and not form.ok.isEnabled()  # no reason yet
        form.reason.setText("企业已注销")
        form.decided_by.setText(" ")
        assert not form.ok.isEnabled()
        form.decided_by.setText("区委组织部")
        assert form.ok.isEnabled()
        return QDialog.DialogCode.Accepted

    dialogs.answers["WaiveGapDialog"] = decided
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.waive_gap()
    with ledger_db.reader() as s:
        gap = s.get(Gap, gap_id)
        assert gap is not None
        assert (gap.status, gap.waived_reason, gap.waived_by) == (
            GapStatus.WAIVED, "企业已注销", "区委组织部")
        assert gap.events[-1].note == "企业已注销（决定人：区委组织部）"
        assert gap.events[-1].officer == "测试"


def test_a_mixed_selection_is_refused_for_the_gaps_that_cannot_move(
    zh_app: QApplication, qtbot: QtBot, ledger_db: Database
) -> None:
    with ledger_db.session(officer="测试") as s:
        first = s.scalars(select(Gap).order_by(Gap.id)).first()
        assert first is not None
        assign(s, first, GapAction.INSTRUCTOR)
    view = _view(qtbot, ledger_db)
    view.table.selectAll()
    assert not view.buttons["close"].isEnabled()
    assert "不能改为“已整改”" in view.buttons["close"].toolTip()
    assert view.buttons["waive"].isEnabled() and view.buttons["bulk"].isEnabled()


def test_every_filter_drop_down_has_a_visible_chinese_label_and_a_tooltip(
    zh_app: QApplication, qtbot: QtBot, ledger_db: Database
) -> None:
    view = _view(qtbot, ledger_db)
    combos = view.findChildren(QComboBox)
    assert len(combos) == 8
    labels = {
        label.buddy().objectName(): label
        for label in view.findChildren(QLabel)
        if label.buddy() is not None
    }
    texts = set()
    for combo in combos:
        label = labels.get(combo.objectName())
        assert label is not None, combo.objectName()
        assert label.isVisible() and CJK.search(label.text()), label.text()
        assert label.x() < combo.x() and label.y() < combo.y() + combo.height()
        assert CJK.search(combo.toolTip()), combo.objectName()
        texts.add(label.text())
    assert len(texts) == 8
    assert {"问题类型：", "状态：", "镇街：", "行业：", "负责人："} <= texts


def test_columns_fit_their_text_within_a_cap_and_details_take_the_rest(
    zh_app: QApplication, qtbot: QtBot, ledger_db: Database
) -> None:
    long_name = "烟台经济技术开发区示例国际供应链管理服务有限公司第一分公司"
    with ledger_db.session(officer="测试") as s:
        org = s.scalars(select(Organization).where(Organization.name == "烟台示例1号有限公司"))
        org.one().name = long_name
    view = _view(qtbot, ledger_db)
    fm = view.table.fontMetrics()
    column = {name: n for n, name in enumerate(view.model.COLUMNS)}
    width = view.table.columnWidth
    texts = {
        name: [view.model.index(r, n).data() for r in range(view.model.rowCount())]
        for name, n in column.items()
    }
    assert width(column["organization"]) >= fm.horizontalAdvance("烟台示例0号有限公司")
    assert width(column["organization"]) < fm.horizontalAdvance(long_name)  # capped
    assert width(column["detail"]) >= max(fm.horizontalAdvance(t) for t in texts["detail"])
    assert width(column["action"]) < width(column["organization"]) / 2  # empty: its heading
    assert width(column["responsible"]) < width(column["organization"]) / 2
    long_row = texts["organization"].index(long_name)
    tip = view.model.index(long_row, column["organization"]).data(Qt.ItemDataRole.ToolTipRole)
    assert long_name in tip

    fitted = width(column["detail"])
    header = view.table.horizontalHeader()
    view.resize(4000, 600)  # wider than all columns: the details column takes the rest
    qtbot.waitUntil(lambda: header.length() == view.table.viewport().width())
    assert width(column["detail"]) > fitted
    view.resize(900, 600)
    qtbot.waitUntil(lambda: width(column["detail"]) == fitted)


def test_an_empty_ledger_says_how_to_fill_it(
    zh_app: QApplication, qtbot: QtBot, tmp_path: Path
) -> None:
    """A database never checked (a demo, a fresh baseline) shows the way, not "0 of 0"."""
    from yeda_desktop.demo import generate_demo

    db = open_database(tmp_path / "demo.sqlite")
    generate_demo(db, 5, 1)
    view = _view(qtbot, db)
    assert view.model.rowCount() == 0
    assert view.count_label.text() == "台账中还没有问题：请点击“重新排查”，按规则检查全部单位。"
    with db.session(officer="测试") as s:
        reconcile(s, profile=PROFILE)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.set_database(db, "测试")
    assert view.model.rowCount() > 0 and view.count_label.text().startswith("显示")
    db.close()


def test_buildings_of_one_name_are_chosen_one_by_one_and_places_narrow(
    zh_app: QApplication, qtbot: QtBot
) -> None:
    """Every park has its 1号楼: the building filter picks one of them, named by its cluster
    (before, it offered the name once and showed the gaps of all of them)."""
    spots = [("八角街道", "c1", "国际人才港", "b1", "1号楼"),
             ("八角街道", "c2", "创业园", "b2", "1号楼"),
             ("古现街道", "c3", "海天园", "b3", "1号楼"),
             ("古现街道", "c3", "海天园", "b4", "2号楼")]
    rows = [replace(row, subdistrict=sub, cluster_id=cid, cluster=cluster, building_id=bid,
                    building=name)
            for row, (sub, cid, cluster, bid, name) in zip(_many_rows(8), spots * 2, strict=True)]
    view = LedgerView()
    qtbot.addWidget(view)
    view.set_rows(rows)

    def offered(combo: Any) -> list[str]:
        return [combo.itemText(i) for i in range(1, combo.count())]

    def shown() -> set[str]:
        return {view.model.row_at(r).building_id or "" for r in range(view.model.rowCount())}

    assert offered(view.building_box) == ["1号楼（创业园）", "1号楼（国际人才港）",
                                          "1号楼（海天园）", "2号楼"]
    view.building_box.setCurrentIndex(view.building_box.findText("1号楼（创业园）"))
    assert shown() == {"b2"} and view.model.rowCount() == 2
    _select_data(view.subdistrict_box, "古现街道")  # the chosen building is not there
    assert offered(view.cluster_box) == ["海天园"]
    assert offered(view.building_box) == ["1号楼", "2号楼"]
    assert view.building_box.currentData() is None and shown() == {"b3", "b4"}
    _select_data(view.building_box, "b4")
    assert shown() == {"b4"}
    _select_data(view.subdistrict_box, None)
    _select_data(view.cluster_box, "c1")
    assert offered(view.building_box) == ["1号楼"] and shown() == {"b1"}


def _many_rows(count: int) -> list[LedgerRow]:
    """A centre-sized ledger without a database: rules, statuses, dues and places vary."""
    rules = ("no_party_member", "no_party_org", "four_haves", "data_quality")
    severities = ("high", "medium", "info")
    statuses = (GapStatus.IDENTIFIED, GapStatus.ASSIGNED, GapStatus.CLOSED)
    return [
        LedgerRow(
            gap_id=f"g{n}", organization_id=f"o{n // 2}",
            organization=f"烟台示例{n % 997}号有限公司", uscc=None, rule_id=rules[n % 4],
            severity=severities[n % 3], status=statuses[n % 3],
            detail_zh=f"职工 {n % 300} 人", action=None, responsible=None,
            due_on=None if n % 5 == 0 else date(2026, 1, 1) + timedelta(days=n % 400),
            identified_at=datetime(2026, 6, 1), closed_on=None, evidence=None,
            waived_reason=None, subdistrict="八角街道", cluster="国际人才港",
            building=f"{n % 40}号楼", cluster_id="c1", building_id=f"b{n % 40}",
            building_address=None,
            industry_section="C", ownership=Ownership.PRIVATE,
            overdue=False,
        )
        for n in range(count)
    ]


def test_a_large_ledger_sorts_each_column_in_its_natural_order(
    zh_app: QApplication, qtbot: QtBot
) -> None:
    view = LedgerView()
    qtbot.addWidget(view)
    view.set_rows(_many_rows(20_000))
    column = {name: n for n, name in enumerate(view.model.COLUMNS)}

    view.table.sortByColumn(column["severity"], Qt.SortOrder.AscendingOrder)
    order = {"high": 0, "medium": 1, "info": 2}
    severities = [order[r.severity] for r in view.model.rows]
    assert severities == sorted(severities) and severities[0] == 0
    view.table.sortByColumn(column["due"], Qt.SortOrder.AscendingOrder)
    dues = [r.due_on for r in view.model.rows]
    assert dues[0] is not None and dues[-1] is None  # no due date last
    assert dues[: dues.index(None)] == sorted(d for d in dues if d is not None)
    view.table.sortByColumn(column["organization"], Qt.SortOrder.DescendingOrder)
    names = [r.organization for r in view.model.rows]
    assert names == sorted(names, reverse=True)
    # Equal names keep the loaded order (newest first), as they did through Qt's proxy.
    same = [r.gap_id for r in view.model.rows if r.organization == names[0]]
    assert same == sorted(same, key=lambda g: int(g[1:]))


def test_sorting_and_filtering_keep_the_selected_gaps_selected(
    zh_app: QApplication, qtbot: QtBot
) -> None:
    view = LedgerView()
    qtbot.addWidget(view)
    view.show()
    view.set_rows(_many_rows(2_000))
    view.table.selectRow(7)
    chosen = view.selected_rows()
    assert len(chosen) == 1
    view.table.sortByColumn(view.model.COLUMNS.index("building"), Qt.SortOrder.DescendingOrder)
    assert view.selected_rows() == chosen
    _select_data(view.building_box, chosen[0].building_id)  # still shown: still selected
    assert view.model.rowCount() == 50 and view.selected_rows() == chosen
    _select_data(view.building_box, next(b for b in ("b0", "b1") if b != chosen[0].building_id))
    assert view.selected_rows() == []  # no longer shown


def test_selecting_every_gap_of_a_large_ledger_reads_the_selection_not_every_cell(
    zh_app: QApplication, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Select-all once took a minute for 178,000 gaps: the header and the selected rows
    asked the model's size for every row and column. The asks now follow what is visible."""

    class Counting(LedgerModel):
        asked = 0

        def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
            Counting.asked += 1
            return super().rowCount(parent)

    monkeypatch.setattr(ledger_view, "LedgerModel", Counting)
    view = LedgerView()
    qtbot.addWidget(view)
    view.resize(1200, 600)
    view.show()
    view.set_rows(_many_rows(20_000))
    qtbot.wait(50)
    Counting.asked = 0
    view.table.selectAll()
    qtbot.wait(50)  # repainted
    assert len(view.selected_rows()) == 20_000
    assert view.buttons["bulk"].isEnabled() is False  # closed ones among them: says why
    assert Counting.asked < 2_000


def test_the_view_says_it_is_reading_the_ledger_until_the_rows_arrive(
    zh_app: QApplication, qtbot: QtBot, ledger_db: Database
) -> None:
    view = LedgerView()
    qtbot.addWidget(view)
    view.set_database(ledger_db, "测试")
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.show()
        assert view.count_label.text() == "正在读取台账…"
    assert "6" in view.count_label.text() and "读取" not in view.count_label.text()


def test_cancelling_the_re_evaluation_leaves_the_ledger_as_it_was(
    zh_app: QApplication, qtbot: QtBot, ledger_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from yeda_desktop.ui.tasks import Task

    view = _view(qtbot, ledger_db)
    with ledger_db.session(officer="测试") as s:
        for gap in s.scalars(select(Gap)):
            s.delete(gap)
    pressed = threading.Event()
    real = ledger_view.reconcile

    def after_cancel(session: Any, **kwargs: Any) -> Any:
        pressed.wait(10)  # the user presses Cancel while the rules are evaluated
        return real(session, **kwargs)

    monkeypatch.setattr(ledger_view, "reconcile", after_cancel)
    view.reevaluate()
    [task] = [t for t in view.findChildren(Task) if t.dialog is not None]
    assert task.dialog is not None
    assert task.dialog.labelText() == "正在排查问题…"
    [cancel] = task.dialog.findChildren(QPushButton)
    cancel.click()
    pressed.set()
    qtbot.waitUntil(lambda: "已取消" in view.count_label.text(), timeout=10_000)
    with ledger_db.reader() as s:
        assert s.scalar(select(func.count()).select_from(Gap)) == 0


def test_export_writes_the_gaps_the_filters_show(
    zh_app: QApplication, qtbot: QtBot, ledger_db: Database, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """As the printed ledger does: a secretary who narrowed the tab to her building gets
    her building's gaps, not the zone's."""
    from openpyxl import load_workbook
    from PySide6.QtWidgets import QFileDialog

    asked: list[str] = []
    target = tmp_path / "台账.xlsx"

    def save_as(_parent: object, title: str, *_args: object) -> tuple[str, str]:
        asked.append(title)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    view = _view(qtbot, ledger_db)

    def exported() -> list[tuple[Any, ...]]:
        view.export()
        qtbot.waitUntil(lambda: "已导出" in view.count_label.text(), timeout=10_000)
        sheet = load_workbook(target)["专项工作台账"]
        return list(sheet.iter_rows(min_row=2, values_only=True))

    _select_data(view.rule_box, "no_party_org")
    rows = exported()
    assert asked[-1] == "导出筛选出的 2 项问题（共 6 项）"
    assert len(rows) == 2 and {r[2] for r in rows} == {"无党组织"}
    assert view.count_label.text() == "已导出 2 行"

    _select_data(view.rule_box, None)
    assert len(exported()) == 6
    assert asked[-1] == "导出台账"
