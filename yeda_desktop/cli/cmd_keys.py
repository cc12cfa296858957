"""`yeda keys`: create (on first use) and show this installation's keys and their code."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from yeda_desktop import atomic
from yeda_desktop.cli.sync_common import add_keys_option
from yeda_desktop.syncflow.installation import keys_dir, load_or_create_keys


def run(args: argparse.Namespace) -> int:
    folder = keys_dir(args.keys)
    keys, created = load_or_create_keys(folder, os.environ.get("YEDA_KEY_PASSPHRASE") or None)
    if created:
        print(f"已生成新密钥 / new keys created in {folder}")
    print(f"密钥文件夹 key folder: {folder}")
    print(f"核对码 code: {keys.fingerprint}")
    print(f"age 公钥 recipient: {keys.public.age_recipient}")
    print(f"minisign 公钥 public key: {keys.public.signing.to_base64()}")
    if args.export_public:
        out = Path(args.export_public)
        out.mkdir(parents=True, exist_ok=True)
        atomic.write_text(out / "device.pub", keys.public.minisign_text(), encoding="ascii")
        atomic.write_text(out / "device.age-recipient", keys.public.age_recipient + "\n")
        print(f"公钥已写出 / public keys written to {out}")
    return 0


def register(sub: Any) -> None:
    parser = sub.add_parser("keys", help="create or show this installation's keys")
    add_keys_option(parser)
    parser.add_argument("--export-public", metavar="DIR",
                        help="write device.pub (for minisign -V) and the age recipient")
    parser.set_defaults(func=run)
