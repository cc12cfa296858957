"""`yeda import`: import packages (batches at the centre; baselines and receipts on a laptop)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from yeda_desktop.cli.common import EXIT_USER_ERROR, open_from_args, print_error
from yeda_desktop.cli.sync_common import add_keys_option, keys_from_args, print_report
from yeda_desktop.errors import YedaError
from yeda_desktop.storage import Database
from yeda_desktop.syncflow.folder_import import import_folder, packages_in
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


def _import_folder(db: Database, keys: Any, name: str) -> set[int]:
    """Every batch of a folder (the centre's USB stick), each reported as it is imported."""
    codes: set[int] = set()
    skipped: list[str] = []
    try:
        for path, outcome in import_folder(db, keys, Path(name)):
            if outcome is None:
                skipped.append(path.name)
            elif isinstance(outcome, YedaError):
                print_error(f"拒收 refused: {outcome.zh}", outcome.en, prefix=str(path))
                codes.add(EXIT_USER_ERROR)
            else:
                print(f"{path}:")
                print_report(outcome)
                codes.add(EXIT_QUARANTINED if outcome.status == "quarantined" else 0)
    except YedaError as exc:  # not a folder, or not the centre
        print_error(f"拒收 refused: {exc.zh}", exc.en, prefix=name)
        codes.add(EXIT_USER_ERROR)
    if skipped:
        print(f"跳过 {len(skipped)} 个不是工作数据包的文件 / skipped {len(skipped)} files that "
              f"are not batches: {', '.join(skipped)}")
    return codes


def run(args: argparse.Namespace) -> int:
    db = open_from_args(args)
    try:
        paths = [Path(name) for name in args.files]
        get_ready(db, [f for p in paths for f in (packages_in(p) if p.is_dir() else [p])])
        keys = keys_from_args(args)
        codes: set[int] = set()
        for name in args.files:
            if Path(name).is_dir():
                codes |= _import_folder(db, keys, name)
            else:
                codes.add(_import_one(db, keys, name))
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
                        "on a field laptop; at the centre also a folder (a USB stick): "
                        "every batch in it, each laptop's in order, other files skipped")
    add_keys_option(parser)
    parser.set_defaults(func=run)
