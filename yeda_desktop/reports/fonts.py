"""Bundled CJK fonts: find, register once, and split text into runs by which font has each glyph."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from . import tounicode

MAIN_FONT = "YedaHei"
"""Registered name of the main font (WenQuanYi Micro Hei)."""


@dataclass(frozen=True, slots=True)
class FontSpec:
    """One bundled font file and the name it is registered under in reportlab."""

    name: str
    filename: str
    subfont_index: int = 0


FONT_CHAIN: tuple[FontSpec, ...] = (
    FontSpec(MAIN_FONT, "wqy-microhei.ttc", 0),
    FontSpec("YedaHanaMinA", "HanaMinA-subset.ttf"),
    FontSpec("YedaHanaMinB", "HanaMinB-subset.ttf"),
)
"""Fallback order: the first font whose cmap has a character draws it."""

_lock = threading.Lock()
tounicode.install()


def fonts_dir() -> Path:
    """Folder holding the bundled fonts (package resource, else the source tree's resources/)."""
    try:
        candidate = Path(str(resources.files("yeda_desktop.resources") / "fonts"))
    except ModuleNotFoundError:
        candidate = Path()
    if (candidate / FONT_CHAIN[0].filename).is_file():
        return candidate
    # Source checkout without an install that maps resources/ to yeda_desktop.resources.
    return Path(__file__).resolve().parents[2] / "resources" / "fonts"


@cache
def _load(spec: FontSpec) -> TTFont:
    """Register one font with reportlab (once per process) and return it."""
    with _lock:
        if spec.name in pdfmetrics.getRegisteredFontNames():
            font: TTFont = pdfmetrics.getFont(spec.name)
            return font
        path = fonts_dir() / spec.filename
        font = TTFont(spec.name, str(path), subfontIndex=spec.subfont_index)
        pdfmetrics.registerFont(font)
        return font


def main_font() -> str:
    """Register the main font if needed and return its reportlab name."""
    _load(FONT_CHAIN[0])
    return MAIN_FONT


def _has_glyph(spec: FontSpec, codepoint: int) -> bool:
    return codepoint in _load(spec).face.charToGlyph


@lru_cache(maxsize=65536)
def font_for_char(ch: str) -> str:
    """Name of the first font in FONT_CHAIN that has ``ch`` (the main font if none has it)."""
    cp = ord(ch)
    if cp < 0x80 or _has_glyph(FONT_CHAIN[0], cp):
        return MAIN_FONT
    for spec in FONT_CHAIN[1:]:
        if _has_glyph(spec, cp):
            return spec.name
    return MAIN_FONT


def _needs_font(ch: str) -> bool:
    """Whether a character draws ink (controls and plain spaces fit any font)."""
    return not (ch.isspace() or ord(ch) < 0x20)


def split_runs(text: str) -> list[tuple[str, str]]:
    """Split ``text`` into (font name, substring) runs, each in a font that has its glyphs."""
    runs: list[tuple[str, str]] = []
    current = MAIN_FONT
    start = 0
    for i, ch in enumerate(text):
        font = font_for_char(ch) if _needs_font(ch) else current
        if font != current:
            if i > start:
                runs.append((current, text[start:i]))
            current, start = font, i
    if start < len(text):
        runs.append((current, text[start:]))
    return runs


def needs_fallback(text: str) -> bool:
    """True when some character of ``text`` is not in the main font."""
    main = _load(FONT_CHAIN[0]).face.charToGlyph
    return any(ord(ch) not in main and _needs_font(ch) for ch in text)


def missing_chars(text: str) -> set[str]:
    """Characters of ``text`` that no bundled font has (they would print as a box)."""
    return {
        ch
        for ch in text
        if _needs_font(ch) and not any(_has_glyph(spec, ord(ch)) for spec in FONT_CHAIN)
    }
