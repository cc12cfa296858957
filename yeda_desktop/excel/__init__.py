"""Excel exchange (openpyxl): exports with Chinese headers, imports with a validation report."""

from yeda_desktop.excel.export import EXPORT_KINDS, export_xlsx
from yeda_desktop.excel.importer import ImportPlan, RowReport, apply_plan, plan_import
from yeda_desktop.excel.mapping import IMPORT_KINDS, guess_mapping
from yeda_desktop.excel.reader import read_sheet

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
