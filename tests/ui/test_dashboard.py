"""The dashboard shows the coverage rates, charts, breakdown table and funding from the data."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from yeda_desktop.models import (
    Campaign,
    Instructor,
    InstructorAssignment,
    Organization,
    PartyOrg,
    PartyOrgCoverage,
)
from yeda_desktop.models.enums import PartyOrgType
from yeda_desktop.storage import open_database
from yeda_desktop.ui.dashboard import Dashboard
from yeda_desktop.ui.settings import AppSettings


def test_dashboard_figures(zh_app: QApplication, qtbot: QtBot, tmp_path: Path) -> None:
    db = open_database(tmp_path / "dash.sqlite")
    with db.session(officer="测试") as s:
        s.add(Campaign(name="2026年集中扫楼月", year=2026, is_current=True))
        orgs = [Organization(name=f"烟台统计{n}号有限公司", staff_count=20) for n in range(4)]
        committee = PartyOrg(name="烟台统计零号有限公司党委", type=PartyOrgType.COMMITTEE)
        branch = PartyOrg(name="联合党支部", type=PartyOrgType.JOINT_BRANCH)
        teacher = Instructor(name="周指导")
        s.add_all([*orgs, committee, branch, teacher])
        s.flush()
        s.add_all([
            PartyOrgCoverage(party_org_id=committee.id, organization_id=orgs[0].id),
            PartyOrgCoverage(party_org_id=branch.id, organization_id=orgs[1].id),
            InstructorAssignment(instructor_id=teacher.id, organization_id=orgs[2].id),
        ])
    view = Dashboard()
    qtbot.addWidget(view)
    view.staff[0].blockSignals(True)
    view.staff[0].setValue(10)
    view.staff[0].blockSignals(False)
    view.set_database(db)
    assert view.summary is None  # nothing is read while the dashboard is hidden
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.show()
    assert "50.0%" in view.org_rate.text()  # 2 of 4 covered
    assert "75.0%" in view.work_rate.text()  # plus one with an instructor
    assert view.coverage_chart.chart().series()
    assert view.gap_chart.chart().series()
    assert view.summary is not None
    # 50,000 per committee + 3,000 per (joint) branch + 10 people x 300 x 12 months
    assert view.summary.funding.total == 50_000 + 3_000 + 36_000
    total_row = view.funding_table.rowCount() - 1
    assert view.funding_table.item(total_row, 2).text() == "89,000"
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.dimension.setCurrentIndex(view.dimension.findData("ownership"))
    assert view.table.rowCount() == 1
    db.close()


def test_coverage_chart_names_groups_whole_largest_first(
    zh_app: QApplication, qtbot: QtBot, tmp_path: Path
) -> None:
    """By industry the names are long ("S 公共管理、社会保障和社会组织"): they run down the
    side of bars drawn across, largest group at the top, with room for every name."""
    db = open_database(tmp_path / "dash.sqlite")
    with db.session(officer="测试") as s:
        s.add(Campaign(name="2026年集中扫楼月", year=2026, is_current=True))
        sections = ["C"] * 3 + ["S"] * 2 + ["I"]
        s.add_all(Organization(name=f"烟台行业{n}号有限公司", industry_section=section)
                  for n, section in enumerate(sections))
    view = Dashboard()
    qtbot.addWidget(view)
    view.set_database(db)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.show()
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.dimension.setCurrentIndex(view.dimension.findData("industry"))
    names = view.coverage_axes[0]
    chart = view.coverage_chart.chart()
    assert chart.axes(Qt.Orientation.Vertical) == [names]  # names down the side
    assert names.categories() == [  # listed from the bottom up
        "I 信息传输、软件和信息技术服务业", "S 公共管理、社会保障和社会组织", "C 制造业"]
    line = QFontMetrics(names.labelsFont()).height()
    assert view.coverage_chart.minimumHeight() >= (len(names.categories()) + 1) * line
    db.close()


def test_the_breakdown_sorts_by_the_figures_not_their_text(
    zh_app: QApplication, qtbot: QtBot, tmp_path: Path
) -> None:
    """Ranking the subdistricts by a column: "27" before "108", "9.5%" before "21.3%"."""
    from yeda_desktop.demo import generate_demo

    db = open_database(tmp_path / "dash.sqlite")
    generate_demo(db, 300, 2)
    view = Dashboard()
    qtbot.addWidget(view)
    view.set_database(db)
    with qtbot.waitSignal(view.loaded, timeout=30_000):
        view.show()
    names = [view.table.item(r, 0).text() for r in range(view.table.rowCount())]
    assert len(names) >= 3 and names == sorted(names)  # by name at first

    def column(c: int) -> list[str]:
        return [view.table.item(r, c).text() for r in range(view.table.rowCount())]

    view.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # organizations
    counts = column(1)
    numbers = [int(t.replace(",", "")) for t in counts]
    assert numbers == sorted(numbers) and counts != sorted(counts)  # the text would mislead
    view.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)  # organization coverage
    rates = [float(t.rstrip("%")) for t in column(2)]
    assert rates == sorted(rates, reverse=True)
    view.table.sortByColumn(7, Qt.SortOrder.AscendingOrder)  # units visited, "17/124"
    shares = [int(a) / int(b) for a, b in (t.split("/") for t in column(7))]
    assert shares == sorted(shares)
    db.close()


def test_funding_inputs_are_kept_for_the_next_start(
    zh_app: QApplication, qtbot: QtBot, tmp_path: Path, settings: AppSettings
) -> None:
    """The administrator types the zone's certified workers once: the next start shows them
    (and so exports and prints them) instead of none."""
    db = open_database(tmp_path / "dash.sqlite")
    with db.session(officer="测试") as s:
        s.add(Campaign(name="2026年集中扫楼月", year=2026, is_current=True))
    first = Dashboard(settings=settings)
    qtbot.addWidget(first)
    assert first.funding_inputs().staff_by_level == (0, 0, 0)
    first.set_database(db)
    with qtbot.waitSignal(first.loaded, timeout=10_000):
        first.show()
    with qtbot.waitSignal(first.loaded, timeout=10_000):
        first.staff[1].setValue(110)
    with qtbot.waitSignal(first.loaded, timeout=10_000):
        first.allowance[2].setValue(150)
    again = Dashboard(settings=settings)
    qtbot.addWidget(again)
    assert again.funding_inputs().staff_by_level == (0, 110, 0)
    assert again.funding_inputs().monthly_allowance == (300, 200, 150)
    settings.store.setValue("statistics/staff_by_level", "1,2")  # a hand-edited file
    third = Dashboard(settings=settings)
    qtbot.addWidget(third)
    assert third.funding_inputs().staff_by_level == (0, 0, 0)
    db.close()


def test_the_funding_items_are_in_the_window_s_language(
    zh_app: QApplication, qtbot: QtBot, tmp_path: Path
) -> None:
    """The English window listed 党委, 党总支 … under "Item"."""
    db = open_database(tmp_path / "dash.sqlite")
    with db.session(officer="测试") as s:
        s.add(Campaign(name="2026年集中扫楼月", year=2026, is_current=True))
    shown = {}
    for lang in ("zh", "en"):
        view = Dashboard(lang=lang)
        qtbot.addWidget(view)
        view.set_database(db)
        with qtbot.waitSignal(view.loaded, timeout=10_000):
            view.show()
        shown[lang] = view.funding_table.item(0, 0).text()
    assert view.summary is not None
    first = view.summary.funding.lines[0]
    assert shown == {"zh": first.label_zh, "en": first.label_en}
    assert first.label_zh != first.label_en
    db.close()
