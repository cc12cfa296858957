"""`yeda conflicts`: list concurrent edits and resolve them field by field."""

from __future__ import annotations

import argparse
from typing import Any

from yeda_desktop.cli.common import open_from_args
from yeda_desktop.local_time import local_stamp
from yeda_desktop.storage import Database
from yeda_desktop.syncflow.conflicts import (
    ConflictView,
    chosen_value,
    list_conflicts,
    resolve,
)
from yeda_desktop.syncflow.installation import Role, require_installation

_STATUS = {"open": "未解决 open", "resolved": "已解决 resolved"}


def _resolve(db: Database, args: argparse.Namespace) -> None:
    with db.session() as session:
        inst = require_installation(session, Role.CENTRE)
        value = chosen_value(session, args.id, side=args.side, base=args.base)
        view = resolve(session, args.id, value, officer=args.officer, device_id=inst.device_id)
    print(f"已解决 / resolved {view.field_key_label} of {view.record_id} "
          f"{view.record_label} = {view.shown(view.resolved_value)}")


def _package(c: ConflictView, package: str | None) -> str:
    """"第3批 batch 3 (cf89a1de-…)": the number to ask the officer about, then the id."""
    if not package:
        return "中心修改 centre edit"
    batch = c.batches.get(package)
    return f"第{batch}批 batch {batch} ({package})" if batch else package


def _list(db: Database, everything: bool) -> None:
    with db.reader() as session:
        rows = list_conflicts(session, None if everything else "open")
    for c in rows:
        print(f"{c.id[:8]} {_STATUS.get(c.status, c.status)} {c.field_key_label} {c.record_id} "
              f"{c.record_label}  原值 base {c.shown(c.base)}  "
              f"已采用 applied {c.shown(c.applied)}")
        for side in c.sides:
            device = str(side["device"])
            # the name to recognise it, the short id to type after --side
            label = c.device_labels.get(device)
            who = f"{label} [{device[:8]}]" if label else device[:8]
            print(f"    {who}: {c.shown(side['value'])}  "
                  f"时间 at {local_stamp(str(side['at'])) if side['at'] else '-'}  "
                  f"队员 by {side['officer'] or '-'}  "
                  f"数据包 package {_package(c, side['package'])}")
        if c.status == "resolved":
            print(f"    裁决 decided: {c.shown(c.resolved_value)}  队员 by {c.resolved_by or '-'}"
                  f"  时间 at {local_stamp(str(c.resolved_at)) if c.resolved_at else '-'}")
    print(f"共 {len(rows)} 项 / {len(rows)} conflicts")


def run(args: argparse.Namespace) -> int:
    db = open_from_args(args)
    try:
        if args.action == "resolve":
            _resolve(db, args)
        else:
            _list(db, args.all)
    finally:
        db.close()
    return 0


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "conflicts", help="list or resolve conflicting edits (centre)",
        description="list: the open conflicts (--all: resolved ones too). "
        "resolve ID: settle one conflict with exactly one of --side DEVICE or --base.")
    parser.add_argument("action", choices=["list", "resolve"])
    parser.add_argument("id", nargs="?", default="",
                        help="resolve: the conflict id (or a unique start of it, as `list` "
                        "prints)")
    parser.add_argument("--side", help="resolve: the device (id or unique start, as `list` "
                        "prints) whose value wins; or use --base")
    parser.add_argument("--base", action="store_true",
                        help="resolve: keep the base value; or use --side")
    parser.add_argument("--all", action="store_true", help="list resolved ones too")
    parser.set_defaults(func=run)
