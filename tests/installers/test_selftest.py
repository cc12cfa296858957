"""The self-test behind `yeda self-test` and `yeda-desktop --self-test`: passes on a working
installation, fails (exit 1) when any step fails, and never touches the user's data."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from yeda_desktop import __version__, selftest
from yeda_desktop.cli.main import main
from yeda_desktop.gui_main import main as gui_main
from yeda_desktop.storage.paths import data_dir


def test_self_test_passes_and_prints_every_step(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["self-test"]) == 0
    out = capsys.readouterr().out
    for name, _step in selftest.CORE_STEPS:
        assert f"ok    {name}" in out
    assert "no_party_org" in out and "fonts embedded" in out
    assert out.rstrip().endswith("self-test passed")
    assert not data_dir().exists()  # a temporary folder only


def test_a_failing_step_fails_the_self_test(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_pdf(_ctx: selftest.SelfTestContext) -> str:
        raise selftest.SelfTestFailure("no embedded TrueType font")

    steps = [(n, broken_pdf if s is selftest.step_pdf else s) for n, s in selftest.CORE_STEPS]
    monkeypatch.setattr(selftest, "CORE_STEPS", steps)
    out = io.StringIO()
    assert selftest.run_self_test(out=out) is False
    assert "FAIL  render a PDF form" in out.getvalue()
    assert "self-test FAILED (1)" in out.getvalue()


def test_gui_entry_point_runs_the_qt_step_too(tmp_path: Path) -> None:
    # a separate process: the Qt step installs the Chinese translator on its QApplication
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "yeda_desktop.gui_main", "--self-test"],
        capture_output=True, text=True, env=env, timeout=120, cwd=tmp_path,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "ok    Qt: platform, translation, font, icon" in done.stdout
    assert "translation zh_CN (app and Qt)" in done.stdout  # OK/Cancel in Chinese too
    assert "ok    window: views, charts, print preview" in done.stdout


def test_the_window_step_names_a_module_a_build_left_out(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The frozen build had left out QtCharts, QtPdf and QtPrintSupport: it started and
    passed the Qt step, and the statistics tab and the print preview could not load."""
    from yeda_desktop.ui import selftest_gui, window_views

    assert set(window_views.VIEW_MODULES) <= set(selftest_gui.window_modules())
    monkeypatch.setattr(selftest_gui, "FIRST_USE_MODULES",
                        (*selftest_gui.FIRST_USE_MODULES, "PySide6.QtNotInThisBuild"))
    with pytest.raises(selftest.SelfTestFailure, match=r"PySide6\.QtNotInThisBuild"):
        selftest_gui.step_window_modules(selftest.SelfTestContext(Path(".")))


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        gui_main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"yeda-desktop {__version__}"
