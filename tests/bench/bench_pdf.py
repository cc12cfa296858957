"""On-demand PDF benchmark (not part of the suite, no timed assertions); prints a Markdown table.

Run: .venv/bin/python tests/bench/bench_pdf.py [--rows 10000]
"""

from __future__ import annotations

import argparse
import io
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate, Table

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "reports")]

import report_samples as samples  # noqa: E402

from yeda_desktop.reports import render_ledger, render_registration  # noqa: E402
from yeda_desktop.reports.fonts import main_font  # noqa: E402
from yeda_desktop.reports.text import display  # noqa: E402


def plain_ledger(rows: int) -> int:
    """The same ledger rows as a bare reportlab Table: no wrapping, groups, QR or footers."""
    ledger = samples.ledger(rows)
    data = [
        [
            "序号",
            "集聚区",
            "楼宇",
            "单位名称",
            "问题类型",
            "具体情况",
            "状态",
            "责任人",
            "时限",
            "逾期",
        ]
    ]
    for i, r in enumerate(ledger.rows, 1):
        data.append(
            [
                str(i),
                display(r.cluster),
                display(r.building),
                r.organization,
                r.rule_name,
                display(r.detail),
                display(r.status),
                display(r.responsible),
                display(r.due_date),
                "逾期" if r.overdue else "",
            ]
        )
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=landscape(A4), leftMargin=15 * mm, rightMargin=15 * mm)
    widths = [w * mm for w in (11, 28, 32, 56, 30, 48, 18, 16, 22, 12)]
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle([("FONTNAME", (0, 0), (-1, -1), main_font()), ("FONTSIZE", (0, 0), (-1, -1), 9)])
    doc.build([table])
    pages: int = doc.page
    return pages


def timed(fn: object) -> tuple[float, object]:
    assert callable(fn)
    t = time.perf_counter()
    result = fn()
    return time.perf_counter() - t, result


def main() -> int:
    """Run the benchmark and print the Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()

    cold, _ = timed(lambda: render_registration([samples.ORG], io.BytesIO()))
    warm = [
        timed(lambda: render_registration([samples.ORG], io.BytesIO()))[0]
        for _ in range(args.repeat)
    ]

    ledger = samples.ledger(args.rows)
    t_form, pages = timed(lambda: render_ledger(ledger, io.BytesIO()))
    t_plain, plain_pages = timed(lambda: plain_ledger(args.rows))
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    tracemalloc.start()
    render_ledger(samples.ledger(args.rows // 10), io.BytesIO())
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    assert isinstance(pages, int) and isinstance(plain_pages, int)
    print("| measurement | value |")
    print("| --- | --- |")
    print(f"| registration form, first call (loads fonts) | {cold * 1000:.0f} ms |")
    median_ms = statistics.median(warm) * 1000
    print(f"| registration form, median of {args.repeat} (target < 150 ms) | {median_ms:.0f} ms |")
    print(
        f"| ledger {args.rows} rows | {t_form:.2f} s, {pages} pages, {pages / t_form:.1f} pages/s |"
    )
    plain_rate = plain_pages / t_plain
    print(
        f"| plain reportlab Table, same rows | {t_plain:.2f} s, {plain_pages} pages, "
        f"{plain_rate:.1f} pages/s |"
    )
    print(f"| ledger / plain time ratio (target <= 1.5x) | {t_form / t_plain:.2f}x |")
    print(
        f"| plain / ledger pages-per-second ratio (form prints more pages: wrapping, groups) "
        f"| {(plain_pages / t_plain) / (pages / t_form):.2f}x |"
    )
    print(f"| peak RSS of this process | {rss_mb:.0f} MB |")
    heap_mb = traced_peak / 2**20
    print(f"| Python heap peak, ledger {args.rows // 10} rows (tracemalloc) | {heap_mb:.0f} MB |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
