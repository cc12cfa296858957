"""`yeda demo`: build a demo zone in a new database.

The ledger is left for `yeda gaps` (or 重新排查 in the app) unless `--gaps` asks for it
here: at 100,000 organizations reconciling takes longer than building the zone.
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any

from yeda_desktop.cli.common import open_from_args
from yeda_desktop.demo import generate_demo
from yeda_desktop.demo.filling import has_data
from yeda_desktop.errors import YedaError
from yeda_desktop.ledger import reconcile

MAX_ORGS = 2_000_000  # the generator's own bound, checked here before a file is created


def _progress(stage: str, done: int, total: int) -> bool:
    if sys.stderr.isatty():
        print(f"\r{stage}: {done:,}/{total:,}", end="", file=sys.stderr, flush=True)
    return True


def run(args: argparse.Namespace) -> int:
    if not 1 <= args.orgs <= MAX_ORGS:
        raise YedaError("演示单位数量应在1至2000000之间", "--orgs must be between 1 and 2,000,000")
    db = open_from_args(args, create=True)
    if args.if_missing and has_data(db):
        print(f"沿用已有的演示数据库 / keeping the existing database {db.display}")
        db.close()
        return 0
    try:
        started = time.perf_counter()
        counts = generate_demo(db, args.orgs, args.seed, _progress)
        elapsed = time.perf_counter() - started
        if sys.stderr.isatty():
            print(file=sys.stderr)
        print(f"演示数据已生成 / demo data written to {db.display} in {elapsed:.1f} s")
        for table, n in counts.tables.items():
            print(f"  {table:<24} {n:>10,}")
        if args.gaps:
            with db.session() as session:
                # Part of the zone as it stands, like the rows above: no edit to hand in.
                session.info["skip_change_log"] = True
                result = reconcile(session)
            print(f"专项工作台账：{result.summary_zh()} / ledger: {result.summary_en()}")
        else:
            print("专项工作台账尚未排查：运行 yeda gaps，或在程序中点“重新排查” / "
                  "the ledger is empty until `yeda gaps` (or 重新排查 in the app)")
    finally:
        db.close()
    return 0


def register(sub: Any) -> None:
    parser = sub.add_parser("demo", help="fill a new database with a demo zone")
    parser.add_argument("--orgs", type=int, default=2000,
                        help=f"number of organizations (1 to {MAX_ORGS:,})")
    parser.add_argument("--seed", type=int, default=1, help="random seed (same seed, same data)")
    parser.add_argument(
        "--if-missing",
        action="store_true",
        help="do nothing if the database already holds data (for repeatable start scripts)",
    )
    parser.add_argument("--gaps", action="store_true",
                        help="also evaluate the gap rules and fill the ledger, as `yeda gaps`")
    parser.set_defaults(func=run)
