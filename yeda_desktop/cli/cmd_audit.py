"""`yeda audit`: every change of one record, with package, device, officer and time."""

from __future__ import annotations

import argparse
import json
from typing import Any

from yeda_desktop.cli.common import open_from_args
from yeda_desktop.models.labels import change_label, field_label_with_key
from yeda_desktop.syncflow.audit_trail import history


def run(args: argparse.Namespace) -> int:
    db = open_from_args(args)
    try:
        with db.reader() as session:
            entries = history(session, args.record)
    finally:
        db.close()
    for e in entries:
        what = field_label_with_key(e.table_name, e.field)  # "单位 · 联系电话 (organizations.…)"
        values = "" if e.op in ("insert", "delete") else (
            f"{json.dumps(e.old, ensure_ascii=False)} → {json.dumps(e.new, ensure_ascii=False)}")
        change = f"{change_label(e.op)} {e.op}"
        print(f"{e.at}  {change:<16} {what} {values}  officer {e.officer or '-'}  "
              f"device {e.device or '-'}  package {e.package_id or '-'}")
    print(f"共 {len(entries)} 条 / {len(entries)} changes")
    return 0


def register(sub: Any) -> None:
    parser = sub.add_parser("audit", help="the change history of one record")
    parser.add_argument("record", help="record id (UUID)")
    parser.set_defaults(func=run)
