"""Options and printing shared by the package-exchange commands (keys folder, reports)."""

from __future__ import annotations

import argparse
from typing import Any

from yeda_desktop.storage import Database
from yeda_desktop.sync import KeySet
from yeda_desktop.syncflow.installation import keys_dir, load_keys
from yeda_desktop.syncflow.report import ImportReport


def add_keys_option(parser: Any) -> None:
    parser.add_argument(
        "--keys", metavar="DIR",
        help="key folder (default: $YEDA_KEYS_DIR or the user data folder); "
        "a passphrase is read from $YEDA_KEY_PASSPHRASE",
    )


def keys_from_args(args: argparse.Namespace) -> KeySet:
    return load_keys(keys_dir(args.keys))


def print_report(report: ImportReport) -> None:
    for line in report.lines():
        print(line)


def close(db: Database) -> None:
    db.close()
