"""Background tasks: Cancel stops the work; work that cannot stop offers no Cancel."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from yeda_desktop.ui.tasks import Cancelled, TaskProgress, run_task


def test_cancel_stops_the_work_at_its_next_progress(qapp: QApplication, qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    steps: list[int] = []
    done: list[object] = []
    failed: list[BaseException] = []

    def work(progress: TaskProgress) -> str:
        for n in range(10_000):
            progress(n, 10_000)
            steps.append(n)
            threading.Event().wait(0.001)
        return "finished"

    task = run_task(parent, work, done.append, failed.append, "正在处理…", show_after_ms=0)
    assert task.dialog is not None
    qtbot.waitUntil(lambda: task.dialog is not None and task.dialog.isVisible() and steps != [])
    buttons = task.dialog.findChildren(QPushButton)
    assert [b.text() for b in buttons] != []
    buttons[0].click()
    qtbot.waitUntil(lambda: failed != [], timeout=5000)
    assert isinstance(failed[0], Cancelled) and done == [] and len(steps) < 10_000


def test_work_that_cannot_stop_shows_no_cancel_and_its_bar_stays_until_it_ends(
    qapp: QApplication, qtbot: QtBot
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    release = threading.Event()
    done: list[object] = []

    def work(_progress: TaskProgress) -> str:
        release.wait(10)
        return "restored"

    task = run_task(parent, work, done.append, lambda e: None, "正在恢复备份…",
                    show_after_ms=0, cancellable=False)
    dialog = task.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.findChildren(QPushButton) == []
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    dialog.close()
    QApplication.processEvents()
    assert dialog.isVisible() and done == []  # the bar stays: the work goes on
    release.set()
    qtbot.waitUntil(lambda: done == ["restored"], timeout=5000)
