"""Cold start: the real main window is up, and the event loop turning, before the core loads.

A fresh interpreter (as `yeda-desktop` starts) shows the window with its menus,
navigator and status bar saying the database is opening, without SQLAlchemy, the
models or the core having been imported; they load on a worker thread, and the views
fill once the database is open. (`tests/bench/bench_gui.py` times it on 100,000
organizations against a bare QMainWindow.)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

DRIVER = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QSettings, QTimer
from yeda_desktop.ui.app import make_application, start
from yeda_desktop.ui.settings import AppSettings

app = make_application()
settings = AppSettings(QSettings(str(Path(sys.argv[2]) / "s.ini"),
                                 QSettings.Format.IniFormat))
seen = {}


def first_turn():
    seen["visible"] = window.isVisible()
    seen["loaded"] = sorted(
        m for m in sys.modules
        if m.split(".")[0] == "sqlalchemy"
        or m.startswith(("yeda_desktop.models", "yeda_desktop.services", "yeda_desktop.storage",
                         "yeda_desktop.rules", "yeda_desktop.sync"))
    )
    seen["menus"] = [a.text() for a in window.menuBar().actions()]
    seen["status"] = window.statusBar().currentMessage()
    seen["heading"] = window.floor_heading.text()
    seen["navigator"] = window.navigator.model_.index(0, 0).data()
    seen["tabs"] = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    seen["placeholder"] = window.tabs.widget(1).text()


def ready():
    seen["ready_tabs"] = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    seen["ledger_in_tab"] = window.tabs.indexOf(window.ledger_view) > 0
    seen["places"] = window.navigator.model_.rowCount()
    seen["status_db"] = window.status_db.text()
    seen["heading_after"] = window.floor_heading.text()
    print(json.dumps(seen, ensure_ascii=False), flush=True)
    window.close()


# Queued before `start`, so that it runs first in the first turn of the event loop: queued
# after, it ran after the window had started loading the core on a worker, and saw the
# first module of that import whenever the worker got there first (once in a CI run).
QTimer.singleShot(0, first_turn)
window = start(app, settings, "zh", sys.argv[1])
window.ready.connect(ready)
window.open_failed.connect(lambda m: (print("open failed", m), app.exit(3)))
sys.exit(app.exec())
"""


def test_the_window_is_up_before_the_core_loads(empty_zone: Path, tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path))
    done = subprocess.run(
        [sys.executable, "-c", DRIVER, str(empty_zone), str(tmp_path)],
        env=env, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["visible"]
    assert seen["loaded"] == [], "loaded before the first frame: " + ", ".join(seen["loaded"])
    assert seen["menus"][:4] == ["文件(&F)", "编辑(&E)", "扫楼(&S)", "视图(&V)"]
    assert "正在打开" in seen["status"] and seen["heading"] == "正在打开数据库…"
    assert seen["navigator"] == "正在打开数据库…"
    assert "正在加载…" in seen["placeholder"]  # the ledger's tab, until its view is built
    assert seen["tabs"] == seen["ready_tabs"][:4] == ["扫楼", "专项工作台账", "统计", "单位名录"]
    assert seen["ledger_in_tab"] and seen["places"] >= 1
    assert seen["status_db"].endswith(empty_zone.name)
    assert seen["heading_after"].startswith("还没有楼宇：")  # a zone with no buildings yet
