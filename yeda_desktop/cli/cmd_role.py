"""`yeda role`: show or set what this installation is (field laptop or centre)."""

from __future__ import annotations

import argparse
from typing import Any

from yeda_desktop.cli.common import open_from_args
from yeda_desktop.errors import YedaError
from yeda_desktop.syncflow.installation import (
    ROLE_EN,
    ROLE_ZH,
    Installation,
    Role,
    load_installation,
    set_role,
)

ROLE_WORDS: dict[Role, tuple[str, str]] = {role: (ROLE_ZH[role], ROLE_EN[role]) for role in Role}


def _set(session: Any, args: argparse.Namespace) -> Installation:
    """Refuse an undeliberate change here, in the words the officer knows the roles by."""
    role = Role(args.set)
    current = load_installation(session)
    if current is not None and current.role is not role and not args.force:
        now_zh, now_en = ROLE_WORDS[current.role]
        new_zh, new_en = ROLE_WORDS[role]
        raise YedaError(
            f"本机已设置为{now_zh}，改为{new_zh}需由管理员明确确认（加 --force）",
            f"this installation is already a {now_en}; making it a {new_en} must be "
            "deliberate (add --force)",
        )
    return set_role(session, role, args.name or "", args.centre_id, force=args.force)


def run(args: argparse.Namespace) -> int:
    db = open_from_args(args, create=bool(args.set))  # showing the role creates nothing
    try:
        with db.session() as session:
            if args.set:
                inst = _set(session, args)
            else:
                found = load_installation(session)
                if found is None:
                    print("未设置角色 / no role set (yeda role --set laptop|centre)")
                    return 1
                inst = found
        role_zh, role_en = ROLE_WORDS[inst.role]
        print(f"角色 role: {role_zh} {role_en} ({inst.role.value})")
        print(f"设备编号 device id: {inst.device_id}")
        print(f"名称 name: {inst.name}")
        if inst.centre_id:
            print(f"中心编号 centre id: {inst.centre_id}")
    finally:
        db.close()
    return 0


def register(sub: Any) -> None:
    parser = sub.add_parser("role", help="show or set the installation role (laptop or centre)")
    parser.add_argument("--set", choices=[r.value for r in Role],
                        help="make this installation a field laptop or the centre")
    parser.add_argument("--name", help="name of this laptop or of the centre")
    parser.add_argument("--centre-id", help="the centre's id (centre only)")
    parser.add_argument("--force", action="store_true", help="deliberately change the role")
    parser.set_defaults(func=run)
