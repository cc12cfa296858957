"""`yeda receipt`: the centre writes a signed receipt of the batches a device handed in."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from yeda_desktop.cli.common import open_from_args
from yeda_desktop.cli.sync_common import add_keys_option, keys_from_args
from yeda_desktop.syncflow.receipts import write_receipt


def run(args: argparse.Namespace) -> int:
    db = open_from_args(args)
    try:
        _manifest, count = write_receipt(db, keys_from_args(args), Path(args.file), args.device)
    finally:
        db.close()
    print(f"回执已写出 / receipt written: {args.file} ({count} 个数据包 batches)")
    return 0


def register(sub: Any) -> None:
    parser = sub.add_parser("receipt", help="write a receipt of a device's imported batches")
    parser.add_argument("file", help="the .yeda receipt file to write")
    parser.add_argument("--device", required=True,
                        help="the device the receipt is for (id or a unique start of it, "
                        "as `devices list` prints)")
    add_keys_option(parser)
    parser.set_defaults(func=run)
