"""User text to safe reportlab cells: escaped markup, per-character fonts, wrapping, no "None"."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any, TypeAlias
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

from .fonts import MAIN_FONT, main_font, needs_fallback, split_runs
from .line_breaks import break_lines, use_in_paragraphs

use_in_paragraphs()  # every Paragraph this package builds passes here first

Cell: TypeAlias = Any
"""What a table cell holds: a plain one-line ``str`` or a wrapping ``Paragraph`` (untyped)."""


def display(value: object) -> str:
    """Text shown for a field: '' for None, 是/否 for booleans, ISO-like dates, str() otherwise."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, date):
        return f"{value.year}-{value.month:02d}-{value.day:02d}"
    return str(value)


def markup(text: str) -> str:
    """Paragraph markup for plain ``text``: escaped, newlines kept, rare characters in fallbacks."""
    parts: list[str] = []
    for font, run in split_runs(text):
        piece = escape(run).replace("\n", "<br/>")
        parts.append(piece if font == MAIN_FONT else f'<font name="{font}">{piece}</font>')
    return "".join(parts)


def style(
    name: str,
    size: float = 10.0,
    *,
    leading: float | None = None,
    alignment: int = 0,
) -> ParagraphStyle:
    """A CJK paragraph style in the main font (wraps between any two CJK characters)."""
    return ParagraphStyle(
        name,
        fontName=main_font(),
        fontSize=size,
        leading=leading if leading is not None else size * 1.3,
        alignment=alignment,
        wordWrap="CJK",
        splitLongWords=True,
    )


def para(value: object, st: ParagraphStyle) -> Paragraph:
    """A wrapping Paragraph for ``value`` (None prints nothing)."""
    return Paragraph(markup(display(value)), st)


def cell(value: object, st: ParagraphStyle, width: float, padding: float = 6.0) -> Cell:
    """Cheapest cell showing ``value`` fully: a plain string if it fits one line, else a Paragraph.

    Plain strings are drawn by the Table in the main font without markup parsing, which keeps a
    10,000-row ledger fast; anything that needs wrapping, escaping-sensitive parsing or a
    fallback font becomes a Paragraph.
    """
    text = display(value)
    if not text:
        return ""
    if needs_fallback(text):
        return Paragraph(markup(text), st)
    avail = width - padding
    if "\n" not in text and _text_width(text, st.fontName, st.fontSize) <= avail:
        return text
    return "\n".join(wrap_lines(text, st.fontName, st.fontSize, avail))


@lru_cache(maxsize=65536)
def _text_width(text: str, font: str, size: float) -> float:
    # Ledger columns repeat the same few values (statuses, rules, dates, places).
    return float(stringWidth(text, font, size))


@lru_cache(maxsize=65536)
def _char_width(ch: str, font: str, size: float) -> float:
    return float(stringWidth(ch, font, size))


def wrap_lines(text: str, font: str, size: float, width: float) -> list[str]:
    """Break ``text`` into lines no wider than ``width``, as Chinese is set (line_breaks).

    Tables draw such multi-line strings natively, several times faster than Paragraphs.
    """
    return break_lines(text, width, lambda piece: _piece_width(piece, font, size))


def _piece_width(piece: str, font: str, size: float) -> float:
    if len(piece) == 1:
        return _char_width(piece, font, size)
    return sum(_char_width(ch, font, size) for ch in piece)
