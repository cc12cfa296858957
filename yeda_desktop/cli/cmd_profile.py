"""`yeda profile`: the centre writes its signed profile; a laptop imports it first."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from yeda_desktop.cli.common import open_from_args
from yeda_desktop.cli.sync_common import add_keys_option, keys_from_args
from yeda_desktop.syncflow.installation import profile_json
from yeda_desktop.syncflow.profile import export_profile, import_profile


def run(args: argparse.Namespace) -> int:
    db = open_from_args(args)
    try:
        if args.action == "export":
            manifest = export_profile(db, keys_from_args(args), Path(args.file),
                                      Path(args.rules) if args.rules else None)
            print(f"中心配置文件已写出 / centre profile written: {args.file} "
                  f"({manifest.package_id})")
        elif args.action == "import":
            head = import_profile(db, Path(args.file), replace=args.replace)
            print(f"已导入中心配置 / profile imported: {head['centre_name']} "
                  f"({head['centre_id']})")
            print(f"中心核对码 centre code: {head['fingerprint']}")
        else:
            with db.reader() as session:
                head = profile_json(session) or {}
            for key in ("centre_id", "centre_name", "fingerprint", "age_recipient"):
                print(f"{key}: {head.get(key, '')}")
    finally:
        db.close()
    return 0


def register(sub: Any) -> None:
    parser = sub.add_parser("profile", help="centre profile: export (centre), import (laptop)")
    parser.add_argument("action", choices=["export", "import", "show"])
    parser.add_argument("file", nargs="?", default="")
    parser.add_argument("--rules", help="rules profile (.toml/.json) to include")
    parser.add_argument("--replace", action="store_true",
                        help="deliberately trust a different centre key")
    add_keys_option(parser)
    parser.set_defaults(func=run)
