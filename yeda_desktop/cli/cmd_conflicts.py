"""`yeda conflicts`: list concurrent edits and resolve them field by field."""

from __future__ import annotations

import argparse
import json
from typing import Any

from yeda_desktop.cli.common import open_from_args
from yeda_desktop.errors import YedaError
from yeda_desktop.syncflow.conflicts import find_conflict, list_conflicts, resolve
from yeda_desktop.syncflow.installation import Role, require_installation


def run(args: argparse.Namespace) -> int:
    db = open_from_args(args)
    try:
        if args.action == "resolve":
            with db.session() as session:
                inst = require_installation(session, Role.CENTRE)
                row = find_conflict(session, args.id)
                if args.base:
                    value = json.loads(row.base_value) if row.base_value else None
                elif args.side:
                    sides = [s for s in json.loads(row.sides) if s["device"].startswith(args.side)]
                    if len(sides) != 1:
                        raise YedaError(f"找不到一方 {args.side}", f"no single side {args.side}")
                    value = sides[0]["value"]
                else:
                    raise YedaError("请用 --side 或 --base 选择", "choose with --side or --base")
                view = resolve(session, row.id, value, officer=args.officer,
                               device_id=inst.device_id)
            print(f"已解决 / resolved {view.field_key_label} of {view.record_id} "
                  f"{view.record_label} = {view.shown(view.resolved_value)}")
            return 0
        with db.reader() as session:
            rows = list_conflicts(session, None if args.all else "open")
        for c in rows:
            print(f"{c.id[:8]} {c.status:<8} {c.field_key_label} {c.record_id} "
                  f"{c.record_label}  base {c.shown(c.base)}  applied {c.shown(c.applied)}")
            for side in c.sides:
                print(f"    {side['device']} {c.device_labels.get(side['device'], '')}: "
                      f"{c.shown(side['value'])}  at {side['at']}  "
                      f"by {side['officer']}  package {side['package']}")
        print(f"共 {len(rows)} 项 / {len(rows)} conflicts")
    finally:
        db.close()
    return 0


def register(sub: Any) -> None:
    parser = sub.add_parser("conflicts", help="list or resolve conflicting edits (centre)")
    parser.add_argument("action", choices=["list", "resolve"])
    parser.add_argument("id", nargs="?", default="")
    parser.add_argument("--side", help="device id (prefix) whose value wins")
    parser.add_argument("--base", action="store_true", help="keep the base value")
    parser.add_argument("--all", action="store_true", help="list resolved ones too")
    parser.set_defaults(func=run)
