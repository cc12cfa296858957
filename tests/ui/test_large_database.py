"""A big demo database opens off the GUI thread: the event loop keeps ticking throughout.

By default a 3,000-organization demo is generated (a few seconds). Set
YEDA_BIG_DB=/path/to/100k.sqlite (made by `yeda --db PATH demo --orgs 100000`) to run
the same test on the full-size database; it is marked slow.
"""

from __future__ import annotations

import itertools
import os
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from yeda_desktop.demo import generate_demo
from yeda_desktop.storage import open_database
from yeda_desktop.ui.main_window import MainWindow
from yeda_desktop.ui.settings import AppSettings

MAX_STALL_S = 0.25


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    given = os.environ.get("YEDA_BIG_DB")
    if given:
        return Path(given)
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    db = open_database(path)
    generate_demo(db, 3000, 7, None)
    db.close()
    return path


def _open_watching_the_event_loop(qtbot: QtBot, window: MainWindow, path: Path) -> float:
    """Open the database and return the longest gap between 10 ms timer ticks meanwhile."""
    ticks: list[float] = []
    timer = QTimer(window, interval=10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    started = time.perf_counter()
    with qtbot.waitSignal(window.ready, timeout=600_000):
        window.open_database(str(path))
    timer.stop()
    stamps = [started, *ticks, time.perf_counter()]
    return max(b - a for a, b in itertools.pairwise(stamps))


@pytest.mark.slow
def test_a_big_database_opens_without_freezing_the_window(
    qtbot: QtBot, zh_app: QApplication, settings: AppSettings, demo_db: Path
) -> None:
    window = MainWindow(settings, "zh")
    qtbot.addWidget(window)
    window.show()
    stall = _open_watching_the_event_loop(qtbot, window, demo_db)
    assert stall < MAX_STALL_S, f"the window froze for {stall:.2f} s while opening"
    assert window.navigator.model_.rowCount() >= 1
    assert window.status_db.text().endswith(demo_db.name)
    # the index was built (in the background) if the demo left it empty, so search works
    window.search.setText("有限公司")
    window.search.refresh()
    kinds = {h.kind for h in window.search.hits}
    assert kinds and kinds <= {"org", "person", "unit"}
    hit = next(h for h in window.search.hits if h.place is not None)
    window.open_hit(hit)
    assert window.floor_view.current_unit() == hit.place.unit_id  # type: ignore[union-attr]
    window.close()
