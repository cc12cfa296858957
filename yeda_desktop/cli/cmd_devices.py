"""`yeda devices`: the centre lists enrolment requests, approves after comparing codes, revokes."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from yeda_desktop.cli.common import open_from_args
from yeda_desktop.cli.sync_common import add_keys_option, keys_from_args, print_report
from yeda_desktop.syncflow import enrolment
from yeda_desktop.syncflow.importer import release


def run(args: argparse.Namespace) -> int:
    db = open_from_args(args)
    try:
        if args.action == "accept":
            device = enrolment.accept_request(db, keys_from_args(args), Path(args.target))
            print(f"已收到登记申请 / request received: {device.name} ({device.id}), "
                  f"team {device.team}, status {device.status.value}")
            print(f"核对码 code: {device.fingerprint}")
        elif args.action == "approve":
            if not args.code:
                print("yeda: 请用 --code 输入笔记本显示的核对码 / "
                      "give the code the laptop shows with --code")
                return 2
            with db.session() as session:
                device = enrolment.approve(session, args.target, args.code)
                device_id = device.id
            print(f"已批准 / approved: {device.name} ({device_id})")
            for report in release(db, keys_from_args(args), device_id):
                print_report(report)
        elif args.action == "revoke":
            with db.session() as session:
                device = enrolment.revoke(session, args.target)
            print(f"已吊销 / revoked: {device.name} ({device.id})")
        else:
            with db.reader() as session:
                for device in enrolment.list_devices(session):
                    info = enrolment.describe(device)
                    print(f"{info['id']}  {info['status']:<8} {info['name']}  team "
                          f"{info['team']}  officer {info['officer']}  last batch "
                          f"{info['last_sequence']}  code {info['code']}")
    finally:
        db.close()
    return 0


def register(sub: Any) -> None:
    parser = sub.add_parser("devices", help="enrolled devices: list, accept, approve, revoke")
    parser.add_argument("action", choices=["list", "accept", "approve", "revoke"])
    parser.add_argument("target", nargs="?", default="", help="request file or device id")
    parser.add_argument("--code", help="the code the laptop shows (required to approve)")
    add_keys_option(parser)
    parser.set_defaults(func=run)
