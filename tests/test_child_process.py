"""The app's second processes start from the frozen app too, through its own program.

The frozen app is simulated: `sys.frozen` set, and `sys.executable` a script that runs
the frozen build's entry point (installers/entry_*.py) with this Python. The real
frozen build runs the same self-test step in CI (.ci/run, `--self-test`).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from yeda_desktop import child_process, selftest
from yeda_desktop.storage import search_worker

INSTALLERS = Path(__file__).resolve().parents[1] / "installers"


def frozen_program(tmp_path: Path, entry: str) -> Path:
    """A stand-in for the frozen app's program: its entry point run by this Python."""
    program = tmp_path / entry.removesuffix(".py")
    program.write_text(f'#!/bin/sh\nexec "{sys.executable}" "{INSTALLERS / entry}" "$@"\n')
    program.chmod(0o755)
    return program


@pytest.mark.parametrize("entry", ["entry_cli.py", "entry_gui.py"])
def test_the_frozen_app_runs_its_second_processes_through_its_own_program(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, entry: str,
) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(frozen_program(tmp_path, entry)))
    assert child_process.command("demo", "3", "7")[:2] == [sys.executable, "--yeda-child"]
    # a large batch gets the search-terms worker (before, a frozen app never did)
    worker = search_worker.prefetch_for({"organizations": 10_000}, "sqlite")
    assert worker is not None
    worker.close()
    search_worker.discard_kept()
    detail = selftest.step_second_processes(selftest.SelfTestContext(tmp_path))
    assert detail == "search terms and demo rows from a second frozen app process"


def test_the_search_terms_child_loads_neither_qt_nor_the_database_layer() -> None:
    """It starts beside every large import: SQLAlchemy and the models would cost it about
    0.7 CPU-seconds on the core the import needs, Qt more."""
    code = (
        "import runpy, sys\n"
        f"sys.argv = [{str(INSTALLERS / 'entry_gui.py')!r}, '--yeda-child', 'search-terms', '5']\n"
        "try:\n"
        "    runpy.run_path(sys.argv[0], run_name='__main__')\n"
        "except SystemExit as done:\n"
        "    code = done.code\n"
        "heavy = [m for m in ('PySide6', 'sqlalchemy', 'yeda_desktop.storage')\n"
        "         if m in sys.modules]\n"
        "sys.stderr.write(f'exit={code} heavy={heavy}')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=120)
    assert done.stderr.endswith("exit=0 heavy=[]"), done.stderr


def test_a_child_runs_this_package_whatever_folder_the_app_was_started_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Started in a folder holding another yeda_desktop (a checkout of another version),
    the child still runs the code its parent runs."""
    decoy = tmp_path / "yeda_desktop"
    decoy.mkdir()
    (decoy / "__init__.py").write_text("import sys\nsys.exit(42)\n")
    monkeypatch.chdir(tmp_path)
    child = child_process.start("search-terms", "5", stdin=subprocess.DEVNULL)
    assert child.stdout is not None
    assert child.stdout.read() == b""  # no import came: nothing to answer
    assert child.wait(timeout=120) == 0


def test_a_users_start_is_not_taken_for_a_child() -> None:
    assert child_process.child_of(["yeda-desktop"]) is None
    assert child_process.child_of(["yeda-desktop", "--self-test"]) is None
    assert child_process.child_of(["yeda", "import", "--yeda-child"]) is None
    assert child_process.child_of(["yeda", "--yeda-child", "demo", "3", "7"]) == ["demo", "3", "7"]


def test_an_unknown_child_is_refused_with_its_name(capsys: pytest.CaptureFixture[str]) -> None:
    assert child_process.main(["nonsense", "1"]) == 2
    assert "unknown child process: nonsense 1" in capsys.readouterr().err
