"""`yeda baseline`: the centre writes a team's buildings for the team's laptops."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from yeda_desktop.cli.common import open_from_args
from yeda_desktop.cli.sync_common import add_keys_option, keys_from_args
from yeda_desktop.syncflow.baseline import export_baseline


def run(args: argparse.Namespace) -> int:
    db = open_from_args(args)
    try:
        manifest, counts = export_baseline(db, keys_from_args(args), Path(args.file),
                                           team=args.team, device_ids=args.device,
                                           officer=args.officer)
    finally:
        db.close()
    print(f"基础数据已写出 / baseline written: {args.file} ({manifest.extra['team_name']})")
    for table, n in counts.items():
        print(f"  {table:<24} {n:>8,}")
    return 0


def register(sub: Any) -> None:
    parser = sub.add_parser("baseline", help="write a baseline of a team's buildings")
    parser.add_argument("file", help="the .yeda file to write")
    parser.add_argument("--team", required=True, help="team name or id")
    parser.add_argument("--device", action="append", required=True,
                        help="approved device (id or a unique start of it, as `devices list` "
                        "prints) that may read it (repeatable)")
    add_keys_option(parser)
    parser.set_defaults(func=run)
