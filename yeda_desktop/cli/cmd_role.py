"""`yeda role`: show or set what this installation is (field laptop or centre)."""

from __future__ import annotations

import argparse
from typing import Any

from yeda_desktop.cli.common import open_from_args
from yeda_desktop.syncflow.installation import Role, load_installation, set_role


def run(args: argparse.Namespace) -> int:
    db = open_from_args(args, create=True)
    try:
        with db.session() as session:
            if args.set:
                inst = set_role(session, Role(args.set), args.name or "", args.centre_id,
                                force=args.force)
            else:
                found = load_installation(session)
                if found is None:
                    print("未设置角色 / no role set (yeda role --set laptop|centre)")
                    return 1
                inst = found
        print(f"角色 role: {inst.role.value}")
        print(f"设备编号 device id: {inst.device_id}")
        print(f"名称 name: {inst.name}")
        if inst.centre_id:
            print(f"中心编号 centre id: {inst.centre_id}")
    finally:
        db.close()
    return 0


def register(sub: Any) -> None:
    parser = sub.add_parser("role", help="show or set the installation role (laptop or centre)")
    parser.add_argument("--set", choices=[r.value for r in Role])
    parser.add_argument("--name", help="name of this laptop or of the centre")
    parser.add_argument("--centre-id", help="the centre's id (centre only)")
    parser.add_argument("--force", action="store_true", help="deliberately change the role")
    parser.set_defaults(func=run)
