"""`yeda audit`: every change of one record, with package, device, officer and time."""

from __future__ import annotations

import argparse
from typing import Any

from yeda_desktop.cli.common import open_from_args
from yeda_desktop.local_time import local_stamp
from yeda_desktop.models.labels import change_label, field_label_with_key
from yeda_desktop.syncflow.audit_trail import (
    AuditEntry,
    find_record,
    history,
    shown_old_values,
    shown_values,
)


def _package(e: AuditEntry) -> str:
    """"第3批 batch 3 (cf89a1de-…)" for a batch imported here; else the id, or "-"."""
    if not e.package_id:
        return "-"
    return f"第{e.batch}批 batch {e.batch} ({e.package_id})" if e.batch else e.package_id


def run(args: argparse.Namespace) -> int:
    db = open_from_args(args)
    try:
        with db.reader() as session:
            record_id = find_record(session, args.record)
            entries = history(session, record_id)
            news = shown_values(session, entries)
            olds = shown_old_values(session, entries)
    finally:
        db.close()
    print(f"记录 record {record_id}")
    for e, old, new in zip(entries, olds, news, strict=True):
        what = field_label_with_key(e.table_name, e.field)  # "单位 · 联系电话 (organizations.…)"
        values = "" if e.op == "delete" else (f"{old} → {new}" if e.field else new)
        change = f"{change_label(e.op)} {e.op}"
        print(f"{local_stamp(e.at)}  {change:<16} {what} {values}  "
              f"队员 officer {e.officer or '-'}  "
              f"设备 device {e.device or '-'}  数据包 package {_package(e)}")
    print(f"共 {len(entries)} 条 / {len(entries)} changes")
    return 0


def register(sub: Any) -> None:
    parser = sub.add_parser("audit", help="the change history of one record")
    parser.add_argument("record", help="record id (or a unique start of it; a conflict's id "
                        "names its record)")
    parser.set_defaults(func=run)
