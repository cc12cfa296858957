"""`yeda profile`: the centre writes its signed profile; a laptop imports it first."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from yeda_desktop.cli.common import open_from_args, require_file, require_output
from yeda_desktop.cli.sync_common import add_keys_option, keys_from_args
from yeda_desktop.errors import YedaError
from yeda_desktop.rules import RulesProfile, profile_in_force
from yeda_desktop.rules.in_force import differences, issued
from yeda_desktop.syncflow.installation import profile_json
from yeda_desktop.syncflow.profile import (
    export_profile,
    import_profile,
    read_profile_file,
    shown_profile,
)

_SHOWN = (("centre_id", "中心编号 centre id"), ("centre_name", "中心名称 centre name"),
          ("fingerprint", "核对码 code"), ("age_recipient", "加密公钥 age recipient"))


def run(args: argparse.Namespace) -> int:
    if args.action == "export":
        require_output(Path(_given(args.file, "要写出的中心配置文件", "the profile file to write")))
    elif args.action == "import":
        require_file(Path(_given(args.file, "中心配置文件", "the profile file")),
                     "中心配置文件", "profile file")
    if args.action == "show" and args.file:
        head = read_profile_file(Path(args.file))
        print(f"中心配置文件 / profile file: {args.file}")
        for key, label in _SHOWN:
            print(f"{label}: {head.get(key) or '-'}")
        rules = head.get("rules")
        print(_thresholds(issued(rules) if isinstance(rules, dict) else None))
        return 0
    db = open_from_args(args)
    try:
        if args.action == "export":
            manifest = export_profile(db, keys_from_args(args), Path(args.file),
                                      Path(args.rules) if args.rules else None,
                                      replace=args.replace)
            print(f"中心配置文件已写出 / centre profile written: {args.file} "
                  f"({manifest.package_id})")
        elif args.action == "import":
            with db.reader() as session:
                before = profile_json(session)
            taken = import_profile(db, Path(args.file), replace=args.replace)
            head = taken.head
            print(f"已导入中心配置 / profile imported: {head['centre_name']} "
                  f"({head['centre_id']})")
            print(f"中心核对码 centre code: {head['fingerprint']}")
            if before and before.get("centre_id") != head["centre_id"]:
                print("本机已改为这个中心；请写出设备登记申请交给新中心（yeda enrol），"
                      "批次编号从 1 重新开始 / this laptop moved to this centre: enrol there "
                      "(yeda enrol); batches are numbered from 1 again")
            if taken.cleared is not None:
                print(f"原中心辖区的 {taken.cleared.records} 条记录已从本机清除，备份 / "
                      f"{taken.cleared.records} records of the old zone taken off this laptop, "
                      f"backup: {taken.cleared.backup}")
        else:
            with db.reader() as session:
                head = shown_profile(session)
                rules = profile_in_force(session)
            for key, label in _SHOWN:
                print(f"{label}: {head.get(key) or '-'}")
            print(_thresholds(rules))
    finally:
        db.close()
    return 0


def _thresholds(profile: RulesProfile | None) -> str:
    """The gap rules' thresholds where they are not the defaults."""
    changed = differences(profile) if profile is not None else {}
    shown = ", ".join(f"{k}={v}" for k, v in changed.items()) or "默认 defaults"
    return f"规则阈值 rule thresholds: {shown}"


def _given(value: str, what_zh: str, what_en: str) -> str:
    if not value:
        raise YedaError(f"请指定{what_zh}", f"give {what_en}")
    return value


def register(sub: Any) -> None:
    parser = sub.add_parser("profile", help="centre profile: export (centre), import (laptop), "
                            "show (this installation's, or FILE's)")
    parser.add_argument("action", choices=["export", "import", "show"])
    parser.add_argument("file", nargs="?", default="",
                        help="export: the .yeda file to write; import: the profile file; "
                        "show: a profile file to read (default: this installation's)")
    parser.add_argument("--rules", help="export: the gap rules' thresholds (.toml/.json) the "
                        "laptops and the centre evaluate with from now on (default: those "
                        "in force)")
    parser.add_argument("--replace", action="store_true",
                        help="import: deliberately trust a different centre key; export: "
                        "deliberately publish new centre keys")
    add_keys_option(parser)
    parser.set_defaults(func=run)
