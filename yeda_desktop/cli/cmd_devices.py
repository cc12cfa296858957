"""`yeda devices`: the centre lists enrolment requests, approves after comparing codes, revokes."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from yeda_desktop.cli.common import open_from_args, require_file
from yeda_desktop.cli.sync_common import add_keys_option, keys_from_args, print_report
from yeda_desktop.errors import YedaError
from yeda_desktop.storage import Database
from yeda_desktop.syncflow import enrolment
from yeda_desktop.syncflow.importer import release

_FIELDS = {"name": "名称 name", "team": "扫楼小组 team", "officer": "队员 officer"}


def _accept(db: Database, args: argparse.Namespace) -> None:
    accepted = enrolment.accept(db, keys_from_args(args), Path(args.target))
    with db.reader() as session:
        info = enrolment.describe(accepted.device, teams=enrolment.team_names(session))
    print(f"已收到登记申请 / request received: {info['name']} ({info['id']}), "
          f"扫楼小组 team {info['team'] or '-'}, 状态 status {info['status_zh']} {info['status']}")
    if info["team_unknown"]:
        print(f"  注意：本中心没有扫楼小组“{info['team']}”，批准前请与队员核对 / note: this "
              f"centre has no team {info['team']!r}; check with the officer before approving")
    for field, (old, new) in accepted.changes.items():
        print(f"  已更新 updated {_FIELDS[field]}: {old or '-'} → {new}")
    print(f"核对码 code: {info['code']}")


def _list(db: Database) -> None:
    with db.reader() as session:
        arrived, teams = enrolment.arrivals(session), enrolment.team_names(session)
        devices = [enrolment.describe(d, arrived.get(d.id), teams)
                   for d in enrolment.list_devices(session)]
    for info in devices:
        unknown = "（本中心没有此小组 not a team here）" if info["team_unknown"] else ""
        print(f"{info['id']}  {info['status_zh']} {info['status']:<8} {info['name']}  "
              f"扫楼小组 team {info['team'] or '-'}{unknown}  "
              f"队员 officer {info['officer'] or '-'}  "
              f"最后批次 last batch {info['last_sequence']}  "
              f"最近导入 last import {info['last_import'] or '-'}  核对码 code {info['code']}")
        if info["missing"]:
            print(f"  尚未到达的批次 batches not arrived: {info['missing']}")
    print(f"共 {len(devices)} 台 / {len(devices)} devices")


_TARGETS = {"accept": ("登记申请文件", "the enrolment request file"),
            "approve": ("要批准的设备编号", "the device id to approve"),
            "revoke": ("要吊销的设备编号", "the device id to revoke")}


def run(args: argparse.Namespace) -> int:
    if args.action in _TARGETS and not args.target:
        what_zh, what_en = _TARGETS[args.action]
        raise YedaError(f"请指定{what_zh}", f"give {what_en}")
    if args.action == "accept":
        require_file(Path(args.target), "登记申请文件", "request file")
    db = open_from_args(args)
    try:
        if args.action == "accept":
            _accept(db, args)
        elif args.action == "approve":
            if not args.code:
                print("yeda: 请用 --code 输入笔记本显示的核对码 / "
                      "give the code the laptop shows with --code")
                return 2
            with db.session() as session:
                device = enrolment.approve(session, args.target, args.code)
                device_id, name = device.id, device.name
            print(f"已批准 / approved: {name} ({device_id})")
            for report in release(db, keys_from_args(args), device_id):
                print_report(report)
        elif args.action == "revoke":
            with db.session() as session:
                device = enrolment.revoke(session, args.target)
                device_id, name = device.id, device.name
            print(f"已吊销 / revoked: {name} ({device_id})")
        else:
            _list(db)
    finally:
        db.close()
    return 0


def register(sub: Any) -> None:
    parser = sub.add_parser("devices", help="enrolled devices: list, accept, approve, revoke")
    parser.add_argument("action", choices=["list", "accept", "approve", "revoke"])
    parser.add_argument("target", nargs="?", default="",
                        help="accept: the request file; approve, revoke: the device id "
                        "(or a unique start of it, as `devices list` prints)")
    parser.add_argument("--code", help="the code the laptop shows (required to approve)")
    add_keys_option(parser)
    parser.set_defaults(func=run)
