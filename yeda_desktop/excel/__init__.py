"""Excel exchange (openpyxl): exports with Chinese headers, imports with a validation report.

The names below are loaded on first use (PEP 562): every `yeda` command imports the
modules that register the Excel commands, and openpyxl with the exports behind it
cost each of them a tenth of a second or more.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from yeda_desktop.excel.export import export_xlsx
    from yeda_desktop.excel.importer import ImportPlan, RowReport, apply_plan, plan_import
    from yeda_desktop.excel.kinds import EXPORT_KINDS
    from yeda_desktop.excel.mapping import IMPORT_KINDS, guess_mapping
    from yeda_desktop.excel.reader import read_sheet

_HOME = {
    "EXPORT_KINDS": "kinds",
    "IMPORT_KINDS": "mapping",
    "ImportPlan": "importer",
    "RowReport": "importer",
    "apply_plan": "importer",
    "export_xlsx": "export",
    "guess_mapping": "mapping",
    "plan_import": "importer",
    "read_sheet": "reader",
}

__all__ = [
    "EXPORT_KINDS",
    "IMPORT_KINDS",
    "ImportPlan",
    "RowReport",
    "apply_plan",
    "export_xlsx",
    "guess_mapping",
    "plan_import",
    "read_sheet",
]


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_HOME[name]}"), name)
