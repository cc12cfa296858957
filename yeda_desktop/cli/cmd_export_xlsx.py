"""`yeda export-xlsx KIND --out FILE`: the ledger, statistics, organization list or roster.

The ledger takes the ledger tab's filters (`--building B --open` …), as the tab's 导出…
exports what it shows.
"""

from __future__ import annotations

import argparse
from typing import Any

from yeda_desktop.cli.common import open_from_args
from yeda_desktop.cli.funding_args import add_funding_args, funding_from_args
from yeda_desktop.cli.ledger_filter_args import (
    add_ledger_filter_args,
    any_ledger_filter,
    ledger_filter,
)
from yeda_desktop.errors import YedaError
from yeda_desktop.excel.kinds import EXPORT_KINDS


def run(args: argparse.Namespace) -> int:
    from yeda_desktop.excel import export_xlsx  # openpyxl: only for this command

    funding = funding_from_args(args)
    narrowed = any_ledger_filter(args)
    if narrowed and args.kind != "ledger":
        raise YedaError(f"--rule、--building 等筛选只适用于 ledger，不适用于 {args.kind}",
                        f"--rule, --building and the other gap filters are for ledger only, "
                        f"not {args.kind}")
    db = open_from_args(args)
    try:
        with db.reader() as session:
            wanted = ledger_filter(session, args) if narrowed else None
            path, count = export_xlsx(session, args.kind, args.out, show_ids=args.show_ids,
                                      funding=funding, ledger_filter=wanted)
    finally:
        db.close()
    print(f"已导出 {count} 行到 {path} / exported {count} rows to {path}")
    return 0


def register(sub: Any) -> None:
    parser = sub.add_parser("export-xlsx", help="export to an .xlsx workbook")
    parser.add_argument("kind", choices=list(EXPORT_KINDS))
    parser.add_argument("--out", required=True, metavar="FILE", help="the .xlsx file to write")
    parser.add_argument("--show-ids", action="store_true",
                        help="roster: full ID numbers (masked otherwise)")
    add_funding_args(parser)
    add_ledger_filter_args(parser)
    parser.set_defaults(func=run)
