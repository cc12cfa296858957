"""This suite runs on both engines: `db` is a SQLite file, then a PostgreSQL database."""

from __future__ import annotations

import pytest

from yeda_desktop.storage import Database


@pytest.fixture
def db(any_db: Database) -> Database:
    return any_db
