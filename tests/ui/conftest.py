"""GUI tests run offscreen, with temporary settings and databases, never the user's own."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from yeda_desktop.models import Cluster, Subdistrict, Zone
from yeda_desktop.models.enums import ClusterKind
from yeda_desktop.storage import open_database
from yeda_desktop.ui.i18n import install_language, register_cjk_font
from yeda_desktop.ui.settings import AppSettings


@pytest.fixture(scope="session")
def zh_app(qapp: QApplication) -> QApplication:
    """The application in Chinese with the bundled font, as an officer starts it."""
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "/nonexistent")
    install_language(qapp, "zh")
    register_cjk_font(qapp)
    return qapp


@pytest.fixture
def settings(tmp_path: Path) -> Iterator[AppSettings]:
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    yield AppSettings(store)
    store.sync()


@pytest.fixture
def empty_zone(tmp_path: Path) -> Path:
    """A database with a zone, a subdistrict and a cluster, and no building yet."""
    path = tmp_path / "zone.sqlite"
    db = open_database(path)
    with db.session(officer="测试") as s:
        zone = Zone(name="烟台开发区")
        sub = Subdistrict(zone=zone, name="福莱山街道")
        s.add_all([zone, sub, Cluster(subdistrict=sub, name="国际人才港", kind=ClusterKind.PARK)])
    db.close()
    return path
