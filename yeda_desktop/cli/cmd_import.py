"""`yeda import`: import packages (batches at the centre; baselines and receipts on a laptop)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from yeda_desktop.cli.common import EXIT_USER_ERROR, open_from_args, print_error
from yeda_desktop.cli.sync_common import add_keys_option, keys_from_args, print_report
from yeda_desktop.errors import YedaError
from yeda_desktop.storage import Database
from yeda_desktop.syncflow.importer import get_ready, import_file

EXIT_QUARANTINED = 3
EXIT_CODES = (
    f"exit status: 0 every package imported (or already imported); {EXIT_USER_ERROR} a "
    f"package was refused (nothing of it written; the reason is on stderr); "
    f"{EXIT_QUARANTINED} a package was quarantined, none refused (from a device not yet "
    "approved, or revoked: it is imported only once the device is approved, with "
    "`yeda devices approve`)"
)


def _import_one(db: Database, keys: Any, name: str) -> int:
    try:
        report = import_file(db, keys, Path(name))
    except YedaError as exc:
        print_error(f"拒收 refused: {exc.zh}", exc.en, prefix=name)
        return EXIT_USER_ERROR
    print(f"{name}:")
    print_report(report)
    return EXIT_QUARANTINED if report.status == "quarantined" else 0


def run(args: argparse.Namespace) -> int:
    db = open_from_args(args)
    try:
        get_ready(db, [Path(name) for name in args.files])  # loads while the keys are read
        keys = keys_from_args(args)
        codes = {_import_one(db, keys, name) for name in args.files}
    finally:
        db.close()
    for code in (EXIT_USER_ERROR, EXIT_QUARANTINED):
        if code in codes:
            return code
    return 0


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "import", help="import packages (verified before anything is written)",
        epilog=EXIT_CODES,
    )
    parser.add_argument("files", nargs="+", metavar="file",
                        help=".yeda package(s): batches at the centre, baselines and receipts "
                        "on a field laptop")
    add_keys_option(parser)
    parser.set_defaults(func=run)
