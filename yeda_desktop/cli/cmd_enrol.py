"""`yeda enrol`: a laptop writes its enrolment request and shows the code to compare."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from yeda_desktop.cli.common import open_from_args, require_output
from yeda_desktop.cli.sync_common import add_keys_option, keys_from_args
from yeda_desktop.syncflow.enrolment import write_request


def run(args: argparse.Namespace) -> int:
    require_output(Path(args.file))  # before the database is opened: nothing to undo
    db = open_from_args(args)
    try:
        _manifest, code = write_request(
            db, keys_from_args(args), Path(args.file), team=args.team,
            officer=args.officer or "", name=args.name,
        )
    finally:
        db.close()
    print(f"登记申请已写出 / enrolment request written: {args.file}")
    print(f"请向管理员读出核对码 / read this code to the administrator: {code}")
    return 0


def register(sub: Any) -> None:
    parser = sub.add_parser("enrol", help="write this laptop's enrolment request")
    parser.add_argument("file", help="the .yeda request file to write (for the centre)")
    parser.add_argument("--team", required=True,
                        help="the sweep team this laptop works for (name or id; one the "
                        "centre profile lists)")
    parser.add_argument("--name", help="device name (default: the installation name)")
    add_keys_option(parser)
    parser.set_defaults(func=run)
