"""`yeda keys`: create (on first use) and show this installation's keys and their code."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from yeda_desktop import atomic
from yeda_desktop.cli.sync_common import PASSPHRASE_ENV, add_keys_option, load_keys_asking
from yeda_desktop.errors import YedaError
from yeda_desktop.sync import KeySet
from yeda_desktop.syncflow.installation import keys_dir, load_or_create_keys


def _export_folder(text: str | None) -> Path | None:
    """Checked before anything is printed, so a refusal is the only output."""
    if not text:
        return None
    out = Path(text)
    if out.exists() and not out.is_dir():
        raise YedaError(
            f"{out} 是一个文件，不是文件夹；--export-public 需要一个文件夹",
            f"{out} is a file, not a folder; --export-public takes a folder",
        )
    return out


def run(args: argparse.Namespace) -> int:
    out = _export_folder(args.export_public)
    folder = keys_dir(args.keys)
    if KeySet.exists(folder):
        keys, created = load_keys_asking(folder), False
    else:
        keys, created = load_or_create_keys(folder, os.environ.get(PASSPHRASE_ENV) or None)
    if created:
        print(f"已生成新密钥 / new keys created in {folder}")
    print(f"密钥文件夹 key folder: {folder}")
    print(f"核对码 code: {keys.fingerprint}")
    print(f"age 公钥 recipient: {keys.public.age_recipient}")
    print(f"minisign 公钥 public key: {keys.public.signing.to_base64()}")
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        atomic.write_text(out / "device.pub", keys.public.minisign_text(), encoding="ascii")
        atomic.write_text(out / "device.age-recipient", keys.public.age_recipient + "\n")
        print(f"公钥已写出 / public keys written to {out}")
    return 0


def register(sub: Any) -> None:
    parser = sub.add_parser("keys", help="create or show this installation's keys")
    add_keys_option(parser)
    parser.add_argument("--export-public", metavar="DIR",
                        help="write device.pub (for minisign -V) and the age recipient "
                        "into this folder (created if missing)")
    parser.set_defaults(func=run)
