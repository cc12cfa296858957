"""Shared building blocks for the forms: styles, ruled tables, dates, signature and seal boxes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from functools import cache
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table, TableStyle

from ..fonts import main_font
from ..layout import FormDoc, PageSetup, build, count_units
from ..output import Output, write_atomically
from ..progress import Progress
from ..text import Cell, cell, para, style

GRID = 0.6
"""Ruling line width in points."""
SECTION_BG = colors.Color(0.9, 0.9, 0.9)


@cache
def styles() -> dict[str, ParagraphStyle]:
    """The paragraph styles all forms share (built once, after the font is registered)."""
    return {
        "cell": style("yeda-cell", 10),
        "cell-c": style("yeda-cell-c", 10, alignment=TA_CENTER),
        "small": style("yeda-small", 8.5),
        "small-c": style("yeda-small-c", 8.5, alignment=TA_CENTER),
        "body": style("yeda-body", 11.5, leading=20),
        "meta": style("yeda-meta", 10),
        "meta-r": style("yeda-meta-r", 10, alignment=TA_RIGHT),
        "note": style("yeda-note", 8.5, leading=12, alignment=TA_LEFT),
    }


def cn_date(value: date | None, blank: str = "　　　　年　　月　　日") -> str:
    """A date as printed on Chinese forms (2024年6月12日); a blank to fill by hand when None."""
    if value is None:
        return blank
    return f"{value.year}年{value.month}月{value.day}日"


def ruled(extra: Sequence[tuple[Any, ...]] = (), *, font_size: float = 10) -> TableStyle:
    """Grid style of every form table: thin rules, thicker frame, centred vertically."""
    return TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), main_font()),
            ("FONTSIZE", (0, 0), (-1, -1), font_size),
            ("LEADING", (0, 0), (-1, -1), font_size * 1.3),
            ("GRID", (0, 0), (-1, -1), GRID, colors.black),
            ("BOX", (0, 0), (-1, -1), GRID * 2, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            *extra,
        ]
    )


def meta_line(left: str, right: str, width: float) -> Table:
    """An unruled line under the title: issuing body on the left, date or number on the right."""
    st = styles()
    widths = [width * 0.62, width * 0.38]
    t = Table(
        [[cell(left, st["meta"], widths[0], 0), cell(right, st["meta-r"], widths[1], 0)]],
        colWidths=widths,
    )
    t.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), main_font()),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("FONTSIZE", (0, 0), (-1, -1), 10),
                ("ALIGN", (1, 0), (1, 0), "RIGHT"),
            ]
        )
    )
    return t


def signature_boxes(
    labels: Sequence[str],
    width: float,
    height: float = 30 * mm,
    dates: Sequence[date | None] | None = None,
) -> Table:
    """A row of ruled signature/seal boxes, each with its date (blank 年 月 日) at the bottom."""
    st = styles()
    n = len(labels)
    top = [para(label, st["cell"]) for label in labels]
    # Plain strings: Paragraph would collapse the full-width spaces left for handwriting.
    bottom = [cn_date(d) for d in (dates or [None] * n)]
    t = Table([top, bottom], colWidths=[width / n] * n, rowHeights=[height - 8 * mm, 8 * mm])
    t.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), main_font()),
                ("BOX", (0, 0), (-1, -1), GRID * 2, colors.black),
                ("LINEAFTER", (0, 0), (-2, -1), GRID, colors.black),
                ("VALIGN", (0, 0), (-1, 0), "TOP"),
                ("VALIGN", (0, 1), (-1, 1), "BOTTOM"),
                ("ALIGN", (0, 1), (-1, 1), "RIGHT"),
                ("FONTSIZE", (0, 1), (-1, 1), 10),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    return t


def cells(values: Sequence[object], widths: Sequence[float], *, centre: bool = False) -> list[Cell]:
    """One table row of cells that wrap when needed."""
    st = styles()["cell-c" if centre else "cell"]
    return [cell(v, st, w) for v, w in zip(values, widths, strict=True)]


def render(
    out: Output,
    *,
    title: str,
    setup: PageSetup,
    qr_payload: str,
    story: Callable[[float], list[Flowable]],
    progress: Progress | None = None,
) -> int:
    """Build a form atomically into ``out`` (``story`` gets the frame width); return the pages."""
    pages = 0

    def produce(stream: BinaryIO) -> None:
        nonlocal pages
        doc = FormDoc(
            stream,
            title=title,
            setup=setup,
            qr_payload=qr_payload,
            progress=progress,
        )
        flowables = story(doc.width)
        doc.total_units = count_units(flowables)
        pages = build(doc, flowables)

    write_atomically(out, produce)
    return pages
