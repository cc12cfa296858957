"""Chinese line breaking in form cells: no line starts with a closing mark or ends with an
opening one, numbers stay whole, and nothing is lost (GB/T 15834, as forms are set)."""

from __future__ import annotations

import itertools

from hypothesis import example, given, settings
from hypothesis import strategies as st
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

from yeda_desktop.reports.forms.common import styles
from yeda_desktop.reports.line_breaks import NO_END, NO_START, break_lines
from yeda_desktop.reports.text import cell, markup


def measure(piece: str) -> float:
    return float(sum(10 if ord(ch) > 0x2000 else 5 for ch in piece))


def test_a_ledger_detail_keeps_its_commas_at_line_ends() -> None:
    st_cell = styles()["cell"]
    detail = "职工 43 人，无党组织覆盖，也未选派党建指导员；自报党员 302 名，登记 60 名"
    for width in range(60, 200, 7):
        text = cell(detail, st_cell, width)
        lines = text.split("\n") if isinstance(text, str) else [text]
        assert "".join(lines).replace(" ", "") == detail.replace(" ", "")
        assert not any(line[:1] in ("，", "；") for line in lines), (width, lines)
        assert "302" in text.replace("\n", "|").split("|")[-1] or "302" in text


def test_numbers_stay_whole_when_they_fit() -> None:
    for width in range(60, 130, 5):
        lines = break_lines("联系电话13621196052，房间B1-101", width, measure)
        assert any("13621196052，" in line for line in lines), lines
        assert any("B1-101" in line for line in lines), lines


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="党组织覆盖职工人 0123456789ABab-，。；：、（）《》“”", max_size=60),
       st.integers(min_value=12, max_value=120))
@example("“ 《", 12)  # nothing but opening marks (and a space): they run on together
def test_breaks_lose_nothing_and_follow_the_rules(text: str, width: int) -> None:
    lines = break_lines(text, width, measure)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    for before, line in itertools.pairwise(lines):
        assert not (line[:1] and line[0] in NO_START and before.strip()), lines
        assert not (before[-1:] and before[-1] in NO_END and line), lines
    for line in lines:  # only the marks around a character may stand past the width
        core = line.lstrip(NO_END + " ").rstrip(NO_START + " ")  # spaces among them too
        assert measure(core) <= width or len(core) <= 1, lines


def _paragraph_lines(para: Paragraph) -> list[str]:
    """The text of each line reportlab laid out (one font: tuples; mixed fonts: frags)."""
    out = []
    for line in para.blPara.lines:
        if isinstance(line, tuple):
            out.append("".join(line[1]))
        else:
            out.append("".join(getattr(w, "text", "") for w in line.words))
    return out


def test_paragraphs_keep_a_chinese_comma_off_a_line_start() -> None:
    st_cell = styles()["cell"]
    text = "经集中扫楼排查，你单位在党的建设方面存在以下问题，请对照整改建议认真整改，按时反馈"
    for source in (text, markup(text.replace("整改建议", "整改建议李𠮷"))):  # one font, two
        for width in range(40, 200, 3):
            para = Paragraph(source, st_cell)
            para.wrap(width, 1000)
            lines = _paragraph_lines(para)
            assert len(lines) > 1 or width > 150, (width, lines)
            assert not any(line.startswith("，") for line in lines), (width, lines)
    assert stringWidth("，", st_cell.fontName, st_cell.fontSize) > 0
