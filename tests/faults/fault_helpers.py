"""Helpers for the fault-injection tests: kill -9 a forked worker at a chosen moment."""

from __future__ import annotations

import os
import signal
import sqlite3
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

import pytest

needs_fork = pytest.mark.skipif(
    sys.platform == "win32" or not hasattr(os, "fork"), reason="kill tests fork a POSIX child"
)


def integrity(path: Path) -> str:
    """PRAGMA integrity_check of a closed database file (recovers a leftover WAL first)."""
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def scalar(path: Path, sql: str) -> object:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def run_then_exit(work: Callable[[], None]) -> NoReturn:
    """In a forked child: run `work` and exit, never returning into the test session (an
    error that did would run the rest of the suite a second time, in the child)."""
    code = 0
    try:
        work()
    except BaseException:  # the parent only needs the exit code
        import traceback

        traceback.print_exc()
        code = 1
    os._exit(code)


# Kills land in the first part of a probe run's duration: the machine may be less loaded
# for the real runs than for the probe, and a kill after the work finished tests nothing.
KILL_WINDOW = 0.6


def run_child(work: Callable[[], None]) -> float:
    """Run `work` in a forked child to the end; returns its duration (fails if it failed).

    Timed from the moment `fork` returns, as `kill_during` times its delay: forking the
    large process of a whole test session took 0.4 s in CI, which the probes counted and
    the kills did not, so most kills came after the work had ended (1 of 20 interrupted).
    """
    pid = os.fork()
    if pid == 0:
        run_then_exit(work)
    started = time.perf_counter()
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, "the uninterrupted run failed"
    return time.perf_counter() - started


def kill_during(
    work: Callable[[], None], delay: float, finished: list[float] | None = None
) -> bool:
    """Run `work` in a forked child and SIGKILL it after `delay` seconds.

    Returns True if the child was killed, False if it finished first (successfully); then
    how long it took is appended to `finished`, so that later kills can aim within it.
    """
    pid = os.fork()
    if pid == 0:
        run_then_exit(work)
    started = time.perf_counter()
    deadline = started + delay
    while time.perf_counter() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            assert os.waitstatus_to_exitcode(status) == 0, "the worker failed before the kill"
            if finished is not None:
                finished.append(time.perf_counter() - started)
            return False
        time.sleep(min(0.005, max(0.0, deadline - time.perf_counter())))
    os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    if os.WIFEXITED(status):  # it finished in the last instant
        assert os.waitstatus_to_exitcode(status) == 0
        return False
    return True
