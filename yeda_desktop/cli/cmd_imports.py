"""`yeda imports`: the batches this centre imported, newest first; `--show` one's report."""

from __future__ import annotations

import argparse
from typing import Any

from yeda_desktop.cli.common import at_least_one, open_from_args
from yeda_desktop.errors import YedaError
from yeda_desktop.local_time import local_minute
from yeda_desktop.syncflow.import_log import SHOWN_AT_MOST, imported_batches


def run(args: argparse.Namespace) -> int:
    db = open_from_args(args)
    try:
        with db.reader() as session:
            batches = imported_batches(session, args.limit)
    finally:
        db.close()
    if args.show:
        found = [b for b in batches if b.package_id.startswith(args.show)]
        if len(found) != 1:
            raise YedaError(f"没有唯一以 {args.show} 开头的已导入数据包",
                            f"no single imported package id starts with {args.show}")
        report = found[0].report
        print("\n".join(report.lines()) if report else
              "这一批的导入报告无法读取 / this batch's report cannot be read")
        return 0
    for b in batches:
        r = b.report
        counts = (f"新增 new {r.new}，更新 updated {r.updated}，冲突 conflicts {r.conflicts}，"
                  f"疑似重复 duplicates {r.duplicates}，拒收 rejected {len(r.rejected)}"
                  if r else "-")
        print(f"{local_minute(b.imported_at)}  {b.device}  第 {b.sequence} 批 batch {b.sequence}"
              f"  队员 officer {b.officer or '-'}  {counts}  {b.file_name}  {b.package_id}")
    print(f"共 {len(batches)} 批 / {len(batches)} batches")
    return 0


def register(sub: Any) -> None:
    parser = sub.add_parser("imports", help="the centre's imported batches, newest first")
    parser.add_argument("--limit", type=at_least_one, default=SHOWN_AT_MOST,
                        help="at most this many")
    parser.add_argument("--show", metavar="PACKAGE", help="print this package's import report "
                        "(its id, or a unique start of it)")
    parser.set_defaults(func=run)
