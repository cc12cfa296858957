"""`yeda import-xlsx FILE [--accept]`: validate a list or roster; write only when accepted."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from yeda_desktop.cli.common import open_from_args, require_file
from yeda_desktop.excel.mapping import IMPORT_KINDS, FieldSpec, guess_mapping

LABELS = {"create": "新增", "update": "更新", "unchanged": "无变化", "error": "错误"}


def _guess_kind(headers: list[str]) -> str:
    roster = guess_mapping("roster", headers)
    return "roster" if "id_number" in roster or "party_status" in roster else "organizations"


def run(args: argparse.Namespace) -> int:
    from yeda_desktop.excel import apply_plan, plan_import, read_sheet  # openpyxl: only here

    sheet = read_sheet(require_file(Path(args.file), "Excel文件", "workbook"), args.sheet)
    kind = args.kind or _guess_kind(sheet.headers)
    mapping = guess_mapping(kind, sheet.headers)
    fields: dict[str, FieldSpec] = {f.key: f for f in IMPORT_KINDS[kind]}
    print(f"工作表 / sheet: {sheet.sheet}；类型 / kind: {kind}")
    for key, col in mapping.items():
        print(f"  {sheet.headers[col]} → {fields[key].header} ({key})")
    db = open_from_args(args)
    try:
        with db.session(officer=args.officer) as session:
            plan = plan_import(session, kind, sheet, mapping)
            for report in plan.rows:
                if report.action == "error" or args.verbose:
                    detail = "；".join(report.messages_zh) or "、".join(report.changes)
                    print(f"第 {report.row} 行\t{LABELS[report.action]}\t{report.label}\t{detail}")
            print(f"{plan.summary_zh()} / {plan.summary_en()}")
            if not args.accept:
                session.rollback()
                print("未写入任何数据；确认无误后加 --accept 导入 / nothing written; "
                      "add --accept to import")
                return 1 if plan.errors else 0
            result = apply_plan(session, plan)
        print(f"已导入：新增 {result.created}，更新 {result.updated}，"
              f"跳过错误行 {result.skipped} / imported: {result.created} new, "
              f"{result.updated} updated, {result.skipped} rows with errors skipped")
    finally:
        db.close()
    return 0


def register(sub: Any) -> None:
    parser = sub.add_parser("import-xlsx", help="import an organization list or member roster")
    parser.add_argument("file", help="the .xlsx file")
    parser.add_argument("--kind", choices=list(IMPORT_KINDS), help="default: guessed from headers")
    parser.add_argument("--sheet", help="worksheet name (default: the first)")
    parser.add_argument("--accept", action="store_true", help="write the valid rows")
    parser.add_argument("--verbose", action="store_true", help="report every row, not only errors")
    parser.set_defaults(func=run)
