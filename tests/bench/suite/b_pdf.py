"""6. PDF special work ledger (bench_pdf.py) vs a plain reportlab Table of the same rows.

Rows = size / 10 (the ledger of a zone lists its open gaps, not every organization);
the rows are bench_pdf's synthetic sample ledger, so the figure does not depend on the
engine and is measured once per size (engine "-").
"""

from __future__ import annotations

import io

from .common import Context, Figure, attempt, figure, timed

NAME = "pdf"


def run_size(ctx: Context, size: int) -> list[Figure]:
    out: list[Figure] = []
    rows = max(size // 10, 1)

    def measure() -> Figure:
        from tests.bench import bench_pdf
        from yeda_desktop.reports import render_ledger

        ledger = bench_pdf.samples.ledger(rows)
        seconds, pages = timed(lambda: render_ledger(ledger, io.BytesIO()))
        plain, plain_pages = timed(lambda: bench_pdf.plain_ledger(rows))
        return figure("PDF ledger", size, "-", seconds,
                      "plain reportlab Table, same rows", plain, "<= 1.5x plain",
                      rows=rows, pages=pages, plain_pages=plain_pages)
    attempt(out, "PDF ledger", size, "-", measure)
    return out
