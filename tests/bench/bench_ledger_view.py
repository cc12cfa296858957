"""On-demand benchmark of the ledger tab on a centre-sized ledger (offscreen).

    .venv/bin/python tests/bench/bench_ledger_view.py --db /path/to/100k.sqlite
    .venv/bin/python tests/bench/bench_ledger_view.py --orgs 20000   # makes its own demo

A 100,000-organization demo (`yeda demo --orgs 100000 --gaps`) has 178,180 gaps. The
view reads them off the GUI thread, then filters, sorts and selects on it: printed are
the seconds of the read (`load_s`, to `loaded`), the longest stretch the GUI thread
stood still meanwhile (`worst_stall_s`, from a 10 ms timer), and the GUI thread's time
for sorting by each column, selecting every row, choosing a rule and searching; then the
memory the rows hold once read (`rows_mib`, tracemalloc, in a read of their own).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication

from yeda_desktop.demo import generate_demo
from yeda_desktop.ledger import ledger_rows, reconcile
from yeda_desktop.storage import Database, open_database
from yeda_desktop.ui.ledger_view import LedgerView


def demo(orgs: int, folder: Path) -> Path:
    path = folder / "ledger.sqlite"
    db = open_database(path)
    generate_demo(db, orgs, 1)
    with db.session(officer="bench") as session:
        reconcile(session)
    db.close()
    return path


def measure(app: QApplication, path: Path) -> dict[str, object]:
    db = open_database(path, read_only=True)
    view = LedgerView()
    view.resize(1400, 800)
    view.set_database(db, "bench")
    stalls = [0.0]
    last = [time.perf_counter()]

    def beat() -> None:
        now = time.perf_counter()
        stalls[0], last[0] = max(stalls[0], now - last[0]), now

    ticker = QTimer()
    ticker.timeout.connect(beat)
    ticker.start(10)
    loop = QEventLoop()
    view.loaded.connect(loop.quit)
    start = time.perf_counter()
    view.show()
    loop.exec()
    load = time.perf_counter() - start
    after = QEventLoop()  # one more tick: the stretch that ended with `loaded` counts too
    QTimer.singleShot(50, after.quit)
    after.exec()
    ticker.stop()

    def gui(step: Callable[[], object]) -> float:
        began = time.perf_counter()
        step()
        app.processEvents()  # repainted
        return time.perf_counter() - began

    sorts = [gui(lambda c=c: view.table.sortByColumn(c, Qt.SortOrder.DescendingOrder))
             for c in range(len(view.model.COLUMNS))]
    result = {
        "gaps": view.model.total(), "load_s": round(load, 2),
        "worst_stall_s": round(stalls[0], 2),
        "sort_median_s": round(statistics.median(sorts), 2), "sort_max_s": round(max(sorts), 2),
        "select_all_s": round(gui(view.table.selectAll), 2),
        "rule_filter_s": round(gui(lambda: view.rule_box.setCurrentIndex(2)), 2),
    }
    view.table.clearSelection()
    view.rule_box.setCurrentIndex(0)
    view.search.setText("科技")
    result["search_s"] = round(gui(view.apply_filter), 2)  # what the pause in typing runs
    view.close()
    result["rows_mib"] = round(rows_mib(db), 1)
    db.close()
    return result


def rows_mib(db: Database) -> float:
    """What the ledger's rows hold in memory once read (their read's passing peak aside)."""
    with db.reader() as session:
        tracemalloc.start()
        try:
            rows = ledger_rows(session)
            held = tracemalloc.get_traced_memory()[0]
        finally:
            tracemalloc.stop()
    del rows
    return held / 2**20


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, help="a demo database with its gaps (--gaps)")
    parser.add_argument("--orgs", type=int, default=20_000, help="without --db: demo size")
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        path = args.db or demo(args.orgs, Path(folder))
        print(measure(app, path))
    return 0


if __name__ == "__main__":
    sys.exit(main())
