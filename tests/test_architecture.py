"""The core stays Qt-free: only yeda_desktop/ui and the GUI entry point may import PySide6."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import yeda_desktop

PACKAGE = Path(yeda_desktop.__file__).parent
GUI_ONLY = {PACKAGE / "ui", PACKAGE / "gui_main.py"}


def _core_modules() -> list[Path]:
    return [
        path
        for path in sorted(PACKAGE.rglob("*.py"))
        if not any(path == gui or gui in path.parents for gui in GUI_ONLY)
    ]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_no_core_module_names_pyside6() -> None:
    offenders = [
        str(path.relative_to(PACKAGE)) for path in _core_modules() if "PySide6" in _imports(path)
    ]
    assert offenders == [], f"core modules importing PySide6: {offenders}"


def test_importing_every_core_module_loads_no_qt() -> None:
    """Catches transitive imports too: load the whole core in a fresh interpreter."""
    modules = []
    for path in _core_modules():
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules.append(".".join(parts))
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "qt = sorted(m for m in sys.modules if m.startswith('PySide6'))\n"
        "print(','.join(qt))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "", f"core imports pulled in Qt: {result.stdout}"


def test_the_check_itself_sees_a_pyside6_import(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("from PySide6.QtCore import QObject\nimport os\n", encoding="utf-8")
    assert "PySide6" in _imports(sample)
