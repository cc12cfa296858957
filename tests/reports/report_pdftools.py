"""Helpers around poppler-utils (pdftotext, pdffonts, pdftoppm) for the form tests."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

POPPLER = ("pdftotext", "pdffonts", "pdftoppm")


def require_poppler() -> None:
    """Skip the calling test, saying why, when poppler-utils is not installed."""
    missing = [tool for tool in POPPLER if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"poppler-utils missing ({', '.join(missing)}); apt-get install poppler-utils")


def text(pdf: Path, page: int | None = None) -> str:
    """Text of the PDF (or of one page) as pdftotext extracts it."""
    args = ["pdftotext", "-layout", "-enc", "UTF-8"]
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    return subprocess.run([*args, str(pdf), "-"], check=True, capture_output=True, text=True).stdout


def compact(s: str) -> str:
    """``s`` without any whitespace, so wrapped cells and spaced digits compare simply."""
    return "".join(s.split())


def fonts(pdf: Path) -> list[tuple[str, bool, bool]]:
    """(name, embedded, subset) for each font pdffonts lists."""
    out = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True).stdout
    rows = []
    for line in out.splitlines()[2:]:
        parts = line.split()
        # name type... encoding emb sub uni object ID -> emb/sub/uni are the 5th..3rd from last
        rows.append((parts[0], parts[-5] == "yes", parts[-4] == "yes"))
    return rows


def pages(pdf: Path) -> int:
    """Page count, by counting form feeds pdftotext puts after each page."""
    return text(pdf).count("\f")


def searchable(pdf: Path) -> str:
    """Whitespace-free text in layout order and in content order, joined.

    Layout order keeps a label next to its value; content order keeps a wrapped cell's
    lines together. A string found in either was printed contiguously.
    """
    layout = compact(text(pdf))
    raw = subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return layout + "\n" + compact(raw)
