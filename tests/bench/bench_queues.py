"""Benchmark of the centre's conflict and duplicate queues (run on demand).

    .venv/bin/python tests/bench/bench_queues.py [--orgs 20000] [--entries 2000] [--gui]

Each queue is read again whenever its tab is shown and after every decision, on a worker
thread (the GUI thread only fills the table). Prints the median of 5 reads of each queue
with the names of the records it shows (`list_conflicts`; `list_candidates` and
`record_labels` as the duplicates tab reads them), beside a bare SELECT of the same rows
joined with the organizations' names, and with `--gui` the tabs' own `refresh`
(offscreen): until the table is filled, and the GUI thread's part of that.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import text

from yeda_desktop.demo import generate_demo
from yeda_desktop.storage import Database, open_database
from yeda_desktop.syncflow import duplicates
from yeda_desktop.syncflow.conflicts import list_conflicts, record_labels


def median_s(work: Callable[[], Any], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def fill_queues(db: Database, entries: int) -> None:
    """`entries` open conflicts (two laptops' staff counts) and duplicate pairs (a phone)."""
    sides = json.dumps([
        {"device": str(uuid.uuid4()), "value": 11, "at": "2026-11-29 10:00:00",
         "officer": "王芳", "package": str(uuid.uuid4())},
        {"device": str(uuid.uuid4()), "value": 12, "at": "2026-11-29 10:05:00",
         "officer": "李强", "package": str(uuid.uuid4())},
    ])
    with db.engine.begin() as conn:
        ids = [r[0] for r in conn.execute(
            text("SELECT id FROM organizations ORDER BY id LIMIT :n"), {"n": 2 * entries})]
        conn.execute(text(
            "INSERT INTO sync_conflicts (id, table_name, record_id, field, base_value, "
            "applied_value, sides, signature, status, created_at) VALUES (:id, "
            "'organizations', :record, 'staff_count', '10', '12', :sides, 'x', 'open', "
            "CURRENT_TIMESTAMP)"),
            [{"id": str(uuid.uuid4()), "record": ids[i], "sides": sides}
             for i in range(entries)])
        conn.execute(text(
            "INSERT INTO sync_duplicates (id, table_name, record_a, record_b, reason, detail, "
            "status, created_at) VALUES (:id, 'organizations', :a, :b, 'phone', "
            "'13800001111', 'open', CURRENT_TIMESTAMP)"),
            [{"id": str(uuid.uuid4()), "a": ids[2 * i], "b": ids[2 * i + 1]}
             for i in range(entries)])


def read_conflicts(db: Database) -> None:
    with db.reader() as session:
        list_conflicts(session)


def read_candidates(db: Database) -> None:
    with db.reader() as session:
        rows = duplicates.list_candidates(session)
        record_labels(session.connection(), (
            (r.table_name, record) for r in rows for record in (r.record_a, r.record_b)))


def bare_select(db: Database) -> None:
    with db.engine.connect() as conn:
        conn.execute(text(
            "SELECT c.*, o.name FROM sync_conflicts c JOIN organizations o "
            "ON o.id = c.record_id WHERE c.status = 'open'")).fetchall()
        conn.execute(text(
            "SELECT d.*, a.name, b.name FROM sync_duplicates d "
            "JOIN organizations a ON a.id = d.record_a "
            "JOIN organizations b ON b.id = d.record_b WHERE d.status = 'open'")).fetchall()


def gui_refresh(db: Database) -> dict[str, float]:
    """Each tab's refresh: until what it read is shown, and of that the GUI thread's part
    (the call, which starts the read on a worker, and filling the table)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from yeda_desktop.ui.sync_queues import ConflictsView, DuplicatesView

    app = QApplication.instance() or QApplication([])
    views = {"conflicts tab": ConflictsView(db, "管理员", "centre"),
             "duplicates tab": DuplicatesView(db, "管理员")}
    found = {}
    for name, view in views.items():
        view.show()
        while view.reading:
            app.processEvents()
        on_gui: list[float] = []
        filling = view.show_read

        def timed_fill(data: Any, filling: Any = filling, on_gui: list[float] = on_gui) -> None:
            start = time.perf_counter()
            filling(data)
            on_gui.append(time.perf_counter() - start)

        view.show_read = timed_fill  # type: ignore[method-assign]

        def refresh(view: Any = view, on_gui: list[float] = on_gui) -> None:
            start = time.perf_counter()
            view.refresh()
            on_gui.append(time.perf_counter() - start)
            while view.reading:
                app.processEvents()
                time.sleep(0.0005)

        found[f"{name}: until shown"] = median_s(refresh)
        found[f"{name}: GUI thread"] = statistics.median(
            on_gui[i] + on_gui[i + 1] for i in range(0, len(on_gui) - 1, 2))
        view.close()
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--orgs", type=int, default=20_000)
    parser.add_argument("--entries", type=int, default=2_000)
    parser.add_argument("--gui", action="store_true", help="time the tabs' refresh too")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "centre.sqlite")
        generate_demo(db, args.orgs, 1)
        fill_queues(db, args.entries)
        figures = {
            "conflicts": median_s(lambda: read_conflicts(db)),
            "duplicates": median_s(lambda: read_candidates(db)),
            "bare SELECT of both": median_s(lambda: bare_select(db)),
        }
        if args.gui:
            figures.update(gui_refresh(db))
        db.close()
    print(f"{args.entries:,} open conflicts and {args.entries:,} duplicate pairs, "
          f"{args.orgs:,} organizations (medians of 5, seconds):",
          {k: round(v, 3) for k, v in figures.items()})


if __name__ == "__main__":
    main()
