"""The ledger-gaps chart (台账问题分类) reads: whole rule names, whole-number counts.

QtCharts elides a category label to "..." when the axis gives it less height than its
text, and spreads a value axis's ticks evenly (0, 51.3, 102.5 … for 205 gaps). These
tests read what the chart's scene draws, at a small dashboard, in Chinese.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QGraphicsItem, QGraphicsTextItem
from pytestqt.qtbot import QtBot

from yeda_desktop.ledger import reconcile
from yeda_desktop.models import Campaign, Organization
from yeda_desktop.rules import RULES
from yeda_desktop.storage import Database, open_database
from yeda_desktop.ui.dashboard import Dashboard, count_ticks
from yeda_desktop.ui.ledger_labels import rule_label

NUMBER = re.compile(r"^[\d.,]+$")


def _as_text_item(item: QGraphicsItem) -> QGraphicsTextItem | None:
    """The item as the text item it is: PySide 6.11 hands QtCharts' labels over as bare
    QGraphicsItems (6.12 as QGraphicsTextItems); as a QGraphicsObject it is resolved."""
    if isinstance(item, QGraphicsTextItem):
        return item
    found = item.toGraphicsObject()
    return found if isinstance(found, QGraphicsTextItem) else None


def _drawn(view: Dashboard) -> list[str]:
    """The texts the gap chart shows (visible text items of its scene)."""
    texts = [_as_text_item(item) for item in view.gap_chart.scene().items()]
    return [t.toPlainText() for t in texts if t is not None and t.isVisible() and t.toPlainText()]


def _shown(view: Dashboard, qtbot: QtBot, db: Database) -> list[str]:
    """The dashboard on `db` at a laptop-sized window, once its gap chart is laid out."""
    view.resize(1000, 600)
    view.set_database(db)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.show()
    qtbot.waitUntil(lambda: any(NUMBER.match(t) for t in _drawn(view)), timeout=5_000)
    qtbot.wait(50)  # the scene's last layout pass
    return _drawn(view)


def _zone(path: Path, organizations: int) -> Database:
    db = open_database(path)
    with db.session(officer="测试") as s:
        s.add(Campaign(name="2026年集中扫楼月", year=2026, is_current=True))
        s.add_all(Organization(name=f"烟台问题{n}号有限公司", staff_count=60)
                  for n in range(organizations))
    if organizations:
        with db.session(officer="测试") as s:
            reconcile(s)
    return db


def _assert_readable(view: Dashboard, drawn: list[str], ticks: list[int]) -> None:
    names = [rule_label(rule.id) for rule in RULES]
    assert view.gap_axes[0].categories() == names
    assert [t for t in drawn if "..." in t or "…" in t] == []  # nothing elided
    assert all(name in drawn for name in names), drawn
    numbers = [t for t in drawn if NUMBER.match(t)]
    assert sorted(int(t) for t in numbers) == ticks, numbers  # whole numbers, no "51.3"


def test_gap_chart_shows_rule_names_and_whole_counts(
    zh_app: QApplication, qtbot: QtBot, tmp_path: Path
) -> None:
    db = _zone(tmp_path / "gaps.sqlite", 7)
    view = Dashboard()
    qtbot.addWidget(view)
    drawn = _shown(view, qtbot, db)
    assert view.summary is not None
    most = max(
        sum(g.count for g in view.summary.gaps if g.rule_id == rule.id) for rule in RULES
    )
    assert most == 7  # every organization falls short of some rule
    _assert_readable(view, drawn, [0, 2, 4, 6, 8])
    db.close()


def test_gap_chart_without_gaps_counts_zero_to_five(
    zh_app: QApplication, qtbot: QtBot, tmp_path: Path
) -> None:
    db = _zone(tmp_path / "empty.sqlite", 0)
    view = Dashboard()
    qtbot.addWidget(view)
    drawn = _shown(view, qtbot, db)
    assert view.gap_total.text() == "在整改问题：0"
    assert (view.gap_axes[1].min(), view.gap_axes[1].max()) == (0, 5)
    _assert_readable(view, drawn, [0, 1, 2, 3, 4, 5])
    db.close()


@pytest.mark.parametrize(
    ("most", "top", "step"),
    [(0, 5, 1), (1, 1, 1), (3, 3, 1), (5, 5, 1), (6, 6, 2), (7, 8, 2), (12, 15, 5),
     (205, 250, 50), (498, 500, 100), (70_123, 80_000, 20_000)],
)
def test_count_ticks_are_whole_numbers(most: int, top: int, step: int) -> None:
    assert count_ticks(most) == (top, step)
    assert top >= most and top % step == 0 and top // step <= 5
