"""Writing one table as a worksheet: bold frozen header, fitted widths, real dates, no formulas.

A text cell that starts with = + - @ (or a tab / carriage return) would be a
formula or DDE payload in a spreadsheet program; it is stored as a plain
string with Excel's quote prefix, so it shows and reads back as typed.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from itertools import chain, islice
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from yeda_desktop.errors import YedaError

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
MAX_WIDTH = 60
WIDTH_SAMPLE_ROWS = 2000
PROGRESS_ROWS = 2000  # rows written between two progress calls (178,000 take 40 s)
Progress = Callable[[int, int], None]
HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")


def display_width(value: Any) -> int:
    """Width in Excel character units: wide (CJK) characters count twice."""
    if value is None:
        return 0
    if isinstance(value, datetime):
        return 19
    if isinstance(value, date):
        return 10
    text = str(value)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def is_formula_like(value: str) -> bool:
    return value.startswith(FORMULA_PREFIXES)


def new_workbook() -> Workbook:
    """A write-only workbook (streams rows; fast and lean at 100,000 rows)."""
    return Workbook(write_only=True)


def _cell(ws: Worksheet, value: Any) -> Any:
    """The value to append: plain, or a styled cell for dates and formula-like text."""
    if value is None or type(value) is int:  # the common cases first: called per cell
        return value
    if isinstance(value, str):
        if not value.startswith(FORMULA_PREFIXES):
            return value
        cell = WriteOnlyCell(ws, value=value)
        cell.data_type = "s"
        cell.quotePrefix = True
        return cell
    if isinstance(value, datetime):
        cell = WriteOnlyCell(ws, value=value)
        cell.number_format = "yyyy-mm-dd hh:mm"
        return cell
    if isinstance(value, date):
        cell = WriteOnlyCell(ws, value=value)
        cell.number_format = "yyyy-mm-dd"
        return cell
    return value


def write_table(
    wb: Workbook, title: str, headers: Sequence[str], rows: Iterable[Sequence[Any]],
    progress: Progress | None = None, total: int = 0,
) -> int:
    """Add a sheet with a header row and data rows; returns the number of data rows.

    Rows are streamed: only the first WIDTH_SAMPLE_ROWS are held, to fit the column
    widths, which (like the frozen header) a write-only sheet needs before its first row.
    The filter range is written after the rows, so it is set once they are counted.
    `progress(rows written, total)` every PROGRESS_ROWS rows (total 0: not known); an
    exception it raises (a cancelled export) stops the writing.
    """
    stream = iter(rows)
    sample = list(islice(stream, WIDTH_SAMPLE_ROWS))
    ws = wb.create_sheet(title)
    widths = [display_width(h) for h in headers]
    for row in sample:
        for col, value in enumerate(row):
            widths[col] = max(widths[col], display_width(value))
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = min(MAX_WIDTH, width + 2)
    ws.freeze_panes = "A2"
    header_cells = []
    for text in headers:
        cell = WriteOnlyCell(ws, value=text)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center")
        header_cells.append(cell)
    ws.append(header_cells)
    count = 0
    for row in chain(sample, stream):
        ws.append([_cell(ws, value) for value in row])
        count += 1
        if progress is not None and count % PROGRESS_ROWS == 0:
            progress(count, total)
    if count:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{count + 1}"
    return count


def discard_workbook(wb: Workbook) -> None:
    """End a write-only workbook left half-written (a cancelled export): each sheet's rows
    stream into a temporary file that would otherwise be closed under it when the
    workbook is collected (openpyxl removes those files when the program ends)."""
    for ws in wb.worksheets:
        with contextlib.suppress(Exception):
            ws.close()


def require_folder(path: str | os.PathLike[str]) -> Path:
    """`path`, if the folder it is to go in exists; else the sentence saying it does not."""
    target = Path(path)
    if not target.parent.is_dir():
        raise YedaError(f"输出文件夹不存在：{target.parent}",
                        f"output folder does not exist: {target.parent}")
    return target


def save_workbook(wb: Workbook, path: str | os.PathLike[str]) -> Path:
    """Save atomically: a temporary file beside the target, then a rename.

    Into a folder that exists: a mistyped folder is refused, not made (a workbook written
    to /nonexistent/ looked exported to the user who meant another place)."""
    target = require_folder(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=".", suffix=".xlsx.partial", dir=target.parent)
    except OSError as exc:
        raise YedaError(
            f"无法保存Excel文件：{target}（{exc.strerror}）",
            f"cannot save the Excel file {target}: {exc.strerror}",
        ) from None
    os.close(fd)
    try:
        wb.save(tmp)
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise YedaError(
            f"无法保存Excel文件：{target}（{exc.strerror}）",
            f"cannot save the Excel file {target}: {exc.strerror}",
        ) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target
