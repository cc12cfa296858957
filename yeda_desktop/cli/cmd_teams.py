"""`yeda teams`: the centre's sweep teams of the current campaign and their buildings."""

from __future__ import annotations

import argparse
from typing import Any

from sqlalchemy.orm import Session

from yeda_desktop.cli.common import open_from_args
from yeda_desktop.errors import YedaError
from yeda_desktop.services import sweep, teams
from yeda_desktop.syncflow.installation import Role, require_installation
from yeda_desktop.syncflow.local_campaign import open_campaign


def _list(session: Session, with_buildings: bool) -> None:
    current = sweep.current_campaign(session)
    if current is None:
        print("还没有当前扫楼活动 / no current sweep campaign yet")
        return
    campaign = current.id
    rows = teams.list_teams(session, campaign)
    places = teams.placements(session, campaign) if with_buildings else []
    for team in rows:
        leader = f"  组长 leader {team.leader}" if team.leader else ""
        print(f"{team.name} ({team.id[:8]})  楼宇 buildings {team.buildings}{leader}")
        for place in places:
            if place.team_id == team.id:
                print(f"    {place.building}  {place.place} ({place.building_id[:8]})")
    unassigned = sum(1 for p in places if p.team_id is None)
    print(f"共 {len(rows)} 个扫楼小组 / {len(rows)} teams"
          + (f"；未分配的楼宇 {unassigned} 座 / {unassigned} buildings without a team"
             if with_buildings else ""))


def _change(session: Session, args: argparse.Namespace) -> None:
    require_installation(session, Role.CENTRE)
    campaign = open_campaign(session).id  # this year's, made now if there is none
    if args.action == "add":
        team = teams.add_team(session, campaign, args.team, args.leader)
        print(f"已新建扫楼小组 / team added: {team.name} ({team.id[:8]})")
        return
    team = teams.find_team(session, campaign, args.team)
    if args.action == "remove":
        freed = teams.remove_team(session, team.id)
        print(f"已删除扫楼小组 / team removed: {team.name}"
              + (f"；无小组的楼宇 / buildings left without a team: {'、'.join(freed)}"
                 if freed else ""))
        return
    if args.action == "rename":
        if not args.buildings or len(args.buildings) != 1:
            raise YedaError("请给出一个新名称", "give one new name")
        before = team.name
        teams.rename_team(session, team.id, args.buildings[0])
        print(f"已改名 / renamed: {before} → {team.name}")
        return
    if not args.buildings:
        raise YedaError("请列出楼宇（名称或编号）", "list the buildings (names or ids)")
    ids = teams.find_buildings(session, args.buildings)
    if args.action == "assign":
        done = teams.assign(session, team.id, ids)
        print(f"{team.name}：新增楼宇 added {len(done.added)}")
        for building, other in done.moved_from.items():
            print(f"  {building}：原属 from {other}")
    else:
        taken = teams.unassign(session, team.id, ids)
        print(f"{team.name}：移出楼宇 removed {len(taken)}")


def run(args: argparse.Namespace) -> int:
    db = open_from_args(args)
    try:
        if args.action == "list":
            with db.reader() as session:
                _list(session, args.buildings_shown)
        else:
            with db.session(officer=args.officer) as session:
                _change(session, args)
    finally:
        db.close()
    return 0


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "teams", help="the centre's sweep teams and the buildings each sweeps (a team's "
        "buildings are its baseline; export the profile again after adding or removing "
        "teams)")
    parser.add_argument("action", choices=["list", "add", "rename", "remove", "assign",
                                               "unassign"])
    parser.add_argument("team", nargs="?", default="", help="the team's name or id")
    parser.add_argument("buildings", nargs="*",
                        help="assign, unassign: buildings by name or id; rename: the new name")
    parser.add_argument("--leader", help="add: the team leader's name")
    parser.add_argument("--buildings", dest="buildings_shown", action="store_true",
                        help="list: each team's buildings too")
    parser.set_defaults(func=run)
