"""The real app, started in a subprocess, quits through File → Quit with exit code 0 and no errors.

Once when the database is open (with the all-organizations tab reading in the
background), once while it is still opening, so workers are running at quit, and
once after a change, so the quit backup is made; every time the file is left closed.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from yeda_desktop.demo import generate_demo
from yeda_desktop.storage import open_database
from yeda_desktop.ui.recovery import server_name

DRIVER = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from yeda_desktop import gui_main
from yeda_desktop.ui.app import make_application
from yeda_desktop.ui.main_window import MainWindow

app = make_application()
when = sys.argv.pop(1)


def window():
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))


def quit_when_ready():
    w = window()
    if when == "changed":
        from yeda_desktop.models import Instructor

        with w.workspace.db.session(officer="测试") as session:
            session.add(Instructor(name="退出前"))
    w.tabs.setCurrentWidget(w.directory)  # its pages load on worker threads
    QTimer.singleShot(0, w.act_quit.trigger)


def arm():
    if when in ("ready", "changed"):
        window().ready.connect(quit_when_ready)
    else:
        window().act_quit.trigger()


QTimer.singleShot(0, arm)
sys.exit(gui_main.main(sys.argv[1:]))
"""


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("exit") / "demo.sqlite"
    db = open_database(path)
    generate_demo(db, 80, 2, None)
    db.close()
    return path


@pytest.mark.parametrize("when", ["ready", "opening", "changed"])
def test_the_app_quits_cleanly(demo: Path, tmp_path: Path, when: str) -> None:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        HOME=str(tmp_path),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        TMPDIR=str(tmp_path),  # where Qt puts the window's local socket
    )
    env.pop("YEDA_DB", None)
    done = subprocess.run(
        [sys.executable, "-c", DRIVER, when, "--db", str(demo), "--lang", "zh"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    for sign in ("Traceback", "Error calling Python override", "RuntimeError"):
        assert sign not in done.stderr, done.stderr[-3000:]
    assert not demo.with_name(demo.name + "-wal").exists()  # the database was closed
    closing = list((demo.parent / "backups").glob(f"{demo.stem}-*-close.sqlite"))
    assert len(closing) == (1 if when == "changed" else 0)
    assert not (tmp_path / server_name(demo)).exists()  # the instance socket went with it
