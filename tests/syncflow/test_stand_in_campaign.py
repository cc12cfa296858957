"""A laptop set up from the window works in the centre's campaign, not one of its own.

The window needs a campaign to open, and a new laptop opens before the centre's profile
brings one. Until 2026-11-29 it made its own, logged like an officer's edit: after the
profile the laptop held two current campaigns of the same year, the window stayed in its
own (whose teams are none), and the centre's baseline was refused with "export today's
work first" for work no officer had done.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest
from flow_helpers import (
    Site,
    demo_centre,
    enrol_and_approve,
    first_team,
    import_from_window,
    laptop_window,
    new_laptop,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select, text

from yeda_desktop.models import Campaign, Visit
from yeda_desktop.models.enums import VisitOutcome
from yeda_desktop.services import sweep
from yeda_desktop.storage import Database, open_database
from yeda_desktop.syncflow.batch_export import unsent_work
from yeda_desktop.syncflow.installation import STAND_IN_KEY, Role, get_state, set_role
from yeda_desktop.syncflow.local_campaign import give_up_stand_in, open_campaign


def centre_campaign(centre: Site) -> tuple[str, str]:
    db = centre.open()
    try:
        with db.reader() as session:
            found = sweep.current_campaign(session)
            assert found is not None
            return found.id, found.name
    finally:
        db.close()


@pytest.mark.gui
def test_a_laptop_opened_before_its_profile_takes_the_centre_s_campaign_and_baseline(
    qtbot: QtBot, chinese_ui: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    centre, stick = demo_centre(tmp_path, 40)
    laptop = new_laptop(tmp_path / "laptop")
    window = laptop_window(qtbot, laptop, tmp_path, monkeypatch)  # README: first start
    assert window.workspace is not None
    db = window.workspace.db
    stand_in = window.workspace.campaign_id
    unsent = unsent_work(db)
    assert unsent is not None and unsent.records == 0  # nobody's work: nothing to hand in

    import_from_window(qtbot, window, monkeypatch, [stick / "profile.yeda"])
    campaign_id, campaign_name = centre_campaign(centre)
    qtbot.waitUntil(lambda: window.workspace is not None
                    and window.workspace.campaign_id == campaign_id, timeout=10_000)
    assert window.status_campaign.text() == f"扫楼活动：{campaign_name}"
    with db.reader() as session:
        current = session.scalars(select(Campaign.id).where(Campaign.is_current)).all()
        assert current == [campaign_id] and session.get(Campaign, stand_in) is None

    team = first_team(centre)
    device = enrol_and_approve(centre, laptop, stick, team)
    centre.cli("baseline", str(stick / "base.yeda"), "--team", team, "--device", device)
    import_from_window(qtbot, window, monkeypatch, [stick / "base.yeda"])  # not refused
    with db.reader() as session:
        building, floor, unit = session.execute(text(
            "SELECT f.building_id, f.id, u.id FROM units u JOIN floors f ON f.id = u.floor_id "
            "ORDER BY u.id LIMIT 1")).one()
    qtbot.waitUntil(lambda: window.navigator.tree is not None
                    and building in window.navigator.tree.nodes, timeout=10_000)
    window.take_officer("王芳", team)
    assert window.workspace.team_id is not None  # the centre's campaign has the team
    window.show_floor(building, floor, unit)
    window.detail.record_outcome(VisitOutcome.REVISIT)
    window.close()

    laptop.cli("export", str(stick / "l-1.yeda"), officer="王芳")
    report = centre.cli("import", str(stick / "l-1.yeda"))
    assert "拒收 rejected 0" in report and "已导入" in report, report
    centre_db = centre.open()
    try:
        with centre_db.reader() as session:
            visit = session.scalars(select(Visit).where(Visit.unit_id == unit)
                                    .order_by(Visit.visited_at.desc())).first()
            assert visit is not None and visit.campaign_id == campaign_id
            assert visit.officer == "王芳"
    finally:
        centre_db.close()


def test_what_named_the_stand_in_names_the_centre_s_campaign_and_travels_so(
    any_db: Database,
) -> None:
    """Rows and their unexported log entries that name the stand-in move to the centre's
    current campaign when the profile brings it; the stand-in goes (on either engine)."""
    db = any_db
    with db.session() as session:
        set_role(session, Role.LAPTOP, "笔记本")
    with db.session(officer="王芳") as session:
        stand_in = open_campaign(session).id
        assert get_state(session, STAND_IN_KEY) == stand_in
    assert _log_count(db, "campaigns") == 0  # not logged: no officer made it
    with db.session(officer="王芳") as session:  # a team of it, as a stand-in for any row
        session.execute(text(
            "INSERT INTO teams (id, revision, created_at, updated_at, campaign_id, name) "
            "VALUES ('t1', 1, '2026-11-29', '2026-11-29', :c, '本地组')"), {"c": stand_in})
        session.execute(text(
            "INSERT INTO change_log (change_id, table_name, record_id, op, field, "
            "new_value, base_revision, at) VALUES ('c1', 'teams', 't1', 'update', "
            "'campaign_id', :v, 0, '2026-11-29')"), {"v": f'"{stand_in}"'})
    with db.session() as session:
        session.info["skip_change_log"] = True
        real = Campaign(name="2026年集中扫楼月", year=2026, is_current=True)
        session.add(real)
        session.flush()
        assert give_up_stand_in(session) == real.id
    with db.reader() as session:
        assert session.get(Campaign, stand_in) is None
        assert session.execute(text("SELECT campaign_id FROM teams")).scalar() == real.id
        assert session.execute(text(
            "SELECT new_value FROM change_log WHERE change_id = 'c1'")).scalar() \
            == f'"{real.id}"'
        assert get_state(session, STAND_IN_KEY) is None
        assert give_up_stand_in(session) is None  # once


def test_at_the_centre_the_campaign_is_its_own(tmp_path: Path) -> None:
    """A centre's first campaign is real, and one opened with before the role was chosen
    becomes the centre's when it is."""
    db = open_database(tmp_path / "c.sqlite")
    try:
        with db.session(officer="管理员") as session:
            first = open_campaign(session).id  # no role yet: a stand-in
        with db.session() as session:
            set_role(session, Role.CENTRE, "中心", "yeda-centre")
            assert get_state(session, STAND_IN_KEY) is None
            assert give_up_stand_in(session) is None
            assert session.get(Campaign, first) is not None
    finally:
        db.close()


def _log_count(db: Database, table: str) -> int:
    with db.reader() as session:
        return int(session.execute(text(
            "SELECT count(*) FROM change_log WHERE table_name = :t"), {"t": table}).scalar_one())
