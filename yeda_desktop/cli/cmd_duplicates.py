"""`yeda duplicates`: organizations that may be the same; merge or dismiss each pair."""

from __future__ import annotations

import argparse
from typing import Any

from yeda_desktop.cli.common import open_from_args
from yeda_desktop.syncflow import duplicates
from yeda_desktop.syncflow.installation import Role, require_installation


def run(args: argparse.Namespace) -> int:
    db = open_from_args(args)
    try:
        if args.action in ("merge", "dismiss"):
            with db.session() as session:
                require_installation(session, Role.CENTRE)
                if args.action == "merge":
                    row = duplicates.merge(session, args.id, args.keep, args.officer)
                else:
                    row = duplicates.dismiss(session, args.id, args.officer)
                print(f"{row.id[:8]} {row.status} {row.survivor_id or ''}")
            return 0
        with db.reader() as session:
            rows = duplicates.list_candidates(session, None if args.all else "open")
            for r in rows:
                print(f"{r.id[:8]} {r.status:<9} {r.reason:<13} {r.record_a} {r.record_b}  "
                      f"{r.detail or ''}")
        print(f"共 {len(rows)} 对 / {len(rows)} pairs")
    finally:
        db.close()
    return 0


def register(sub: Any) -> None:
    parser = sub.add_parser("duplicates", help="list, merge or dismiss duplicate candidates")
    parser.add_argument("action", choices=["list", "merge", "dismiss"])
    parser.add_argument("id", nargs="?", default="")
    parser.add_argument("--keep", help="id of the organization that survives a merge")
    parser.add_argument("--all", action="store_true", help="include decided and linked pairs")
    parser.set_defaults(func=run)
