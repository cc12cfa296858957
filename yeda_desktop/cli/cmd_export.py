"""`yeda export`: a laptop writes today's work (changes since the last export) as a batch."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from yeda_desktop.cli.common import open_from_args
from yeda_desktop.cli.sync_common import add_keys_option, keys_from_args
from yeda_desktop.syncflow.batch_export import export_batch


def run(args: argparse.Namespace) -> int:
    db = open_from_args(args)
    try:
        result = export_batch(db, keys_from_args(args), Path(args.file), officer=args.officer,
                              full=args.full)
    finally:
        db.close()
    m = result.manifest
    print(f"已导出第 {m.sequence} 批 / batch {m.sequence} written: {result.path}")
    for table, n in sorted(result.records.items()):
        print(f"  {table:<24} {n:>8,}")
    return 0


def register(sub: Any) -> None:
    parser = sub.add_parser("export", help="export today's work as a signed, encrypted batch")
    parser.add_argument("file")
    parser.add_argument("--full", action="store_true", help="re-export every local change")
    add_keys_option(parser)
    parser.set_defaults(func=run)
