"""The centre starts a new year's campaign; its window and its laptops' change over.

Before 2026-11-29 nothing started one, and a window opened the campaign its settings
remembered even when another was current.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest
from flow_helpers import build_sites, first_team, import_from_window, laptop_window
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from scripted_questions import ScriptedQuestions
from sqlalchemy import select, text

from yeda_desktop.models import Campaign, Visit
from yeda_desktop.models.enums import VisitOutcome
from yeda_desktop.services import sweep, teams
from yeda_desktop.ui.sync_teams import TeamsView

pytestmark = pytest.mark.gui


def test_a_laptop_changes_over_to_the_new_year_with_its_team(
    qtbot: QtBot, chinese_ui: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    centre, (laptop,), stick = build_sites(tmp_path, 1, orgs=40)
    team = first_team(centre)
    window = laptop_window(qtbot, laptop, tmp_path, monkeypatch)
    window.take_officer("王芳", team)
    assert window.workspace is not None
    last_year = window.workspace.campaign_id

    out = centre.cli("campaign", "start", "2027")
    assert "已开始 / started: 2027年集中扫楼月" in out and "扫楼小组 teams" in out
    centre.cli("profile", "export", str(stick / "profile-2027.yeda"))
    import_from_window(qtbot, window, monkeypatch, [stick / "profile-2027.yeda"])
    db = window.workspace.db
    with db.reader() as session:
        now = sweep.current_campaign(session)
        assert now is not None and now.year == 2027 and now.id != last_year
    qtbot.waitUntil(lambda: window.workspace is not None
                    and window.workspace.campaign_id == now.id, timeout=10_000)
    assert window.status_campaign.text() == "扫楼活动：2027年集中扫楼月"
    assert window.settings.campaign_id == now.id
    assert window.workspace.team_id is not None  # the same team, this year's

    with db.reader() as session:
        building, floor, unit = session.execute(text(
            "SELECT f.building_id, f.id, u.id FROM units u JOIN floors f ON f.id = u.floor_id "
            "ORDER BY u.id LIMIT 1")).one()
    window.show_floor(building, floor, unit)
    window.detail.record_outcome(VisitOutcome.REVISIT)
    window.close()
    laptop.cli("export", str(stick / "l-1.yeda"), officer="王芳")
    report = centre.cli("import", str(stick / "l-1.yeda"))
    assert "拒收 rejected 0" in report, report
    centre_db = centre.open()
    try:
        with centre_db.reader() as session:
            visit = session.scalars(select(Visit).where(Visit.unit_id == unit)
                                    .order_by(Visit.visited_at.desc())).first()
            assert visit is not None and visit.campaign_id == now.id
    finally:
        centre_db.close()
    # A baseline by the team's name: this year's team, though last year's had it too.
    out = centre.cli("baseline", str(stick / "base-2027.yeda"), "--team", team,
                     "--device", laptop.device_id())
    assert "baseline written" in out


def test_the_centre_starts_a_year_from_its_teams_tab_and_its_window_follows(
    qtbot: QtBot, chinese_ui: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    centre, _laptops, _stick = build_sites(tmp_path, 1, orgs=20)
    window = laptop_window(qtbot, centre, tmp_path, monkeypatch)
    assert window.workspace is not None
    before = window.workspace.campaign_id
    view = window.findChildren(TeamsView)[-1]
    teams_before = view.teams.count()

    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _p, title, message: warned.append(f"{title}|{message}"))
    assert not view.start_year(2026)  # the demo's year has one already
    assert warned == ["未开始新的扫楼活动|年度：2026年已有扫楼活动"]

    assert view.start_year(2027)
    assert view.heading.text().startswith("扫楼活动：2027年集中扫楼月。")
    assert view.message.text().startswith("已开始 2027年集中扫楼月")
    assert view.teams.count() == teams_before
    qtbot.waitUntil(lambda: window.workspace is not None
                    and window.workspace.campaign_id != before, timeout=10_000)
    assert window.status_campaign.text() == "扫楼活动：2027年集中扫楼月"
    window.close()

    # Opened again with the settings remembering last year's: this year's is opened.
    window.settings.campaign_id = before
    again = laptop_window(qtbot, centre, tmp_path, monkeypatch)
    assert again.workspace is not None
    with again.workspace.read() as session:
        opened = session.get(Campaign, again.workspace.campaign_id)
        assert opened is not None and opened.year == 2027
    again.close()


def test_closing_the_window_asks_about_a_team_s_ticks_not_saved(
    qtbot: QtBot, chinese_ui: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtCore import Qt

    centre, _laptops, _stick = build_sites(tmp_path, 1, orgs=20)
    window = laptop_window(qtbot, centre, tmp_path, monkeypatch)
    view = window.findChildren(TeamsView)[-1]
    view.teams.setCurrentRow(0)
    row = next(r for r in range(view.buildings.rowCount())
               if view.buildings.item(r, 0).checkState() == Qt.CheckState.Unchecked)
    view.buildings.item(row, 0).setCheckState(Qt.CheckState.Checked)
    questions = ScriptedQuestions(monkeypatch, QMessageBox.StandardButton.Cancel,
                                  QMessageBox.StandardButton.Save)
    window.close()  # "Cancel": the window stays, the tick too
    assert window.isVisible() and view.has_unsaved()
    building, team = view.building_ids[row], view.current_team()
    window.close()  # "Save": saved, then closed
    assert not window.isVisible() and len(questions.asked) == 2
    db = centre.open()
    try:
        with db.reader() as session:
            campaign = sweep.current_campaign(session)
            assert campaign is not None
            assert building in {p.building_id for p in teams.placements(session, campaign.id)
                                if p.team_id == team}
    finally:
        db.close()
