"""A new year's sweep campaign (集中扫楼月), started by the centre.

Visits and the gap rules count per campaign, so a new one begins the sweep afresh: every
unit unvisited again. Its teams and their buildings are those of the campaign before,
as most teams sweep the same buildings again. The laptops change over when they import
the centre's profile exported after it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from yeda_desktop.errors import ValidationError
from yeda_desktop.models import Campaign, Team, TeamBuilding
from yeda_desktop.models.checks import text

YEARS = range(2000, 2101)


@dataclass(frozen=True)
class Started:
    campaign: Campaign
    previous: str | None  # the campaign current before, by name
    teams: int  # teams carried over
    buildings: int  # their buildings


def campaigns(session: Session) -> list[Campaign]:
    return list(session.scalars(select(Campaign).order_by(Campaign.year.desc(), Campaign.id)))


def start_campaign(session: Session, year: int, name: str | None = None) -> Started:
    """The year's campaign, current from now on, with the teams of the one before."""
    if year not in YEARS:
        raise ValidationError("year", "年度", f"应在{YEARS[0]}至{YEARS[-1]}之间",
                              f"must be from {YEARS[0]} to {YEARS[-1]}")
    clean = text(name, "name", "活动名称", 100) or f"{year}年集中扫楼月"
    if session.scalar(select(Campaign.id).where(Campaign.year == year).limit(1)):
        raise ValidationError("year", "年度", f"{year}年已有扫楼活动",
                              f"there is already a campaign for {year}")
    before = session.scalars(select(Campaign).where(Campaign.is_current.is_(True))
                             .order_by(Campaign.year.desc(), Campaign.id)).all()
    for old in before:
        old.is_current = False
    campaign = Campaign(name=clean, year=year, is_current=True)
    session.add(campaign)
    session.flush()
    teams = buildings = 0
    if before:
        for team in session.scalars(select(Team).where(Team.campaign_id == before[0].id)
                                    .order_by(Team.name)):
            copy = Team(campaign_id=campaign.id, name=team.name, leader=team.leader)
            session.add(copy)
            session.flush()
            teams += 1
            for building_id in session.scalars(
                    select(TeamBuilding.building_id).where(TeamBuilding.team_id == team.id)):
                session.add(TeamBuilding(team_id=copy.id, building_id=building_id))
                buildings += 1
        session.flush()
    return Started(campaign, before[0].name if before else None, teams, buildings)
