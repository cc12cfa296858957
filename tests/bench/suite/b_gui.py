"""7. GUI cold start on each database vs a bare PySide6 QMainWindow started the same way.

Reuses bench_gui.py's child-process scripts (BARE, YEDA), offscreen, bytecode compiled
beforehand by a warm-up start; medians of `runs` alternating starts. peak_rss_mb is the
GUI child's own high-water mark (bench_gui.PEAK_RSS), not this runner's, which holds the
demo data it generated and which ru_maxrss would have passed on to the child.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time

from .common import Context, Dataset, Figure, attempt, figure

NAME = "gui"
TIMEOUT = 180


def _child(code: str, env: dict[str, str], *args: str) -> tuple[float, str]:
    started = time.time()
    try:
        done = subprocess.run([sys.executable, "-c", code, *args], env=env,
                              capture_output=True, text=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired as exc:
        err = exc.stderr.decode(errors="replace") if isinstance(exc.stderr, bytes) else ""
        raise RuntimeError(f"no ready signal within {TIMEOUT} s: {err[-800:]}") from None
    if done.returncode != 0:
        raise RuntimeError(f"child exited with {done.returncode}: {done.stderr[-800:]}"
                           f"{done.stdout[-300:]}")
    return started, done.stdout.strip().splitlines()[-1]


def run(ctx: Context, ds: Dataset) -> list[Figure]:
    from tests.bench.bench_gui import BARE, YEDA

    out: list[Figure] = []
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               PYTHONPYCACHEPREFIX=str(ctx.tmp / "pycache"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    ds.close()  # the app opens the file itself (a SQLite file has one writer)

    def measure() -> list[Figure]:
        _child(YEDA, env, ds.location)  # warm-up: bytecode, disk cache
        bare, shown, filled, stall, rss, lat = [], [], [], [], [], []
        for _ in range(ctx.runs):
            started, line = _child(BARE, env)
            bare.append(float(line) - started)
            started, line = _child(YEDA, env, ds.location)
            if not line.startswith("{"):
                raise RuntimeError(line[:500])
            r = json.loads(line)
            shown.append(r["interactive"] - started)
            filled.append(r["filled"] - started)
            stall.append(r["stall_ms"])
            rss.append(r["peak_rss_mb"])
            lat += r["latencies_ms"]
        ref = statistics.median(bare)
        lat.sort()
        return [
            figure("GUI window interactive", ds.size, ds.engine, statistics.median(shown),
                   "bare QMainWindow interactive", ref, "<= 1.5x bare"),
            figure("GUI navigator filled", ds.size, ds.engine, statistics.median(filled),
                   "bare QMainWindow interactive", ref, "",
                   worst_stall_ms=round(max(stall)), peak_rss_mb=round(max(rss)),
                   in_app_search_median_ms=round(statistics.median(lat), 1),
                   rss_target="< 400 MB"),
        ]
    attempt(out, "GUI window interactive", ds.size, ds.engine, measure)
    return out
