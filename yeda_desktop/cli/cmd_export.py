"""`yeda export`: a laptop writes today's work (changes since the last export) as a batch."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from yeda_desktop.cli.common import open_from_args, require_output
from yeda_desktop.cli.sync_common import add_keys_option, keys_from_args
from yeda_desktop.errors import YedaError
from yeda_desktop.syncflow.batch_export import ExportResult, export_batch, resume_export
from yeda_desktop.syncflow.batch_file_name import next_batch_file_name


def _print(result: ExportResult) -> None:
    m = result.manifest
    if result.resumed:
        print(f"已完成上次中断的第 {m.sequence} 批 / batch {m.sequence} left by an interrupted "
              f"export is finished: {result.path}")
        print("  再导出一次以写出之后的修改 / export again for the changes made since")
    else:
        print(f"已导出第 {m.sequence} 批 / batch {m.sequence} written: {result.path}")
    for table, n in sorted(result.records.items()):
        print(f"  {table:<24} {n:>8,}")


def run(args: argparse.Namespace) -> int:
    if not args.resume and not args.file:
        raise YedaError("请指定导出文件，或U盘等文件夹",
                        "give the file to write, or a folder (or --resume)")
    given = Path(args.file) if args.file else None
    if given is not None and not args.resume and not given.is_dir():
        require_output(given)
    db = open_from_args(args)
    try:
        keys = keys_from_args(args)
        if args.resume:
            result = resume_export(db, keys)
            if result is None:
                print("没有需要完成的中断导出 / no interrupted export to finish")
                return 0
        else:
            assert given is not None
            # A folder (the USB stick): the file named after this laptop, batch and day.
            out = given / next_batch_file_name(db) if given.is_dir() else given
            result = export_batch(db, keys, out, officer=args.officer, full=args.full)
    finally:
        db.close()
    _print(result)
    return 0


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "export", help="export today's work as a signed, encrypted batch",
        usage="yeda export [-h] [--full] [--keys DIR] FILE|FOLDER\n"
        "       yeda export --resume [--keys DIR]",
    )
    parser.add_argument("file", nargs="?",
                        help="the .yeda batch to write, or a folder (the USB stick) to write "
                        "it in as LAPTOP-第N批-YYYYMMDD.yeda (required unless --resume)")
    parser.add_argument("--full", action="store_true", help="re-export every local change")
    parser.add_argument("--resume", action="store_true",
                        help="only finish a batch an interrupted export recorded but left "
                        "under its .pending name")
    add_keys_option(parser)
    parser.set_defaults(func=run)
