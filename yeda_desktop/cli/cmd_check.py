"""`yeda check`: integrity, foreign keys and domain invariants; non-zero exit on any problem."""

from __future__ import annotations

import argparse
from collections import Counter
from typing import Any

from yeda_desktop.cli.common import open_from_args
from yeda_desktop.storage.check import check_database

SHOW_PER_KIND = 10


def run(args: argparse.Namespace) -> int:
    db = open_from_args(args)
    try:
        with db.engine.connect() as conn:
            problems = check_database(conn)
    finally:
        db.close()
    if not problems:
        print(f"检查通过 / all checks passed: {db.display}")
        return 0
    shown: Counter[str] = Counter()
    for problem in problems:
        shown[problem.code] += 1
        if shown[problem.code] <= SHOW_PER_KIND:
            where = f"{problem.table}:{problem.record_id}" if problem.record_id else problem.table
            print(f"[{problem.code}] {where}  {problem.zh} / {problem.en}")
    for code, n in shown.items():
        if n > SHOW_PER_KIND:
            print(f"[{code}] … 另有 {n - SHOW_PER_KIND} 项 / {n - SHOW_PER_KIND} more")
    print(f"发现 {len(problems)} 个问题 / {len(problems)} problems found")
    return 1


def register(sub: Any) -> None:
    parser = sub.add_parser("check", help="integrity, foreign keys and domain invariants")
    parser.set_defaults(func=run)
