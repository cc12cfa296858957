"""`yeda import`: import packages (batches at the centre; baselines and receipts on a laptop)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from yeda_desktop.cli.common import open_from_args
from yeda_desktop.cli.sync_common import add_keys_option, keys_from_args, print_report
from yeda_desktop.errors import YedaError
from yeda_desktop.syncflow.importer import import_file


def run(args: argparse.Namespace) -> int:
    db = open_from_args(args)
    keys = keys_from_args(args)
    failed = 0
    try:
        for name in args.files:
            try:
                report = import_file(db, keys, Path(name))
            except YedaError as exc:
                print(f"{name}: 拒收 refused: {exc.zh} / {exc.en}")
                failed += 1
                continue
            print(f"{name}:")
            print_report(report)
    finally:
        db.close()
    return 2 if failed else 0


def register(sub: Any) -> None:
    parser = sub.add_parser("import", help="import packages (verified before anything is written)")
    parser.add_argument("files", nargs="+")
    add_keys_option(parser)
    parser.set_defaults(func=run)
