"""The statistics of one demo zone are the same on SQLite and on PostgreSQL, row for row."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pg_cluster as pg
import pytest

from yeda_desktop.demo import generate_demo
from yeda_desktop.ledger import reconcile
from yeda_desktop.stats import (
    DIMENSIONS,
    campaign_pair,
    coverage_by,
    estimate_funding,
    gap_counts,
    sweep_progress,
)
from yeda_desktop.storage import Database, open_database

ORGS, SEED = 300, 11


def _zone(target: str) -> Database:
    db = open_database(target)
    generate_demo(db, ORGS, SEED)
    with db.session(officer="测试") as s:
        reconcile(s)
    return db


@pytest.fixture(scope="module")
def sqlite_zone(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    db = _zone(str(Path(tmp_path_factory.mktemp("zone")) / "zone.sqlite"))
    yield db
    db.close()


@pytest.fixture(scope="module")
def postgresql_zone(pg_cluster: pg.Cluster, pg_template: str) -> Iterator[Database]:
    url = pg_cluster.new_database(template=pg_template)
    db = _zone(url)
    yield db
    db.close()
    pg_cluster.drop_database(url)


def _statistics(db: Database) -> dict[str, object]:
    out: dict[str, object] = {}
    with db.reader() as s:
        pair = campaign_pair(s)
        assert pair.current is not None and pair.previous is not None
        before = pair.previous.ends_on or date(2025, 7, 31)
        for dimension in DIMENSIONS:
            out[f"coverage {dimension}"] = coverage_by(s, dimension)
            out[f"coverage {dimension} before"] = coverage_by(s, dimension, before)
            out[f"progress {dimension}"] = sweep_progress(s, pair.current.id, dimension)
            out[f"progress {dimension} before"] = sweep_progress(s, pair.previous.id, dimension)
        out["gaps"] = gap_counts(s)
        out["gaps this campaign"] = gap_counts(s, pair.current.id)
        out["funding"] = estimate_funding(s)
    return out


def test_statistics_agree_between_engines(
    sqlite_zone: Database, postgresql_zone: Database
) -> None:
    on_sqlite, on_postgresql = _statistics(sqlite_zone), _statistics(postgresql_zone)
    assert on_sqlite["coverage all"] and on_sqlite["gaps"]
    for name, value in on_sqlite.items():
        assert on_postgresql[name] == value, name
