"""Fixtures for the package-exchange tests: a centre and two laptops, each with its own folder.

The centre runs on each engine in turn (`centre_url`: None for a SQLite file, then a
database on the test PostgreSQL server); laptops always keep a SQLite file.
"""

from __future__ import annotations

import pytest
from flow_helpers import Site, centre_and_laptops, run_cli

__all__ = ["Site", "centre_and_laptops", "run_cli"]


@pytest.fixture(params=["sqlite", "postgresql"])
def centre_url(request: pytest.FixtureRequest) -> str | None:
    if request.param == "sqlite":
        return None
    return str(request.getfixturevalue("empty_pg_url"))
