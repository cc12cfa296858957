"""A hung test fails, showing where it waits, instead of holding the run until CI's limit.

A race in the search worker once left a test joining a thread that never ended
(2026-11-30): the run stalled with no output. With pytest-timeout (pyproject's
`timeout`), such a test fails and prints every thread's stack.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

HANGING = '''
import threading


def test_waits_for_a_thread_that_never_ends():
    never = threading.Thread(target=threading.Event().wait, name="never-ends", daemon=True)
    never.start()
    never.join()
'''


def test_a_hanging_test_fails_with_the_stacks_of_its_threads(tmp_path: Path) -> None:
    (tmp_path / "test_hangs.py").write_text(HANGING)
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-c", str(ROOT / "pyproject.toml"),
         "--rootdir", str(tmp_path), "-p", "no:cacheprovider",
         "-o", "timeout=3", str(tmp_path / "test_hangs.py")],
        capture_output=True, text=True, timeout=300,
    )
    out = done.stdout + done.stderr
    assert done.returncode == 1, out
    assert "1 failed" in out and "Timeout" in out
    assert "never-ends" in out  # the waiting thread's stack is shown too
