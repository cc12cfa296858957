"""Unit tests of text safety, font fallback and ID masking (no PDF tools needed)."""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

from yeda_desktop.reports import mask_id_number
from yeda_desktop.reports.fonts import FONT_CHAIN, MAIN_FONT, fonts_dir, missing_chars, split_runs
from yeda_desktop.reports.forms.common import styles
from yeda_desktop.reports.text import cell, display, markup


def test_bundled_fonts_are_found() -> None:
    for spec in FONT_CHAIN:
        assert (fonts_dir() / spec.filename).is_file(), spec.filename


def test_rare_characters_get_fallback_fonts() -> None:
    runs = split_runs("李𠮷明王䶮")
    assert runs == [
        (MAIN_FONT, "李"),
        ("YedaHanaMinB", "𠮷"),
        (MAIN_FONT, "明王"),
        ("YedaHanaMinA", "䶮"),
    ]
    assert "".join(r for _, r in runs) == "李𠮷明王䶮"
    assert missing_chars("阿卜杜·热合曼 李𠮷明 王䶮 <b>&</b>") == set()


def test_markup_is_escaped_and_fonts_tagged() -> None:
    assert markup("<b>&</b>") == "&lt;b&gt;&amp;&lt;/b&gt;"
    assert markup("李𠮷") == '李<font name="YedaHanaMinB">𠮷</font>'
    assert markup("a\nb") == "a<br/>b"


def test_none_prints_empty() -> None:
    assert display(None) == ""
    assert cell(None, styles()["cell"], 100) == ""
    assert display(True) == "是"


def test_cell_is_plain_when_it_fits_and_paragraph_otherwise() -> None:
    st = styles()["cell"]
    assert cell("短名称", st, 200) == "短名称"
    wrapped = cell("很长的单位名称" * 10, st, 200)
    assert isinstance(wrapped, str) and wrapped.replace("\n", "") == "很长的单位名称" * 10
    assert all(stringWidth(line, st.fontName, st.fontSize) <= 194 for line in wrapped.split("\n"))
    assert isinstance(cell("李𠮷明", st, 200), Paragraph)  # fallback font needs markup


def test_mask_id_number() -> None:
    assert mask_id_number("370602198805061234") == "370602********1234"
    assert mask_id_number("37060219880506123X") == "370602********123X"
    assert mask_id_number("370602880506123") == "370602*****6123"
    assert mask_id_number("12345") == "****5"  # short: at least 4 stars
    assert mask_id_number("") == ""
    assert mask_id_number(None) == ""
