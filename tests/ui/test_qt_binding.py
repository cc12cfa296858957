"""The Qt binding itself must keep Python's reference counts.

PySide6 6.12.0's `Signal.emit()` returned `True` without taking a reference to it: every
signal emitted from Python cost `True` one reference, and after a few thousand (an
afternoon of edits, a long import's progress) the interpreter aborted with "deallocating
True or False". pyproject.toml excludes that release; this test refuses any other that
does the same, before it ships in the frozen app.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Relay(QObject):
    number = Signal(int)
    anything = Signal(object)


def test_emitting_signals_keeps_the_references_of_true_false_and_none() -> None:
    relay = _Relay()
    received: list[object] = []
    relay.number.connect(received.append)
    relay.anything.connect(received.append)
    for warm in (1, 2):  # first emissions may cache things
        relay.number.emit(warm)
        relay.anything.emit(None)
    received.clear()
    before = sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)
    for i in range(500):
        relay.number.emit(i)
        relay.anything.emit(None)
        relay.anything.emit(i % 2 == 0)
    received.clear()
    after = sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)
    assert after == before, f"references lost per 500 emissions: {before} → {after}"
