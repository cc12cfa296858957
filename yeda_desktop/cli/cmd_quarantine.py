"""`yeda quarantine`: packages from untrusted keys waiting for approval; release the approved."""

from __future__ import annotations

import argparse
from typing import Any

from yeda_desktop.cli.common import open_from_args
from yeda_desktop.cli.sync_common import add_keys_option, keys_from_args, print_report
from yeda_desktop.syncflow.importer import release, waiting


def run(args: argparse.Namespace) -> int:
    db = open_from_args(args)
    try:
        if args.action == "release":
            for report in release(db, keys_from_args(args)):
                print_report(report)
            return 0
        with db.reader() as session:
            rows = waiting(session)
            for r in rows:
                print(f"{r.package_id} device {r.device_id} batch {r.sequence}: "
                      f"{r.reason_zh} / {r.reason_en}")
        print(f"共 {len(rows)} 个 / {len(rows)} waiting")
    finally:
        db.close()
    return 0


def register(sub: Any) -> None:
    parser = sub.add_parser("quarantine", help="list quarantined packages or release approved")
    parser.add_argument("action", choices=["list", "release"],
                        help="list: packages waiting for a device's approval; release: import "
                        "those whose device is now approved")
    add_keys_option(parser)
    parser.set_defaults(func=run)
