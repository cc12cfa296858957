"""The three positional arguments that name a unit (BUILDING FLOOR UNIT), and the
campaign and team a command records sweep work in, as the window does."""

from __future__ import annotations

import argparse
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from yeda_desktop.errors import YedaError
from yeda_desktop.models import Team
from yeda_desktop.services import sweep
from yeda_desktop.services.unit_lookup import find_unit
from yeda_desktop.syncflow import local_campaign


def add_unit_arguments(parser: Any) -> None:
    parser.add_argument("building", metavar="BUILDING",
                        help="the building: its id, or a name no other building has")
    parser.add_argument("floor", metavar="FLOOR", help="the floor's label (5, B1, 3A)")
    parser.add_argument("unit", metavar="UNIT", help="the unit's number (3A03, 101)")


def add_team_argument(parser: Any) -> None:
    parser.add_argument("--team", metavar="TEAM",
                        help="the sweep team the visit is recorded for (the window takes "
                        "the officer's team from its settings)")


def unit_from_args(session: Session, args: argparse.Namespace) -> str:
    return find_unit(session, args.building, args.floor, args.unit)


def campaign_and_team(session: Session, args: argparse.Namespace) -> tuple[str, str | None]:
    """The current campaign (a laptop without a profile yet makes its stand-in, as the
    window does) and the id of `--team` in it; a team it does not have is refused."""
    campaign = local_campaign.open_campaign(session)
    name = (getattr(args, "team", None) or "").strip()
    if not name:
        return campaign.id, None
    team = sweep.team_of(session, campaign.id, name)
    if team is None:
        names = list(session.scalars(select(Team.name).where(Team.campaign_id == campaign.id)
                                     .order_by(Team.name)))
        raise YedaError(
            f"{campaign.name}没有名为“{name}”的扫楼小组（现有：{'、'.join(names) or '无'}）",
            f"{campaign.name} has no sweep team called {name!r} "
            f"(it has: {', '.join(names) or 'none'})")
    return campaign.id, team
