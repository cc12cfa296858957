"""3. Search per keystroke (services.search, the queries bench_gui.py types) vs a raw count."""

from __future__ import annotations

import statistics
import time

from yeda_desktop.services.search import search

from .common import Context, Dataset, Figure, attempt, figure, median_of

NAME = "search"
QUERIES = ["yths", "huasheng", "有限公司", "13912", "0535", "301", "烟台开发区", "kjyxgs"]


def run(ctx: Context, ds: Dataset) -> list[Figure]:
    out: list[Figure] = []

    def measure() -> Figure:
        db = ds.db()
        with db.reader() as s:
            conn = s.connection()
            ref = median_of(5, lambda: conn.exec_driver_sql(
                "SELECT count(*) FROM organizations").scalar())
            for q in QUERIES[:2]:  # warm the caches once
                search(s, q)
            lat = []
            for q in QUERIES:
                for k in range(1, len(q) + 1):
                    started = time.perf_counter()
                    search(s, q[:k])
                    lat.append(time.perf_counter() - started)
        lat.sort()
        return figure("search per keystroke, median", ds.size, ds.engine,
                      statistics.median(lat), "SELECT count(*) FROM organizations", ref,
                      "< 50 ms", p95_ms=round(lat[int(len(lat) * 0.95)] * 1000, 1),
                      max_ms=round(lat[-1] * 1000, 1), keystrokes=len(lat))
    attempt(out, "search per keystroke, median", ds.size, ds.engine, measure)
    return out
