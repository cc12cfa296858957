"""pyproject lists packages explicitly (two are mapped from top-level folders): none missing."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _declared() -> set[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return set(config["tool"]["setuptools"]["packages"])


def test_every_subpackage_is_declared() -> None:
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "yeda_desktop").rglob("__init__.py")
    }
    missing = sorted(found - _declared())
    assert missing == [], f"add these to [tool.setuptools] packages in pyproject.toml: {missing}"


def test_migrations_and_resources_ship_inside_the_package() -> None:
    declared = _declared()
    assert {
        "yeda_desktop.migrations",
        "yeda_desktop.migrations.versions",
        "yeda_desktop.resources",
    } <= declared
    from importlib.resources import files

    assert (files("yeda_desktop.migrations") / "env.py").is_file()
    assert (files("yeda_desktop.migrations") / "versions" / "0001_core.py").is_file()
