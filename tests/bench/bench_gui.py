"""On-demand GUI benchmark: cold start vs a bare QMainWindow, search per keystroke, peak memory.

    .venv/bin/python tests/bench/bench_gui.py --db /path/to/100k.sqlite

Each start runs in a fresh process (offscreen) and is timed from process start to
an interactive window: for YEDA, the `ready` signal after the database is open
and the navigator filled; for the baseline, a bare QMainWindow's first event-loop turn.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

BARE = """
import time, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.resize(1440, 900); w.show()
QTimer.singleShot(0, app.quit)
app.exec()
print(time.time())
"""

YEDA = """
import json, os, resource, sys, tempfile, time
from pathlib import Path
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
from yeda_desktop.ui.app import make_application, start
from yeda_desktop.ui.settings import AppSettings
from yeda_desktop.services.search import search
app = make_application()
tmp = tempfile.mkdtemp()
settings = AppSettings(QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat))
window = start(app, settings, "zh", sys.argv[1])
out = {}
def ready():
    out["ready"] = time.time()
    lat = []
    with window.workspace.read() as s:
        for query in ["yths", "huasheng", "有限公司", "13912", "0535", "301", "烟台开发区", "kjyxgs"]:
            for n in range(1, len(query) + 1):
                t = time.perf_counter(); search(s, query[:n]); lat.append((time.perf_counter() - t) * 1000)
    out["latencies_ms"] = lat
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(out), flush=True)
    os._exit(0)
window.ready.connect(ready)
app.exec()
"""


def run(code: str, *args: str) -> tuple[float, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    started = time.time()
    done = subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True,
                          text=True, check=True)
    return started, done.stdout.strip().splitlines()[-1]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    bare, yeda, lat, rss = [], [], [], []
    for _ in range(args.runs):
        started, line = run(BARE)
        bare.append(float(line) - started)
        started, line = run(YEDA, args.db)
        result = json.loads(line)
        yeda.append(result["ready"] - started)
        lat += result["latencies_ms"]
        rss.append(result["peak_rss_mb"])
    bare_s, yeda_s = statistics.median(bare), statistics.median(yeda)
    lat.sort()
    print(f"cold start, bare QMainWindow   {bare_s:6.2f} s (median of {args.runs})")
    print(f"cold start, YEDA ready         {yeda_s:6.2f} s  ratio {yeda_s / bare_s:.2f}x (target <= 1.5x)")
    print(f"search per keystroke           median {statistics.median(lat):.1f} ms, "
          f"p95 {lat[int(len(lat) * 0.95)]:.1f} ms, max {lat[-1]:.1f} ms (target < 50 ms)")
    print(f"peak memory (RSS)              {max(rss):.0f} MB (target < 400 MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
