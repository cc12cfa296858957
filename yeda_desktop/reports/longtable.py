"""Long ruled tables laid out a window of rows at a time, so each page split costs O(page).

reportlab's Table recomputes every row (and every SPAN) each time it is split, so a
10,000-row table split over 400 pages does ~400 × 10,000 rows of work. A
:class:`WindowedTable` keeps the rows as data and only builds a real Table for the next
``window`` rows when the frame asks it to split; the rest stays data until the next page.
The header rows repeat on every page and per-row styles (group rows, highlighting) follow
their rows, exactly as one big Table would print them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeAlias

from reportlab.platypus import Flowable, TableStyle

from .layout import CountedTable

Row: TypeAlias = Sequence[Any]
"""One table row: a cell value per column."""
RowCommand: TypeAlias = tuple[Any, ...]
"""A style command for one row without its row: ``(name, first col, last col, *args)``."""

MIN_ROW_HEIGHT = 12.0
"""Default lower bound of a row's height in points (one 8-pt line plus padding)."""


def _row_commands(
    body_styles: Sequence[Sequence[RowCommand]], first: int, end: int, offset: int
) -> list[tuple[Any, ...]]:
    out: list[tuple[Any, ...]] = []
    for i in range(first, end):
        row = i - first + offset
        for name, c0, c1, *args in body_styles[i]:
            out.append((name, (c0, row), (c1, row), *args))
    return out


def ledger_table(
    header: Sequence[Row],
    body: Sequence[Row],
    *,
    col_widths: Sequence[float],
    base_style: Sequence[tuple[Any, ...]],
    row_styles: Sequence[Sequence[RowCommand]] | None = None,
    min_row_height: float = MIN_ROW_HEIGHT,
    small: int = 40,
) -> Flowable:
    """A table of ``header`` + ``body`` that repeats the header on every page and splits cheaply.

    ``base_style`` uses whole-table coordinates (row 0 is the first header row);
    ``row_styles[i]`` are the commands for ``body[i]`` only. ``min_row_height`` (no row is
    lower) sizes the window of rows built per page; a wrong value costs time, never rows.
    Tables of at most ``small`` rows are plain :class:`CountedTable` objects.
    """
    styles = row_styles if row_styles is not None else [()] * len(body)
    if len(styles) != len(body):
        raise ValueError("row_styles needs one entry per body row")
    if len(body) <= small:
        return _table(header, body, styles, 0, len(body), col_widths, base_style)
    return WindowedTable(header, body, styles, 0, col_widths, base_style, min_row_height)


def _table(
    header: Sequence[Row],
    body: Sequence[Row],
    styles: Sequence[Sequence[RowCommand]],
    first: int,
    end: int,
    col_widths: Sequence[float],
    base_style: Sequence[tuple[Any, ...]],
) -> CountedTable:
    t = CountedTable(
        [list(r) for r in header] + [list(r) for r in body[first:end]],
        colWidths=list(col_widths),
        repeatRows=len(header),
    )
    t.setStyle(TableStyle([*base_style, *_row_commands(styles, first, end, len(header))]))
    return t


class WindowedTable(Flowable):  # type: ignore[misc]
    """The unprinted rest of a long table: never drawn itself, always split into a page part."""

    def __init__(
        self,
        header: Sequence[Row],
        body: Sequence[Row],
        styles: Sequence[Sequence[RowCommand]],
        first: int,
        col_widths: Sequence[float],
        base_style: Sequence[tuple[Any, ...]],
        min_row_height: float,
    ) -> None:
        super().__init__()
        self.header = header
        self.body = body
        self.styles = styles
        self.first = first
        self.col_widths = col_widths
        self.base_style = base_style
        self.min_row_height = min_row_height

    @property
    def progress_units(self) -> int:
        """Body rows not yet placed on a page (what :func:`layout.count_units` counts)."""
        return len(self.body) - self.first

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        # Taller than any space offered: the frame must call split(), which places one page.
        self.width = sum(self.col_widths)
        return self.width, avail_height + 1

    def _part(self, end: int) -> CountedTable:
        return _table(
            self.header, self.body, self.styles, self.first, end, self.col_widths, self.base_style
        )

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        total = len(self.body)
        window = int(avail_height / self.min_row_height) + 2
        while True:
            end = min(self.first + window, total)
            pieces = self._part(end).split(avail_width, avail_height)
            if len(pieces) != 1 or end == total:
                break
            # The whole window fitted, so it was too small to fill the page: widen it (a
            # second header must never print mid-page).
            window *= 2
        if not pieces:
            return []
        placed = pieces[0]
        taken = end - self.first if len(pieces) == 1 else len(placed._cellvalues) - len(self.header)
        if taken <= 0:
            return []
        if self.first + taken >= total:
            return [placed]
        rest = WindowedTable(
            self.header,
            self.body,
            self.styles,
            self.first + taken,
            self.col_widths,
            self.base_style,
            self.min_row_height,
        )
        return [placed, rest]

    def draw(self) -> None:  # pragma: no cover - wrap() never lets a frame place it
        raise RuntimeError("WindowedTable is only ever split, never drawn")
