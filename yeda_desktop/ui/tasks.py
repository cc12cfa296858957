"""Runs long work off the GUI thread and hands its result or error back to the GUI thread.

`run_task` shows a progress dialog only when the work is slow (after ~600 ms) and
its Cancel button asks the work to stop at its next `progress()` call.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:  # loaded when a dialog is shown (its enums cost the first frame)
    from PySide6.QtWidgets import QProgressDialog

SHOW_AFTER_MS = 600


class Cancelled(Exception):
    """Raised inside the work when the user pressed Cancel."""


class TaskProgress:
    """Handed to the work: report progress, and stop when asked."""

    def __init__(self, relay: _Relay) -> None:
        self._relay = relay
        self.cancel_requested = threading.Event()

    def __call__(self, done: int, total: int) -> None:
        if self.cancel_requested.is_set():
            raise Cancelled
        self._relay.progressed.emit(done, total)

    def stage(self, text: str) -> None:
        self._relay.staged.emit(text)


class _Relay(QObject):
    finished = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)
    staged = Signal(str)


class _Runner(QRunnable):
    def __init__(self, work: Callable[[TaskProgress], Any], relay: _Relay, progress: TaskProgress):
        super().__init__()
        self._work, self._relay, self._progress = work, relay, progress

    def run(self) -> None:
        # RuntimeError from an emit: the task and its relay were deleted, no one is waiting.
        with contextlib.suppress(RuntimeError):
            try:
                result = self._work(self._progress)
            except BaseException as exc:  # handed to the GUI thread, never lost in a worker
                self._relay.failed.emit(exc)
            else:
                self._relay.finished.emit(result)


class Task(QObject):
    """One piece of background work; `done` or `error` is emitted on the GUI thread."""

    done = Signal(object)
    error = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # A child of the task, so that it is deleted with the task, on the GUI thread. Owned
        # by its Python wrapper, it went with the last reference, which could be the
        # worker's, dropped on the worker thread as the pool deleted the finished runnable:
        # a GUI-thread object deleted from another thread.
        self.relay = _Relay(self)
        self.progress = TaskProgress(self.relay)
        self.dialog: QProgressDialog | None = None
        # Emitted on the worker, received here on the GUI thread: queued (automatically;
        # naming Qt.ConnectionType would load the Qt namespace before the first frame).
        self.relay.finished.connect(self._finish)
        self.relay.failed.connect(self._fail)

    def cancel(self) -> None:
        self.progress.cancel_requested.set()

    @Slot(object)
    def _finish(self, result: object) -> None:
        self._close()
        self.done.emit(result)

    @Slot(object)
    def _fail(self, exc: object) -> None:
        self._close()
        self.error.emit(exc)

    def _close(self) -> None:
        if self.dialog is not None:
            self.dialog.reset()
            self.dialog.deleteLater()
            self.dialog = None
        self.deleteLater()


def run_task(
    parent: QWidget | None,
    work: Callable[[TaskProgress], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    label: str | None = None,
    pool: QThreadPool | None = None,
    show_after_ms: int = SHOW_AFTER_MS,
    *,
    cancellable: bool = True,
) -> Task:
    """Start `work(progress)` on a worker thread; with `label`, show a progress bar (once
    the work has taken `show_after_ms`), with a Cancel button unless the work cannot stop
    half-way (`cancellable=False`: a Cancel that hid the bar while the work went on to its
    end would tell the user something that did not happen)."""
    task = Task(parent)
    task.done.connect(on_done)
    task.error.connect(on_error)
    if label is not None:
        from PySide6.QtCore import Qt

        from yeda_desktop.ui.busy_dialog import BusyDialog

        dialog = BusyDialog(label, parent, cancellable=cancellable)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(show_after_ms)
        dialog.setAutoReset(False)
        dialog.setAutoClose(False)
        dialog.canceled.connect(task.cancel)
        task.relay.progressed.connect(lambda done, total: _update(dialog, done, total))
        task.relay.staged.connect(dialog.setLabelText)
        dialog.setValue(0)
        task.dialog = dialog
    (pool or QThreadPool.globalInstance()).start(_Runner(work, task.relay, task.progress))
    return task


def _update(dialog: QProgressDialog, done: int, total: int) -> None:
    if dialog.maximum() != total:
        dialog.setMaximum(total)
    dialog.setValue(min(done, total))


def finish_tasks(owner: QObject, pool: QThreadPool | None = None) -> None:
    """Before `owner` goes away: cancel its tasks, wait for the workers, deliver what they sent.

    A worker still running Python code while the interpreter or the QApplication
    is torn down can crash the process at exit, and a result that is never
    delivered (an opened database, say) is never closed.
    """
    for task in owner.findChildren(Task):
        task.cancel()
    (pool or QThreadPool.globalInstance()).waitForDone()
    QCoreApplication.sendPostedEvents()
