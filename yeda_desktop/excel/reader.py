"""Reading the first worksheet of an .xlsx file as a header row and value rows."""

from __future__ import annotations

import os
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from yeda_desktop.errors import YedaError


@dataclass(frozen=True)
class SheetData:
    sheet: str
    headers: list[str]
    rows: list[tuple[int, tuple[Any, ...]]]  # (spreadsheet row number, values)


def read_sheet(path: str | os.PathLike[str], sheet: str | None = None) -> SheetData:
    file = Path(path)
    try:
        wb = load_workbook(file, read_only=True, data_only=True)
    except FileNotFoundError:
        raise YedaError(f"文件不存在：{file}", f"file not found: {file}") from None
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as exc:
        raise YedaError(
            f"无法读取Excel文件（应为.xlsx格式）：{file}",
            f"cannot read {file} as an .xlsx workbook: {exc}",
        ) from None
    try:
        ws = wb[sheet] if sheet else wb.worksheets[0]
        values = list(ws.iter_rows(values_only=True))
    finally:
        wb.close()
    if not values:
        raise YedaError(f"工作表为空：{file}", f"the worksheet is empty: {file}")
    width = max(len(r) for r in values)
    headers = ["" if v is None else str(v).strip() for v in values[0]]
    headers += [""] * (width - len(headers))
    rows = [
        (number, tuple(r) + (None,) * (width - len(r)))
        for number, r in enumerate(values[1:], start=2)
        if any(v is not None and str(v).strip() for v in r)
    ]
    return SheetData(ws.title, headers, rows)
