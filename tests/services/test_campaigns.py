"""A new year's campaign, with the teams of the year before (SQLite, then PostgreSQL).

Before 2026-11-29 nothing started one: a centre's first campaign stayed current for ever.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sweep_fixtures import Place

from yeda_desktop.errors import ValidationError
from yeda_desktop.models import Campaign
from yeda_desktop.services import campaigns, sweep, teams
from yeda_desktop.storage import Database
from yeda_desktop.syncflow.baseline import find_team
from yeda_desktop.syncflow.enrolment import profile_team


def test_a_new_year_carries_the_teams_and_their_buildings_over(
    db: Database, place: Place
) -> None:
    with db.session(officer="管理员") as s:
        team = teams.add_team(s, place.campaign_id, "第一组", "王芳")
        teams.assign(s, team.id, [place.building_id])
        teams.add_team(s, place.campaign_id, "第二组")
        before = s.get(Campaign, place.campaign_id)
        assert before is not None
        year = before.year
        started = campaigns.start_campaign(s, year + 1)
        assert (started.teams, started.buildings) == (2, 1)
        assert started.previous == before.name
        assert started.campaign.name == f"{year + 1}年集中扫楼月"
        new_id = started.campaign.id
    with db.reader() as s:
        current = sweep.current_campaign(s)
        assert current is not None and current.id == new_id
        assert [c.id for c in s.scalars(select(Campaign).where(Campaign.is_current))] == [new_id]
        now = teams.current_teams(s)
        assert [(t.name, t.leader, t.campaign_id) for t in now] == [
            ("第一组", "王芳", new_id), ("第二组", None, new_id)]
        placed = {p.building: p.team for p in teams.placements(s, new_id)}
        assert placed == {"创业大厦": "第一组"}
        # By name, a team is this year's: the name is last year's too.
        assert find_team(s, "第一组").campaign_id == new_id
        assert find_team(s, team.id).campaign_id == place.campaign_id  # by id: that one
        assert profile_team(s, "第二组") == "第二组"


@pytest.mark.parametrize(("year", "reason"), [
    (1999, "应在2000至2100之间"), (2101, "应在2000至2100之间"), (None, "已有扫楼活动"),
])
def test_a_year_is_refused_with_the_field_and_the_reason(
    db: Database, place: Place, year: int | None, reason: str
) -> None:
    with db.reader() as s:
        current = s.get(Campaign, place.campaign_id)
        assert current is not None
        taken = current.year
    with pytest.raises(ValidationError) as caught, db.session() as s:
        campaigns.start_campaign(s, taken if year is None else year)
    assert caught.value.message("zh").startswith("年度：") and reason in str(
        caught.value.message("zh"))
    with db.reader() as s:  # nothing written
        assert [c.id for c in campaigns.campaigns(s)] == [place.campaign_id]
