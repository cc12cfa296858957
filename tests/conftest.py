"""Fixtures shared by the whole suite: every test gets fresh, private data folders."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pg_cluster as pg
import pytest
from hypothesis import settings
from sqlalchemy.engine import make_url

from yeda_desktop.storage import Database, open_database

# Qt widgets in any test directory render offscreen (no display needed, none touched).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Property tests explore new examples on every local run; the landing gate (.ci/run sets
# HYPOTHESIS_PROFILE=ci) replays the same ones, so that a red run is a change's doing.
settings.register_profile("ci", derandomize=True, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(autouse=True)
def _private_user_folders(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Never read or write the real user's data, config or database."""
    home = tmp_path_factory.mktemp("home")
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(var, str(home / var.lower()))
    monkeypatch.delenv("YEDA_DB", raising=False)


@pytest.fixture
def english_ui() -> Iterator[None]:
    """The GUI in its source language for one test, even after an earlier test of the
    same run installed the Chinese catalogue (`zh_app` and the app's start parent their
    translators to the application)."""
    from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

    app = QCoreApplication.instance()
    if app is None:  # no application yet: nothing translated
        yield
        return
    chinese = app.findChildren(QTranslator)
    locale = QLocale()
    for translator in chinese:
        app.removeTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    try:
        yield
    finally:
        for translator in chinese:
            app.installTranslator(translator)
        QLocale.setDefault(locale)


@pytest.fixture
def chinese_ui(qapp: Any) -> Iterator[None]:
    """The GUI in Chinese for one test, as an officer sees it, whatever ran before; the
    catalogue goes after (`zh_app` keeps its own for the GUI tests that use it)."""
    from PySide6.QtCore import QLocale, QTranslator

    from yeda_desktop.ui.i18n import install_language

    app = qapp  # pytest-qt's one application
    before = set(app.findChildren(QTranslator))
    locale = QLocale()
    install_language(app, "zh")
    try:
        yield
    finally:
        for translator in set(app.findChildren(QTranslator)) - before:
            app.removeTranslator(translator)
            translator.setParent(None)  # gone now: english_ui must not find it later
        QLocale.setDefault(locale)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "yeda.sqlite"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = open_database(db_path)
    yield database
    database.close()


# --- PostgreSQL: the same suites against a real server started for this run ---------

ENGINES = ["sqlite", "postgresql"]


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[pg.Cluster]:
    reason = pg.unavailable_reason()
    if reason is not None:
        pytest.skip(f"PostgreSQL half skipped: {reason}")
    cluster = pg.Cluster()
    yield cluster
    cluster.stop()


@pytest.fixture(scope="session")
def pg_template(pg_cluster: pg.Cluster) -> str:
    """A database migrated to head once; each test copies it (much faster than migrating)."""
    url = pg_cluster.new_database()
    open_database(url).close()
    name = make_url(url).database
    assert name is not None
    return name


@pytest.fixture
def pg_url(pg_cluster: pg.Cluster, pg_template: str) -> Iterator[str]:
    """A fresh PostgreSQL database at the app's schema, dropped after the test."""
    url = pg_cluster.new_database(template=pg_template)
    yield url
    pg_cluster.drop_database(url)


@pytest.fixture
def empty_pg_url(pg_cluster: pg.Cluster) -> Iterator[str]:
    url = pg_cluster.new_database()
    yield url
    pg_cluster.drop_database(url)


@pytest.fixture(params=ENGINES)
def db_target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """What `--db` would be: a SQLite file, or (second run) a PostgreSQL URL."""
    if request.param == "sqlite":
        return str(tmp_path / "yeda.sqlite")
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def any_db(db_target: str) -> Iterator[Database]:
    """An open database on each engine in turn (tests that hold for both)."""
    database = open_database(db_target)
    yield database
    database.close()
