"""The ledger's windowed table: each row once and in order, header once a page, red overdue."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import report_pdftools as pdftools
import report_samples as samples
from reportlab.lib.units import mm

from yeda_desktop.reports import Ledger, render_ledger
from yeda_desktop.reports.forms import ledger as ledger_form
from yeda_desktop.reports.longtable import WindowedTable, ledger_table

pytestmark = pytest.mark.usefixtures("poppler")


def _row_numbers(pdf: Path, pages: int) -> list[int]:
    numbers: list[int] = []
    for page in range(1, pages + 1):
        text = pdftools.text(pdf, page)
        assert pdftools.compact(text).count("单位名称问题类型") == 1, f"header on page {page}"
        numbers += [int(n) for n in re.findall(r"^\s{0,3}(\d+)\s", text, re.M)]
    return numbers


def test_every_row_once_in_order_with_header_once_per_page(tmp_path: Path) -> None:
    pdf = tmp_path / "ledger.pdf"
    pages = render_ledger(samples.ledger(600), pdf)
    assert pages > 20
    assert _row_numbers(pdf, pages) == list(range(1, 601))


def test_wrong_row_height_hint_costs_time_not_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A hint far too high makes windows too small to fill a page: they must widen, not stack."""
    real = ledger_form.ledger_table

    def big_hint(*args: object, **kwargs: object) -> object:
        kwargs["min_row_height"] = 200.0
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ledger_form, "ledger_table", big_hint)
    pdf = tmp_path / "hint.pdf"
    pages = render_ledger(samples.ledger(200), pdf)
    monkeypatch.undo()
    reference = tmp_path / "reference.pdf"
    assert render_ledger(samples.ledger(200), reference) == pages
    assert _row_numbers(pdf, pages) == list(range(1, 201))


def test_long_tables_are_windowed_short_ones_plain() -> None:
    header = [["a", "b"]]
    long = ledger_table(
        header, [[str(i), "x"] for i in range(500)], col_widths=[20 * mm] * 2, base_style=[]
    )
    short = ledger_table(header, [["1", "x"]], col_widths=[20 * mm] * 2, base_style=[])
    assert isinstance(long, WindowedTable) and long.progress_units == 500
    assert not isinstance(short, WindowedTable)
    with pytest.raises(ValueError):
        ledger_table(header, [["1", "x"]], col_widths=[20 * mm] * 2, base_style=[], row_styles=[])


def _red_pixels(png: Path) -> int:
    from PIL import Image

    colours = Image.open(png).convert("RGB").getcolors(maxcolors=1 << 24) or []
    return sum(n for n, (r, g, b) in colours if r > 150 and g < 40 and b < 40)


def test_overdue_dates_print_red_on_later_pages(tmp_path: Path) -> None:
    pytest.importorskip("PIL", reason="Pillow missing: colours not checked")
    ledger = samples.ledger(300)  # every 13th row is overdue: each page has some
    pdf = tmp_path / "overdue.pdf"
    render_ledger(ledger, pdf)
    for page in (2, 5):
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                "100",
                "-png",
                "-singlefile",
                "-f",
                str(page),
                "-l",
                str(page),
                str(pdf),
                str(tmp_path / f"p{page}"),
            ],
            check=True,
        )
        assert _red_pixels(tmp_path / f"p{page}.png") > 20, f"no red on page {page}"
    calm = Ledger(record_id="x", rows=tuple(r for r in ledger.rows if not r.overdue))
    render_ledger(calm, tmp_path / "calm.pdf")
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "100",
            "-png",
            "-singlefile",
            "-f",
            "2",
            "-l",
            "2",
            str(tmp_path / "calm.pdf"),
            str(tmp_path / "calm"),
        ],
        check=True,
    )
    assert _red_pixels(tmp_path / "calm.png") == 0
