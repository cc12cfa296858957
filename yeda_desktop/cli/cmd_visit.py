"""`yeda visit BUILDING FLOOR UNIT OUTCOME`: a visit's outcome recorded for a unit in the
current campaign, as the sweep tab's 已登记 / 空置 / 闭门待复访 / 拒绝登记 buttons do."""

from __future__ import annotations

import argparse
from typing import Any

from yeda_desktop.cli.common import open_from_args
from yeda_desktop.cli.unit_args import (
    add_team_argument,
    add_unit_arguments,
    campaign_and_team,
    unit_from_args,
)
from yeda_desktop.models.enums import VisitOutcome
from yeda_desktop.services import edits, sweep
from yeda_desktop.services.search import unit_places


def run(args: argparse.Namespace) -> int:
    outcome = VisitOutcome(args.outcome)
    note = (args.note or "").strip() or None
    db = open_from_args(args)
    try:
        with db.session(officer=args.officer) as session:
            unit = unit_from_args(session, args)
            campaign, team = campaign_and_team(session, args)
            edits.apply(session, sweep.record_visit(session, unit, campaign, outcome,
                                                    args.officer, note, team))
            place = unit_places(session, {unit})[unit]
    finally:
        db.close()
    print(f"已记录走访：{place.building_name} {place.floor_label}层 {place.unit_label} "
          f"{outcome.zh} / visit recorded: {place.building_name} floor {place.floor_label} "
          f"unit {place.unit_label}, {outcome.value}")
    return 0


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "visit", help="record a unit's visit in the current campaign (registered, vacant, "
        "revisit, refused), as the sweep tab's buttons do")
    add_unit_arguments(parser)
    parser.add_argument("outcome", metavar="OUTCOME", choices=[o.value for o in VisitOutcome],
                        help="registered (已登记), vacant (空置), revisit (闭门待复访) or "
                        "refused (拒绝登记)")
    parser.add_argument("--note", metavar="TEXT", help="what the officer noted")
    add_team_argument(parser)
    parser.set_defaults(func=run)
