"""`yeda campaign`: the sweep campaigns, and a new year's started at the centre."""

from __future__ import annotations

import argparse
from typing import Any

from yeda_desktop.cli.common import open_from_args
from yeda_desktop.errors import YedaError
from yeda_desktop.services import campaigns
from yeda_desktop.syncflow.installation import Role, require_installation


def run(args: argparse.Namespace) -> int:
    db = open_from_args(args)
    try:
        if args.action == "start":
            if args.year is None:
                raise YedaError("请给出年度，例如 yeda campaign start 2027",
                                "give the year, e.g. yeda campaign start 2027")
            with db.session(officer=args.officer) as session:
                require_installation(session, Role.CENTRE)
                started = campaigns.start_campaign(session, args.year, args.name)
                name = started.campaign.name
            print(f"已开始 / started: {name}；沿用 carried over from "
                  f"{started.previous or '—'}：扫楼小组 teams {started.teams}，"
                  f"楼宇 buildings {started.buildings}")
            print("请重新导出中心配置文件交给各笔记本 / export the centre profile again "
                  "for the laptops")
        else:
            with db.reader() as session:
                rows = campaigns.campaigns(session)
                for c in rows:
                    mark = "  当前 current" if c.is_current else ""
                    print(f"{c.year}  {c.name} ({c.id[:8]}){mark}")
            print(f"共 {len(rows)} 个扫楼活动 / {len(rows)} campaigns")
    finally:
        db.close()
    return 0


def register(sub: Any) -> None:
    parser = sub.add_parser("campaign", help="list the sweep campaigns, or start a new "
                            "year's at the centre (its teams and buildings as the year before)")
    parser.add_argument("action", choices=["list", "start"])
    parser.add_argument("year", nargs="?", type=int, help="start: the year, e.g. 2027")
    parser.add_argument("--name", help="start: the campaign's name (default: YEAR年集中扫楼月)")
    parser.set_defaults(func=run)
