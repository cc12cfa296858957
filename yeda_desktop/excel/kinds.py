"""The workbooks `export_xlsx` writes, by name: what the command line offers without
loading openpyxl and the reports behind them."""

from __future__ import annotations

EXPORT_KINDS: dict[str, tuple[str, str]] = {
    "ledger": ("专项工作台账", "special work ledger"),
    "statistics": ("统计", "statistics"),
    "organizations": ("两新组织名单", "organization list"),
    "roster": ("党员花名册", "member roster"),
}
