"""Benchmark of the Excel import (run on demand): an organization list read, checked, imported.

    .venv/bin/python tests/bench/bench_xlsx_import.py [--rows 5000] [--runs 3]

Prints the seconds of each step as the import dialog runs them (reading the workbook,
checking every row, then checking again and writing inside one transaction), and the
median of `--runs` imports, each into a fresh database.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook
from stdnum.cn import uscc

from yeda_desktop.excel import apply_plan, guess_mapping, plan_import, read_sheet
from yeda_desktop.storage import open_database


def write_list(path: Path, rows: int) -> None:
    """A street office's organization list: name, USCC, staff and phone, all valid."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(["企业名称", "统一社会信用代码", "从业人员数", "联系电话"])
    for i in range(rows):
        body = f"91370600{i:09d}"
        sheet.append([f"烟台表格{i}号科技有限公司", body + uscc.calc_check_digit(body),
                      i % 300, f"139{i:08d}"])
    book.save(path)


def one_run(root: Path, workbook: Path, run: int) -> dict[str, float]:
    db = open_database(root / f"import-{run}.sqlite")
    try:
        start = time.perf_counter()
        sheet = read_sheet(workbook)
        read_s = time.perf_counter() - start
        mapping = guess_mapping("organizations", sheet.headers)
        start = time.perf_counter()
        with db.reader() as session:
            plan_import(session, "organizations", sheet, mapping)
        check_s = time.perf_counter() - start
        start = time.perf_counter()
        with db.session(officer="基准") as session:
            result = apply_plan(session, plan_import(session, "organizations", sheet, mapping))
        import_s = time.perf_counter() - start
        assert result.created == len(sheet.rows), result
    finally:
        db.close()
    return {"read_s": read_s, "check_s": check_s, "import_s": import_s}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        workbook = root / "list.xlsx"
        write_list(workbook, args.rows)
        runs = [one_run(root, workbook, n) for n in range(args.runs)]
    medians = {key: round(statistics.median(r[key] for r in runs), 2) for key in runs[0]}
    print(f"Excel import of {args.rows:,} organizations (medians of {args.runs} runs): {medians}")


if __name__ == "__main__":
    main()
