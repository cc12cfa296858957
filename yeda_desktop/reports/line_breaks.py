"""Where a line of Chinese may break: between any two characters, except that closing
punctuation never starts a line, opening punctuation never ends one, and a number or a
Latin word stays whole (GB/T 15834's rules, as every Chinese form is set).

ReportLab's own rule sets (`reportlab.lib.textsplit`) are Japanese: they lack the
full-width comma, semicolon, colon, question and exclamation marks of Chinese text, so a
wrapped "职工 43 人，无党组织覆盖" put its "，" at the start of the next line.

ReportLab's wrap of CJK paragraphs reads its rule from module globals, which
`use_in_paragraphs` points at these rules (it already hangs such a mark in the margin
rather than start a line with it).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from reportlab.lib import textsplit as reportlab_textsplit
from reportlab.lib.textsplit import ALL_CANNOT_END, ALL_CANNOT_START
from reportlab.platypus import paragraph as reportlab_paragraph

NO_START = ALL_CANNOT_START + "，。、；：？！）】》〉」』〕〗”’…—～·％‰℃"
NO_END = ALL_CANNOT_END + "（【《〈「『〔〖“‘"

# A number, code or Latin word, with the marks inside one (13621196052, B1-101, 3.5%, 10/27).
_UNIT = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9.\-/:%#]*[A-Za-z0-9%])?|\s|.", re.DOTALL)


def units(text: str) -> list[str]:
    """The text cut where a line may break: closing marks kept with what they close,
    opening marks with what they open."""
    out: list[str] = []
    opening = ""
    for match in _UNIT.finditer(text):
        piece = match.group()
        single = len(piece) == 1
        if (single and piece in NO_END) or (opening and piece.isspace()):
            opening += piece
        elif single and out and not opening and piece in NO_START:
            if out[-1].isspace() and len(out) > 1:  # "（见 附件 ）": the space goes with it
                piece = out.pop() + piece
            out[-1] += piece
        else:
            out.append(opening + piece)
            opening = ""
    if opening:
        out.append(opening)
    return out


def break_lines(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """`text` in lines no wider than `width` (a piece wider than a whole line is cut
    between characters); newlines kept, spaces at a break dropped."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line: list[str] = []
        used = 0.0
        for piece in units(paragraph):
            w = measure(piece)
            if line and used + w > width:
                lines.append("".join(line).rstrip())
                line, used = [], 0.0
                if piece.isspace():
                    continue
            if w > width:  # cut between characters; a closing mark hangs in the margin
                for ch in piece:
                    cw = measure(ch)
                    if line and used + cw > width and ch not in NO_START:
                        line, used = _cut(lines, "".join(line), measure)
                    line.append(ch)
                    used += cw
                continue
            line.append(piece)
            used += w
        lines.append("".join(line))
    return lines


def _cut(lines: list[str], text: str, measure: Callable[[str], float]) -> tuple[list[str], float]:
    """End a line inside a piece: opening marks at its end go down with what they open
    (when nothing else is on it, it runs on instead)."""
    body = text.rstrip()
    keep = len(body)
    while keep and body[keep - 1] in NO_END:
        keep -= 1
    if not keep:
        return [text], measure(text)
    lines.append(body[:keep].rstrip())
    rest = text[keep:].lstrip()
    return ([rest], measure(rest)) if rest else ([], 0.0)


def use_in_paragraphs() -> None:
    """Let reportlab's Paragraph (wordWrap="CJK") keep Chinese closing marks off a line start:
    a one-font paragraph is split by `textsplit`, a mixed one by `paragraph`'s own loop."""
    reportlab_textsplit.ALL_CANNOT_START = NO_START
    reportlab_paragraph.ALL_CANNOT_START = NO_START
