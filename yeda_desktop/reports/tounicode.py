"""Fix reportlab's ToUnicode CMap for characters beyond U+FFFF so 𠮷 copies and extracts as 𠮷.

reportlab 4.x/5.x writes ``<%04X>`` for each code point of a TrueType subset, which gives an
invalid five-digit entry such as ``<20BB7>`` for CJK Extension B; PDF wants the UTF-16BE
surrogate pair ``<D842DFB7>``. Without this, text extraction, search and copy turn rare
name characters into garbage even though they print correctly.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.pdfbase import ttfonts

_original = ttfonts.makeToUnicodeCMap


def _utf16_hex(codepoint: int) -> str:
    return chr(codepoint).encode("utf-16-be", "surrogatepass").hex().upper()


def make_to_unicode_cmap(fontname: str, subset: Sequence[int]) -> str:
    """reportlab's ToUnicode CMap, with each code point written as UTF-16BE hex."""
    cmap = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({fontname})",
        f"/Ordering ({fontname})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{fontname} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *(f"<{i:02X}> <{_utf16_hex(v)}>" for i, v in enumerate(subset)),
        "endbfchar",
        "endcmap",
        "CMapName currentdict /CMap defineresource pop",
        "end",
        "end",
    ]
    return "\n".join(cmap)


def install() -> None:
    """Make reportlab use the fixed CMap writer (idempotent)."""
    ttfonts.makeToUnicodeCMap = make_to_unicode_cmap
